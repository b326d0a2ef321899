import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { repoRoot, seedPath, SEEDS } from '../support/repo';
import { PROVENANCE_REQUEST, type ProvenanceResponse } from '../../server/src/protocol';

let server: ServerProcess;
const seedsFolder = path.join(repoRoot(), 'seeds');
const uriOf = (name: string) => pathToFileURL(path.join(seedsFolder, name)).toString();

before(async () => {
  server = new ServerProcess();
  await server.initialize(seedsFolder);
});

after(async () => {
  if (server.child.exitCode === null) server.child.kill();
});

test('the Provenance request groups a republished passage with its source and links both spans; 004 credits what it credits', async () => {
  const centcom = fs.readFileSync(seedPath(SEEDS.centcom), 'utf8');
  const copied = centcom.slice(centcom.indexOf('U.S. Central Command last week hosted'), centcom.indexOf('A dozen countries are also involved'));
  // An unsaved buffer in the seeds folder: the server reads open buffers over the disk.
  const copyUri = await server.open(path.join(seedsFolder, 'republished-copy.txt'), `Coalition planners meet\n\nOfficers met in Tampa, a spokesman said.\n\n${copied}`);
  await server.diagnosticsFor(copyUri, () => true);
  // The copy's first diagnostics come before the folder is read; the answer must hold the five seeds as well.
  await server.indexed(Object.keys(SEEDS).length + 1);
  const response = await server.connection.sendRequest(PROVENANCE_REQUEST, {}) as ProvenanceResponse;
  const group = response.groups.find((candidate) => candidate.documents.some((document) => document.uri === copyUri));
  assert.deepEqual(group?.documents.map((document) => document.uri).sort(), [uriOf(SEEDS.centcom), copyUri].sort());
  assert.equal(group?.links[0].reason, 'shared-text');
  const copy = group!.documents.find((document) => document.uri === copyUri)!;
  const [shared] = copy.shared;
  assert.equal(shared.uri, uriOf(SEEDS.centcom));
  assert.equal(shared.passages[0].here.line, 4);
  assert.equal(shared.passages[0].there.uri, uriOf(SEEDS.centcom));
  assert.equal(centcom.split('\n')[shared.passages[0].there.line].slice(shared.passages[0].there.character).slice(0, 20), 'U.S. Central Command');
  const tillerson = response.groups.flatMap((candidate) => candidate.documents).find((document) => document.uri === uriOf(SEEDS.tillerson));
  assert.deepEqual(tillerson?.credits.map((credit) => credit.name), ['Rikard Jozwiak', 'dpa', 'Reuters']);
  const limited = await server.connection.sendRequest(PROVENANCE_REQUEST, { uris: [copyUri, uriOf(SEEDS.kerry)] }) as ProvenanceResponse;
  assert.deepEqual(limited.groups.map((candidate) => candidate.documents.length), [1, 1]);
});

test('a misquote reaches the editor as a warning with the other wording as related information', async () => {
  const uri = await server.open(path.join(seedsFolder, 'other-report.txt'),
    'Tillerson in Kuwait\n\nKUWAIT CITY, February 13, 2018 - Secretary of State Rex Tillerson spoke to the coalition.\n\n"The end of major combat operations does mean we have achieved the enduring defeat," Tillerson told the gathering.\n');
  const diagnostics = await server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'misquote'));
  const misquote = diagnostics.find((diagnostic) => diagnostic.code === 'misquote')!;
  assert.equal(misquote.severity, DiagnosticSeverity.Warning);
  assert.match(String(misquote.message), /a negation differs/);
  assert.match(String(misquote.message), /there: "The end of major combat operations does «not» mean/);
  assert.equal(misquote.relatedInformation?.[0].location.uri, uriOf(SEEDS.tillerson));
});

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ShowMessageNotification, MessageType, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds } from './server-process';
import { SEEDS } from '../support/repo';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

test('malformed settings get a clear message and the defaults; the server keeps working', async () => {
  const folder = copyOfSeeds();
  const server = new ServerProcess({ include: '**/*.txt', severity: { noise: 'loud', colour: 'hint' }, maxProblemsPerFile: -3, inlayHints: { dates: 'yes' } });
  const warning = new Promise<ShowMessageParams>((resolve) => server.connection.onNotification(ShowMessageNotification.type, resolve));
  after(() => { if (server.child.exitCode === null) server.child.kill(); });
  await server.initialize(folder);
  const message = await warning;
  assert.equal(message.type, MessageType.Warning);
  assert.equal(message.message, 'Corroborate settings: corroborate.include must be a list of glob patterns; '
    + "corroborate.severity.noise must be one of error, warning, information, hint; corroborate.severity has an unknown kind 'colour'; "
    + 'corroborate.maxProblemsPerFile must be a number of at least 0; corroborate.inlayHints.dates must be true or false. Using the defaults for those.');
  const uri = pathToFileURL(path.join(folder, SEEDS.kerry)).toString();
  const diagnostics = await server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'noise'));
  assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'noise')?.severity, 4, 'noise keeps its default severity, Hint');
  assert.equal(await server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('binary and invalid UTF-8 files in the workspace are skipped with a log line, never a crash', async () => {
  const folder = copyOfSeeds();
  fs.writeFileSync(path.join(folder, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  fs.writeFileSync(path.join(folder, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const server = new ServerProcess();
  after(() => { if (server.child.exitCode === null) server.child.kill(); });
  const logged: string[] = [];
  server.connection.onNotification('window/logMessage', (params: { message: string }) => { logged.push(params.message); });
  await server.initialize(folder);
  await server.diagnosticsFor(pathToFileURL(path.join(folder, SEEDS.tillerson)).toString());
  assert.ok(logged.some((line) => /skipped .*photo\.txt: a binary file, not text/.test(line)), logged.join('\n'));
  assert.ok(logged.some((line) => /skipped .*latin1\.txt: not valid UTF-8/.test(line)), logged.join('\n'));
  assert.equal(await server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
});

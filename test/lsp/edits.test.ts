// Edits the server offers, applied as the editor would apply them: deleting scraped lines leaves the article's own
// lines in order with no piles of blank lines; the publication date is read as people write it, impossible days refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds, startWithSeedsOpen, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';
import type { EditResult } from '../../server/src/protocol';

let server: ServerProcess;
let folder: string;
const file = (name: string) => path.join(folder, name);
const uriOf = (name: string) => pathToFileURL(file(name)).toString();

before(async () => {
  folder = copyOfSeeds();
  server = new ServerProcess();
  await startWithSeedsOpen(server, folder);
});

after(() => stopAndRemove(server, folder));

/** Text edits applied to a text, as an editor applies one workspace edit (all ranges refer to the text before). */
function applied(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (position: { line: number; character: number }) => (starts[position.line] ?? text.length) + position.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

test('"Delete all scraped lines" keeps every article line in order and leaves no run of blank lines', async () => {
  for (const name of Object.values(SEEDS)) {
    const uri = uriOf(name);
    const text = fs.readFileSync(file(name), 'utf8');
    const diagnostics = await server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'noise'));
    const noise = diagnostics.filter((diagnostic) => diagnostic.code === 'noise');
    const noiseLines = new Set(noise.map((diagnostic: Diagnostic) => diagnostic.range.start.line));
    const actions = await server.codeActions(uri, [noise[0]!]) ?? [];
    const deleteAll = actions.find((action) => /^Delete all \d+ scraped lines/.test(action.title));
    if (!deleteAll) { assert.equal(noise.length, 1, `${name}: no "delete all" with ${noise.length} noise lines`); continue; }
    const after = applied(text, deleteAll.edit!.changes![uri]!);
    assert.doesNotMatch(after, /\n[ \t]*\n[ \t]*\n/, `${name}: a run of blank lines is left:\n${after.slice(0, 400)}`);
    assert.doesNotMatch(after, /^\s*\n/, `${name}: blank lines left at the top`);
    const kept = text.split('\n').filter((line, index) => line.trim() && !noiseLines.has(index));
    assert.deepEqual(after.split('\n').filter((line) => line.trim()), kept, `${name}: article lines lost or moved`);
  }
});

test('the date prompt reads "February 2, 2016" and "2 Feb 2016", and refuses 2016-02-30 with the reason', async () => {
  const uri = uriOf(SEEDS.obama);
  const written = async (date: string) => {
    const result = await server.request<EditResult>('corroborate/documentDateEdit', { uri, date, target: 'corrections' });
    const edit = result.edit as { documentChanges?: Array<{ edits?: Array<{ newText: string }> }> } | undefined;
    return { problem: result.problem, dates: edit ? JSON.parse(edit.documentChanges!.at(-1)!.edits![0]!.newText).documentDates : null };
  };
  assert.deepEqual((await written('February 2, 2016')).dates, { [SEEDS.obama]: '2016-02-02' });
  assert.deepEqual((await written('2 Feb 2016')).dates, { [SEEDS.obama]: '2016-02-02' });
  assert.deepEqual((await written('February 2016')).dates, { [SEEDS.obama]: '2016-02' });
  const impossible = await written('2016-02-30');
  assert.equal(impossible.dates, null);
  assert.match(impossible.problem ?? '', /February 2016 has no day 30/);
  assert.match((await written('02/03/2016')).problem ?? '', /day-first or month-first/);
});

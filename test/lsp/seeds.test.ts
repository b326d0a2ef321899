import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticTag, DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-protocol/node';
import { ServerProcess, positionOf } from './server-process';
import { repoRoot, seedPath, SEEDS } from '../support/repo';

let server: ServerProcess;

before(async () => {
  server = new ServerProcess();
  await server.initialize(path.join(repoRoot(), 'seeds'));
});

after(async () => {
  if (server.child.exitCode === null) server.child.kill();
});

test('scraping noise in a seed is reported as unnecessary, with a quick fix that deletes the line', async () => {
  const file = seedPath(SEEDS.kerry);
  const text = fs.readFileSync(file, 'utf8');
  const uri = await server.open(file);
  const diagnostics = await server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'noise'));
  const pleaseWait = diagnostics.find((diagnostic) => diagnostic.range.start.line === positionOf(text, 'please wait').line);
  assert.ok(pleaseWait, 'no diagnostic on the "please wait" line');
  assert.equal(pleaseWait.source, 'corroborate');
  assert.equal(pleaseWait.code, 'noise');
  assert.equal(pleaseWait.severity, DiagnosticSeverity.Hint);
  assert.deepEqual(pleaseWait.tags, [DiagnosticTag.Unnecessary]);
  for (const furniture of ['Accessibility links', 'No media source currently available', '0:00 0:03:35 0:00', 'XS', 'LG']) {
    const line = text.split('\n').findIndex((candidate) => candidate.trim() === furniture);
    assert.ok(line >= 0);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'noise' && diagnostic.range.start.line === line), `"${furniture}" not flagged`);
  }
  const repeatedHeadline = positionOf(text, 'Kerry on Winning the Fight Against ISIL', 2).line;
  assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'noise' && diagnostic.range.start.line === repeatedHeadline), 'repeated headline not flagged');
  assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'noise' && diagnostic.range.start.line === positionOf(text, 'Kerry on Winning').line),
    'the headline itself must not be flagged');

  const actions = await server.codeActions(uri, [pleaseWait]);
  const deleteLine = actions?.find((action) => action.isPreferred);
  assert.ok(deleteLine?.edit?.changes, 'no preferred quick fix with an edit');
  const edits = deleteLine.edit.changes[uri] as TextEdit[];
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0].range, { start: { line: pleaseWait.range.start.line, character: 0 }, end: { line: pleaseWait.range.start.line + 1, character: 0 } });
  assert.equal(edits[0].newText, '');
});

test('hovering a figure lists the same measure in the other sources, with dates', async () => {
  const file = seedPath(SEEDS.kerry);
  const text = fs.readFileSync(file, 'utf8');
  const uri = await server.open(file);
  const paragraph = text.indexOf('Some 10,000 Coalition airstrikes assisted in making these victories possible. These sorties');
  const before = text.slice(0, paragraph).split('\n');
  const hover = await server.hover(uri, { line: before.length - 1, character: 'Some 1'.length });
  assert.ok(hover, 'no hover on 10,000');
  const markdown = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(markdown, /more than 3,700 airstrikes/);
  assert.match(markdown, /6 May 2015/);
  assert.match(markdown, /more than 10,000 strikes/);
  assert.match(markdown, /003_a8a8b5ddc81d522f\.txt#L\d+,\d+/, 'no link to the figure in 003');
});

test('each document gets a summary code lens on its first line', async () => {
  const uri = await server.open(seedPath(SEEDS.centcom));
  const lenses = await server.codeLenses(uri);
  assert.ok(lenses && lenses.length > 0);
  const summary = lenses.find((lens) => lens.command?.command === 'corroborate.showTimeline');
  assert.ok(summary?.command);
  assert.equal(summary.range.start.line, 0);
  assert.match(summary.command.title, /^6 May 2015 \(from the text\) · \d+ entities · \d+ figures · 1 quote · \d+ conflicts?/);
});

test('shutdown and exit end the process with status 0', async () => {
  assert.equal(await server.shutdown(), 0);
});

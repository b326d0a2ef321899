// Analysis in worker threads (issue 13): while a 20 MB document is analysed the server answers requests about the
// other documents and diagnoses their edits; a document closed while analysed has its work stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, type Hover } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds, positionOf, startWithSeedsOpen, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';
import { LARGEST_SOURCE_BYTES } from '../../server/src/source-files';
import { AnalysisPool, workerFile } from '../../server/src/lsp/analysis-pool';

/** Just under the size limit: the seeds' text, many lines of it, over and over. */
function hugeText(folder: string): string {
  const seeds = Object.values(SEEDS).map((name) => fs.readFileSync(path.join(folder, name), 'utf8')).join('\n\n');
  return seeds.repeat(Math.floor((LARGEST_SOURCE_BYTES - 1024) / Buffer.byteLength(seeds)));
}

const markdownOf = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

/** A server with the seeds open and diagnosed, `workers` analysis threads (the default when undefined). */
async function started(workers?: number): Promise<{ server: ServerProcess; folder: string; uriOf(name: string): string }> {
  const before = process.env.CORROBORATE_ANALYSIS_WORKERS;
  if (workers === undefined) delete process.env.CORROBORATE_ANALYSIS_WORKERS;
  else process.env.CORROBORATE_ANALYSIS_WORKERS = String(workers);
  const server = new ServerProcess();
  if (before === undefined) delete process.env.CORROBORATE_ANALYSIS_WORKERS;
  else process.env.CORROBORATE_ANALYSIS_WORKERS = before;
  const folder = copyOfSeeds();
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  await startWithSeedsOpen(server, folder);
  await server.indexed(Object.keys(SEEDS).length);
  for (const name of Object.values(SEEDS)) await server.diagnosticsFor(uriOf(name), () => true);
  return { server, folder, uriOf };
}

/** Types a line at the end of the seed and resolves with the diagnostics that show it as a repeated line. */
async function typeRepeatedLine(server: ServerProcess, uri: string, text: string, version: number): Promise<void> {
  const lines = text.split('\n');
  const repeated = lines.find((line) => line.trim().length >= 40)!;
  const end = { line: lines.length - 1, character: lines.at(-1)!.length };
  const shown = server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'noise' && diagnostic.range.start.line === lines.length));
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version },
    contentChanges: [{ range: { start: end, end }, text: `\n${repeated}` }] });
  await shown;
}

test('while a 20 MB document is analysed, hovers on other documents are answered and their edits diagnosed', { timeout: 120_000 }, async () => {
  const { server, folder, uriOf } = await started();
  const announced = new Promise<string>((resolve) => server.connection.onNotification('$/progress', ({ value }: { value: { kind: string; title?: string } }) => {
    if (value.kind === 'begin' && value.title?.includes('huge-article.txt')) resolve(value.title);
  }));
  const hugeUri = await server.open(path.join(folder, 'huge-article.txt'), hugeText(folder));
  assert.match(await announced, /analysing huge-article\.txt/);
  const kerry = fs.readFileSync(path.join(folder, SEEDS.kerry), 'utf8');
  const hover = await server.hover(uriOf(SEEDS.kerry), positionOf(kerry, 'Kerry'));
  assert.match(markdownOf(hover), /Kerry/);
  assert.equal(server.published(hugeUri), undefined, 'the hover waited for the 20 MB document to be analysed');
  await typeRepeatedLine(server, uriOf(SEEDS.kerry), kerry, 2);
  assert.equal(server.published(hugeUri), undefined, 'the edit was diagnosed only after the 20 MB document');
  await stopAndRemove(server, folder);
});

test('a worker analysing a large text nobody wants any more is stopped, and the pool goes on with the next text', { timeout: 120_000 }, async () => {
  const entry = workerFile(path.join(__dirname, '..', '..', 'server', 'src', 'lsp'));
  assert.ok(entry, 'no analysis-worker.js beside analysis-pool.js');
  const pool = new AnalysisPool(entry, 1, () => undefined);
  const folder = copyOfSeeds();
  try {
    const huge = pool.analyse('huge', hugeText(folder), undefined, true);
    const replaced = pool.analyse('huge', fs.readFileSync(path.join(folder, SEEDS.kerry), 'utf8'), undefined, true);
    assert.equal(await huge, null);
    const outcome = await replaced;
    assert.ok(outcome && 'json' in outcome && JSON.parse(outcome.json).entities.length > 0);
    assert.equal(pool.stoppedForStaleWork, 1);
    assert.equal(pool.pending, 0);
  } finally {
    await pool.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('once nothing waits or runs, the workers beyond the first stop at once (their heaps are not held while views are built)', { timeout: 120_000 }, async () => {
  const entry = workerFile(path.join(__dirname, '..', '..', 'server', 'src', 'lsp'));
  assert.ok(entry, 'no analysis-worker.js beside analysis-pool.js');
  const pool = new AnalysisPool(entry, 2, () => undefined);
  const folder = copyOfSeeds();
  try {
    const texts = Object.values(SEEDS).slice(0, 3).map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
    const outcomes = texts.map((text, index) => pool.analyse(`seed-${index}`, text, undefined, false));
    assert.equal(pool.running, 2, 'work waited for a second worker');
    for (const outcome of await Promise.all(outcomes)) assert.ok(outcome && 'json' in outcome);
    assert.equal(pool.pending, 0);
    assert.equal(pool.running, 1, 'the second worker was kept although nothing was left to do');
    // The first one still answers.
    const again = await pool.analyse('seed-0', texts[0], undefined, false);
    assert.ok(again && 'json' in again);
  } finally {
    await pool.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('closing a document while it is analysed drops that work: the only worker goes on with the next edit', { timeout: 120_000 }, async () => {
  const { server, folder, uriOf } = await started(1);
  const hugeFile = path.join(folder, 'huge-article.txt');
  const hugeUri = await server.open(hugeFile, hugeText(folder));
  // The document never was on disk: closed, it leaves the index and its analysis is no longer wanted.
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: hugeUri } });
  const kerry = fs.readFileSync(path.join(folder, SEEDS.kerry), 'utf8');
  await typeRepeatedLine(server, uriOf(SEEDS.kerry), kerry, 2);
  assert.ok(!(server.published(hugeUri) ?? []).length, 'the closed document has diagnostics');
  await stopAndRemove(server, folder);
});

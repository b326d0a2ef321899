#!/usr/bin/env node
// npm run bench:latency — the language server (dist/server.js over stdio) in a workspace of 1,000 generated
// articles: start-up, hover and code lens latency, and the time from a keystroke in a 10 KB document to its
// new diagnostics. Prints p50/p95/max in milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { writeCorpus, percentile, repoRoot } from './corpus.mjs';

const require = createRequire(import.meta.url);
const { ServerProcess } = require(path.join(repoRoot(), 'out', 'test', 'lsp', 'server-process.js'));
const { DidChangeTextDocumentNotification } = require('vscode-languageserver-protocol/node');

const DOCUMENTS = Number(process.env.DOCUMENTS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 200);
const folder = writeCorpus(DOCUMENTS, (index) => (index === 0 ? 10_000 : 3_000));
const big = path.join(folder, 'doc-0000.txt');
const bigUri = pathToFileURL(big).toString();
const report = (label, values) => console.log(`${label.padEnd(40)} p50 ${percentile(values, 50).toFixed(1).padStart(6)}  p95 ${percentile(values, 95).toFixed(1).padStart(6)}  max ${Math.max(...values).toFixed(1).padStart(6)} ms  (n=${values.length})`);
const now = () => Number(process.hrtime.bigint()) / 1e6;

const server = new ServerProcess();
const started = now();
await server.initialize(folder);
const lastUri = pathToFileURL(path.join(folder, `doc-${String(DOCUMENTS - 1).padStart(4, '0')}.txt`)).toString();
await server.diagnosticsFor(lastUri, () => true);
console.log(`workspace: ${DOCUMENTS} documents, ${(fs.readdirSync(folder).reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0) / 1e6).toFixed(1)} MB`);
console.log(`${'start-up to every document diagnosed'.padEnd(40)} ${(now() - started).toFixed(0)} ms`);

let text = fs.readFileSync(big, 'utf8');
await server.open(big, text);
const figurePositions = [];
for (const match of text.matchAll(/\d{1,3}(,\d{3})+|\d+ percent/g)) {
  const before = text.slice(0, match.index).split('\n');
  figurePositions.push({ line: before.length - 1, character: before.at(-1).length + 1 });
}
const hovers = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = now();
  await server.hover(bigUri, figurePositions[round % figurePositions.length]);
  hovers.push(now() - start);
}
report('hover on a figure', hovers);

const lenses = [];
for (let round = 0; round < ROUNDS; round++) {
  const uri = round % 2 ? bigUri : pathToFileURL(path.join(folder, `doc-${String(round % DOCUMENTS).padStart(4, '0')}.txt`)).toString();
  const start = now();
  await server.codeLenses(uri);
  lenses.push(now() - start);
}
report('code lens (whole document)', lenses);

const keystrokes = [];
for (let round = 0; round < Math.min(ROUNDS, 100); round++) {
  const offset = Math.floor(text.length / 2) + round;
  const before = text.slice(0, offset).split('\n');
  text = `${text.slice(0, offset)}x${text.slice(offset)}`;
  const arrived = server.nextDiagnosticsFor(bigUri);
  const start = now();
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: bigUri, version: round + 2 },
    contentChanges: [{ range: { start: { line: before.length - 1, character: before.at(-1).length }, end: { line: before.length - 1, character: before.at(-1).length } }, text: 'x' }],
  });
  await arrived;
  keystrokes.push(now() - start);
}
report('keystroke in a 10 KB document → diagnostics', keystrokes);

// The same keystrokes in-process: re-analysing the document alone, then the cross-document refresh.
const { WorkspaceIndex } = require(path.join(repoRoot(), 'out', 'server', 'src', 'core', 'index', 'workspace-index.js'));
const index = new WorkspaceIndex();
for (const name of fs.readdirSync(folder).sort()) index.set(name, fs.readFileSync(path.join(folder, name), 'utf8'));
index.crossDocument();
const reanalysis = [];
const refresh = [];
let local = fs.readFileSync(big, 'utf8');
for (let round = 0; round < 100; round++) {
  const offset = Math.floor(local.length / 2) + round;
  local = `${local.slice(0, offset)}x${local.slice(offset)}`;
  let start = now();
  index.set('doc-0000.txt', local);
  reanalysis.push(now() - start);
  start = now();
  index.crossDocument();
  refresh.push(now() - start);
}
report('keystroke: re-analysis of the document', reanalysis);
report('keystroke: cross-document refresh', refresh);
await server.shutdown();
fs.rmSync(folder, { recursive: true, force: true });

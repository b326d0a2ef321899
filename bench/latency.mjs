#!/usr/bin/env node
// npm run bench:latency [-- --documents 10000] — the built language server (dist/server.js) over stdio in a workspace
// of real articles (bench/real-corpus.mjs): cold start until every document is diagnosed, an opened file's first
// diagnostics, then keystrokes in one document, each followed, while the server's background pass runs, by hover,
// code lens, references and workspace-symbol requests. Prints p50/p95/p99 in milliseconds against the targets and
// exits 1 when one is missed. A second start on the same folder and storage measures the warm start.
//   DOCUMENTS=10000 ROUNDS=40 SEED=1 node bench/latency.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { percentile, repoRoot } from './corpus.mjs';
import { temporaryRealCorpus } from './real-corpus.mjs';

const require = createRequire(import.meta.url);
const { ServerProcess } = require(path.join(repoRoot(), 'out', 'test', 'lsp', 'server-process.js'));
const {
  DidChangeTextDocumentNotification, ReferencesRequest, WorkspaceSymbolRequest, SemanticTokensRequest,
} = require('vscode-languageserver-protocol/node');

const argument = (flag) => { const at = process.argv.indexOf(flag); return at > 0 ? process.argv[at + 1] : undefined; };
const DOCUMENTS = Number(argument('--documents') ?? process.env.DOCUMENTS ?? 1000);
const ROUNDS = Number(argument('--rounds') ?? process.env.ROUNDS ?? 40);
const SEED = Number(process.env.SEED ?? 1);
/** No wait in this benchmark lasts longer: a server that takes longer has missed every target anyway. */
const GIVE_UP_MS = Number(process.env.GIVE_UP_MS ?? 600_000);

// Targets of issue 12, set for 10,000 documents on a 2-core machine; smaller workspaces are held to the same.
const TARGETS = {
  'cold start to every document diagnosed': 30_000,
  "opened file's first diagnostics": 1_500,
  'hover p95': 20,
  'references p95': 50,
  "keystroke -> the document's diagnostics p95": 100,
  'keystroke -> affected documents p95': 2_000,
  'server peak RSS (MB)': 1_500,
  'warm start to every document diagnosed': 5_000,
};

const now = () => Number(process.hrtime.bigint()) / 1e6;
const measured = {};
const line = (label, text) => console.log(`${label.padEnd(46)} ${text}`);
function report(label, values) {
  if (!values.length) { line(label, 'no samples'); return; }
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(values, p));
  line(label, `p50 ${p50.toFixed(1).padStart(7)}  p95 ${p95.toFixed(1).padStart(7)}  p99 ${p99.toFixed(1).padStart(7)}  max ${Math.max(...values).toFixed(1).padStart(7)} ms  (n=${values.length})`);
  measured[`${label} p95`] = p95;
}
function single(label, value, unit = 'ms') {
  line(label, value === null ? 'timed out' : `${value.toFixed(0)} ${unit}`);
  measured[label] = value ?? Infinity;
}

/** Resolves with the milliseconds `promise` took from `start`, or null once GIVE_UP_MS have passed. */
function within(promise, start) {
  let timer;
  return Promise.race([promise.then(() => now() - start), new Promise((resolve) => { timer = setTimeout(() => resolve(null), GIVE_UP_MS); })])
    .finally(() => clearTimeout(timer));
}

function peakRssMegabytes(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch { return NaN; }
}

/** A server whose "index changed" notifications can be awaited: one is sent after each pass over the workspace. */
function startServer(storage) {
  const server = new ServerProcess({}, { storagePath: storage });
  const waiters = [];
  server.indexChanges = 0;
  server.connection.onNotification('corroborate/indexChanged', (params) => {
    server.indexChanges++;
    server.lastIndexChange = params;
    for (const waiter of waiters.splice(0)) waiter(params);
  });
  server.nextIndexChange = (accept = () => true) => new Promise((resolve) => {
    const check = (params) => (accept(params) ? resolve(params) : waiters.push(check));
    waiters.push(check);
  });
  return server;
}

const generated = now();
const { folder, names } = temporaryRealCorpus(DOCUMENTS, SEED);
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-storage-'));
const bytes = names.reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0);
console.log(`workspace: ${DOCUMENTS} real-text articles (bench/real-corpus.mjs, seed ${SEED}), ${(bytes / 1e6).toFixed(1)} MB, generated in ${((now() - generated) / 1000).toFixed(1)} s`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}; node ${process.version}`);

// ---- cold start, with one file opened as the editor restores it (its text equals the disk) ----
const uriOf = (name) => pathToFileURL(path.join(folder, name)).toString();
const openedName = names[Math.floor(names.length / 2)];
const editedName = names.reduce((best, name) => (fs.statSync(path.join(folder, name)).size > fs.statSync(path.join(folder, best)).size && fs.statSync(path.join(folder, name)).size < 12_000 ? name : best), names[1]);
let server = startServer(storage);
let started = now();
const everyDocument = server.nextIndexChange((params) => params.documents >= DOCUMENTS);
await server.initialize(folder);
const openedUri = await server.open(path.join(folder, openedName));
single("opened file's first diagnostics", await within(server.diagnosticsFor(openedUri, () => true), started));
single('cold start to every document diagnosed', await within(everyDocument, started));

// ---- keystrokes in one document, with requests sent while the background pass runs ----
const editedFile = path.join(folder, editedName);
const editedUri = uriOf(editedName);
let text = fs.readFileSync(editedFile, 'utf8');
await server.open(editedFile, text);
await within(server.diagnosticsFor(editedUri, () => true), now());
const lineOf = (offset) => { const before = text.slice(0, offset).split('\n'); return { line: before.length - 1, character: before.at(-1).length }; };
const tokens = (await server.request(SemanticTokensRequest.method, { textDocument: { uri: editedUri } }))?.data ?? [];
const entityPositions = [];
for (let index = 0, lineNumber = 0, character = 0; index < tokens.length; index += 5) {
  lineNumber += tokens[index];
  character = tokens[index] ? tokens[index + 1] : character + tokens[index + 1];
  entityPositions.push({ line: lineNumber, character: character + 1 });
}
const figurePositions = [...text.matchAll(/\d[\d,.]*( percent|%| million| billion)?/g)].map((match) => lineOf(match.index));
const hoverPositions = [...entityPositions, ...figurePositions];
const symbolQueries = [...new Set([...text.matchAll(/\b\p{Lu}\p{Ll}{3,}/gu)].map((match) => match[0].slice(0, 4)))];
if (!entityPositions.length) entityPositions.push(lineOf(Math.floor(text.length / 2)));

// Each keystroke types one letter into a name in the middle of the document, so spellings change as a user's would.
const nameOffsets = [...text.matchAll(/\b\p{Lu}\p{Ll}{4,}/gu)].map((match) => match.index + 2);
const hovers = [], lenses = [], referenceTimes = [], symbolTimes = [], ownDiagnostics = [], affected = [];
let version = 2;
for (let round = 0; round < ROUNDS; round++) {
  const offset = nameOffsets.length ? nameOffsets[(round * 7) % nameOffsets.length] : Math.floor(text.length / 2);
  const at = lineOf(offset);
  text = `${text.slice(0, offset)}e${text.slice(offset)}`;
  const ownArrived = server.nextDiagnosticsFor(editedUri);
  const passDone = server.nextIndexChange();
  let settled = false;
  void passDone.then(() => { settled = true; });
  const start = now();
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: editedUri, version: version++ },
    contentChanges: [{ range: { start: at, end: at }, text: 'e' }],
  });
  const own = within(ownArrived, start).then((ms) => { if (ms !== null) ownDiagnostics.push(ms); });
  // Requests while the change is being worked through: at least one of each per keystroke.
  for (let request = 0; request === 0 || (!settled && request < 20); request++) {
    const position = hoverPositions[(round * 3 + request) % hoverPositions.length];
    let begin = now();
    await server.hover(editedUri, position);
    hovers.push(now() - begin);
    begin = now();
    await server.request(ReferencesRequest.method, { textDocument: { uri: editedUri }, position: entityPositions[(round + request) % entityPositions.length], context: { includeDeclaration: true } });
    referenceTimes.push(now() - begin);
    begin = now();
    await server.codeLenses(request % 2 ? editedUri : uriOf(names[(round * 31 + request) % names.length]));
    lenses.push(now() - begin);
    begin = now();
    await server.request(WorkspaceSymbolRequest.method, { query: symbolQueries[(round + request) % Math.max(1, symbolQueries.length)] ?? 'Sen' });
    symbolTimes.push(now() - begin);
  }
  await own;
  const done = await within(passDone, start);
  if (done !== null) affected.push(done);
}
console.log(`keystrokes: ${ROUNDS} in ${editedName} (${(Buffer.byteLength(text) / 1000).toFixed(1)} KB); requests sent while the server works`);
report('hover', hovers);
report('references', referenceTimes);
report('code lens', lenses);
report('workspace symbols (four-letter query)', symbolTimes);
report("keystroke -> the document's diagnostics", ownDiagnostics);
report('keystroke -> affected documents', affected);
let begin = now();
const everySymbol = await server.request(WorkspaceSymbolRequest.method, { query: '' });
line('workspace symbols, empty query', `${(now() - begin).toFixed(0)} ms (${everySymbol?.length ?? 0} symbols)`);
single('server peak RSS (MB)', peakRssMegabytes(server.child.pid), 'MB');
await server.shutdown();

// ---- warm start: the same folder and storage, a new server ----
server = startServer(storage);
started = now();
const warm = server.nextIndexChange((params) => params.documents >= DOCUMENTS);
await server.initialize(folder);
single('warm start to every document diagnosed', await within(warm, started));
// The first answer that needs the cross-document view (built afresh after a start, whatever the cache holds).
await server.hover(editedUri, hoverPositions[0] ?? { line: 0, character: 0 });
line('warm start to the first hover answered', `${(now() - started).toFixed(0)} ms`);
await server.shutdown();
fs.rmSync(folder, { recursive: true, force: true });
fs.rmSync(storage, { recursive: true, force: true });

let missed = 0;
console.log('\ntargets (issue 12, set for 10,000 documents):');
for (const [label, limit] of Object.entries(TARGETS)) {
  const value = measured[label];
  const met = value !== undefined && value <= limit;
  if (!met) missed++;
  line(`  ${label}`, `${value === undefined ? 'not measured' : value === Infinity ? 'timed out' : value.toFixed(1)} <= ${limit}  ${met ? 'met' : 'MISSED'}`);
}
process.exit(missed ? 1 : 0);

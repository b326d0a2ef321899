#!/usr/bin/env node
// npm run bench:soak [-- --minutes N] — simulated editing on the language server (dist/server.js over stdio) in a
// workspace of 1,000 generated articles, for N minutes (default 30). Each cycle opens a document, types a line
// that repeats one of its own lines (so a noise diagnostic must appear over it), waits for those
// diagnostics, deletes the line again, waits for them to go, asks for hovers meanwhile, and closes the document
// or announces it as changed on disk. Prints the server's resident memory over time (from /proc, so Linux only). Exits non-zero when a
// diagnostic is lost (not published within 30 s of the last keystroke) or when memory after the warm-up
// (the first 5 minutes, or the first sixth of a shorter run) grows by more than 10% (medians of the first and last
// quarter of the samples after the warm-up).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { percentile, random, repoRoot } from './corpus.mjs';
import { temporaryRealCorpus } from './real-corpus.mjs';

const require = createRequire(import.meta.url);
const { ServerProcess } = require(path.join(repoRoot(), 'out', 'test', 'lsp', 'server-process.js'));
const { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, FileChangeType } = require('vscode-languageserver-protocol/node');

const option = (name, fallback) => { const at = process.argv.indexOf(name); return at >= 0 ? Number(process.argv[at + 1]) : fallback; };
const MINUTES = option('--minutes', Number(process.env.SOAK_MINUTES ?? 30));
const DOCUMENTS = option('--documents', 1000);
const WARM_UP_MS = Math.min(5, MINUTES / 6) * 60_000;
const SAMPLE_MS = Math.max(5_000, Math.min(30_000, (MINUTES * 60_000) / 40));
const LOST_AFTER_MS = 30_000;
const KEYSTROKE_MS = 40;
const LARGEST_GROWTH = 0.10;

const { folder } = temporaryRealCorpus(DOCUMENTS);
const files = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(folder, name));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const linesOf = (text) => text.split(/\r\n|\r|\n/);
const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const server = new ServerProcess();
const started = now();
await server.initialize(folder);
await server.diagnosticsFor(pathToFileURL(files.at(-1)).toString(), () => true);
console.log(`workspace: ${DOCUMENTS} documents; every document diagnosed ${((now() - started) / 1000).toFixed(1)} s after start; soak of ${MINUTES} min, warm-up ${(WARM_UP_MS / 60_000).toFixed(1)} min`);

const samples = [];
const sample = () => {
  const rss = rssOf(server.child.pid);
  samples.push({ at: now() - started, rss });
  return rss;
};
const next = random(3);
const diagnosticLatencies = [];
const hoverLatencies = [];
let cycles = 0;
let lost = 0;
let lastSample = -Infinity;
const soakStart = now();
console.log('minute    RSS MB   cycles   lost   diagnostics p95 ms   hover p95 ms');

/** Waits until `accept` holds for the published diagnostics of `uri`, or LOST_AFTER_MS: returns the wait or null. */
async function published(uri, accept, what) {
  const from = now();
  let latest = [];
  const waited = await Promise.race([server.diagnosticsFor(uri, (list) => { latest = list; return accept(list); }).then(() => now() - from),
    pause(LOST_AFTER_MS).then(() => null)]);
  if (waited === null) {
    lost++;
    const kinds = {};
    for (const diagnostic of latest) kinds[diagnostic.code] = (kinds[diagnostic.code] ?? 0) + 1;
    console.log(`  lost: ${what} for ${path.basename(new URL(uri).pathname)}; the last published: ${JSON.stringify(kinds)}`);
  }
  return waited;
}

while (now() - soakStart < MINUTES * 60_000) {
  const file = files[Math.floor(next() * files.length)];
  const uri = pathToFileURL(file).toString();
  const text = fs.readFileSync(file, 'utf8');
  await server.open(file, text);
  let version = 1;
  const lines = linesOf(text);
  // A sentence of the body (front matter is not article text), typed again at the end: a repeat the server flags.
  const bodyFrom = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  const repeated = lines.slice(bodyFrom).find((line) => line.trim().length >= 40 && line.length <= 300) ?? lines[bodyFrom];
  const at = { line: lines.length - 1, character: lines.at(-1).length };
  const typed = `\n${repeated}`;
  // Typing: a few characters per keystroke, with a hover now and then, as an editor sends them.
  for (let offset = 0; offset < typed.length; offset += 12) {
    const chunk = typed.slice(offset, offset + 12);
    const before = linesOf(typed.slice(0, offset));
    const position = { line: at.line + before.length - 1, character: (before.length === 1 ? at.character : 0) + before.at(-1).length };
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: chunk }] });
    if (next() < 0.15) {
      const from = now();
      await server.hover(uri, { line: Math.floor(next() * lines.length), character: 3 });
      hoverLatencies.push(now() - from);
    }
    await pause(KEYSTROKE_MS);
  }
  const newLine = at.line + 1;
  // Noise over the whole typed line (a repeat, or site furniture when the line copied is some), not over the
  // half-typed prefix published meanwhile.
  const onNewLine = (list) => list.some((diagnostic) => diagnostic.code === 'noise' && diagnostic.range.start.line === newLine
    && diagnostic.range.end.character === repeated.trimEnd().length);
  const shown = await published(uri, onNewLine, 'the repeated line typed');
  if (shown !== null) diagnosticLatencies.push(shown);
  // The line deleted again: its diagnostic must go.
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version },
    contentChanges: [{ range: { start: at, end: { line: newLine, character: repeated.length } }, text: '' }] });
  await published(uri, (list) => !onNewLine(list), 'the repeated line deleted');
  if (next() < 0.7) await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  else {
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    fs.writeFileSync(file, text);
    await server.fileChanged(file, FileChangeType.Changed);
  }
  cycles++;
  if (now() - lastSample >= SAMPLE_MS) {
    lastSample = now();
    const rss = sample();
    const p95 = (values) => (values.length ? percentile(values, 95).toFixed(0) : '-');
    console.log(`${((now() - soakStart) / 60_000).toFixed(1).padStart(6)} ${rss.toFixed(1).padStart(9)} ${String(cycles).padStart(8)} ${String(lost).padStart(6)} ${p95(diagnosticLatencies).padStart(20)} ${p95(hoverLatencies).padStart(14)}`);
  }
}
sample();
assert(server.child.exitCode === null, 'the server is still running');
await server.shutdown();
fs.rmSync(folder, { recursive: true, force: true });

// The heap swings by large transient allocations between collections, so single samples say little: the median
// of the first quarter after the warm-up is compared with the median of the last quarter.
const afterWarmUp = samples.filter((entry) => entry.at - (soakStart - started) >= WARM_UP_MS);
const quarter = Math.max(1, Math.floor(afterWarmUp.length / 4));
const median = (entries) => { const sorted = entries.map((entry) => entry.rss).sort((a, b) => a - b); return sorted[Math.floor(sorted.length / 2)]; };
const baseline = afterWarmUp.length ? median(afterWarmUp.slice(0, quarter)) : undefined;
const final = afterWarmUp.length ? median(afterWarmUp.slice(-quarter)) : undefined;
const growth = baseline ? final / baseline - 1 : 0;
console.log(`RSS median of the first quarter after the warm-up ${baseline?.toFixed(1)} MB, of the last quarter ${final?.toFixed(1)} MB: growth ${(growth * 100).toFixed(1)}% (target <= ${LARGEST_GROWTH * 100}%); largest sample ${Math.max(...samples.map((entry) => entry.rss)).toFixed(1)} MB`);
console.log(`${cycles} edit cycles, ${lost} diagnostics lost (target 0)`);
let failed = false;
if (lost > 0) { failed = true; console.log('missed: diagnostics were lost'); }
if (!baseline || afterWarmUp.length < 8) { failed = true; console.log('missed: too few memory samples after the warm-up; run longer'); }
else if (growth > LARGEST_GROWTH) { failed = true; console.log(`missed: memory grew ${(growth * 100).toFixed(1)}% after the warm-up`); }
process.exit(failed ? 1 : 0);

function assert(condition, message) {
  if (!condition) { console.log(`missed: ${message}`); process.exit(1); }
}

#!/usr/bin/env -S node --expose-gc
// The cold cross-document view on a large real-text folder (bench/real-corpus.mjs), in-process and step by step: CPU
// seconds and the heap kept after each step (entity linking, stories, figure groups, tables), then provenance and the
// diagnostics of every document, as the language server does them after a cold start. With --cache DIR the analyses
// are kept in DIR (one JSON line per document) and read back on the next run, so that only the view is measured again.
// With --dump FILE every document's diagnostics, the stories, figure groups, entities and shared passages are written
// to FILE, to compare two builds byte for byte.
//
// With --snapshot FILE a heap snapshot is written at the end (the index, the view and the diagnostics still held).
//
//   node --expose-gc bench/view-scale.mjs --documents 10000 [--cache /tmp/view-cache] [--dump after.jsonl] [--snapshot heap.heapsnapshot]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { repoRoot } from './corpus.mjs';
import { writeRealCorpus } from './real-corpus.mjs';

const require = createRequire(import.meta.url);
const core = (file) => require(path.join(repoRoot(), 'out', 'server', 'src', 'core', file));
const { analyzeDocument } = core('analyze.js');
const { WorkspaceIndex } = core('index/workspace-index.js');
const { diagnoseDocument } = core('features/diagnostics.js');
const argument = (flag) => { const at = process.argv.indexOf(flag); return at > 0 ? process.argv[at + 1] : undefined; };
if (typeof globalThis.gc !== 'function') { console.error('run with node --expose-gc'); process.exit(2); }

const count = Number(argument('--documents') ?? 1000);
const cacheFolder = argument('--cache');
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1e6; };
const heap = () => { globalThis.gc(); return `heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`; };

const folder = cacheFolder ? path.join(cacheFolder, `corpus-${count}`) : fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-view-'));
if (!fs.existsSync(path.join(folder, 'done'))) { writeRealCorpus({ documents: count, folder }); fs.writeFileSync(path.join(folder, 'done'), ''); }
const names = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
const texts = names.map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
const analysesFile = cacheFolder ? path.join(cacheFolder, `analyses-${count}.jsonl`) : null;
let lines;
if (analysesFile && fs.existsSync(analysesFile)) lines = fs.readFileSync(analysesFile, 'utf8').split('\n').filter(Boolean);
else {
  const start = cpu();
  lines = names.map((name, position) => { const { path: _path, text: _text, ...rest } = analyzeDocument(name, texts[position]); return JSON.stringify(rest); });
  console.log(`${count} documents analysed: ${(cpu() - start).toFixed(1)} s CPU`);
  if (analysesFile) fs.writeFileSync(analysesFile, `${lines.join('\n')}\n`);
}
if (!cacheFolder) fs.rmSync(folder, { recursive: true, force: true });

const index = new WorkspaceIndex();
names.forEach((name, position) => index.setAnalysed(name, texts[position], { path: name, text: texts[position], ...JSON.parse(lines[position]) }));
lines = null;
console.log(`${count} analyses in the index: ${heap()}`);
let start = cpu();
// As the server does: diagnostics are wanted, so the view keeps the facts they read up to date.
index.diagnosticFacts();
index.takeAffected();
console.log(`${'diagnostic facts'.padEnd(20)} ${(cpu() - start).toFixed(2).padStart(6)} s CPU  ${heap()}`);
// Linking, stories, figure groups and the tables yield between small steps: the longest unbroken step is what a request
// arriving meanwhile may wait for.
const pauses = [];
const viewStart = cpu();
start = cpu();
const view = await index.crossDocumentInSteps(() => { const now = cpu(); pauses.push(now - start); start = now; });
pauses.push(cpu() - start);
const longest = pauses.map((seconds, at) => [seconds, at]).sort((a, b) => b[0] - a[0]).slice(0, 4).map(([seconds, at]) => `${(seconds * 1000).toFixed(0)} ms at step ${at}`).join(', ');
console.log(`${'view in steps'.padEnd(20)} ${(cpu() - viewStart).toFixed(2).padStart(6)} s CPU  ${heap()}  (${pauses.length} steps; longest ${longest})`);
start = cpu();
view.provenance.misquotesOf(names[0]);
console.log(`${'provenance'.padEnd(20)} ${(cpu() - start).toFixed(2).padStart(6)} s CPU  ${heap()}`);
start = cpu();
const dump = argument('--dump') ? fs.createWriteStream(argument('--dump')) : null;
let findings = 0;
for (const key of index.keys()) {
  const found = diagnoseDocument(index.peek(key), view);
  findings += found.length;
  dump?.write(`${JSON.stringify([key, found])}\n`);
}
console.log(`${'diagnose every one'.padEnd(20)} ${(cpu() - start).toFixed(2).padStart(6)} s CPU  ${heap()}  (${findings} findings)`);
console.log(`view, provenance and diagnostics: ${(cpu() - viewStart).toFixed(1)} s CPU; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (dump) {
  dump.write(`${JSON.stringify(view.stories.stories)}\n${JSON.stringify([...view.stories.approximateDates])}\n`);
  for (const group of view.figureGroups) dump.write(`${JSON.stringify(group)}\n`);
  for (const entity of view.entities) dump.write(`${JSON.stringify(entity)}\n`);
  for (const key of index.keys()) dump.write(`${JSON.stringify([key, view.provenance.passagesOf(key), view.provenance.groupOf(key)?.id])}\n`);
  await new Promise((resolve) => dump.end(resolve));
}
if (argument('--snapshot')) { globalThis.gc(); v8.writeHeapSnapshot(argument('--snapshot')); console.log(`heap snapshot: ${argument('--snapshot')}`); }

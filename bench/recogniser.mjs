#!/usr/bin/env node
// npm run bench:recogniser — the shipped entity recogniser alone on ../shared/ner-train/dev.jsonl (documents the
// training never saw; it stopped early on them): exact-span P/R/F1 by type, and its speed on those texts.
//
//   node bench/recogniser.mjs [--data DIR] [--model FILE]
//
// Needs the compiled core (out/, from `npm run build`). Exit status 1 when the F1 target is missed, 2 for bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { findData, readDocuments, score } from '../scripts/ner-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { PerceptronRecogniser } = require(path.join(root, 'out/server/src/core/extract/entities/recogniser.js'));
const { shippedRecogniser } = require(path.join(root, 'out/server/src/core/extract/entities/shipped-model.js'));

// The entity F1 the recogniser must keep on dev.jsonl (it scored 0.76 when trained).
const TARGET_F1 = 0.74;

const args = process.argv.slice(2);
let data = null;
let modelFile = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') data = path.resolve(args[++i]);
  else if (args[i] === '--model') modelFile = path.resolve(args[++i]);
  else { console.error(`bench/recogniser.mjs: unknown argument ${args[i]}`); process.exit(2); }
}
data ??= findData();
if (!data) { console.error('bench/recogniser.mjs: no ../shared/ner-train/dev.jsonl found (use --data DIR)'); process.exit(2); }
const recogniser = modelFile ? new PerceptronRecogniser(JSON.parse(fs.readFileSync(modelFile, 'utf8'))) : shippedRecogniser();
const docs = readDocuments(path.join(data, 'dev.jsonl'));
const started = process.cpuUsage();
const predicted = docs.map((doc) => recogniser.tagDocument(doc).tags);
const seconds = process.cpuUsage(started).user / 1e6;
const result = score(docs, predicted);
const tokens = docs.reduce((sum, doc) => sum + doc.words.length, 0);
console.log(`recogniser on ${path.relative(root, path.join(data, 'dev.jsonl'))}: ${docs.length} documents, ${tokens} tokens, ${(tokens / seconds / 1000).toFixed(0)}k tokens/s (CPU time)`);
console.log('type   P      R      F1');
for (const [name, label] of [['PER', 'person'], ['ORG', 'org'], ['LOC', 'place'], ['all', 'all']]) {
  const r = result[name];
  console.log(`${label.padEnd(6)} ${r.p.toFixed(3)}  ${r.r.toFixed(3)}  ${r.f1.toFixed(3)}`);
}
const met = result.all.f1 >= TARGET_F1;
console.log(`target: exact F1 >= ${TARGET_F1}: ${met ? 'met' : 'MISSED'}`);
process.exit(met ? 0 : 1);

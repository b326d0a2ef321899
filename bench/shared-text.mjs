#!/usr/bin/env node
// npm run bench:shared-text [COUNT] — how fast the shared-text index (MinHash + LSH bands) builds over COUNT
// real-text articles (default 10,000, from bench/real-corpus.mjs: the shared datasets' 875 articles, then copies with
// names and numbers varied, so most documents share text with several others, as syndicated copy does), and what one
// changed document costs afterwards.
// With --compare-library PATH (a folder holding the npm package `minhash`), it also times that package's
// signatures on the same sentences and compares both estimates with the exact Jaccard similarity.
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { random, repoRoot } from './corpus.mjs';
import { temporaryRealCorpus } from './real-corpus.mjs';

const require = createRequire(import.meta.url);
const core = (file) => require(path.join(repoRoot(), 'out', 'server', 'src', 'core', file));
const { analyzeDocument } = core('analyze.js');
const { SharedTextIndex, minHashSignature, jaccard } = core('index/shared-text.js');

const args = process.argv.slice(2);
const libraryAt = args.includes('--compare-library') ? args[args.indexOf('--compare-library') + 1] : null;
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 10_000);

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const corpus = temporaryRealCorpus(count);
const texts = corpus.names.map((name) => fs.readFileSync(path.join(corpus.folder, name), 'utf8'));
fs.rmSync(corpus.folder, { recursive: true, force: true });
let start = process.hrtime.bigint();
const analyses = texts.map((text, index) => analyzeDocument(`doc-${index}.txt`, text));
console.log(`${count} real-text articles (${(texts.reduce((sum, text) => sum + text.length, 0) / 1e6).toFixed(1)} MB) analysed in ${seconds(start).toFixed(2)} s`);

const index = new SharedTextIndex();
start = process.hrtime.bigint();
index.sync(analyses);
const buildSeconds = seconds(start);
start = process.hrtime.bigint();
let passages = 0;
for (const analysis of analyses) passages += index.passagesOf(analysis.path).length;
console.log(`shared-text index built in ${buildSeconds.toFixed(2)} s; passages of every document listed in ${seconds(start).toFixed(2)} s (${passages} passages)`);

const next = random(23);
const changes = [];
for (let round = 0; round < 20; round++) {
  const victim = Math.floor(next() * count);
  const edited = analyzeDocument(`doc-${victim}.txt`, `${texts[victim]}\nOne more sentence typed by the user in round ${round} of the benchmark.\n`);
  start = process.hrtime.bigint();
  index.set(edited);
  index.passagesOf(edited.path);
  changes.push(seconds(start) * 1000);
}
changes.sort((a, b) => a - b);
console.log(`one changed document (re-index + its passages): median ${changes[10].toFixed(1)} ms, worst ${changes[19].toFixed(1)} ms over 20 changes`);
console.log(`heap in use: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

if (libraryAt) compareLibrary(libraryAt);

/** Our signature against the npm `minhash` package, on word pairs of the generated sentences. */
function compareLibrary(folder) {
  const Minhash = require(path.join(path.resolve(folder), 'node_modules', 'minhash', 'src', 'minhash.js'));
  const sentences = texts.slice(0, 300).flatMap((text) => text.split(/(?<=[.!?])\s+/)).map((sentence) => sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((words) => words.length >= 6).slice(0, 3000);
  const pairsOf = (words) => [...new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`))];
  const hashOf = (pair) => { let h = 0x811c9dc5; for (let i = 0; i < pair.length; i++) h = Math.imul(h ^ pair.charCodeAt(i), 0x01000193); return h >>> 0; };
  const sets = sentences.map((words) => Uint32Array.from(new Set(pairsOf(words).map(hashOf))).sort());
  let t = process.hrtime.bigint();
  const ours = sets.map((set) => minHashSignature(set));
  const oursSeconds = seconds(t);
  t = process.hrtime.bigint();
  const theirs = sentences.map((words) => { const m = new Minhash({ numPerm: 32 }); for (const pair of pairsOf(words)) m.update(pair); return m; });
  const theirsSeconds = seconds(t);
  let oursError = 0, theirsError = 0, compared = 0;
  const pick = random(5);
  for (let n = 0; n < 20000; n++) {
    const a = Math.floor(pick() * sets.length);
    // half the pairs near each other in the text (often similar), half at random
    const b = n % 2 ? Math.floor(pick() * sets.length) : Math.min(sets.length - 1, a + 1 + Math.floor(pick() * 3));
    if (a === b) continue;
    const exact = jaccard(sets[a], sets[b]);
    const estimate = ours[a].reduce((sum, value, i) => sum + (value === ours[b][i] ? 1 : 0), 0) / ours[a].length;
    oursError += Math.abs(estimate - exact);
    theirsError += Math.abs(theirs[a].jaccard(theirs[b]) - exact);
    compared++;
  }
  console.log(`signatures of ${sets.length} sentences, 32 hash functions: ours ${(oursSeconds * 1000).toFixed(1)} ms, npm minhash 0.0.9 ${(theirsSeconds * 1000).toFixed(1)} ms`);
  console.log(`mean |estimate - exact Jaccard| over ${compared} pairs: ours ${(oursError / compared).toFixed(4)}, npm minhash ${(theirsError / compared).toFixed(4)}`);
}

#!/usr/bin/env node
// Scores shared-passage and misquote detection on the provenance development set (bench/provenance-dev/):
// builds the set for a seed, runs the built CLI on it (`analyze DIR --json`) and compares the contract's
// `provenance.sharedPassages` and `provenance.misquotes` with the set's gold.
//
//   node bench/provenance-quality.mjs [--seed N] [--cli PATH] [--json] [--keep DIR]
//
// --json prints the result in the shape bench/quality.mjs reads from score.mjs (summary, performance, metrics).
// Exit 0 when scored (targets are checked by bench/quality.mjs), 1 when the CLI failed, 2 for bad usage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildDevSet, writeDevSet } from './provenance-dev/build.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const USAGE = 'usage: node bench/provenance-quality.mjs [--seed N] [--cli PATH] [--json] [--keep DIR]';

function parseArgs(argv) {
  const args = { seed: 1, cli: path.join(root, 'dist', 'cli.js'), json: false, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => { if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`); return argv[++i]; };
    if (argv[i] === '--seed') args.seed = Number(value());
    else if (argv[i] === '--cli') args.cli = path.resolve(value());
    else if (argv[i] === '--json') args.json = true;
    else if (argv[i] === '--keep') args.keep = path.resolve(value());
    else usage(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(args.seed) || args.seed < 1) usage('--seed needs a positive whole number');
  return args;
}

function usage(message) { console.error(`bench/provenance-quality.mjs: ${message}\n${USAGE}`); process.exit(2); }

const overlaps = (start, end, otherStart, otherEnd) => start < otherEnd && otherStart < end;
const prf = (tp, fp, fn) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
};

export function score(output, gold) {
  const base = (file) => path.basename(file);
  // Shared passages, from the side of the alphabetically first document; quoted speech is left to the quote layer.
  const predicted = output.provenance.sharedPassages
    .filter((passage) => base(passage.path) < base(passage.otherPath) && passage.quotedShare < 0.5);
  const matchedGold = new Set();
  let truePassages = 0;
  for (const passage of predicted) {
    const hit = gold.passages.find((entry) => entry.a === base(passage.path) && entry.b === base(passage.otherPath)
      && overlaps(passage.start, passage.end, entry.aStart, entry.aEnd) && overlaps(passage.otherStart, passage.otherEnd, entry.bStart, entry.bEnd));
    if (hit) { truePassages++; matchedGold.add(hit); }
  }
  const passages = prf(truePassages, predicted.length - truePassages, gold.passages.length - matchedGold.size);
  const byKind = {};
  for (const entry of gold.passages) {
    byKind[entry.kind] ??= { found: 0, of: 0 };
    byKind[entry.kind].of++;
    if (matchedGold.has(entry)) byKind[entry.kind].found++;
  }
  const falseByKind = {};
  for (const passage of predicted) {
    const entry = [...gold.passages, ...gold.unshared, ...gold.quotePairs].find((candidate) => candidate.a === base(passage.path) && candidate.b === base(passage.otherPath));
    const isTrue = gold.passages.some((candidate) => candidate === entry && overlaps(passage.start, passage.end, entry.aStart, entry.aEnd));
    if (!isTrue) falseByKind[entry?.kind ?? 'across pairs'] = (falseByKind[entry?.kind ?? 'across pairs'] ?? 0) + 1;
  }

  // Misquotes: one per pair of quotes, whichever side reported it.
  const pairs = new Map();
  for (const misquote of output.provenance.misquotes) {
    const [first, second] = base(misquote.path) < base(misquote.otherPath)
      ? [{ path: base(misquote.path), start: misquote.start }, { path: base(misquote.otherPath), start: misquote.otherStart }]
      : [{ path: base(misquote.otherPath), start: misquote.otherStart }, { path: base(misquote.path), start: misquote.start }];
    pairs.set(`${first.path}@${first.start}|${second.path}@${second.start}`, { first, second, misquote });
  }
  const positives = gold.quotePairs.filter((entry) => entry.misquote);
  const found = new Set();
  let trueMisquotes = 0;
  let kindRight = 0;
  let weightRight = 0;
  const falseQuotes = {};
  for (const { first, second, misquote } of pairs.values()) {
    const entry = gold.quotePairs.find((candidate) => candidate.a === first.path && candidate.b === second.path
      && candidate.aStart <= first.start && first.start < candidate.aEnd && candidate.bStart <= second.start && second.start < candidate.bEnd);
    if (entry?.misquote) {
      trueMisquotes++;
      if (!found.has(entry)) {
        found.add(entry);
        const expected = entry.kind === 'dropped-word' ? 'word' : entry.kind;
        if (misquote.differences.some((difference) => difference.kind === expected)) kindRight++;
        if ((misquote.weight === 'meaning') === (expected !== 'word')) weightRight++;
      }
    } else {
      const kind = entry?.kind ?? 'across pairs';
      falseQuotes[kind] = (falseQuotes[kind] ?? 0) + 1;
    }
  }
  const misquotes = prf(trueMisquotes, pairs.size - trueMisquotes, positives.length - found.size);
  const missedQuotes = {};
  for (const entry of positives) if (!found.has(entry)) missedQuotes[entry.kind] = (missedQuotes[entry.kind] ?? 0) + 1;

  // Provenance groups (no target): copies in one group, rewrites and independent reports apart.
  const groupOf = new Map(output.documents.map((document) => [base(document.path), document.provenanceGroup]));
  const pairsJudged = [...gold.passages, ...gold.unshared];
  const groupedRight = pairsJudged.filter((entry) => (groupOf.get(entry.a) === groupOf.get(entry.b)) === (entry.kind === 'copied' || entry.kind === 'edited')).length;

  return {
    metrics: [
      { name: 'shared-passages', ...passages },
      { name: 'misquotes', ...misquotes },
      { name: 'misquotes.kind', accuracy: found.size ? kindRight / found.size : 0, detail: false },
      { name: 'misquotes.warning', accuracy: found.size ? weightRight / found.size : 0 },
      { name: 'provenance.pairs', accuracy: pairsJudged.length ? groupedRight / pairsJudged.length : 0 },
    ],
    notes: [
      `passages found by kind: ${Object.entries(byKind).map(([kind, { found: n, of }]) => `${kind} ${n}/${of}`).join(', ')}`,
      `false passages by pair kind: ${JSON.stringify(falseByKind)}`,
      `misquotes missed by kind: ${JSON.stringify(missedQuotes)}; false misquotes by pair kind: ${JSON.stringify(falseQuotes)}`,
    ],
  };
}

export function runProvenanceBench({ seed, cli, keep = null }) {
  const folder = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), `corroborate-provenance-dev-${seed}-`));
  try {
    const set = buildDevSet(seed);
    writeDevSet(set, folder);
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, 'analyze', path.join(folder, 'docs'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) return { error: `the CLI exited with ${run.status}: ${run.stderr.slice(-400)}` };
    const output = JSON.parse(run.stdout);
    const { metrics, notes } = score(output, set.gold);
    return { summary: { documents: set.documents.length }, performance: { wallSeconds, docsPerSecond: set.documents.length / wallSeconds, exit: 0 }, metrics, notes };
  } finally {
    if (!keep) fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (path.resolve(process.argv[1] ?? '') === path.resolve(new URL(import.meta.url).pathname)) {
  const args = parseArgs(process.argv.slice(2));
  const result = runProvenanceBench(args);
  if (result.error) { console.error(`bench/provenance-quality.mjs: ${result.error}`); process.exit(1); }
  if (args.json) console.log(JSON.stringify(result, null, 1));
  else {
    console.log(`provenance dev set, seed ${args.seed}: ${result.summary.documents} documents, ${result.performance.wallSeconds.toFixed(2)} s`);
    for (const metric of result.metrics) {
      console.log(`  ${metric.name.padEnd(18)} ${'p' in metric ? `P ${metric.p.toFixed(3)}  R ${metric.r.toFixed(3)}  F1 ${metric.f1.toFixed(3)}  (tp ${metric.tp}, fp ${metric.fp}, fn ${metric.fn})` : `accuracy ${metric.accuracy.toFixed(3)}`}`);
    }
    for (const note of result.notes) console.log(`  ${note}`);
  }
}

#!/usr/bin/env node
// npm run train:entities — trains the entity recogniser (an averaged structured perceptron over BIO tags, two
// passes) on ../shared/ner-train/train.jsonl, stops early on dev.jsonl, and writes
// server/src/core/data/entities-model.json. Deterministic for a seed.
//
//   node scripts/train-entities.mjs [--data DIR] [--out FILE] [--seed N] [--epochs N] [--bits N] [--patience N] [--prune F]
//
// Needs the compiled core (out/, from `tsc -b`): it uses the same feature code as the extension.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { findData, readDocuments, score } from './ner-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const features = require(path.join(root, 'out/server/src/core/extract/entities/features.js'));
const perceptron = require(path.join(root, 'out/server/src/core/extract/entities/perceptron.js'));
const { TAGS, TAG_COUNT, documentFeatures } = features;
const { LinearChainModel, viterbi, encodePass, decodePass, START, toBase64 } = perceptron;

function parseArgs(argv) {
  const a = { data: null, out: path.join(root, 'server/src/core/data/entities-model.json'), seed: 1, epochs: 15, bits: 19, patience: 3, prune: 6e-3 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const val = () => argv[++i];
    if (x === '--data') a.data = path.resolve(val());
    else if (x === '--out') a.out = path.resolve(val());
    else if (x === '--seed') a.seed = Number(val());
    else if (x === '--epochs') a.epochs = Number(val());
    else if (x === '--bits') a.bits = Number(val());
    else if (x === '--patience') a.patience = Number(val());
    else if (x === '--prune') a.prune = Number(val());
    else { console.error(`train-entities: unknown argument ${x}`); process.exit(2); }
  }
  return a;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tagAll(model, docs, tables) {
  return docs.map((doc, d) => {
    const tags = new Uint8Array(doc.words.length);
    for (const s of doc.sentences) tags.set(model.decode(tables[d], s.from, s.to).tags, s.from);
    return tags;
  });
}

/** Averaged structured perceptron; returns the averaged model of the best dev epoch (or of `fixedEpochs`). */
function train({ docs, tables, devDocs, devTables, bits, seed, epochs, patience, label }) {
  const buckets = 1 << bits;
  const K = TAG_COUNT;
  const w = new Float32Array(buckets * K);
  const u = new Float64Array(buckets * K);
  const tw = new Float32Array((K + 1) * K);
  const tu = new Float64Array((K + 1) * K);
  let c = 1;
  const order = [];
  docs.forEach((doc, d) => doc.sentences.forEach((s) => order.push([d, s.from, s.to])));
  const random = mulberry32(seed);
  const live = new LinearChainModel(w, 1, tw, buckets - 1);
  const emit = new Float32Array(4096 * K);
  const pred = new Uint8Array(4096);
  let best = null;
  let bestF1 = -1;
  let bestEpoch = 0;
  const averaged = () => {
    const aw = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) aw[i] = w[i] - u[i] / c;
    const at = new Float32Array(tw.length);
    for (let i = 0; i < tw.length; i++) at[i] = tw[i] - tu[i] / c;
    return new LinearChainModel(aw, 1, at, buckets - 1);
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = Date.now();
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    for (const [d, from, to] of order) {
      const n = to - from;
      if (n === 0 || n > 4096) continue;
      const table = tables[d];
      const gold = docs[d].gold;
      live.emissions(table, from, to, emit);
      viterbi(emit, n, tw, pred);
      let same = true;
      for (let i = 0; i < n; i++) if (pred[i] !== gold[from + i]) { same = false; break; }
      if (!same) {
        errors++;
        for (let i = 0; i < n; i++) {
          const g = gold[from + i];
          const p = pred[i];
          if (g !== p) {
            for (let f = table.offsets[from + i]; f < table.offsets[from + i + 1]; f++) {
              const base = table.ids[f] * K;
              w[base + g] += 1; u[base + g] += c;
              w[base + p] -= 1; u[base + p] -= c;
            }
          }
          const pg = i ? gold[from + i - 1] : START;
          const pp = i ? pred[i - 1] : START;
          if (pg !== pp || g !== p) {
            tw[pg * K + g] += 1; tu[pg * K + g] += c;
            tw[pp * K + p] -= 1; tu[pp * K + p] -= c;
          }
        }
      }
      c++;
    }
    if (!devDocs) { console.log(`${label} epoch ${epoch}: ${errors} sentences wrong, ${((Date.now() - started) / 1000).toFixed(1)} s`); continue; }
    const model = averaged();
    const result = score(devDocs, tagAll(model, devDocs, devTables));
    console.log(`${label} epoch ${epoch}: ${errors} sentences wrong, dev F1 ${result.all.f1.toFixed(4)} (PER ${result.PER.f1.toFixed(3)} ORG ${result.ORG.f1.toFixed(3)} LOC ${result.LOC.f1.toFixed(3)}), ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (result.all.f1 > bestF1) { bestF1 = result.all.f1; best = model; bestEpoch = epoch; }
    else if (epoch - bestEpoch >= patience) break;
  }
  return { model: best ?? averaged(), epoch: devDocs ? bestEpoch : epochs, f1: bestF1 };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const data = args.data ?? findData();
  if (!data) { console.error('train-entities: no ../shared/ner-train/train.jsonl found (use --data DIR)'); process.exit(1); }
  const started = Date.now();
  const trainDocs = readDocuments(path.join(data, 'train.jsonl'));
  const devDocs = readDocuments(path.join(data, 'dev.jsonl'));
  const mask = (1 << args.bits) - 1;
  const gazetteer = null;
  console.log(`train: ${trainDocs.length} documents, dev: ${devDocs.length}; ${args.bits}-bit feature hashing, seed ${args.seed}`);
  const firstTables = trainDocs.map((doc) => documentFeatures(doc, mask, gazetteer));
  const devFirstTables = devDocs.map((doc) => documentFeatures(doc, mask, gazetteer));
  const common = { bits: args.bits, seed: args.seed, patience: args.patience };
  const first = train({ ...common, docs: trainDocs, tables: firstTables, devDocs, devTables: devFirstTables, epochs: args.epochs, label: 'pass 1' });

  // The second pass learns from first-pass labels as they look on unseen text: each half of the training
  // documents is labelled by a first pass trained on the other half.
  const fold = trainDocs.map((_, d) => (d * 2654435761 + args.seed) % 7 < 4 ? 0 : 1);
  const jackknife = new Array(trainDocs.length);
  for (const held of [0, 1]) {
    const keep = trainDocs.map((_, d) => d).filter((d) => fold[d] !== held);
    const heldOut = trainDocs.map((_, d) => d).filter((d) => fold[d] === held);
    const half = train({ ...common, docs: keep.map((d) => trainDocs[d]), tables: keep.map((d) => firstTables[d]), devDocs: null, epochs: first.epoch, label: `fold ${held}` });
    const labels = tagAll(half.model, heldOut.map((d) => trainDocs[d]), heldOut.map((d) => firstTables[d]));
    heldOut.forEach((d, k) => { jackknife[d] = labels[k]; });
  }
  firstTables.length = 0;
  const shippedFirst = decodePass(encodePass(first.model.weights, first.model.transitions, args.prune).data, args.bits);
  const devFirstLabels = tagAll(shippedFirst, devDocs, devFirstTables);
  const secondTables = trainDocs.map((doc, d) => documentFeatures(doc, mask, gazetteer, jackknife[d]));
  const devSecondTables = devDocs.map((doc, d) => documentFeatures(doc, mask, gazetteer, devFirstLabels[d]));
  const second = train({ ...common, docs: trainDocs, tables: secondTables, devDocs, devTables: devSecondTables, epochs: args.epochs, label: 'pass 2' });

  const passes = [encodePass(first.model.weights, first.model.transitions, args.prune), encodePass(second.model.weights, second.model.transitions, args.prune)];
  const model = {
    format: 2,
    description: 'Entity recogniser: averaged structured perceptron over BIO tags, two passes; written by scripts/train-entities.mjs',
    trainedOn: 'ner-train train.jsonl (early stop on dev.jsonl)',
    seed: args.seed,
    epochs: [first.epoch, second.epoch],
    bucketBits: args.bits,
    tags: TAGS,
    gazetteer: { maxWords: 0, hashes: toBase64(new Uint8Array(0)) },
    passes: passes.map((p) => p.data),
  };
  // Score what ships: the quantised two-pass model on dev.
  const shippedSecond = decodePass(model.passes[1], args.bits);
  const devSecondShipped = devDocs.map((doc, d) => documentFeatures(doc, mask, gazetteer, devFirstLabels[d]));
  const result = score(devDocs, tagAll(shippedSecond, devDocs, devSecondShipped));
  model.devScores = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, { p: +v.p.toFixed(4), r: +v.r.toFixed(4), f1: +v.f1.toFixed(4) }]));
  fs.writeFileSync(args.out, JSON.stringify(model) + '\n');
  const size = fs.statSync(args.out).size;
  console.log(`kept buckets: pass 1 ${passes[0].kept}, pass 2 ${passes[1].kept}; model ${(size / 1e6).toFixed(2)} MB -> ${path.relative(root, args.out)}`);
  console.log(`shipped model on dev: F1 ${result.all.f1.toFixed(4)} PER ${result.PER.f1.toFixed(3)} ORG ${result.ORG.f1.toFixed(3)} LOC ${result.LOC.f1.toFixed(3)}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main();

#!/usr/bin/env node
// Entity scores of ecbplus-dev in two halves by topic (odd topics: tuned on; even topics: held out), and the
// entity errors of one half grouped by class, to find the biggest classes of errors.
//
//   node bench/entity-errors.mjs [--cli PATH] [--from-json OUT.json] [--errors odd|even] [--examples N] [--json]
//
//   --cli PATH        the CLI to run (default: <repo>/dist/cli.js)
//   --from-json FILE  score a saved `analyze --json` output of the ecbplus-dev docs instead of running the CLI
//   --errors HALF     print the error classes of that half (look only at the half you tune on: odd)
//   --examples N      examples printed per class (default 8)
//   --json            print the scores as JSON
//
// A document's topic is the number before "_" in its file name. Scores come from ../shared/eval/lib/score-core.mjs,
// the code of score.mjs. Exit status: 0 scored, 1 a run failed, 2 bad usage.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findEvalDir } from './corpus.mjs';

const USAGE = 'usage: node bench/entity-errors.mjs [--cli PATH] [--from-json OUT.json] [--errors odd|even] [--examples N] [--json]';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = findEvalDir(root);
function usage(msg) { console.error(`bench/entity-errors.mjs: ${msg}\n${USAGE}`); process.exit(2); }

const args = { cli: path.join(root, 'dist', 'cli.js'), fromJson: null, errors: null, examples: 8, json: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const x = argv[i];
  const val = () => { if (i + 1 >= argv.length) usage(`${x} needs a value`); return argv[++i]; };
  if (x === '--cli') args.cli = path.resolve(val());
  else if (x === '--from-json') args.fromJson = path.resolve(val());
  else if (x === '--errors') { args.errors = val(); if (!['odd', 'even'].includes(args.errors)) usage('--errors takes odd or even'); }
  else if (x === '--examples') args.examples = Number(val());
  else if (x === '--json') args.json = true;
  else if (x === '-h' || x === '--help') { console.log(USAGE); process.exit(0); }
  else usage(`unknown argument ${x}`);
}

const { loadDataset, score } = await import(pathToFileURL(path.join(evalDir, 'lib', 'score-core.mjs')).href);
const dir = path.join(evalDir, 'datasets', 'ecbplus-dev');
const dataset = loadDataset(dir);
let out;
try {
  const stdout = args.fromJson ? fs.readFileSync(args.fromJson)
    : execFileSync(process.execPath, [args.cli, 'analyze', path.join(dir, 'docs'), '--json'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  out = JSON.parse(stdout.toString('utf8'));
} catch (e) {
  console.error(`bench/entity-errors.mjs: the CLI failed: ${e.message.split('\n')[0]}`);
  process.exit(1);
}

const topicOf = (name) => Number.parseInt(name, 10);
const halfOf = (name) => (topicOf(name) % 2 === 1 ? 'odd' : 'even');
const restrict = (half) => ({ ...dataset, docs: new Map([...dataset.docs].filter(([name]) => halfOf(name) === half)) });
const WANTED = ['entities.exact', 'entities.overlap', 'coref.conll', 'coref.muc', 'coref.b3', 'coref.ceafe'];

const rows = {};
for (const half of ['all', 'odd', 'even']) {
  const scored = score(half === 'all' ? dataset : restrict(half), out);
  rows[half] = {};
  for (const m of scored.metrics) {
    if (WANTED.includes(m.name) || /^entities\.exact\./.test(m.name)) rows[half][m.name] = { p: m.p, r: m.r, f1: m.f1 };
  }
}
if (args.json) console.log(JSON.stringify(rows, null, 2));
else {
  const f = (x) => (typeof x === 'number' ? x.toFixed(3) : '  n/a');
  console.log('ecbplus-dev entities by half (odd topics tuned on, even topics held out)');
  for (const name of Object.keys(rows.all)) {
    const cell = (h) => { const m = rows[h][name]; return m ? `P ${f(m.p)} R ${f(m.r)} F1 ${f(m.f1)}` : ''; };
    console.log(`  ${name.padEnd(28)} all ${cell('all')} | odd ${cell('odd')} | even ${cell('even')}`);
  }
}
if (args.errors) printErrors(args.errors);

/** Missed and spurious mentions of one half, by class. */
function printErrors(half) {
  const byName = new Map((out.documents || []).map((d) => [path.basename(d.path), d]));
  const classes = new Map();
  let where = '';
  const add = (cls, example) => { cls += where; if (!classes.has(cls)) classes.set(cls, []); classes.get(cls).push(example); };
  const types = new Set(dataset.gold.entityTypes);
  for (const [name, doc] of dataset.docs) {
    if (halfOf(name) !== half || !doc.gold) continue;
    const regions = doc.gold.regions || [];
    const inRegion = (e) => e.start >= doc.fmEnd && regions.some(([s, t]) => e.start < t && s < e.end);
    const gold = (doc.gold.entities || []).filter((e) => types.has(e.type));
    const all = (byName.get(name)?.entities || []).filter(inRegion);
    const pred = all.filter((e) => types.has(e.type));
    const text = doc.text;
    const line = (e) => { const s = text.lastIndexOf('\n', e.start) + 1; const t = text.indexOf('\n', e.end); return text.slice(Math.max(s, e.start - 60), Math.min(t < 0 ? text.length : t, e.end + 40)).replace(/\s+/g, ' '); };
    const used = new Set();
    // The first line of the body is the headline (ECB+ texts have no front matter but the url line of some).
    const firstLine = text.slice(doc.fmEnd).search(/\S/) + doc.fmEnd;
    const headlineEnd = text.indexOf('\n', firstLine);
    const place = (e) => { where = e.start < headlineEnd ? ' [headline]' : ''; };
    for (const g of gold) {
      place(g);
      const exact = pred.find((p) => p.start === g.start && p.end === g.end);
      if (exact && exact.type === g.type) { used.add(exact); continue; }
      if (exact) { used.add(exact); add(`type ${g.type} -> ${exact.type}`, `${name}: "${g.text}"  | ${line(g)}`); continue; }
      const over = pred.filter((p) => p.start < g.end && g.start < p.end);
      const other = all.find((p) => p.type === 'other' && p.start < g.end && g.start < p.end);
      if (!over.length) {
        add(other ? `missed ${g.type} (predicted other)` : `missed ${g.type}`, `${name}: "${g.text}"${other ? ` other "${other.text}"` : ''}  | ${line(g)}`);
        continue;
      }
      for (const p of over) used.add(p);
      const p = over[0];
      const kind = over.length > 1 ? 'split' : p.start <= g.start && p.end >= g.end ? 'pred longer' : p.start >= g.start && p.end <= g.end ? 'pred shorter' : 'shifted';
      add(`boundary ${kind}${p.type !== g.type ? ' + type' : ''} (${g.type})`, `${name}: gold "${g.text}" pred ${over.map((x) => `"${x.text}"/${x.type}`).join(' ')}  | ${line(g)}`);
    }
    for (const p of pred) if (!used.has(p)) place(p), add(`spurious ${p.type}`, `${name}: "${p.text}"  | ${line(p)}`);
  }
  const sorted = [...classes].sort((a, b) => b[1].length - a[1].length);
  console.log(`\nerror classes, ${half} topics`);
  for (const [cls, list] of sorted) {
    console.log(`\n${cls}: ${list.length}`);
    for (const ex of list.slice(0, args.examples)) console.log(`  ${ex}`);
  }
}

#!/usr/bin/env node
// Score a development dataset in two halves, so that changes tuned on one half can be checked on the other.
//
//   node bench/split.mjs NAME[,NAME...] [--cli PATH] [--errors A|B] [--classes A|B] [--json]
//
//   NAME          a dataset under ../shared/eval/datasets (or $CORROBORATE_EVAL_DIR/datasets)
//   --cli PATH    the CLI to run (default: <repo>/dist/cli.js, as built by `npm run build`)
//   --errors H    also print, for every document of half H whose dates or figures disagree with the gold,
//                 the gold items and the predicted ones (look only at the half you tune on)
//   --classes H   also list, for half H, every error by class: figures missed (no prediction of that value), with
//                 the wrong unit, or spurious (by unit kind); dates missed, with a wrong value, or spurious; quotes
//                 missed, with the wrong speaker, or spurious (outside quotesIgnore). Each line names the document.
//   --rt-readings also score dates.value as if the gold accepted, for every TIMEX that leaves the year or week open
//                 ("XXXX-WXX-2TMO", "XXXX-01-07"), its past and future readings against the document date: the
//                 Recognizers-Text specs list both in their resolution, but the rt-dates converter keeps them only
//                 for plain dates, not for date-times or "since/before/after" dates. A diagnostic, not a target.
//   --json        print the scores as JSON
//
// A document's half is fixed by its file name: half A when the first byte of the SHA-1 of the name is even,
// else half B. The CLI runs once on the whole dataset; each half is scored by ../shared/eval/lib/score-core.mjs,
// the same code as score.mjs. Exit status: 0 scored, 1 a run failed, 2 bad usage.

import fs from 'node:fs';
import { findEvalDir } from './corpus.mjs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = 'usage: node bench/split.mjs NAME[,NAME...] [--cli PATH] [--errors A|B] [--classes A|B] [--rt-readings] [--json]';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = findEvalDir(root);

function usage(msg) { console.error(`bench/split.mjs: ${msg}\n${USAGE}`); process.exit(2); }

const args = { names: [], cli: path.join(root, 'dist', 'cli.js'), errors: null, classes: null, rtReadings: false, json: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const x = argv[i];
  const val = () => { if (i + 1 >= argv.length) usage(`${x} needs a value`); return argv[++i]; };
  if (x === '--cli') args.cli = path.resolve(val());
  else if (x === '--errors') { args.errors = val().toUpperCase(); if (!/^[AB]$/.test(args.errors)) usage('--errors takes A or B'); }
  else if (x === '--classes') { args.classes = val().toUpperCase(); if (!/^[AB]$/.test(args.classes)) usage('--classes takes A or B'); }
  else if (x === '--json') args.json = true;
  else if (x === '--rt-readings') args.rtReadings = true;
  else if (x === '-h' || x === '--help') { console.log(USAGE); process.exit(0); }
  else if (x.startsWith('--')) usage(`unknown argument ${x}`);
  else args.names.push(...x.split(',').filter(Boolean));
}
if (!args.names.length) usage('name a dataset');
if (!fs.existsSync(args.cli)) { console.error(`bench/split.mjs: no CLI at ${args.cli}: run \`npm run build\``); process.exit(1); }
const corePath = path.join(evalDir, 'lib', 'score-core.mjs');
if (!fs.existsSync(corePath)) { console.error(`bench/split.mjs: no scorer at ${corePath} (set CORROBORATE_EVAL_DIR)`); process.exit(1); }
const { loadDataset, score } = await import(pathToFileURL(corePath).href);
const { figureUnitMatches, figureValueMatches, dateValueCorrect } = await import(pathToFileURL(path.join(evalDir, 'lib', 'metrics.mjs')).href);

/** 'A' or 'B' for a document's file name. */
export function halfOf(name) {
  return crypto.createHash('sha1').update(name).digest()[0] % 2 === 0 ? 'A' : 'B';
}

function restrict(dataset, half) {
  const docs = new Map([...dataset.docs].filter(([name]) => halfOf(name) === half));
  return { ...dataset, docs };
}

const headlineOf = (m) => (typeof m.f1 === 'number' ? m.f1 : typeof m.accuracy === 'number' ? m.accuracy : null);
const results = [];
for (const name of args.names) {
  const dir = path.join(evalDir, 'datasets', name);
  if (!fs.existsSync(path.join(dir, 'docs'))) usage(`no dataset at ${dir}`);
  const dataset = loadDataset(dir);
  let out;
  try {
    const stdout = execFileSync(process.execPath, [args.cli, 'analyze', path.join(dir, 'docs'), '--json'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
    out = JSON.parse(stdout.toString('utf8'));
  } catch (e) {
    console.error(`bench/split.mjs: ${name}: the CLI failed: ${e.message.split('\n')[0]}`);
    process.exit(1);
  }
  const row = { dataset: name, halves: {} };
  for (const half of ['A', 'B']) {
    const part = restrict(dataset, half);
    const scored = score(part, out);
    row.halves[half] = { documents: part.docs.size, metrics: Object.fromEntries(scored.metrics.filter((m) => !m.detail).map((m) => [m.name, headlineOf(m)])) };
    if (args.rtReadings && dataset.gold.layers.dates === 'value') {
      const value = score(withReadings(part), out).metrics.find((m) => m.name === 'dates.value');
      row.halves[half].metrics['dates.value (RT readings)'] = headlineOf(value);
    }
  }
  results.push(row);
  if (args.errors) printErrors(dataset, out, args.errors);
  if (args.classes) printClasses(dataset, out, args.classes);
}

if (args.json) console.log(JSON.stringify(results, null, 2));
else {
  for (const r of results) {
    const metrics = Object.keys(r.halves.A.metrics);
    console.log(`${r.dataset}: half A ${r.halves.A.documents} docs, half B ${r.halves.B.documents} docs`);
    for (const m of metrics) {
      const f = (x) => (typeof x === 'number' ? x.toFixed(3) : 'n/a');
      console.log(`  ${m.padEnd(22)} A ${f(r.halves.A.metrics[m])}  B ${f(r.halves.B.metrics[m])}`);
    }
  }
}

/** The dataset with each open TIMEX's past and future calendar readings accepted (see --rt-readings). */
function withReadings(dataset) {
  const docs = new Map([...dataset.docs].map(([name, doc]) => {
    if (!doc.gold?.date) return [name, doc];
    const dates = (doc.gold.dates || []).map((g) => (g.value && /X/.test(g.value)
      ? { ...g, alternatives: [...(g.alternatives || []), ...openReadings(g.value, doc.gold.date)] } : g));
    return [name, { ...doc, gold: { ...doc.gold, dates } }];
  }));
  return { ...dataset, docs };
}

/** The most recent and the next calendar reading of "XXXX-MM-DD…", "XXXX-MM" or "XXXX-WXX-d…" around `reference`. */
export function openReadings(value, reference) {
  const [year, month, day] = reference.split('-').map(Number);
  const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / 864e5;
  const iso = (n) => new Date(n * 864e5).toISOString().slice(0, 10);
  const ref = dayOf(year, month, day);
  let m;
  if ((m = /^XXXX-(\d\d)-(\d\d)(.*)$/.exec(value))) {
    const [mm, dd] = [Number(m[1]), Number(m[2])];
    const past = dayOf(year, mm, dd) <= ref ? year : year - 1;
    const future = dayOf(year, mm, dd) >= ref ? year : year + 1;
    return [...new Set([past, future])].map((y) => `${y}-${m[1]}-${m[2]}${m[3]}`);
  }
  if ((m = /^XXXX-(\d\d)$/.exec(value))) return [...new Set([Number(m[1]) <= month ? year : year - 1, Number(m[1]) >= month ? year : year + 1])].map((y) => `${y}-${m[1]}`);
  if ((m = /^XXXX-WXX-([1-7])(.*)$/.exec(value))) {
    const weekday = (n) => ((new Date(n * 864e5).getUTCDay() + 6) % 7) + 1;
    const back = (weekday(ref) - Number(m[1]) + 7) % 7;
    return [...new Set([ref - back, ref + ((Number(m[1]) - weekday(ref) + 7) % 7)])].map((n) => `${iso(n)}${m[2]}`)
      .concat(back === 0 ? [`${iso(ref - 7)}${m[2]}`, `${iso(ref + 7)}${m[2]}`] : []);
  }
  return [];
}

function printErrors(dataset, out, half) {
  const byName = new Map((out.documents || []).map((d) => [path.basename(d.path), d]));
  for (const [name, doc] of dataset.docs) {
    if (halfOf(name) !== half || !doc.gold) continue;
    const predicted = byName.get(name) || {};
    const body = (doc.text || '').slice(doc.fmEnd).trim().replace(/\s+/g, ' ');
    const ref = doc.gold.date ? ` [${doc.gold.date}]` : '';
    if (dataset.gold.layers.dates) {
      const show = (d) => `${JSON.stringify(d.text)}=${d.value}${d.alternatives?.length ? `|${d.alternatives.join('|')}` : ''}(${d.type})`;
      const gold = (doc.gold.dates || []).map(show).sort();
      const pred = (predicted.dates || []).filter((d) => d.start >= doc.fmEnd).map(show).sort();
      const ok = (doc.gold.dates || []).every((g) => (predicted.dates || []).some((p) => p.start < g.end && g.start < p.end &&
        (g.value == null || [g.value, ...(g.alternatives || [])].some((v) => String(v).toUpperCase() === String(p.value).toUpperCase().replace(/(T\d\d:\d\d):00$/, '$1')))))
        && (predicted.dates || []).filter((d) => d.start >= doc.fmEnd).length === (doc.gold.dates || []).length;
      if (!ok) console.log(`${name}${ref}: ${body}\n  gold ${gold.join(' ')}\n  pred ${pred.join(' ')}`);
    }
    if (dataset.gold.layers.figures) {
      const show = (f) => `${f.value ?? `${f.low}..${f.high}`} ${f.unit ?? '∅'}`;
      const gold = (doc.gold.figures || []).map(show).sort();
      const pred = (predicted.figures || []).filter((f) => f.start >= doc.fmEnd).map((f) => `${show(f)}${f.low !== f.value || f.high !== null ? `[${f.low}..${f.high}]` : ''}`).sort();
      // Listed when a gold figure has no predicted one of the same value and unit, or a prediction matches no gold value.
      const gf = doc.gold.figures || [];
      const pf = (predicted.figures || []).filter((f) => f.start >= doc.fmEnd);
      const missed = gf.some((g) => !pf.some((p) => figureUnitMatches(g, p)));
      const extra = pf.some((p) => !gf.some((g) => figureValueMatches(g, p)));
      if (missed || extra) console.log(`${name}${missed ? ' MISSED' : ''}${extra ? ' EXTRA' : ''}: ${body}\n  gold ${gold.join(' ; ')}\n  pred ${pred.join(' ; ')}`);
    }
  }
}

/** Every error of half `half`, grouped by class, largest class first. */
function printClasses(dataset, out, half) {
  const byName = new Map((out.documents || []).map((d) => [path.basename(d.path), d]));
  const classes = new Map();
  const add = (name, line) => { if (!classes.has(name)) classes.set(name, []); classes.get(name).push(line); };
  const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const layers = dataset.gold.layers;
  for (const [name, doc] of dataset.docs) {
    if (halfOf(name) !== half || !doc.gold) continue;
    const predicted = byName.get(name) || {};
    const body = (doc.text || '').slice(doc.fmEnd).trim().replace(/\s+/g, ' ').slice(0, 160);
    if (layers.figures) {
      const gold = doc.gold.figures || [];
      const pred = (predicted.figures || []).filter((f) => f.start >= doc.fmEnd);
      const used = new Set();
      const take = (ok) => { const j = pred.findIndex((p, k) => !used.has(k) && ok(p)); if (j >= 0) used.add(j); return j; };
      const show = (f) => `${f.value ?? `${f.low}..${f.high}`} ${JSON.stringify(f.unit ?? null)}`;
      for (const g of gold) {
        if (take((p) => figureUnitMatches(g, p)) >= 0) continue;
        const j = take((p) => figureValueMatches(g, p));
        if (j >= 0) add('figures: wrong unit', `${name}: gold ${show(g)}, predicted ${JSON.stringify(pred[j].unit)} | ${body}`);
        else add('figures: missed', `${name}: gold ${show(g)} ${JSON.stringify(g.text ?? '')} | ${body}`);
      }
      for (const [k, p] of pred.entries()) {
        if (used.has(k) || gold.some((g) => figureValueMatches(g, p))) continue;
        const kind = !p.unit ? 'no unit' : p.unit === 'percent' ? 'percent' : p.kind === 'money' ? 'money' : p.kind === 'quantity' ? 'quantity' : 'counted noun';
        add(`figures: spurious (${kind})`, `${name}: ${show(p)} ${JSON.stringify(p.text)} | ${body}`);
      }
    }
    if (layers.dates) {
      const gold = doc.gold.dates || [];
      const pred = (predicted.dates || []).filter((d) => d.start >= doc.fmEnd);
      const used = new Set();
      for (const g of gold) {
        const j = pred.findIndex((p, k) => !used.has(k) && overlap(g, p) > 0);
        if (j < 0) { add('dates: missed', `${name}: ${JSON.stringify(g.text)}=${g.value} | ${body}`); continue; }
        used.add(j);
        if (g.value != null && !dateValueCorrect(g, pred[j])) {
          const kind = /X/.test(g.value) ? 'gold leaves the year or week open' : 'resolved differently';
          add(`dates: wrong value (${kind})`, `${name}: ${JSON.stringify(g.text)} gold ${[g.value, ...(g.alternatives || [])].join('|')}, predicted ${JSON.stringify(pred[j].text)}=${pred[j].value} | ${body}`);
        }
      }
      for (const [k, p] of pred.entries()) {
        if (used.has(k)) continue;
        const inRange = gold.some((g) => g.value == null && overlap(g, p) > 0);
        add(inRange ? 'dates: spurious (a second date inside one gold range)' : 'dates: spurious', `${name}: ${JSON.stringify(p.text)}=${p.value} | ${body}`);
      }
    }
    if (layers.quotes) {
      const gold = doc.gold.quotes || [];
      const pred = (predicted.quotes || []).filter((q) => q.start >= doc.fmEnd);
      const used = new Set();
      const around = (g) => doc.text.slice(Math.max(doc.fmEnd, g.start - 120), Math.min(doc.text.length, g.end + 80)).replace(/\s+/g, ' ');
      for (const g of gold) {
        const j = pred.findIndex((p, k) => !used.has(k) && overlap(g, p) >= 0.5 * (g.end - g.start));
        if (j < 0) { add('quotes: missed', `${name}: ${JSON.stringify(g.text.slice(0, 80))}`); continue; }
        used.add(j);
        const speaker = pred[j].speaker;
        if (g.speaker && !(speaker && overlap(g.speaker, speaker) > 0)) {
          add(speaker ? 'quotes: wrong speaker' : 'quotes: no speaker', `${name}: gold ${JSON.stringify(g.speaker.text)}, predicted ${JSON.stringify(speaker ? doc.text.slice(speaker.start, speaker.end) : null)} | ${around(g)}`);
        }
      }
      for (const [k, p] of pred.entries()) {
        if (used.has(k) || (doc.gold.quotesIgnore || []).some(([start, end]) => overlap({ start, end }, p) > 0)) continue;
        add('quotes: spurious', `${name}: ${JSON.stringify(p.text.slice(0, 80))}`);
      }
    }
  }
  for (const [name, lines] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`== ${name}: ${lines.length}`);
    for (const line of lines) console.log(`  ${line}`);
  }
}

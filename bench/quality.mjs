#!/usr/bin/env node
// npm run bench:quality — score the built CLI on the development datasets of ../shared/eval and on the
// hand-written seeds gold (test/fixtures/seeds-gold.json), print one table and check the quality targets.
//
//   node bench/quality.mjs [--cli PATH] [--markdown] [--only NAME,NAME] [--timeout SECONDS] [--json]
//
//   --cli PATH     the CLI to run (default: <repo>/dist/cli.js, as built by `npm run build`)
//   --markdown     print the table as Markdown, with the date and commit (for README files)
//   --only LIST    run only these datasets (comma-separated names; "seeds-gold" is the seeds)
//   --timeout S    per-dataset timeout passed to score.mjs (default 1800)
//   --json         print the collected results as JSON instead of a table
//
// The scorer is $CORROBORATE_EVAL_DIR/score.mjs, else shared/eval/score.mjs beside the repository root or one of
// its parent folders (a git worktree may sit deeper than ../).
// Exit status: 0 when every dataset was scored and every target of the datasets run was met; 1 when a target
// was missed (each missed one is printed) or a run failed (the scorer could not run the CLI, or its output was
// not JSON); 2 for bad usage.
// Plain Node.js (ESM), no dependencies.

import fs from 'node:fs';
import { findEvalDir } from './corpus.mjs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: node bench/quality.mjs [--cli PATH] [--markdown] [--only NAME,NAME] [--timeout SECONDS] [--json]';
const DEV_DATASETS = ['ecbplus-dev', 'rt-figures', 'rt-dates', 'quantulum3-figures', 'semeval2015-timeline-dev', 'gum-quotes'];
const SEEDS = 'seeds-gold';
// Issue 14: the provenance development set, built by bench/provenance-dev/build.mjs and scored by
// bench/provenance-quality.mjs (not score.mjs); seed 1 was tuned on, seed 2 is held out.
const PROVENANCE_SETS = { 'provenance-dev': 1, 'provenance-dev-heldout': 2 };
const PROVENANCE_TARGETS = [
  { metric: 'shared-passages', field: 'p', min: 0.90 }, { metric: 'shared-passages', field: 'r', min: 0.90 },
  { metric: 'misquotes', field: 'p', min: 0.90 }, { metric: 'misquotes', field: 'r', min: 0.90 },
];
// The cross-document view on ecbplus-dev, judged by ../shared/eval/stories.mjs (issue 15).
const STORIES = 'ecbplus-dev-stories';

// Targets: dataset -> [{ metric, field, min }]. `field` is the number compared (f1, r, accuracy...).
const TARGETS = {
  'rt-figures': [{ metric: 'figures.value', field: 'f1', min: 0.80 }, { metric: 'figures.value+unit', field: 'f1', min: 0.85 }],
  'quantulum3-figures': [{ metric: 'figures.value', field: 'f1', min: 0.80 }, { metric: 'figures.value+unit', field: 'f1', min: 0.75 }],
  'rt-dates': [{ metric: 'dates.value', field: 'f1', min: 0.86 }],
  'ecbplus-dev': [{ metric: 'entities.exact', field: 'f1', min: 0.70 }, { metric: 'entities.overlap', field: 'r', min: 0.88 }, { metric: 'coref.conll', field: 'f1', min: 0.85 }],
  'gum-quotes': [{ metric: 'quotes.span', field: 'f1', min: 0.90 }, { metric: 'quotes.speaker', field: 'accuracy', min: 0.85 }],
  // seeds gold: every metric the gold scores, on its headline number
  [SEEDS]: '*',
  'provenance-dev': PROVENANCE_TARGETS,
  'provenance-dev-heldout': PROVENANCE_TARGETS,
  [STORIES]: [
    { metric: 'pubdate.right', field: 'share', min: 0.95 }, { metric: 'pubdate.wrong', field: 'share', max: 0.02 },
    { metric: 'date.implausible', field: 'share', max: 0.02 }, { metric: 'figures.cross_story_pairs', field: 'share', max: 0.05 },
    { metric: 'stories.b3', field: 'f1', min: 0.90 },
  ],
};
const SEEDS_MIN = 0.95;

function findRoot(from) {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try { if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'corroborate') return dir; } catch { /* keep looking */ }
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function usage(msg) { console.error(`bench/quality.mjs: ${msg}\n${USAGE}`); process.exit(2); }

function parseArgs(argv, root) {
  const a = { cli: path.join(root, 'dist', 'cli.js'), markdown: false, json: false, only: null, timeout: 1800 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${x} needs a value`); return argv[++i]; };
    if (x === '--cli') a.cli = path.resolve(val());
    else if (x === '--markdown' || x === '--md') a.markdown = true;
    else if (x === '--json') a.json = true;
    else if (x === '--only') a.only = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (x === '--timeout') { a.timeout = Number(val()); if (!(a.timeout > 0)) usage('--timeout needs a positive number'); }
    else if (x === '-h' || x === '--help') { console.log(USAGE); process.exit(0); }
    else usage(`unknown argument ${x}`);
  }
  return a;
}

const shq = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** A dataset folder for the seeds: docs/ = copies of seeds/*.txt, gold.json = the hand-written gold. */
function seedsDataset(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-seeds-gold-'));
  fs.mkdirSync(path.join(dir, 'docs'));
  for (const f of fs.readdirSync(path.join(root, 'seeds')).filter((f) => /\.(txt|md)$/.test(f))) {
    fs.copyFileSync(path.join(root, 'seeds', f), path.join(dir, 'docs', f));
  }
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'seeds-gold.json'), path.join(dir, 'gold.json'));
  return dir;
}

function runScorer(scoreMjs, datasetDir, cmd, cwd, timeout) {
  return new Promise((resolve) => {
    const args = [scoreMjs, datasetDir, '--json', '--cmd', cmd, '--cwd', cwd, '--timeout', String(timeout)];
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [], err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stdout: '', stderr: e.message }));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * stories.mjs on ecbplus-dev: the CLI runs once, its output is scored against all story labels, then against
 * the odd and the even topics alone (the story grouping was tuned on the odd topics: the even ones are held out).
 */
async function runStories(evalDir, cli, root) {
  const storiesMjs = path.join(evalDir, 'stories.mjs');
  const dataset = path.join(evalDir, 'datasets', 'ecbplus-dev');
  if (!fs.existsSync(storiesMjs) || !fs.existsSync(path.join(dataset, 'stories.json'))) return { error: `no stories.mjs or ecbplus-dev labels in ${evalDir}` };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-stories-'));
  try {
    const t0 = Date.now();
    const analysis = await runNode([cli, 'analyze', path.join(dataset, 'docs'), '--json'], root);
    const wallSeconds = (Date.now() - t0) / 1000;
    if (analysis.code !== 0) return { error: `the CLI exited with ${analysis.code}: ${analysis.stderr.trim().slice(-300)}` };
    const saved = path.join(tmp, 'out.json');
    fs.writeFileSync(saved, analysis.stdout);
    const labels = JSON.parse(fs.readFileSync(path.join(dataset, 'stories.json'), 'utf8'));
    const score = async (labelsFile) => {
      const run = await runNode([storiesMjs, dataset, '--from-json', saved, '--json', ...(labelsFile ? ['--labels', labelsFile] : [])], root);
      return run.code === 0 ? JSON.parse(run.stdout) : null;
    };
    const whole = await score(null);
    if (!whole) return { error: 'stories.mjs could not score the output' };
    const half = async (parity) => {
      const keep = Object.fromEntries(Object.entries(labels.stories).filter(([story]) => Number.parseInt(story, 10) % 2 === parity));
      const file = path.join(tmp, `labels-${parity}.json`);
      fs.writeFileSync(file, JSON.stringify({ ...labels, stories: keep }));
      return (await score(file))?.summary['stories.b3'];
    };
    const [odd, even] = [await half(1), await half(0)];
    const share = (key) => ({ name: key, share: Number(whole.summary[key]) });
    const metrics = [share('pubdate.right'), share('pubdate.wrong'), share('date.implausible'), share('figures.cross_story_pairs'),
      { name: 'stories.b3', f1: Number(whole.summary['stories.b3']) },
      { name: 'stories.b3 odd topics (tuned on)', f1: Number(odd) }, { name: 'stories.b3 even topics (held out)', f1: Number(even) }];
    return { out: { summary: { documents: JSON.parse(analysis.stdout).documents.length }, performance: { wallSeconds, exit: 0 }, metrics } };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function runProvenance(root, seed, cli, evalDir) {
  return runNode([path.join(root, 'bench', 'provenance-quality.mjs'), '--seed', String(seed), '--cli', cli, '--json'], root,
    { ...process.env, CORROBORATE_EVAL_DIR: evalDir });
}

function runNode(args, cwd, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [], err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stdout: '', stderr: e.message }));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** The headline number of a metric, and which field it is. */
function headline(m) {
  if (m.name === 'coref.conll') return ['f1', m.f1];
  if ('f1' in m) return ['f1', m.f1];
  if ('accuracy' in m) return ['accuracy', m.accuracy];
  if ('recall' in m) return ['recall', m.recall];
  if ('share' in m) return ['share', m.share];
  return [null, null];
}

function targetsFor(dataset, metric) {
  const t = TARGETS[dataset];
  if (t === '*') {
    const [field] = headline(metric);
    return field ? [{ metric: metric.name, field, min: SEEDS_MIN }] : [];
  }
  return (t || []).filter((x) => x.metric === metric.name);
}

const isNum = (x) => typeof x === 'number' && Number.isFinite(x);
const f3 = (x) => (isNum(x) ? x.toFixed(3) : 'n/a');
const fieldLabel = { f1: 'F1', r: 'R', p: 'P', accuracy: 'acc', recall: 'R' };

/** Rows of the table: one per (dataset, metric), performance on the dataset's first row. */
function buildRows(results) {
  const rows = [];
  for (const res of results) {
    const perf = res.out?.performance || null;
    const perfCells = {
      docs: res.out ? String(res.out.summary?.documents ?? '') : '',
      docsPerS: perf && isNum(perf.docsPerSecond) ? perf.docsPerSecond.toFixed(1) : '',
      wall: perf && isNum(perf.wallSeconds) ? perf.wallSeconds.toFixed(2) : '',
      peak: perf && isNum(perf.peakRssMB) ? perf.peakRssMB.toFixed(0) : '',
    };
    if (!res.out) {
      rows.push({ dataset: res.name, ...perfCells, metric: 'FAILED', p: '', r: '', f1: '', target: '', status: res.error.split('\n')[0].slice(0, 80) });
      continue;
    }
    let first = true;
    for (const m of res.out.metrics.filter((x) => !x.detail)) {
      const [field, value] = headline(m);
      const row = {
        dataset: first ? res.name : '', ...(first ? perfCells : { docs: '', docsPerS: '', wall: '', peak: '' }),
        metric: m.name,
        p: 'p' in m ? f3(m.p) : '',
        r: 'r' in m ? f3(m.r) : ('recall' in m ? f3(m.recall) : ''),
        f1: 'f1' in m ? f3(m.f1) : ('accuracy' in m ? `${f3(m.accuracy)} acc` : ('share' in m ? `${f3(m.share)} share` : '')),
        target: '', status: '',
      };
      const ts = targetsFor(res.name, m);
      if (ts.length) {
        const parts = [], st = [];
        for (const t of ts) {
          const v = t.field === field ? value : m[t.field];
          const met = isNum(v) && (t.min === undefined || v >= t.min) && (t.max === undefined || v <= t.max);
          parts.push(t.max === undefined ? `${fieldLabel[t.field] || t.field} >= ${t.min.toFixed(2)}` : `${fieldLabel[t.field] || t.field} <= ${t.max.toFixed(2)}`);
          st.push(met ? 'met' : 'MISSED');
          res.targets.push({ dataset: res.name, metric: m.name, field: t.field, min: t.min, max: t.max, value: isNum(v) ? v : null, met });
        }
        row.target = parts.join(', ');
        row.status = st.join(', ');
      }
      rows.push(row);
      first = false;
    }
    if (first) rows.push({ dataset: res.name, ...perfCells, metric: '(no gold: performance only)', p: '', r: '', f1: '', target: '', status: '' });
    // A target whose metric the scorer did not print at all is missed, not skipped.
    const listed = Array.isArray(TARGETS[res.name]) ? TARGETS[res.name] : [];
    for (const t of listed) {
      if (res.targets.some((x) => x.metric === t.metric && x.field === t.field)) continue;
      res.targets.push({ dataset: res.name, metric: t.metric, field: t.field, min: t.min, value: null, met: false });
      rows.push({ dataset: '', docs: '', docsPerS: '', wall: '', peak: '', metric: t.metric, p: '', r: '', f1: 'n/a', target: `${fieldLabel[t.field] || t.field} >= ${t.min.toFixed(2)}`, status: 'MISSED (not scored)' });
    }
  }
  return rows;
}

const COLUMNS = [
  ['dataset', 'dataset'], ['docs', 'docs'], ['docsPerS', 'docs/s'], ['wall', 'wall s'], ['peak', 'peak MB'],
  ['metric', 'metric'], ['p', 'P'], ['r', 'R'], ['f1', 'F1'], ['target', 'target'], ['status', 'status'],
];
const RIGHT = new Set(['docs', 'docsPerS', 'wall', 'peak', 'p', 'r', 'f1']);

function textTable(rows) {
  const w = COLUMNS.map(([k, h]) => Math.max(h.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => (RIGHT.has(COLUMNS[i][0]) ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join('  ').trimEnd();
  const out = [line(COLUMNS.map(([, h]) => h)), w.map((n) => '-'.repeat(n)).join('  ')];
  let previous = null;
  for (const r of rows) {
    if (r.dataset && previous !== null) out.push('');
    out.push(line(COLUMNS.map(([k]) => r[k])));
    previous = r;
  }
  return out.join('\n');
}

function markdownTable(rows) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const out = [`| ${COLUMNS.map(([, h]) => h).join(' | ')} |`, `| ${COLUMNS.map(([k]) => (RIGHT.has(k) ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) out.push(`| ${COLUMNS.map(([k]) => esc(k === 'dataset' && r[k] ? `**${r[k]}**` : r[k])).join(' | ')} |`);
  return out.join('\n');
}

function gitCommit(root) {
  try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return null; }
}

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = findRoot(here) || findRoot(process.cwd());
  if (!root) { console.error('bench/quality.mjs: cannot find the repository root (package.json named "corroborate")'); process.exit(2); }
  const args = parseArgs(process.argv.slice(2), root);
  const evalDir = findEvalDir(root);
  const scoreMjs = path.join(evalDir, 'score.mjs');
  if (!fs.existsSync(scoreMjs)) { console.error(`bench/quality.mjs: no scorer at ${scoreMjs} (set CORROBORATE_EVAL_DIR)`); process.exit(1); }
  if (!fs.existsSync(args.cli)) { console.error(`bench/quality.mjs: no CLI at ${args.cli}: run \`npm run build\` or pass --cli PATH`); process.exit(1); }

  const all = [...DEV_DATASETS, SEEDS, STORIES, ...Object.keys(PROVENANCE_SETS)];
  const names = args.only || all;
  for (const n of names) if (!all.includes(n)) usage(`unknown dataset ${n} (known: ${all.join(', ')})`);

  const cmd = `${shq(process.execPath)} ${shq(args.cli)} analyze {docs} --json`;
  const results = [];
  let seedsDir = null;
  try {
    for (const name of names) {
      let dir;
      if (name === SEEDS) dir = seedsDir = seedsDataset(root);
      else if (name === STORIES || name in PROVENANCE_SETS) dir = null;
      else dir = path.join(evalDir, 'datasets', name);
      const res = { name, out: null, error: null, targets: [] };
      if (name in PROVENANCE_SETS) {
        const run = await runProvenance(root, PROVENANCE_SETS[name], args.cli, evalDir);
        if (run.code !== 0) res.error = `provenance-quality.mjs exited with ${run.code}: ${run.stderr.trim().slice(-600)}`;
        else try { res.out = JSON.parse(run.stdout); } catch (e) { res.error = `provenance-quality.mjs printed no JSON (${e.message})`; }
      } else if (name === STORIES) {
        process.stderr.write(`bench: ${name} ...`);
        const t0 = Date.now();
        Object.assign(res, await runStories(evalDir, args.cli, root));
        process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      } else if (!fs.existsSync(path.join(dir, 'docs'))) {
        res.error = `no dataset at ${dir}`;
      } else {
        process.stderr.write(`bench: ${name} ...`);
        const t0 = Date.now();
        const run = await runScorer(scoreMjs, dir, cmd, root, args.timeout);
        process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
        if (run.code !== 0) res.error = `score.mjs exited with ${run.code}: ${run.stderr.trim().slice(-600)}`;
        else {
          try { res.out = JSON.parse(run.stdout); } catch (e) { res.error = `score.mjs printed no JSON (${e.message})`; }
        }
        if (res.out && res.out.performance && res.out.performance.exit !== 0) {
          res.out.notes = [...(res.out.notes || []), `the CLI exited with status ${res.out.performance.exit}`];
        }
      }
      if (res.error) process.stderr.write(`bench: ${name} FAILED: ${res.error}\n`);
      results.push(res);
    }
  } finally {
    if (seedsDir) fs.rmSync(seedsDir, { recursive: true, force: true });
  }

  const rows = buildRows(results);
  const targets = results.flatMap((r) => r.targets);
  const met = targets.filter((t) => t.met).length;
  const failed = results.filter((r) => !r.out);
  const notes = results.flatMap((r) => (r.out?.notes || []).map((n) => `${r.name}: ${n}`));
  const date = new Date().toISOString().slice(0, 10);
  const commit = gitCommit(root);
  const cliShown = path.relative(root, args.cli).startsWith('..') ? args.cli : path.relative(root, args.cli);

  if (args.json) {
    console.log(JSON.stringify({ date, commit, cli: args.cli, evalDir, results: results.map((r) => ({ name: r.name, error: r.error, ...(r.out || {}) })), targets }, null, 2));
  } else if (args.markdown) {
    console.log(`Quality benchmark, ${date}${commit ? ` (commit ${commit})` : ''}: \`${cliShown}\` scored by \`shared/eval/score.mjs\`.\n`);
    console.log(markdownTable(rows));
    console.log(`\nTargets met: ${met}/${targets.length}.${failed.length ? ` Failed runs: ${failed.map((r) => r.name).join(', ')}.` : ''}`);
    for (const n of notes) console.log(`\n- note: ${n}`);
  } else {
    console.log(`quality benchmark ${date}${commit ? ` ${commit}` : ''}  cli ${cliShown}  eval ${evalDir}\n`);
    console.log(textTable(rows));
    console.log(`\ntargets met: ${met}/${targets.length}${failed.length ? `; FAILED runs: ${failed.map((r) => r.name).join(', ')}` : ''}`);
    for (const t of targets.filter((x) => !x.met)) console.log(`  missed: ${t.dataset} ${t.metric} ${fieldLabel[t.field] || t.field} ${isNum(t.value) ? t.value.toFixed(3) : 'n/a'} < ${t.min.toFixed(2)}`);
    for (const n of notes) console.log(`note: ${n}`);
  }
  const missed = targets.filter((t) => !t.met);
  // The table went to stdout; say why the exit status is 1 on stderr too, so that CI logs show it.
  for (const t of missed) console.error(`bench/quality.mjs: target missed: ${t.dataset} ${t.metric} ${fieldLabel[t.field] || t.field} ${isNum(t.value) ? t.value.toFixed(3) : 'n/a'} < ${t.min.toFixed(2)}`);
  for (const r of failed) console.error(`bench/quality.mjs: run failed: ${r.name}`);
  process.exit(failed.length || missed.length ? 1 : 0);
}

main().catch((e) => { console.error(`bench/quality.mjs: internal error: ${e.stack || e}`); process.exit(1); });

#!/usr/bin/env node
// node bench/stories-incremental.mjs [COUNT] — story grouping kept up to date, scored: the workspace index (out/, from
// `npm run build`) takes all ecbplus-dev documents but COUNT (15 unless given), builds the view, then gets the COUNT
// documents one at a time and COUNT others edited (a sentence cut), a view after each change, so the stories are
// placed incrementally; ../shared/eval/stories.mjs scores the result. Exits non-zero below B-cubed 0.90 or above
// 0.05 cross-story figure pairs (the targets of bench/quality.mjs, which scores a full grouping).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findEvalDir, repoRoot } from './corpus.mjs';

const require = createRequire(import.meta.url);
const root = repoRoot();
const { WorkspaceIndex } = require(path.join(root, 'out', 'server', 'src', 'core', 'index', 'workspace-index.js'));
const { toContractOutput } = require(path.join(root, 'out', 'server', 'src', 'core', 'contract.js'));
const evalDir = findEvalDir(root);
const dataset = path.join(evalDir, 'datasets', 'ecbplus-dev');
const folder = path.join(dataset, 'docs');
const files = fs.readdirSync(folder).filter((file) => /\.(txt|md)$/.test(file)).sort();
const count = Number(process.argv[2] ?? 15);
const step = Math.floor(files.length / count);
const held = new Set(files.filter((_, i) => i % step === 3).slice(0, count));
const edited = files.filter((_, i) => i % step === 7).slice(0, count);
const keyOf = (file) => path.join(folder, file);
const index = new WorkspaceIndex();
for (const file of files) if (!held.has(file)) index.set(keyOf(file), fs.readFileSync(keyOf(file), 'utf8'));
index.crossDocument();
for (const file of held) { index.set(keyOf(file), fs.readFileSync(keyOf(file), 'utf8')); index.crossDocument(); }
for (const file of edited) {
  const text = fs.readFileSync(keyOf(file), 'utf8');
  const at = text.indexOf('.', text.length / 2) + 1;
  index.set(keyOf(file), text.slice(0, at) + text.slice(text.indexOf('.', at) + 1));
  index.crossDocument();
}
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-stories-incremental-')), 'output.json');
fs.writeFileSync(out, JSON.stringify(toContractOutput(index.all(), index.crossDocument(), [])));
const scored = JSON.parse(execFileSync(process.execPath, [path.join(evalDir, 'stories.mjs'), dataset, '--from-json', out, '--json'], { encoding: 'utf8' }));
fs.rmSync(path.dirname(out), { recursive: true, force: true });
const b3 = Number(scored.summary['stories.b3']);
const crossStory = Number(scored.summary['figures.cross_story_pairs']);
const met = b3 >= 0.9 && crossStory <= 0.05;
console.log(`${held.size} documents added one at a time, ${edited.length} edited: stories.b3 ${b3.toFixed(3)} (target >= 0.90), figures.cross_story_pairs ${crossStory.toFixed(3)} (target <= 0.05): ${met ? 'met' : 'MISSED'}`);
process.exit(met ? 0 : 1);

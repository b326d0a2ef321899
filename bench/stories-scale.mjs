#!/usr/bin/env -S node --expose-gc
// The stories step of the cross-document view on a large real-text folder (bench/real-corpus.mjs), in-process: CPU
// seconds of the cold grouping, and the heap it keeps (after a garbage collection, with the view and index alive).
// Prints how many stories and their largest sizes; with --save FILE writes the grouping, with --compare FILE scores it
// (B-cubed) against a grouping saved before.
//
//   node --expose-gc bench/stories-scale.mjs --documents 4000 [--save before.json] [--compare before.json]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './corpus.mjs';
import { temporaryRealCorpus } from './real-corpus.mjs';

const require = createRequire(import.meta.url);
const core = (file) => require(path.join(repoRoot(), 'out', 'server', 'src', 'core', file));
const { WorkspaceIndex } = core('index/workspace-index.js');
const { StoryIndex } = core('index/stories.js');
const argument = (flag) => { const at = process.argv.indexOf(flag); return at > 0 ? process.argv[at + 1] : undefined; };
if (typeof globalThis.gc !== 'function') { console.error('run with node --expose-gc'); process.exit(2); }

const count = Number(argument('--documents') ?? 4000);
const { folder, names } = temporaryRealCorpus(count);
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1e6; };
const heap = () => { globalThis.gc(); return process.memoryUsage().heapUsed / 1e6; };

const group = StoryIndex.prototype.group;
let measured = null;
StoryIndex.prototype.group = function (...args) {
  const before = heap();
  const start = cpu();
  const view = group.apply(this, args);
  const seconds = cpu() - start;
  measured = { seconds, before, view };
  return view;
};
const index = new WorkspaceIndex();
for (const name of names) index.set(name, fs.readFileSync(path.join(folder, name), 'utf8'));
fs.rmSync(folder, { recursive: true, force: true });
index.crossDocument();
const kept = heap() - measured.before;
const { stories } = measured.view;
const sizes = stories.map((story) => story.documents.length).sort((a, b) => b - a);
console.log(`${count} documents: stories step ${measured.seconds.toFixed(2)} s CPU, heap kept by the view and index after it ${kept.toFixed(0)} MB (heap ${heap().toFixed(0)} MB)`);
console.log(`${stories.length} stories, ${sizes.filter((size) => size === 1).length} of one document; largest: ${sizes.slice(0, 10).join(', ')}`);

const grouping = stories.map((story) => story.documents);
if (argument('--save')) fs.writeFileSync(argument('--save'), JSON.stringify(grouping));
if (argument('--compare')) {
  const other = JSON.parse(fs.readFileSync(argument('--compare'), 'utf8'));
  const clusterOf = (groups) => { const map = new Map(); groups.forEach((group, id) => group.forEach((path) => map.set(path, id))); return map; };
  const mine = clusterOf(grouping), theirs = clusterOf(other);
  const members = (groups, map, path) => new Set(groups[map.get(path)]);
  let precision = 0, recall = 0;
  for (const path of mine.keys()) {
    const a = members(grouping, mine, path), b = members(other, theirs, path);
    let both = 0;
    for (const item of a) if (b.has(item)) both++;
    precision += both / a.size;
    recall += both / b.size;
  }
  precision /= mine.size; recall /= mine.size;
  console.log(`against ${argument('--compare')}: B-cubed precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${(2 * precision * recall / (precision + recall)).toFixed(3)}`);
}

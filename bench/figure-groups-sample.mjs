#!/usr/bin/env node
// A hand-read check of figure grouping (issue 15): does each figure group with two or more sources compare one
// measure? Draws 50 such groups from the CLI's output on ecbplus-dev (evenly spaced in id order, so the draw
// does not depend on the reader), prints each member in its sentence, and scores a file of verdicts read by hand.
//
//   node bench/figure-groups-sample.mjs draw [--from-json OUT.json] [--offset F] > bench/figure-groups-handcheck.json
//     (--offset, 0 to 1: where in each step of the even spacing the draw falls; 0.55 for the committed sample,
//     0.15 for figure-groups-handcheck-round1.json, 0.4 for figure-groups-handcheck-before.json; 0.7 was a tuning draw)
//   node bench/figure-groups-sample.mjs show bench/figure-groups-handcheck.json     # members in their sentences
//   node bench/figure-groups-sample.mjs score bench/figure-groups-handcheck.json    # the share that compare one measure
//
// The verdicts file lists, per group, `oneMeasure` (true / false, filled in by the reader) and a `note`.
// Exit status: 0; 1 when the share is below 0.9 (score) or a verdict is missing; 2 for bad usage.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SAMPLE_SIZE = 50;
const TARGET = 0.9;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(process.env.CORROBORATE_EVAL_DIR || path.join(root, '..', 'shared', 'eval'));
const docsDir = path.join(evalDir, 'datasets', 'ecbplus-dev', 'docs');
const [command, ...rest] = process.argv.slice(2);

function fail(message) { console.error(`figure-groups-sample: ${message}`); process.exit(2); }

function sentenceAround(text, start, end) {
  let from = start, to = end;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from--;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to++;
  return `${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to + 1)}`.trim().replace(/\s+/g, ' ');
}

if (command === 'draw') {
  const option = (name) => { const at = rest.indexOf(name); return at >= 0 ? rest[at + 1] : null; };
  const fromJson = option('--from-json');
  const offset = Number(option('--offset') ?? 0);
  const raw = fromJson ? fs.readFileSync(fromJson, 'utf8')
    : execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'analyze', docsDir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const output = JSON.parse(raw);
  const groups = output.figureGroups.filter((group) => new Set(group.members.map((member) => member.path)).size >= 2)
    .sort((a, b) => a.id.localeCompare(b.id));
  const step = groups.length / SAMPLE_SIZE;
  const sample = Array.from({ length: Math.min(SAMPLE_SIZE, groups.length) }, (_, index) => groups[Math.floor((index + offset) * step)]);
  const texts = new Map();
  const textOf = (memberPath) => {
    const file = path.join(docsDir, path.basename(memberPath));
    if (!texts.has(file)) texts.set(file, fs.readFileSync(file, 'utf8'));
    return texts.get(file);
  };
  console.log(JSON.stringify({
    comment: 'Figure groups with two or more sources from `corroborate analyze` on ecbplus-dev, 50 evenly spaced in id order, each member in its sentence. oneMeasure: read by hand, whether every member counts the same thing (the same counted noun, the same outcome, the same event). note: why not, where not.',
    groupsWithTwoSources: groups.length, offset,
    sample: sample.map((group) => ({
      id: group.id, measure: group.measure, verdict: group.verdict,
      members: group.members.map((member) => ({ path: path.basename(member.path), text: member.text, date: member.date,
        sentence: sentenceAround(textOf(member.path), member.start, member.end) })),
      oneMeasure: null, note: '',
    })),
  }, null, 1));
} else if (command === 'show' || command === 'score') {
  if (!rest[0]) fail(`${command} needs the verdicts file`);
  const checked = JSON.parse(fs.readFileSync(rest[0], 'utf8'));
  if (command === 'show') {
    checked.sample.forEach((group, index) => {
      console.log(`\n${index + 1}. ${group.id} — "${group.measure}" (${group.verdict}) oneMeasure=${group.oneMeasure}`);
      for (const member of group.members) console.log(`   ${member.path} ${member.date ?? 'no date'}: ${member.sentence}`);
    });
  } else {
    const missing = checked.sample.filter((group) => typeof group.oneMeasure !== 'boolean');
    const yes = checked.sample.filter((group) => group.oneMeasure === true).length;
    const share = yes / checked.sample.length;
    console.log(`figure groups read by hand: ${yes} of ${checked.sample.length} compare one measure (${share.toFixed(2)}; target >= ${TARGET})`);
    for (const group of checked.sample.filter((entry) => entry.oneMeasure === false)) console.log(`  not one measure: ${group.id}: ${group.note}`);
    if (missing.length) { console.log(`  no verdict yet: ${missing.map((group) => group.id).join(', ')}`); process.exit(1); }
    process.exit(share >= TARGET ? 0 : 1);
  }
} else {
  fail('usage: node bench/figure-groups-sample.mjs draw [--from-json OUT.json] | show FILE | score FILE');
}

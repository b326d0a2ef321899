import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { toContractOutput } from '../../server/src/core/contract';
import { parseCorrections } from '../../server/src/core/corrections';
import { diagnoseDocument } from '../../server/src/core/features/diagnostics';
import { seedPath, SEEDS } from '../support/repo';

const seedTexts = Object.values(SEEDS).map((name) => ({ key: name, text: fs.readFileSync(seedPath(name), 'utf8') }));

function snapshot(index: WorkspaceIndex): string {
  return JSON.stringify(toContractOutput(index.all(), index.crossDocument(), []));
}

function rebuild(texts: Map<string, string>, corrections = parseCorrections('{}').corrections): string {
  const fresh = new WorkspaceIndex();
  fresh.setCorrections(corrections);
  for (const [key, text] of texts) fresh.set(key, text);
  return snapshot(fresh);
}

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
}

test('after any sequence of edits, adds, deletes and renames, the incremental index equals a rebuild', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const next = random(seed);
    const index = new WorkspaceIndex();
    const texts = new Map<string, string>();
    for (let step = 0; step < 25; step++) {
      const choice = next();
      const source = seedTexts[Math.floor(next() * seedTexts.length)];
      const keys = [...texts.keys()];
      const key = keys[Math.floor(next() * keys.length)];
      if (choice < 0.35 || !key) {
        texts.set(source.key, source.text);
        index.set(source.key, source.text);
      } else if (choice < 0.7) {
        const text = texts.get(key)!;
        const at = Math.floor(next() * text.length);
        const edited = `${text.slice(0, at)}${next() < 0.5 ? ' More than 70 countries joined on May 6, 2015. ' : ''}${text.slice(at + Math.floor(next() * 40))}`;
        texts.set(key, edited);
        index.set(key, edited);
      } else if (choice < 0.85) {
        texts.delete(key);
        index.delete(key);
      } else {
        const renamed = `renamed-${step}-${key}`;
        texts.set(renamed, texts.get(key)!);
        texts.delete(key);
        index.delete(key);
        index.set(renamed, texts.get(renamed)!);
      }
      // Read the cross-document view between steps, as the server does, so stale caches would show.
      if (step % 3 === 0) index.crossDocument();
    }
    assert.equal(snapshot(index), rebuild(texts), `sequence ${seed}`);
    const fresh = new WorkspaceIndex();
    for (const [key, text] of texts) fresh.set(key, text);
    for (const key of texts.keys()) {
      // Diagnostics read workspace-wide indexes that are updated, not rebuilt, between views.
      assert.deepEqual(diagnoseDocument(index.get(key)!, index.crossDocument(), index.all()),
        diagnoseDocument(fresh.get(key)!, fresh.crossDocument(), fresh.all()), `diagnostics of ${key}, sequence ${seed}`);
    }
  }
});

test('corrections: a document date re-dates the document; changing corrections equals a rebuild with them', () => {
  const index = new WorkspaceIndex();
  const texts = new Map(seedTexts.map(({ key, text }) => [key, text]));
  for (const [key, text] of texts) index.set(key, text);
  assert.equal(index.get(SEEDS.tillerson)!.metadata.date.source, 'none');
  const { corrections, problems } = parseCorrections(JSON.stringify({ documentDates: { [SEEDS.tillerson]: '2018-02-13' } }));
  assert.deepEqual(problems, []);
  index.setCorrections(corrections);
  assert.deepEqual(index.get(SEEDS.tillerson)!.metadata.date, { value: '2018-02-13', source: 'correction' });
  assert.equal(snapshot(index), rebuild(texts, corrections));
  index.setCorrections(parseCorrections('{}').corrections);
  assert.equal(index.get(SEEDS.tillerson)!.metadata.date.source, 'none');
  assert.equal(snapshot(index), rebuild(texts));
});

test('corrections files with bad content give clear problems and no corrections', () => {
  assert.match(parseCorrections('{ "documentDates": ').problems[0], /^not valid JSON/);
  assert.deepEqual(parseCorrections('{"documentDates": {"a.txt": "13 Feb"}}').problems, ['/documentDates/a.txt must match pattern "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$"']);
  assert.deepEqual(parseCorrections('{"colour": "red"}').problems, ["(top level) must NOT have additional properties ('colour')"]);
  assert.deepEqual(parseCorrections('[]').problems, ['(top level) must be object']);
  assert.deepEqual(parseCorrections('').problems, []);
});

test('corrections: figures the user separates leave their group; figures the user joins form one', () => {
  const index = new WorkspaceIndex();
  for (const { key, text } of seedTexts) index.set(key, text);
  const airstrikes = index.crossDocument().figureGroups.find((group) => group.members.some((member) => member.text.includes('3,700')));
  assert.ok(airstrikes, 'no group holds the 3,700 airstrikes');
  const separate = airstrikes.members.map(({ path, text }) => ({ path, text }));
  const { corrections } = parseCorrections(JSON.stringify({ figures: { separate: [separate] } }));
  index.setCorrections(corrections);
  assert.ok(!index.crossDocument().figureGroups.some((group) => group.members.some((member) => member.text.includes('3,700'))));
  const { corrections: joined } = parseCorrections(JSON.stringify({ figures: { join: [separate] } }));
  index.setCorrections(joined);
  const group = index.crossDocument().figureGroups.find((candidate) => candidate.members.some((member) => member.text.includes('3,700')));
  assert.equal(group?.members.length, separate.length);
});

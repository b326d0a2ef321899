import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeDocument } from '../../server/src/core/analyze';
import { SharedTextIndex } from '../../server/src/core/index/shared-text';
import type { DocumentAnalysis } from '../../server/src/core/types';
import { seedPath, SEEDS } from '../support/repo';

const seed = (name: string) => fs.readFileSync(seedPath(name), 'utf8');
const seeds = Object.values(SEEDS).map((name) => analyzeDocument(name, seed(name)));

/** A rewrite of the CENTCOM seed's coalition paragraphs, as a second outlet would run them, with its own opening. */
function republished(): string {
  const centcom = seed(SEEDS.centcom);
  const from = centcom.indexOf('U.S. Central Command last week hosted');
  const to = centcom.indexOf('A dozen countries are also involved');
  const copied = centcom.slice(from, to).replace('further developed and refined', 'developed and refined');
  return `Coalition planners meet in Florida\n\nOfficers from dozens of countries gathered in Tampa this spring, a spokesman told reporters on Friday.\n\n${copied}\nNo date was given for the next meeting.\n`;
}

test('the seeds share no passage: what 000 and 002 have in common is a figure, not text, and site furniture does not count', () => {
  const index = new SharedTextIndex();
  index.sync(seeds);
  for (const document of seeds) assert.deepEqual(index.passagesOf(document.path), [], document.path);
  // 002 and 003 open with the same .gov banner, which is noise, not reporting.
  assert.ok(seed(SEEDS.obama).includes('Share sensitive information only on official, secure websites.'));
  assert.ok(seed(SEEDS.centcom).includes('Share sensitive information only on official, secure websites.'));
});

test('a copied, lightly edited passage is found as spans on both sides, with its counterpart', () => {
  const copy = analyzeDocument('copy.txt', republished());
  const index = new SharedTextIndex();
  index.sync([...seeds, copy]);
  const passages = index.passagesOf('copy.txt');
  assert.equal(passages.length, 1, JSON.stringify(passages));
  const [passage] = passages;
  assert.equal(passage.otherPath, SEEDS.centcom);
  assert.ok(copy.text.slice(passage.start, passage.end).startsWith('U.S. Central Command last week hosted'));
  assert.ok(copy.text.slice(passage.start, passage.end).endsWith('United Arab Emirates and United States.'));
  const centcom = seed(SEEDS.centcom);
  assert.ok(centcom.slice(passage.otherStart, passage.otherEnd).startsWith('U.S. Central Command last week hosted'));
  assert.ok(centcom.slice(passage.otherStart, passage.otherEnd).includes('A dozen nations have undertaken more than 3,700 airstrikes'));
  assert.equal(passage.verbatim, false, 'one word was dropped');
  assert.ok(passage.similarity > 0.8 && passage.similarity < 1, String(passage.similarity));
  // The other side sees the same passage, pointing back.
  const back = index.passagesOf(SEEDS.centcom);
  assert.equal(back.length, 1);
  assert.equal(back[0].otherPath, 'copy.txt');
  assert.equal(back[0].otherStart, passage.start);
  assert.equal(back[0].otherEnd, passage.end);
});

test('case and punctuation do not make a passage different; a paraphrase is not shared text', () => {
  const sentence = 'The planning conference complements the coalition\'s military actions against ISIL, which include airstrikes in support of Iraqi forces as well as helping to train and equip Iraqi forces.';
  const shouted = analyzeDocument('upper.txt', `Headline\n\n${sentence.toUpperCase().replace(/,/g, ' --')}\n`);
  const paraphrase = analyzeDocument('paraphrase.txt', 'Headline\n\nBesides the air raids flown for Iraqi troops, the coalition now also has a planning meeting behind its campaign.\n');
  const index = new SharedTextIndex();
  index.sync([...seeds, shouted, paraphrase]);
  assert.equal(index.passagesOf('upper.txt').length, 1);
  assert.equal(index.passagesOf('upper.txt')[0].verbatim, true);
  assert.deepEqual(index.passagesOf('paraphrase.txt'), []);
});

test('the passages of a quoted speech are marked as quoted', () => {
  const obama = seed(SEEDS.obama);
  const from = obama.indexOf('“Every day, our air campaign');
  const quoted = obama.slice(from, obama.indexOf('\n', from));
  const other = analyzeDocument('other.txt', `Obama speaks\n\nThe president spoke at the State Department.\n\n${quoted}\n`);
  const index = new SharedTextIndex();
  index.sync([...seeds, other]);
  const passages = index.passagesOf('other.txt');
  assert.ok(passages.length >= 1);
  assert.ok(passages.every((passage) => passage.quotedShare > 0.8), JSON.stringify(passages));
});

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seedValue: number): () => number {
  let state = seedValue;
  return () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
}

test('after any sequence of edits, adds and deletes, the incremental index equals a rebuild', () => {
  const sources = [...seeds.map((document) => document.text), republished()];
  for (const seedValue of [1, 2, 3, 4, 5]) {
    const next = random(seedValue);
    const index = new SharedTextIndex();
    const current = new Map<string, DocumentAnalysis>();
    for (let step = 0; step < 30; step++) {
      const keys = [...current.keys()];
      const key = keys[Math.floor(next() * keys.length)];
      const choice = next();
      if (choice < 0.4 || !key) {
        const path = `d${Math.floor(next() * 8)}.txt`;
        current.set(path, analyzeDocument(path, sources[Math.floor(next() * sources.length)]));
      } else if (choice < 0.8) {
        const text = current.get(key)!.text;
        const at = Math.floor(next() * text.length);
        current.set(key, analyzeDocument(key, `${text.slice(0, at)} The coalition flew more sorties over the weekend than at any time before. ${text.slice(at + Math.floor(next() * 60))}`));
      } else {
        current.delete(key);
      }
      index.sync([...current.values()]);
      if (step % 4 === 0) for (const path of current.keys()) index.passagesOf(path);
    }
    const fresh = new SharedTextIndex();
    fresh.sync([...current.values()].sort((a, b) => a.path.localeCompare(b.path)));
    for (const path of [...current.keys()].sort()) {
      assert.deepEqual(index.passagesOf(path), fresh.passagesOf(path), `seed ${seedValue}, ${path}`);
      assert.deepEqual([...index.copyPairsOf(path)].sort(), [...fresh.copyPairsOf(path)].sort(), `seed ${seedValue}, ${path}: copy pairs`);
    }
  }
});

test('short template sentences that differ in a number are not shared text', () => {
  const first = analyzeDocument('first.txt', 'Springfield\n\nSpringfield is a city in the county.\n\nThe population was 37,879 at the 2010 census.\n');
  const second = analyzeDocument('second.txt', 'Shelbyville\n\nShelbyville lies on the river.\n\nThe population was 141 at the 2010 census.\n');
  const index = new SharedTextIndex();
  index.sync([first, second]);
  assert.deepEqual(index.passagesOf('first.txt'), []);
});

// The recogniser sums its features' weights without building the feature table (scoreDocument, with word facts kept
// across documents) and reuses its decoding arrays: both must give exactly what the table and fresh arrays give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import modelData from '../../server/src/core/data/entities-model.json';
import { documentFeatures, scoreDocument, SUMS, TAG_COUNT, WordFactsCache, type FeatureDocument } from '../../server/src/core/extract/entities/features';
import { decodePass, DecoderScratch, TwoPassWeights, viterbi, type ModelData } from '../../server/src/core/extract/entities/perceptron';
import { modelTokens } from '../../server/src/core/extract/entities/model-tokens';
import { hintCodes } from '../../server/src/core/extract/entities/rule-hints';
import { ruleHints } from '../../server/src/core/extract/entities';

const SEEDS_DIR = [join(process.cwd(), 'seeds'), join(__dirname, '..', '..', 'seeds')].find((dir) => existsSync(dir))!;
const data = modelData as unknown as ModelData;
const passes = data.passes.map((pass) => decodePass(pass, data.bucketBits));
const mask = (1 << data.bucketBits) - 1;

/** Headlines, quotes, capitals, particles, hyphens, a name written in capitals elsewhere, a possessive, digits. */
const EDGES = [
  'Obama Meets Putin In Geneva\n"We will see," said Barack Obama. OBAMA later met al-Baghdadi and Abu Bakr al-Baghdadi\'s aides.',
  'BAGHDAD (Reuters) - The U.S.-led coalition said 76ers fans, Ms. van der Berg and Jean-Luc Picard didn\'t attend.',
  'Zoë Ångström visited İstanbul — “İyi” — and Ωmega Corp. on 12 March 2015: (1) prices, (2) wages.',
];

function documentOf(text: string): FeatureDocument {
  const { tokens, sentences } = modelTokens(text);
  return { words: tokens.map((t) => t.text), sentences, hints: hintCodes(ruleHints(text), tokens) };
}

test('scoreDocument sums exactly the weights of the feature table, for both passes, with and without cached words', () => {
  const texts = [...EDGES, ...readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'))];
  const cache = new WordFactsCache(new TwoPassWeights(passes[0], passes[1]), mask);
  for (const round of [1, 2]) {
    for (const text of texts) {
      const doc = documentOf(text);
      const table = documentFeatures(doc, mask, null);
      const { sums, active } = scoreDocument(doc, null, cache);
      assert.deepEqual(active, table.active);
      for (let i = 0; i < doc.words.length; i++) {
        for (let p = 0; p < 2; p++) {
          for (let t = 0; t < TAG_COUNT; t++) {
            let expected = 0;
            if (table.active[i]) for (let f = table.offsets[i]; f < table.offsets[i + 1]; f++) expected += passes[p].weights[table.ids[f] * TAG_COUNT + t];
            assert.equal(sums[i * SUMS + p * TAG_COUNT + t], expected, `round ${round}, token ${i} "${doc.words[i]}", pass ${p}, tag ${t}`);
          }
        }
      }
    }
  }
});

test('viterbi with reused work arrays decodes as with fresh ones, longer and shorter runs in turn', () => {
  const scratch = new DecoderScratch();
  let seed = 7;
  const random = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const transitions = passes[1].transitions;
  for (const n of [40, 3, 17, 1, 60, 2]) {
    const emit = Float32Array.from({ length: n * TAG_COUNT }, () => (random() - 0.5) * 20);
    for (const [startRow, endTag] of [[TAG_COUNT, -1], [0, 0]]) {
      const fresh = { tags: new Uint8Array(n), margins: new Float32Array(n) };
      const reused = { tags: new Uint8Array(n), margins: new Float32Array(n) };
      viterbi(emit, n, transitions, fresh.tags, fresh.margins, startRow, endTag);
      viterbi(emit, n, transitions, reused.tags, reused.margins, startRow, endTag, scratch);
      assert.deepEqual(reused, fresh, `run of ${n}`);
    }
  }
});

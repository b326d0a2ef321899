import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { diagnoseDocument } from '../../server/src/core/features/diagnostics';
import { repoRoot, seedPath, SEEDS } from '../support/repo';

// The seeds (one story) beside five reports of one Klitschko title fight (ECB+ topic 7): two stories.
const FIGHT = ['7_1ecbplus.txt', '7_2ecbplus.txt', '7_3ecbplus.txt', '7_4ecbplus.txt', '7_5ecbplus.txt'];
const LINE = '“We remain relentless in going after them,”';

function twoStories(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, fs.readFileSync(seedPath(name), 'utf8'));
  for (const name of FIGHT) index.set(name, fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'stories', name), 'utf8'));
  return index;
}

const mismatches = (index: WorkspaceIndex, name: string) => diagnoseDocument(index.get(name)!, index.crossDocument())
  .filter((diagnostic) => diagnostic.kind === 'quote-speaker-mismatch');

test('quote-speaker mismatches stay inside a story: the fight report that gives Obama\'s words to Klitschko is no mismatch; a seed that gives them to Weidley is', () => {
  const index = twoStories();
  const fight = index.get(FIGHT[0])!.text;
  index.set(FIGHT[0], `${fight.trimEnd()}\n\n${LINE} Wladimir Klitschko said after the fight.\n`);
  const view = index.crossDocument();
  assert.notEqual(view.stories.storyOf.get(FIGHT[0])?.id, view.stories.storyOf.get(SEEDS.obama)?.id, 'the fight and the seeds are two stories');
  assert.equal(index.get(FIGHT[0])!.quotes.find((quote) => quote.text.includes('relentless'))?.speaker?.name, 'Wladimir Klitschko');
  assert.deepEqual(mismatches(index, FIGHT[0]), []);
  assert.deepEqual(mismatches(index, SEEDS.obama), []);

  const centcom = index.get(SEEDS.centcom)!.text;
  index.set(SEEDS.centcom, `${centcom.trimEnd()}\n\n${LINE} Brig. Gen. Thomas Weidley said.\n`);
  const [mismatch] = mismatches(index, SEEDS.obama);
  assert.ok(mismatch, 'the same words given to another speaker of the same story are flagged');
  assert.deepEqual(mismatch.related?.map((related) => related.path), [SEEDS.centcom]);
  assert.match(mismatch.related![0].message, /said by Thomas Weidley/);
});

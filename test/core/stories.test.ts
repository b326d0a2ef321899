import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { SimilarityModel } from '../../server/src/core/index/story-similarity';
import { parseCorrections } from '../../server/src/core/corrections';
import { toContractOutput } from '../../server/src/core/contract';
import { withDocumentDate, withStoryMove, withStorySplit } from '../../server/src/core/features/correction-edits';
import { repoRoot, seedPath, SEEDS } from '../support/repo';

const FIXTURES = path.join(repoRoot(), 'test', 'fixtures', 'stories');
const fixtureNames = () => fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort();
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
/** ECB+ names a story by topic and half: "7_3ecbplus.txt" reports story "7 ecbplus". */
const labelOf = (name: string) => name.replace(/^(\d+)_\d+(ecb(?:plus)?)\.txt$/, '$1 $2');

function fixtureIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of fixtureNames()) index.set(name, fixture(name));
  return index;
}

function seedIndex(extra: Record<string, string> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, fs.readFileSync(seedPath(name), 'utf8'));
  for (const [name, text] of Object.entries(extra)) index.set(name, text);
  return index;
}

test('the five seeds are one story, titled by a headline, spanning their two stated dates', () => {
  const { stories } = seedIndex().crossDocument().stories;
  assert.equal(stories.length, 1);
  assert.deepEqual(stories[0].documents, Object.values(SEEDS).sort());
  assert.ok(['Kerry on Winning the Fight Against ISIL', 'Momentum Against ISIL Builds', 'Counter-ISIL Campaign Continues, President Says',
    'ISIL losing ground, forced into defensive position, CJTF-OIR official says', "Tillerson: Islamic State Yet To Suffer 'Enduring Defeat'"]
    .includes(stories[0].title), stories[0].title);
  assert.deepEqual(stories[0].dateSpan, { start: '2015-05-06', end: '2016-02-18' });
});

test('unrelated documents added to the seeds make a story of their own', () => {
  const extra = Object.fromEntries([1, 2, 3, 4].map((n) => [`x${n}.txt`, `Nothing much happened in town on the day, the report said ${n * 7}.\n`]));
  const { stories, storyOf } = seedIndex(extra).crossDocument().stories;
  assert.equal(stories.length, 2);
  assert.equal(storyOf.get(SEEDS.kerry), storyOf.get(SEEDS.tillerson));
  for (const name of Object.keys(extra)) assert.notEqual(storyOf.get(name), storyOf.get(SEEDS.kerry));
});

test('two similar events of one ECB+ topic stay apart: two Klitschko title fights, two Qeshm earthquakes', () => {
  const { stories } = fixtureIndex().crossDocument().stories;
  for (const story of stories) {
    assert.equal(new Set(story.documents.map(labelOf)).size, 1, `${story.title}: ${story.documents.join(' ')}`);
  }
  // B-cubed recall: most documents of a story are found together.
  const names = fixtureNames();
  const storyOf = new Map(stories.flatMap((story) => story.documents.map((name) => [name, story] as const)));
  const recall = names.reduce((sum, name) => {
    const gold = names.filter((other) => labelOf(other) === labelOf(name));
    return sum + gold.filter((other) => storyOf.get(other) === storyOf.get(name)).length / gold.length;
  }, 0) / names.length;
  assert.ok(recall >= 0.75, `recall ${recall.toFixed(3)}`);
  const thompson = stories.find((story) => story.documents.includes('7_1ecbplus.txt'))!;
  assert.deepEqual(thompson.dateSpan, { start: '2012-07-07', end: '2012-07-08' });
  assert.match(thompson.title, /Klitschko/);
});

test('an undated document takes its story\'s month, marked approximate; its own analysis stays undated', () => {
  const index = fixtureIndex();
  // Only this document of its story is left undated: the others that state no date are taken out.
  for (const key of index.keys()) if (/^7_\d+ecbplus/.test(key) && index.get(key)!.metadata.date.source === 'none') index.delete(key);
  const stated = fixture('7_5ecbplus.txt');
  const dateLine = stated.split('\n').find((line) => /2012/.test(line) && line.length < 60)!;
  assert.ok(dateLine, 'the fixture has a date line');
  index.set('7_5ecbplus.txt', stated.replace(/^---[\s\S]*?---\n/, '').replace(`${dateLine}\n`, ''));
  const view = index.crossDocument();
  assert.deepEqual(view.stories.approximateDates.get('7_5ecbplus.txt'), { value: '2012-07', source: 'inferred', approximate: true });
  assert.equal(index.get('7_5ecbplus.txt')!.metadata.date.value, null);
  const output = toContractOutput(index.all(), view, []);
  assert.deepEqual(output.documents.find((document) => document.path === '7_5ecbplus.txt')!.date, { value: '2012-07', source: 'inferred', approximate: true });
  assert.ok(output.stories.some((story) => story.documents.includes('7_5ecbplus.txt')));
});

test('a month and day stated without a year take the year of their story', () => {
  const index = fixtureIndex();
  // AP's style: "Jul. 7 5:59 PM EDT" under the headline (7_9ecbplus states it so).
  const text = fixture('7_9ecbplus.txt');
  assert.match(text, /^Jul\. 7 5:59 PM EDT$/m);
  assert.equal(index.get('7_9ecbplus.txt')!.metadata.date.value, null);
  assert.equal(index.crossDocument().stories.approximateDates.get('7_9ecbplus.txt')?.value, '2012-07-07');
});

test('stories follow edits: a document rewritten to report the other event moves to that story', () => {
  const index = fixtureIndex();
  const before = index.crossDocument().stories.storyOf;
  assert.notEqual(before.get('7_2ecbplus.txt')?.id, before.get('20_2ecbplus.txt')?.id);
  index.set('7_2ecbplus.txt', fixture('20_2ecbplus.txt'));
  const after = index.crossDocument().stories.storyOf;
  assert.equal(after.get('7_2ecbplus.txt')?.id, after.get('20_2ecbplus.txt')?.id);
  index.delete('7_2ecbplus.txt');
  assert.ok(!index.crossDocument().stories.storyOf.has('7_2ecbplus.txt'));
});

test('corrections move a document to another story and split documents off as a story of their own', () => {
  const index = fixtureIndex();
  const { corrections, problems } = parseCorrections(JSON.stringify({
    stories: { move: [{ path: '7_1ecb.txt', to: '20_1ecb.txt' }], split: [['7_1ecbplus.txt', '7_2ecbplus.txt']] },
  }));
  assert.deepEqual(problems, []);
  index.setCorrections(corrections);
  const { storyOf } = index.crossDocument().stories;
  assert.equal(storyOf.get('7_1ecb.txt')?.id, storyOf.get('20_1ecb.txt')?.id);
  assert.equal(storyOf.get('7_1ecbplus.txt')?.id, storyOf.get('7_2ecbplus.txt')?.id);
  assert.deepEqual(storyOf.get('7_1ecbplus.txt')?.documents, ['7_1ecbplus.txt', '7_2ecbplus.txt']);
  assert.ok(parseCorrections(JSON.stringify({ stories: { move: [{ path: 'a.txt' }] } })).problems.length > 0);
});

test('figures are compared inside a story only: the Thompson fight\'s rounds never meet the Rahman fight\'s', () => {
  const index = fixtureIndex();
  const { storyOf } = index.crossDocument().stories;
  for (const group of index.crossDocument().figureGroups) {
    assert.equal(new Set(group.members.map((member) => storyOf.get(member.path)?.id)).size, 1, group.id);
  }
});

test('story corrections are written through the corrections file and survive other corrections', () => {
  const moved = withStoryMove(null, 'seeds/004.txt', 'seeds/000.txt');
  assert.ok('text' in moved);
  const dated = withDocumentDate(moved.text, 'seeds/000.txt', '2016-02-26');
  assert.ok('text' in dated);
  const split = withStorySplit(dated.text, ['seeds/004.txt']);
  assert.ok('text' in split);
  const { corrections, problems } = parseCorrections(split.text);
  assert.deepEqual(problems, []);
  assert.deepEqual(corrections.stories, { move: [], split: [['seeds/004.txt']] });
  assert.equal(corrections.documentDates['seeds/000.txt'], '2016-02-26');
  const movedBack = withStoryMove(split.text, 'seeds/004.txt', 'seeds/001.txt');
  assert.ok('text' in movedBack);
  assert.deepEqual(parseCorrections(movedBack.text).corrections.stories, { move: [{ path: 'seeds/004.txt', to: 'seeds/001.txt' }], split: [] });
});

test('an edit re-places only the edited document, and the stories equal a fresh grouping of the same texts', () => {
  const index = fixtureIndex();
  index.crossDocument();
  const edited = `${fixture('20_3ecb.txt')}\nRescue teams reached the villages near Dargahan on the island by the evening.\n`;
  index.set('20_3ecb.txt', edited);
  const fresh = new WorkspaceIndex();
  for (const name of fixtureNames()) fresh.set(name, name === '20_3ecb.txt' ? edited : fixture(name));
  const partition = (target: WorkspaceIndex) => target.crossDocument().stories.stories.map((story) => story.documents.join(' ')).sort();
  assert.deepEqual(partition(index), partition(fresh));
});

test('past 2,000 documents each document keeps the pairs of its nearest documents only, after a full build and a replaced row', () => {
  // 2,100 documents: the first 300 all share ten features (one story told 300 times, every pair alike), the others
  // come in twos. All pairs would be 300 * 299 / 2 = 44,850; each document's 30 nearest give at most 300 * 30.
  const n = 2100, nearest = 30, repeated = 300;
  const features = Array.from({ length: n }, (_, index) => {
    const counts = new Map<string, number>([[`pair:${index >> 1}`, 1]]);
    if (index < repeated) for (let feature = 0; feature < 10; feature++) counts.set(`story:${feature}`, 1 + ((index + feature) % 3));
    return counts;
  });
  const model = new SimilarityModel(features, features.map(() => null), n + 10);
  const pairsOf = (document: number) => [...model.similarity.keys()].filter((key) => Math.floor(key / model.stride) === document || key % model.stride === document);
  const inStory = [...model.similarity.keys()].filter((key) => Math.floor(key / model.stride) < repeated && key % model.stride < repeated);
  assert.ok(inStory.length <= repeated * nearest, `${inStory.length} pairs inside the repeated story`);
  assert.ok(inStory.length >= (repeated * nearest) / 2, `${inStory.length} pairs inside the repeated story`);
  for (let document = 0; document < n; document += 97) assert.ok(pairsOf(document).length >= 1, `document ${document} kept a pair`);
  model.replace(n, features[0], null);
  assert.equal(pairsOf(n).length, nearest);
});

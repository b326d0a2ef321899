import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess, copyOfSeeds, stopAndRemove } from './server-process';
import { SEEDS, repoRoot } from '../support/repo';
import type { ProvenanceResponse } from '../../server/src/protocol';

// The seeds (one story) beside five reports of one Klitschko title fight (ECB+ topic 7): two stories.
const FIGHT = ['7_1ecbplus.txt', '7_2ecbplus.txt', '7_3ecbplus.txt', '7_4ecbplus.txt', '7_5ecbplus.txt'];

let server: ServerProcess;
let folder: string;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();

before(async () => {
  folder = copyOfSeeds();
  for (const name of FIGHT) fs.copyFileSync(path.join(repoRoot(), 'test', 'fixtures', 'stories', name), path.join(folder, name));
  server = new ServerProcess({});
  await server.initialize(folder);
  for (const name of [...Object.values(SEEDS), ...FIGHT]) await server.open(path.join(folder, name));
});

after(() => stopAndRemove(server, folder));

test('the Provenance view is listed per story: each story holds its own documents in its provenance groups', async () => {
  const response = await server.request<ProvenanceResponse>('corroborate/provenance', {});
  const documentsOf = (groups: ProvenanceResponse['groups']) => groups.flatMap((group) => group.documents.map((document) => document.uri)).sort();
  assert.deepEqual(documentsOf(response.groups), [...Object.values(SEEDS), ...FIGHT].map(uriOf).sort());
  assert.ok(response.stories.length >= 2, `${response.stories.length} stories`);
  const seedsStory = response.stories.find((story) => documentsOf(story.groups).includes(uriOf(SEEDS.kerry)))!;
  assert.deepEqual(documentsOf(seedsStory.groups), Object.values(SEEDS).map(uriOf).sort());
  assert.equal(seedsStory.documents, 5);
  for (const story of response.stories) {
    const own = new Set(documentsOf(story.groups));
    assert.equal(own.size, story.documents);
    for (const group of story.groups) {
      for (const document of group.documents) for (const shared of document.shared) assert.ok(own.has(shared.uri), `${story.title}: ${shared.uri}`);
    }
  }
  // Asked for some documents, the answer is about them alone, with no per-story listing.
  const subset = await server.request<ProvenanceResponse>('corroborate/provenance', { uris: [uriOf(SEEDS.kerry), uriOf(SEEDS.tillerson)] });
  assert.deepEqual(documentsOf(subset.groups), [uriOf(SEEDS.kerry), uriOf(SEEDS.tillerson)].sort());
  assert.deepEqual(subset.stories, []);
});

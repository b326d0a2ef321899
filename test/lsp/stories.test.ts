import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds, startWithSeedsOpen, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';
import type { EditResult, StoriesResponse } from '../../server/src/protocol';

let server: ServerProcess;
let folder: string;
const file = (name: string) => path.join(folder, name);
const uriOf = (name: string) => pathToFileURL(file(name)).toString();

before(async () => {
  folder = copyOfSeeds();
  server = new ServerProcess({});
  await startWithSeedsOpen(server, folder);
});

after(() => stopAndRemove(server, folder));

test('the stories request lists the seeds as one story; the document lens names it', async () => {
  const { stories } = await server.request<StoriesResponse>('corroborate/stories', {});
  assert.equal(stories.length, 1);
  assert.deepEqual(stories[0].documents.map((document) => document.uri).sort(), Object.values(SEEDS).map(uriOf).sort());
  assert.deepEqual(stories[0].dateSpan, { start: '6 May 2015', end: '18 February 2016' });
  const lenses = await server.codeLenses(uriOf(SEEDS.kerry)) ?? [];
  const story = lenses.find((lens) => lens.command?.title.startsWith('Story: '));
  assert.ok(story, lenses.map((lens) => lens.command?.title).join(' | '));
  assert.match(story.command!.title, /· 4 other sources$/);
});

test('splitting a document off its story is an edit of the corrections file, applied once saved', async () => {
  const result = await server.request<EditResult>('corroborate/storyCorrectionEdit', { uri: uriOf(SEEDS.tillerson) });
  const edit = result.edit as { documentChanges: Array<{ kind?: string; edits?: Array<{ newText: string }> }> };
  const written = edit.documentChanges[1].edits![0].newText;
  assert.deepEqual(JSON.parse(written), { stories: { split: [[SEEDS.tillerson]] } });
  assert.ok(!fs.existsSync(file('corroborate.corrections.json')), 'the server wrote to disk itself');
  fs.writeFileSync(file('corroborate.corrections.json'), written);
  await server.fileChanged(file('corroborate.corrections.json'), FileChangeType.Created);
  // The server handles messages in order: the file change is read before this request is answered.
  const { stories } = await server.request<StoriesResponse>('corroborate/stories', {});
  assert.equal(stories.length, 2);
  assert.ok(stories.some((story) => story.documents.length === 1 && story.documents[0].uri === uriOf(SEEDS.tillerson)));
  const moved = await server.request<EditResult>('corroborate/storyCorrectionEdit', { uri: uriOf(SEEDS.tillerson), to: uriOf(SEEDS.kerry) });
  assert.ok(moved.edit, moved.problem);
  const unknown = await server.request<EditResult>('corroborate/storyCorrectionEdit', { uri: uriOf('nothing.txt') });
  assert.match(unknown.problem ?? '', /not among the analysed sources/);
});

// What the views and the status bar are told: unreadable files by name and reason; entity mentions in their words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess, copyOfSeeds, stopAndRemove } from './server-process';
import type { EntitiesResponse, IndexChangedParams } from '../../server/src/protocol';

let server: ServerProcess;
let folder: string;
const summaries: IndexChangedParams[] = [];
let summaryArrived: () => void = () => undefined;

before(async () => {
  folder = copyOfSeeds();
  // Invalid UTF-8 (a lone continuation byte and a truncated sequence) in a file the include globs match.
  fs.writeFileSync(path.join(folder, 'broken.txt'), Buffer.from([0x48, 0x69, 0x20, 0x80, 0xe2, 0x82, 0x0a]));
  server = new ServerProcess();
  server.connection.onNotification('corroborate/indexChanged', (summary: IndexChangedParams) => { summaries.push(summary); summaryArrived(); });
  await server.initialize(folder);
});

after(() => stopAndRemove(server, folder));

async function summaryWith(accept: (summary: IndexChangedParams) => boolean): Promise<IndexChangedParams> {
  for (;;) {
    const found = summaries.find(accept);
    if (found) return found;
    await new Promise<void>((resolve) => { summaryArrived = resolve; });
  }
}

test('an unreadable file is named, with the reason, in the index summary', async () => {
  const summary = await summaryWith((candidate) => candidate.documents === 5);
  assert.equal(summary.unreadable, 1);
  const [broken] = summary.unreadableFiles;
  assert.equal(broken?.uri, pathToFileURL(path.join(folder, 'broken.txt')).toString());
  assert.match(broken?.reason ?? '', /\S/);
});

test('entity mentions come with the words around them, the mention marked', async () => {
  const { entities } = await server.request<EntitiesResponse>('corroborate/entities', {});
  const mentions = entities.flatMap((entity) => entity.mentions);
  assert.ok(mentions.length > 100);
  for (const mention of mentions) {
    const [start, end] = mention.context.highlight;
    assert.equal(mention.context.text.slice(start, end), mention.text.replace(/\s+/g, ' '), JSON.stringify(mention.context));
  }
  const carter = entities.find((entity) => entity.name === 'Ashton Carter')!.mentions.find((mention) => mention.text.endsWith('Carter'));
  assert.ok(carter && carter.context.text.length > carter.text.length + 10, `"${carter?.text}" with its words: ${JSON.stringify(carter?.context)}`);
});

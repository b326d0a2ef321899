import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds } from './server-process';
import { SEEDS, seedPath } from '../support/repo';
import { ENTITIES_REQUEST, FIGURE_GROUPS_REQUEST, TIMELINE_REQUEST, type TimelineResponse } from '../../server/src/protocol';

const uriOf = (file: string) => pathToFileURL(file).toString();
const SECRET = 'Zebulon Quartermaine said “The vault code is 4,815,162,342,” according to the memo.\n';

async function started(folder: string): Promise<{ server: ServerProcess; logged: string[] }> {
  const server = new ServerProcess();
  const logged: string[] = [];
  server.connection.onNotification('window/logMessage', (params: { message: string }) => { logged.push(params.message); });
  after(() => { if (server.child.exitCode === null) server.child.kill(); });
  await server.initialize(folder);
  return { server, logged };
}

async function announce(server: ServerProcess, changes: FileEvent[]): Promise<void> {
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

/** What the index holds, as the views see it: documents, entities, figure groups and the timeline. */
async function indexOf(server: ServerProcess): Promise<unknown> {
  const timeline = await server.request<TimelineResponse>(TIMELINE_REQUEST, {});
  const sortedBy = <T>(items: T[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    documents: sortedBy(timeline.documents), events: sortedBy(timeline.events),
    entities: await server.request(ENTITIES_REQUEST, {}), figureGroups: await server.request(FIGURE_GROUPS_REQUEST, {}),
  };
}

/** Resolves once the server has handled everything sent before (requests are answered in order, after notifications). */
async function settled(server: ServerProcess): Promise<void> {
  await server.request(TIMELINE_REQUEST, {});
}

test('file-change events for links, pipes and devices are skipped unread with one message each; nothing outside the folder is read and nothing blocks', { timeout: 60_000 }, async () => {
  const folder = copyOfSeeds();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  const { server, logged } = await started(folder);
  await server.diagnosticsFor(uriOf(path.join(folder, SEEDS.kerry)));

  const special: string[] = [];
  const add = (name: string, make: (file: string) => void) => { const file = path.join(folder, name); make(file); special.push(file); };
  add('link-out.txt', (file) => fs.symlinkSync(path.join(outside, 'secret.txt'), file));
  add('zero.txt', (file) => fs.symlinkSync('/dev/zero', file));
  add('pipe.txt', (file) => assert.equal(spawnSync('mkfifo', [file]).status, 0));
  const device = path.join(folder, 'null-device.txt');
  if (spawnSync('mknod', [device, 'c', '1', '3']).status === 0) special.push(device);
  fs.symlinkSync(outside, path.join(folder, 'linked-folder'));
  const throughLinkedFolder = path.join(folder, 'linked-folder', 'secret.txt');
  const huge = path.join(folder, 'huge.txt');
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 200 * 1024 * 1024); // sparse: 200 MB by its size, no disk used

  const events: FileEvent[] = [...special, throughLinkedFolder, huge].map((file) => ({ uri: uriOf(file), type: FileChangeType.Created }));
  await announce(server, events);
  await announce(server, events.map((event) => ({ ...event, type: FileChangeType.Changed })));
  // A FIFO read would block the server here until someone writes to it; a read of /dev/zero would never end.
  const timeline = await server.request<TimelineResponse>(TIMELINE_REQUEST, {});
  const indexed = timeline.documents.map((document) => document.uri);
  for (const event of events) assert.ok(!indexed.includes(event.uri), `${event.uri} is not indexed`);
  assert.deepEqual((await server.request<Array<{ name: string }>>('workspace/symbol', { query: 'Quartermaine' })), []);

  const skipped = (file: string) => logged.filter((line) => line.includes(`skipped ${uriOf(file)}:`));
  assert.match(skipped(path.join(folder, 'link-out.txt')).join(), /a symbolic link, not followed/);
  assert.match(skipped(path.join(folder, 'zero.txt')).join(), /a symbolic link, not followed/);
  assert.match(skipped(path.join(folder, 'pipe.txt')).join(), /a named pipe \(FIFO\), not a file/);
  if (special.includes(device)) assert.match(skipped(device).join(), /a device, not a file/);
  assert.match(skipped(throughLinkedFolder).join(), /outside the workspace folders, not read/);
  assert.match(skipped(huge).join(), /too large to analyse \(200\.0 MB; the limit is 20 MB\)/);
  for (const file of [...special, throughLinkedFolder, huge]) assert.equal(skipped(file).length, 1, `one message for ${file}, though announced twice`);
  assert.equal(server.child.exitCode, null);
  assert.equal(await server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

test('the initial scan skips links, pipes and devices with one message each', { timeout: 60_000 }, async () => {
  const folder = copyOfSeeds();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(folder, 'link-out.txt'));
  assert.equal(spawnSync('mkfifo', [path.join(folder, 'pipe.txt')]).status, 0);
  const { server, logged } = await started(folder);
  await server.diagnosticsFor(uriOf(path.join(folder, SEEDS.kerry)));
  for (const [name, reason] of [['link-out.txt', 'a symbolic link, not followed'], ['pipe.txt', 'a named pipe (FIFO), not a file']]) {
    assert.deepEqual(logged.filter((line) => line.includes(name)), [`Corroborate skipped ${uriOf(path.join(folder, name))}: ${reason}`]);
  }
  assert.equal(await server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

test('after bursts of creates, edits, renames and deletes, and a branch switch changing many files at once, the index equals a rebuild', { timeout: 120_000 }, async () => {
  const folder = copyOfSeeds();
  const { server } = await started(folder);
  await server.diagnosticsFor(uriOf(path.join(folder, SEEDS.kerry)));
  const seedTexts = Object.values(SEEDS).map((name) => fs.readFileSync(seedPath(name), 'utf8'));
  const file = (name: string) => path.join(folder, name);
  const changed = (name: string, type: FileChangeType) => ({ uri: uriOf(file(name)), type });

  // Burst 1: forty new articles, announced while some are still being written.
  const burst: FileEvent[] = [];
  for (let i = 0; i < 40; i++) {
    fs.writeFileSync(file(`story-${i}.txt`), `${seedTexts[i % seedTexts.length].slice(0, 400 + i * 37)}\n`);
    burst.push(changed(`story-${i}.txt`, FileChangeType.Created));
    if (i % 10 === 9) { await announce(server, burst.splice(0)); }
  }
  // Burst 2: edits, renames (a delete and a create), deletes, and an edit of a file deleted before its event is read.
  const edits: FileEvent[] = [];
  for (let i = 0; i < 40; i += 3) { fs.appendFileSync(file(`story-${i}.txt`), `\nOfficials said ${i * 1000} people attended on Tuesday.\n`); edits.push(changed(`story-${i}.txt`, FileChangeType.Changed)); }
  for (let i = 1; i < 40; i += 5) {
    fs.renameSync(file(`story-${i}.txt`), file(`renamed-${i}.txt`));
    edits.push(changed(`story-${i}.txt`, FileChangeType.Deleted), changed(`renamed-${i}.txt`, FileChangeType.Created));
  }
  for (let i = 2; i < 40; i += 7) { fs.rmSync(file(`story-${i}.txt`), { force: true }); edits.push(changed(`story-${i}.txt`, FileChangeType.Deleted)); }
  edits.push(changed('story-5.txt', FileChangeType.Changed));
  fs.rmSync(file('story-5.txt'), { force: true });
  await announce(server, edits);
  // A branch switch: most files rewritten, some gone, some new, all in one notification.
  const branch: FileEvent[] = [];
  for (const name of fs.readdirSync(folder).filter((entry) => entry.startsWith('story-')).sort()) {
    const number = Number(/\d+/.exec(name)![0]);
    if (number % 4 === 0) { fs.rmSync(file(name)); branch.push(changed(name, FileChangeType.Deleted)); continue; }
    fs.writeFileSync(file(name), `${seedTexts[(number + 2) % seedTexts.length].slice(0, 900)}\n`);
    branch.push(changed(name, FileChangeType.Changed));
  }
  for (let i = 0; i < 15; i++) { fs.writeFileSync(file(`branch-${i}.txt`), seedTexts[i % seedTexts.length]); branch.push(changed(`branch-${i}.txt`, FileChangeType.Created)); }
  fs.writeFileSync(file(SEEDS.obama), `${seedTexts[2]}\nThe president said 3,000 more troops would go.\n`);
  branch.push(changed(SEEDS.obama, FileChangeType.Changed));
  await announce(server, branch);
  await settled(server);
  const churned = await indexOf(server);
  assert.equal(await server.shutdown(), 0);

  const rebuilt = await started(folder);
  await rebuilt.server.diagnosticsFor(uriOf(path.join(folder, SEEDS.kerry)));
  assert.deepEqual(churned, await indexOf(rebuilt.server));
  assert.equal(await rebuilt.server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeDocument } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { toContractOutput } from '../../server/src/core/contract';
import { diagnoseDocument } from '../../server/src/core/features/diagnostics';
import { WarmCache } from '../../server/src/lsp/warm-cache';
import { ServerProcess, copyOfSeeds } from './server-process';
import { seedPath, SEEDS } from '../support/repo';

const seeds = Object.values(SEEDS).map((name) => ({ key: `file:///seeds/${name}`, text: fs.readFileSync(seedPath(name), 'utf8') }));

function everything(index: WorkspaceIndex): string {
  const view = index.crossDocument();
  return JSON.stringify({ output: toContractOutput(index.all(), view, []), diagnostics: index.all().map((document) => diagnoseDocument(document, view)) });
}

test('analyses read back from the warm cache give the same output and diagnostics as analysing afresh', async () => {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  const first = new WarmCache(storage, 'version-a', assert.fail);
  const fresh = new WorkspaceIndex();
  for (const { key, text } of seeds) first.remember(key, fresh.set(key, text), undefined);
  await first.write();

  const second = new WarmCache(storage, 'version-a', assert.fail);
  assert.equal(second.size, seeds.length);
  const warm = new WorkspaceIndex();
  for (const { key, text } of seeds) {
    const cached = second.lookUp(key, text, undefined);
    assert.ok(cached, key);
    warm.setAnalysed(key, text, cached);
  }
  assert.equal(everything(warm), everything(fresh));
  // A changed text, a corrected date or another analyser version finds nothing.
  assert.equal(second.lookUp(seeds[0].key, `${seeds[0].text} `, undefined), null);
  assert.equal(second.lookUp(seeds[0].key, seeds[0].text, '2015-01-01'), null);
  assert.equal(new WarmCache(storage, 'version-b', assert.fail).size, 0);
  // A later write keeps the entries written before (read back from the file) and adds the new one.
  const edited = `${seeds[0].text}\nA new paragraph.\n`;
  first.remember('file:///seeds/new.txt', analyzeDocument('file:///seeds/new.txt', edited), undefined);
  await first.write();
  const third = new WarmCache(storage, 'version-a', assert.fail);
  assert.equal(third.size, seeds.length + 1);
  assert.ok(third.lookUp('file:///seeds/new.txt', edited, undefined));
  fs.rmSync(storage, { recursive: true, force: true });
});

test('a cache file that is not a cache is reported and ignored', () => {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
  fs.writeFileSync(path.join(storage, 'analyses-cache.jsonl'), '\u0000garbage');
  const warnings: string[] = [];
  const cache = new WarmCache(storage, 'version-a', (message) => warnings.push(message));
  assert.equal(cache.size, 0);
  assert.match(warnings.join('\n'), /could not be read/);
  assert.equal(cache.lookUp('file:///a.txt', 'text', undefined), null);
  assert.ok(analyzeDocument('a.txt', 'text'));
  fs.rmSync(storage, { recursive: true, force: true });
});

test('the server writes its cache into the storage folder it is given, never the workspace, and starts warm from it', async () => {
  const folder = copyOfSeeds();
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-storage-'));
  const before = fs.readdirSync(folder).sort();
  const diagnosticsOf = async () => {
    const server = new ServerProcess({}, { storagePath: storage });
    const settled = new Promise((resolve) => server.connection.onNotification('corroborate/indexChanged', resolve));
    await server.initialize(folder);
    await settled;
    const all = await Promise.all(before.map((name) => server.diagnosticsFor(pathToFileURL(path.join(folder, name)).toString(), () => true)));
    await server.shutdown();
    return all;
  };
  const cold = await diagnosticsOf();
  assert.ok(fs.existsSync(path.join(storage, 'analyses-cache.jsonl')));
  assert.deepEqual(fs.readdirSync(folder).sort(), before);
  const warm = await diagnosticsOf();
  assert.deepEqual(warm, cold);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(storage, { recursive: true, force: true });
});

test('an unchanged folder gets the last session\'s diagnostics at once; a folder changed since gets diagnostics of its new text', async () => {
  const folder = copyOfSeeds();
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-storage-'));
  const names = Object.values(SEEDS);
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  /** The diagnostics published when the server first says every document is in, and how many summaries it sent. */
  const session = async (summaries: number) => {
    const server = new ServerProcess({}, { storagePath: storage });
    let count = 0;
    let first: Promise<Array<unknown>> | null = null;
    const enough = new Promise<void>((resolve) => server.connection.onNotification('corroborate/indexChanged', () => {
      first ??= Promise.all(names.map((name) => server.diagnosticsFor(uriOf(name), () => true)));
      if (++count === summaries) resolve();
    }));
    await server.initialize(folder);
    await enough;
    const published = await first!;
    await server.shutdown();
    return published;
  };
  const cold = await session(1);
  // Restored from the storage folder first (one summary), then checked by a pass over the folder (another).
  assert.deepEqual(await session(2), cold);
  const edited = path.join(folder, SEEDS.kerry);
  const text = fs.readFileSync(edited, 'utf8');
  const repeated = text.split('\n').find((line) => line.trim().length >= 40)!;
  fs.writeFileSync(edited, `${text.trimEnd()}\n${repeated}\n`);
  const changed = await session(1);
  const noiseLines = (list: unknown) => (list as Array<{ code: string; range: { start: { line: number } } }>).filter((diagnostic) => diagnostic.code === 'noise').map((diagnostic) => diagnostic.range.start.line);
  assert.ok(noiseLines(changed[names.indexOf(SEEDS.kerry)]).includes(text.trimEnd().split('\n').length), 'the repeated line is not flagged');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(storage, { recursive: true, force: true });
});

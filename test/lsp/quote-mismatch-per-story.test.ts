import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess, copyOfSeeds, stopAndRemove } from './server-process';
import { SEEDS, repoRoot } from '../support/repo';

// The seeds (one story) beside five reports of one Klitschko title fight (ECB+ topic 7): two stories. Obama's
// words are given to Klitschko in a fight report (another story: no mismatch) and to Weidley in a seed (a mismatch).
const FIGHT = ['7_1ecbplus.txt', '7_2ecbplus.txt', '7_3ecbplus.txt', '7_4ecbplus.txt', '7_5ecbplus.txt'];
const LINE = '“We remain relentless in going after them,”';

test('a quote-speaker mismatch names the sources of its own story only', async () => {
  const folder = copyOfSeeds();
  for (const name of FIGHT) fs.copyFileSync(path.join(repoRoot(), 'test', 'fixtures', 'stories', name), path.join(folder, name));
  const append = (name: string, line: string) => fs.appendFileSync(path.join(folder, name), `\n\n${line}\n`);
  append(FIGHT[0], `${LINE} Wladimir Klitschko said after the fight.`);
  append(SEEDS.centcom, `${LINE} Brig. Gen. Thomas Weidley said.`);
  const server = new ServerProcess({});
  try {
    await server.initialize(folder);
    await server.indexed(10);
    const obama = await server.open(path.join(folder, SEEDS.obama));
    const diagnostics = await server.diagnosticsFor(obama, (list) => list.some((diagnostic) => diagnostic.code === 'quote-speaker-mismatch'));
    const mismatch = diagnostics.find((diagnostic) => diagnostic.code === 'quote-speaker-mismatch')!;
    assert.deepEqual(mismatch.relatedInformation?.map((related) => related.location.uri), [pathToFileURL(path.join(folder, SEEDS.centcom)).toString()]);
    assert.match(mismatch.relatedInformation![0].message, /said by Thomas Weidley/);
  } finally {
    await stopAndRemove(server, folder);
  }
});

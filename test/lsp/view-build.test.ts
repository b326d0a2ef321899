import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReferencesRequest, type Hover, type Location } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds, positionOf, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';
import { PARTIAL_HOVER_NOTE } from '../../server/src/core/features/hover';

/** Documents besides the seeds: on the main thread (no workers) reading them takes seconds, in slices of ~5 ms. */
const FILLERS = 300;

const markdownOf = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

test('while the workspace is read and no cross-document view is built yet, a hover is answered from the document alone, marked partial; then in full', async () => {
  const folder = copyOfSeeds();
  const seeds = Object.values(SEEDS);
  for (let index = 0; index < FILLERS; index++) fs.copyFileSync(path.join(folder, seeds[index % seeds.length]), path.join(folder, `filler-${String(index).padStart(3, '0')}.txt`));
  const workers = process.env.CORROBORATE_ANALYSIS_WORKERS;
  // Analyses on the main thread: the opened document is in the index at once, the others come slice by slice.
  process.env.CORROBORATE_ANALYSIS_WORKERS = '0';
  const server = new ServerProcess();
  if (workers === undefined) delete process.env.CORROBORATE_ANALYSIS_WORKERS;
  else process.env.CORROBORATE_ANALYSIS_WORKERS = workers;
  try {
    const file = path.join(folder, SEEDS.momentum);
    const carter = positionOf(fs.readFileSync(file, 'utf8'), 'Mr. Carter said');
    const at = { line: carter.line, character: carter.character + 5 };
    await server.initialize(folder);
    const uri = await server.open(file);
    const otherSeed = pathToFileURL(path.join(folder, SEEDS.obama)).toString();

    const early = markdownOf(await server.hover(uri, at));
    assert.match(early, /^\*\*Ashton Carter\*\* — person/, 'the hover names the entity from this document');
    assert.ok(early.endsWith(PARTIAL_HOVER_NOTE), `the hover says it reads this document only: ${early}`);
    assert.ok(!early.includes(SEEDS.obama), 'no other document is listed before they are read');
    const earlyReferences = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: at, context: { includeDeclaration: true } }) as Location[];
    assert.ok(earlyReferences.length > 0 && earlyReferences.every((location) => location.uri === uri), 'references come from this document');

    await server.indexed(FILLERS + seeds.length);
    const full = markdownOf(await server.hover(uri, at));
    assert.ok(!full.includes(PARTIAL_HOVER_NOTE), 'once the view is built the hover is complete');
    assert.match(full, new RegExp(`${SEEDS.obama.replace('.', '\\.')}#L\\d+,\\d+\\) ×1`), 'the other sources mentioning him are listed');
    const references = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: at, context: { includeDeclaration: true } }) as Location[];
    assert.ok(references.some((location) => location.uri === otherSeed), 'references reach the other documents');
  } finally {
    await stopAndRemove(server, folder);
  }
});

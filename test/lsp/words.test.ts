// What a person reads on the seeds says dates in words: no TIMEX3 code in an inlay hint, a code lens or the
// outline, whether the seeds are dated or not; and a figure on a teaser line hovers like its body copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, FileChangeType, InlayHintRequest, type DocumentSymbol, type InlayHint } from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds, positionOf, startWithSeedsOpen, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';
import { TIMEX_CODE } from '../../server/src/core/features/date-words';

/** The dates the editor tier gives the undated seeds through the quick fix. */
const DATES = { [SEEDS.kerry]: '2016-03-15', [SEEDS.obama]: '2016-02-26', [SEEDS.tillerson]: '2018-02-13' };

let server: ServerProcess;
let folder: string;
const file = (name: string) => path.join(folder, name);
const uriOf = (name: string) => pathToFileURL(file(name)).toString();
const text = (name: string) => fs.readFileSync(file(name), 'utf8');
const markdownOf = (hover: Awaited<ReturnType<ServerProcess['hover']>>) =>
  hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';

before(async () => {
  folder = copyOfSeeds();
  server = new ServerProcess();
  await startWithSeedsOpen(server, folder);
});

after(() => stopAndRemove(server, folder));

/** Every label a person reads in hints, lenses and the outline of one seed. */
async function labelsOf(name: string): Promise<string[]> {
  const uri = uriOf(name);
  const lines = text(name).split('\n').length;
  const hints = await server.connection.sendRequest(InlayHintRequest.type,
    { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } }) as InlayHint[];
  const lenses = await server.codeLenses(uri) ?? [];
  const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
  const flat = (symbol: DocumentSymbol): string[] => [symbol.name, symbol.detail ?? '', ...(symbol.children ?? []).flatMap(flat)];
  return [...hints.map((hint) => `hint ${String(hint.label)}`), ...lenses.map((lens) => `lens ${lens.command?.title ?? ''}`),
    ...symbols.flatMap(flat).map((label) => `outline ${label}`)];
}

async function codesOnSeeds(): Promise<string[]> {
  const found: string[] = [];
  for (const name of Object.values(SEEDS)) {
    for (const label of await labelsOf(name)) if (TIMEX_CODE.test(label)) found.push(`${name}: ${label}`);
  }
  return found;
}

test('no inlay hint, code lens or outline entry on the seeds holds a TIMEX3 code', async () => {
  assert.deepEqual(await codesOnSeeds(), []);
  const hints = (await labelsOf(SEEDS.centcom)).filter((label) => label.startsWith('hint '));
  assert.ok(hints.includes('hint 5 May 2015'), `"Tuesday" in 003 is hinted in words: ${hints.join(' | ')}`);
});

test('an undated document shows nothing where its dates stay unknown', async () => {
  const labels = await labelsOf(SEEDS.kerry);
  assert.deepEqual(labels.filter((label) => label.startsWith('hint ') && !label.startsWith('hint [')), [], 'no date hint in undated 000');
  const lastMay = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(SEEDS.kerry) } }) as DocumentSymbol[])
    .find((symbol) => symbol.name === 'Dates')?.children?.find((child) => child.name === 'last May');
  assert.equal(lastMay?.detail, '', 'the outline leaves the unknown date blank');
  const hover = markdownOf(await server.hover(uriOf(SEEDS.kerry), positionOf(text(SEEDS.kerry), 'last May')));
  assert.match(hover, /May \(year unknown\)/);
  assert.match(hover, /TIMEX3 `XXXX-05`/);
});

test('a figure on a teaser line hovers with the group of its body copy', async () => {
  const uri = uriOf(SEEDS.kerry);
  const first = positionOf(text(SEEDS.kerry), '10,000');
  const body = positionOf(text(SEEDS.kerry), 'Some 10,000 Coalition airstrikes assisted in making these victories possible. These sorties');
  assert.ok(first.line < body.line, 'the first "10,000" is on a teaser line above the paragraph');
  const hover = await server.hover(uri, { line: first.line, character: first.character + 2 });
  const markdown = markdownOf(hover);
  assert.match(markdown, new RegExp(`^\\*Repeated at \\[line ${body.line + 1}\\]`));
  assert.match(markdown, /more than 3,700 airstrikes/);
  assert.match(markdown, /more than 10,000 strikes/);
  assert.equal(hover?.range?.start.line, first.line, 'the hover marks the teaser, where the pointer is');
});

test('once the seeds are dated, hints and lenses name their dates in words, still with no code', async () => {
  const corrections = file('corroborate.corrections.json');
  fs.writeFileSync(corrections, JSON.stringify({ documentDates: DATES }));
  await server.fileChanged(corrections, FileChangeType.Created);
  const uri = uriOf(SEEDS.kerry);
  await server.diagnosticsFor(uri, (list) => !list.some((diagnostic) => diagnostic.code === 'undated'));
  assert.deepEqual(await codesOnSeeds(), []);
  const labels = await labelsOf(SEEDS.kerry);
  assert.ok(labels.includes('hint May 2015'), `"last May" in 000, dated 15 March 2016: ${labels.filter((l) => l.startsWith('hint')).join(' | ')}`);
  assert.ok(labels.some((label) => label.startsWith('lens 15 March 2016 (correction)')), labels.join(' | '));
  const obama = await labelsOf(SEEDS.obama);
  assert.ok(obama.includes('hint the evening of Thursday 25 February 2016'), obama.filter((l) => l.startsWith('hint')).join(' | '));
});

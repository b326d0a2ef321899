import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest, ReferencesRequest, DocumentSymbolRequest, WorkspaceSymbolRequest, InlayHintRequest, SemanticTokensRequest,
  FoldingRangeRequest, DiagnosticSeverity, FileChangeType,
  type DocumentSymbol, type Location, type InlayHint, type SemanticTokens, type FoldingRange, type SymbolInformation, type CodeAction, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { ServerProcess, positionOf, copyOfSeeds, startWithSeedsOpen, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';
import { periodOf } from '../../server/src/core/features/date-words';
import type { TimelineResponse, FigureGroupsResponse, EntitiesResponse, EditResult } from '../../server/src/protocol';

let server: ServerProcess;
let folder: string;
const file = (name: string) => path.join(folder, name);
const text = (name: string) => fs.readFileSync(file(name), 'utf8');
const uriOf = (name: string) => pathToFileURL(file(name)).toString();
const slice = (location: Location) => {
  const lines = fs.readFileSync(new URL(location.uri), 'utf8').split('\n');
  return lines[location.range.start.line].slice(location.range.start.character, location.range.end.character);
};

const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

before(async () => {
  folder = copyOfSeeds();
  server = new ServerProcess({ severity: { noise: 'information' }, maxProblemsPerFile: 50 });
  await startWithSeedsOpen(server, folder);
});

after(() => stopAndRemove(server, folder));

test('go to definition on "Mr. Carter" leads to the fullest mention of Ashton Carter', async () => {
  const uri = uriOf(SEEDS.momentum);
  const at = positionOf(text(SEEDS.momentum), 'Mr. Carter said');
  const result = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: at.line, character: at.character + 5 } });
  const location = (Array.isArray(result) ? result[0] : result) as Location;
  assert.ok(location, 'no definition');
  assert.match(slice(location), /Ashton Carter$/);
});

test('find references on "Kerry" lists mentions in 000 and 001', async () => {
  const at = positionOf(text(SEEDS.kerry), 'said Secretary Kerry');
  const locations = await server.connection.sendRequest(ReferencesRequest.type,
    { textDocument: { uri: uriOf(SEEDS.kerry) }, position: { line: at.line, character: at.character + 'said Secretary K'.length }, context: { includeDeclaration: true } });
  assert.ok(locations);
  const files = new Set(locations.map((location) => path.basename(new URL(location.uri).pathname)));
  assert.deepEqual([...files].sort(), [SEEDS.kerry, SEEDS.momentum]);
  for (const location of locations) assert.match(slice(location), /Kerry$/);
});

test('document symbols outline the title, quotes and figures', async () => {
  const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(SEEDS.centcom) } }) as DocumentSymbol[];
  assert.equal(symbols[0].name, 'ISIL losing ground, forced into defensive position, CJTF-OIR official says');
  assert.equal(symbols[0].detail, '6 May 2015');
  const quotes = symbols.find((symbol) => symbol.name === 'Quotes');
  assert.equal(quotes?.children?.length, 1);
  assert.equal(quotes?.children?.[0].detail, 'Thomas Weidley');
  assert.ok(symbols.find((symbol) => symbol.name === 'Figures')?.children?.some((child) => child.name.includes('3,700')));
});

test('workspace symbols find entities by any of their names', async () => {
  const symbols = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'tillerson' }) as SymbolInformation[];
  assert.equal(symbols[0]?.name, 'Rex Tillerson');
  assert.match(symbols[0].location.uri, /004_/);
});

test('inlay hints show normalised relative dates and resolved pronoun speakers', async () => {
  const hints = await server.connection.sendRequest(InlayHintRequest.type,
    { textDocument: { uri: uriOf(SEEDS.centcom) }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } }) as InlayHint[];
  const tuesday = positionOf(text(SEEDS.centcom), 'Tuesday');
  const hint = hints.find((candidate) => candidate.position.line === tuesday.line && candidate.position.character === tuesday.character + 'Tuesday'.length);
  assert.equal(hint?.label, '5 May 2015');
  const speakerHints = await server.connection.sendRequest(InlayHintRequest.type,
    { textDocument: { uri: uriOf(SEEDS.tillerson) }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } }) as InlayHint[];
  const he = positionOf(text(SEEDS.tillerson), 'he said, adding');
  assert.ok(speakerHints.some((candidate) => candidate.position.line === he.line && candidate.label === '[Rex Tillerson]'), 'no speaker hint after "he said"');
});

test('semantic tokens mark entity mentions by type', async () => {
  const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uriOf(SEEDS.tillerson) } }) as SemanticTokens;
  assert.ok(tokens.data.length >= 5 * 10);
  const lines = text(SEEDS.tillerson).split('\n');
  let line = 0;
  let character = 0;
  const decoded: string[] = [];
  for (let i = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i];
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
    decoded.push(`${lines[line].slice(character, character + tokens.data[i + 2])}:${['person', 'organization', 'place', 'other'][tokens.data[i + 3]]}`);
  }
  assert.ok(decoded.includes('Tillerson:person'), decoded.join(' '));
  assert.ok(decoded.includes('NATO:organization'));
  assert.ok(decoded.includes('Kuwait:place'));
});

test('runs of scraped lines fold', async () => {
  const ranges = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uriOf(SEEDS.obama) } }) as FoldingRange[];
  assert.ok(ranges.some((range) => range.startLine === 0 && range.endLine >= 8), JSON.stringify(ranges));
});

test('configured severity applies: noise as Information', async () => {
  const diagnostics = await server.diagnosticsFor(uriOf(SEEDS.kerry), (list) => list.some((diagnostic) => diagnostic.code === 'noise'));
  assert.ok(diagnostics.filter((diagnostic) => diagnostic.code === 'noise').every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Information));
});

test('"United State" in 004 is flagged against the spelling of the other sources, with a fix', async () => {
  const uri = uriOf(SEEDS.tillerson);
  const diagnostics = await server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'name-spelling'));
  const spelling = diagnostics.find((diagnostic) => diagnostic.code === 'name-spelling')!;
  assert.match(messageOf(spelling), /^"United State": other sources write "United States" \(\d documents\)$/);
  const actions = await server.codeActions(uri, [spelling]) as CodeAction[];
  const fix = actions.find((action) => action.title === 'Change to "United States"');
  assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: spelling.range, newText: 'United States' }]);
});

test('an undated document is flagged; setting its date through the corrections file dates it', async () => {
  const uri = uriOf(SEEDS.tillerson);
  const undated = (await server.diagnosticsFor(uri, (list) => list.some((diagnostic) => diagnostic.code === 'undated')))
    .find((diagnostic) => diagnostic.code === 'undated') as Diagnostic;
  assert.match(messageOf(undated), /^No publication date: relative dates \("February 13"/);
  const actions = await server.codeActions(uri, [undated]) as CodeAction[];
  assert.equal(actions[0].command?.command, 'corroborate.setDocumentDate');
  assert.deepEqual(actions[0].command?.arguments, [uri]);

  const result = await server.request<EditResult>('corroborate/documentDateEdit', { uri, date: '2018-02-13', target: 'corrections' });
  const edit = result.edit as { documentChanges: Array<{ kind?: string; uri?: string; edits?: Array<{ newText: string }> }> };
  assert.equal(edit.documentChanges[0].kind, 'create');
  const written = edit.documentChanges[1].edits![0].newText;
  assert.deepEqual(JSON.parse(written), { documentDates: { [SEEDS.tillerson]: '2018-02-13' } });
  assert.ok(!fs.existsSync(file('corroborate.corrections.json')), 'the server wrote to disk itself');
  // The client applies the edit and the user saves it:
  fs.writeFileSync(file('corroborate.corrections.json'), written);
  await server.fileChanged(file('corroborate.corrections.json'), FileChangeType.Created);
  await server.diagnosticsFor(uri, (list) => !list.some((diagnostic) => diagnostic.code === 'undated'));
  const lenses = await server.codeLenses(uri);
  assert.match(lenses![0].command!.title, /^13 February 2018 \(correction\)/);
  const timeline = await server.request<TimelineResponse>('corroborate/timeline', {});
  assert.ok(timeline.events.some((event) => event.uri === uri && event.date === '2018-02-13'), 'February 13 not resolved against the new date');
});

test('a bad corrections file is reported on the file, and nothing of it is applied', async () => {
  const corrections = file('corroborate.corrections.json');
  fs.writeFileSync(corrections, '{ "documentDates": { "x.txt": "13 February" } }');
  await server.fileChanged(corrections);
  const diagnostics = await server.diagnosticsFor(pathToFileURL(corrections).toString());
  assert.equal(diagnostics[0].code, 'corrections-file');
  assert.match(messageOf(diagnostics[0]), /^Corrections not applied: \/documentDates\/x\.txt must match pattern/);
  fs.rmSync(corrections);
  await server.fileChanged(corrections, FileChangeType.Deleted);
  await server.diagnosticsFor(pathToFileURL(corrections).toString(), (list) => list.length === 0);
});

test('custom requests: timeline from every dated document, figure groups, entities', async () => {
  const timeline = await server.request<TimelineResponse>('corroborate/timeline', {});
  assert.ok(timeline.events.some((event) => event.uri.endsWith(SEEDS.centcom) && event.date === '2015-05-06'));
  const starts = timeline.events.map((event) => periodOf(event.date)!.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'events in calendar order');
  assert.equal(timeline.documents.length, 5);
  const figures = await server.request<FigureGroupsResponse>('corroborate/figureGroups', {});
  const airstrikes = figures.groups.find((group) => group.members.some((member) => member.text === 'more than 3,700 airstrikes'));
  assert.ok(airstrikes);
  assert.equal(new Set(airstrikes.members.map((member) => member.uri)).size, 3);
  const entities = await server.request<EntitiesResponse>('corroborate/entities', {});
  const isil = entities.entities.find((entity) => entity.id === 'isil');
  assert.equal(isil?.documents, 5);
});

test('hovers on an entity, a quote and a date say who, what and how it was resolved', async () => {
  const carter = positionOf(text(SEEDS.momentum), 'Mr. Carter said');
  const entity = await server.hover(uriOf(SEEDS.momentum), { line: carter.line, character: carter.character + 5 });
  const entityText = entity && typeof entity.contents === 'object' && 'value' in entity.contents ? entity.contents.value : '';
  assert.match(entityText, /^\*\*Ashton Carter\*\* — person/);
  assert.match(entityText, /Also written: .*Ash Carter/);
  assert.match(entityText, /002 Counter-ISIL Campaign[^\]]*\]\(file:\/\/[^)]*002_4dfe93347b0ca329\.txt#L\d+,\d+\) ×1/);

  const quote = positionOf(text(SEEDS.obama), 'This remains a difficult fight');
  const quoteHover = await server.hover(uriOf(SEEDS.obama), quote);
  const quoteText = quoteHover && typeof quoteHover.contents === 'object' && 'value' in quoteHover.contents ? quoteHover.contents.value : '';
  assert.match(quoteText, /^\*\*Quote\*\* · Barack Obama · /);
  assert.match(quoteText, /Barack Obama's other quotes \(\d+\):/);

  const tuesday = positionOf(text(SEEDS.centcom), 'Tuesday');
  const dateHover = await server.hover(uriOf(SEEDS.centcom), tuesday);
  const dateText = dateHover && typeof dateHover.contents === 'object' && 'value' in dateHover.contents ? dateHover.contents.value : '';
  assert.match(dateText, /^\*\*Tuesday\*\* · Tuesday 5 May 2015/);
  assert.match(dateText, /6 May 2015/, 'the hover says what the date was resolved against');
  assert.match(dateText, /TIMEX3 `2015-05-05` \(date\)/, 'the TIMEX3 value, labelled');
});

test('quote lenses count the speaker\'s quotes across documents; figure lenses peek the other sources', async () => {
  const lenses = await server.codeLenses(uriOf(SEEDS.kerry)) ?? [];
  const kerry = lenses.find((lens) => /^John Kerry: \d+ quotes in 2 documents$/.test(lens.command?.title ?? ''));
  assert.ok(kerry, lenses.map((lens) => lens.command?.title).join(' | '));
  const airstrikes = lenses.find((lens) => /^Also reported by 2 independent sources \(/.test(lens.command?.title ?? ''));
  assert.equal(airstrikes?.command?.command, 'corroborate.peekLocations');
  const locations = airstrikes?.command?.arguments?.[2] as Location[];
  assert.deepEqual(locations.map((location) => path.basename(new URL(location.uri).pathname)).sort(), [SEEDS.obama, SEEDS.centcom].sort());
});

test('a figure hover offers "These are different measures…", whose edit separates the group in the corrections file', async () => {
  const uri = uriOf(SEEDS.centcom);
  const at = positionOf(text(SEEDS.centcom), '3,700 airstrikes');
  const hover = await server.hover(uri, at);
  const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  const link = /\[These are different measures…\]\(command:corroborate\.separateFigures\?([^)]+)\)/.exec(markdown);
  assert.ok(link, markdown);
  const [linkUri, offset] = JSON.parse(decodeURIComponent(link[1])) as [string, number];
  assert.equal(linkUri, uri);
  assert.match(markdown, /\[Show in timeline\]\(command:corroborate\.showTimeline\?/);
  const result = await server.request<EditResult>('corroborate/separateFiguresEdit', { uri, offset });
  const edit = result.edit as { changes?: Record<string, Array<{ newText: string }>>; documentChanges?: Array<{ edits?: Array<{ newText: string }> }> };
  const written = edit.documentChanges?.[1]?.edits?.[0].newText ?? Object.values(edit.changes ?? {})[0][0].newText;
  const separated = JSON.parse(written).figures.separate[0] as Array<{ path: string; text: string }>;
  assert.deepEqual(separated.map((reference) => reference.text).sort(), ['Some 10,000 Coalition airstrikes', 'more than 10,000 strikes', 'more than 3,700 airstrikes']);
  assert.ok(separated.every((reference) => !reference.path.includes('/')), 'paths are relative to the workspace folder');
});

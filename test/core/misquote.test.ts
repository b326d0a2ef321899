import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { compareQuotes, QuoteIndex } from '../../server/src/core/index/misquotes';
import { analyzeDocument } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { diagnoseDocument } from '../../server/src/core/features/diagnostics';
import { seedPath, SEEDS } from '../support/repo';

const tillerson = fs.readFileSync(seedPath(SEEDS.tillerson), 'utf8');
const QUOTE = '"The end of major combat operations does not mean we have achieved the enduring defeat"';

test('a dropped negation, a changed number and a changed name are differences of their kind, marked in both wordings', () => {
  const negation = compareQuotes(QUOTE, QUOTE.replace('does not mean', 'does mean'));
  assert.deepEqual(negation?.differences, [{ kind: 'negation', here: 'not', there: '' }]);
  assert.match(negation!.hereMarked, /does «not» mean/);
  assert.match(negation!.thereMarked, /does «…» mean/);
  const number = compareQuotes('“Every day, our air campaign -- more than 10,000 strikes so far -- continues to destroy ISIL forces”',
    '“Every day, our air campaign -- more than 1,000 strikes so far -- continues to destroy ISIL forces”');
  assert.deepEqual(number?.differences, [{ kind: 'number', here: '10,000', there: '1,000' }]);
  const name = compareQuotes('“working with partners from Nigeria to Afghanistan, we will keep going”', '“working with partners from Nigeria to Pakistan, we will keep going”');
  assert.deepEqual(name?.differences.map((difference) => difference.kind), ['name']);
  const word = compareQuotes('“We remain relentless in going after them.”', '“We remain totally relentless in going after them.”');
  assert.deepEqual(word?.differences, [{ kind: 'word', here: '', there: 'totally' }]);
});

test('punctuation, case, a contraction spelled out and a partial quote are not misquotes', () => {
  assert.equal(compareQuotes(QUOTE, QUOTE.toUpperCase().replace(/"/g, '“').replace(' operations', ', operations')), null);
  assert.equal(compareQuotes(QUOTE, QUOTE.replace('does not', 'doesn’t')), null);
  assert.equal(compareQuotes('“We will not be intimidated. We will not be deterred. And we will come back with greater resolve.”', '“We will not be deterred.”'), null);
  assert.equal(compareQuotes('“It could save lives.”', '“It could also lead to negotiations on a political settlement”'), null);
});

function workspace(extra: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, fs.readFileSync(seedPath(name), 'utf8'));
  for (const [name, text] of Object.entries(extra)) index.set(name, text);
  return index;
}

/** Another outlet's report of Tillerson's speech, quoting him in its own way. */
function otherReport(quote: string): string {
  return `Tillerson urges coalition to finish the job\n\nKUWAIT CITY, February 13, 2018 - Secretary of State Rex Tillerson spoke to coalition ministers in Kuwait on Tuesday.\n\n${quote}, Tillerson told the gathering.\n\nHe announced $200 million in aid for Syria.\n`;
}

test('the same speaker quoted without the negation elsewhere gets a misquote warning, with both wordings and the other place', () => {
  const index = workspace({ 'other.txt': otherReport(QUOTE.replace('does not mean', 'does mean')) });
  const other = index.get('other.txt')!;
  const diagnostics = diagnoseDocument(other, index.crossDocument()).filter((diagnostic) => diagnostic.kind === 'misquote');
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [misquote] = diagnostics;
  assert.equal(misquote.severity, 'warning');
  assert.equal(other.text.slice(misquote.start, misquote.end), QUOTE.replace('does not mean', 'does mean'));
  assert.match(misquote.message, /Rex Tillerson is quoted otherwise in 004 .*: a negation differs/);
  assert.match(misquote.message, /here: +"The end of major combat operations does «…» mean/);
  assert.match(misquote.message, /there: "The end of major combat operations does «not» mean/);
  assert.equal(misquote.related?.[0].path, SEEDS.tillerson);
  assert.equal(tillerson.slice(misquote.related![0].start, misquote.related![0].end), QUOTE);
  // And the seed sees the other wording too.
  const seedSide = diagnoseDocument(index.get(SEEDS.tillerson)!, index.crossDocument()).filter((diagnostic) => diagnostic.kind === 'misquote');
  assert.equal(seedSide.length, 1);
});

test('a dropped ordinary word is a milder misquote; the same words with other punctuation and case are none', () => {
  const dropped = workspace({ 'other.txt': otherReport(QUOTE.replace(' enduring', '')) });
  const [mild] = diagnoseDocument(dropped.get('other.txt')!, dropped.crossDocument()).filter((diagnostic) => diagnostic.kind === 'misquote');
  assert.equal(mild?.severity, 'information');
  const punctuated = workspace({ 'other.txt': otherReport('“The end of major combat operations does NOT mean we have achieved the enduring defeat”') });
  assert.deepEqual(diagnoseDocument(punctuated.get('other.txt')!, punctuated.crossDocument()).filter((diagnostic) => diagnostic.kind === 'misquote'), []);
});

test('the seeds hold no misquote', () => {
  const index = workspace({});
  for (const document of index.all()) {
    assert.deepEqual(diagnoseDocument(document, index.crossDocument()).filter((diagnostic) => diagnostic.kind === 'misquote'), [], document.path);
  }
});

test('a surname alone in one document and the full name in the other are one speaker', () => {
  const words = 'Wasilla, the home town of the governor, is 64 kilometres north of Anchorage';
  const first = analyzeDocument('first.txt', `Fire in Wasilla\n\nThe church burned on Friday night.\n\n“${words},” said Dianne Medina.\n`);
  const second = analyzeDocument('second.txt', `Church fire\n\nInvestigators came on Saturday.\n\n“${words.replace('64', '131')},” Medina said.\n`);
  assert.notEqual(first.quotes[0].speaker?.id, second.quotes[0].speaker?.id, 'the per-document keys differ before linking');
  const index = new QuoteIndex();
  index.sync([first, second]);
  const [misquote] = index.misquotesOf('second.txt');
  assert.deepEqual(misquote?.differences, [{ kind: 'number', here: '131', there: '64' }]);
  assert.equal(misquote?.otherPath, 'first.txt');
});

test('a runaway quote of thousands of words is not aligned: the alignment is quadratic', () => {
  const long = `“${'the coalition will keep pressing the campaign in the north '.repeat(300)}”`;
  assert.equal(compareQuotes(long, long.replace('north', 'south')), null);
});

test('spelling variants, spelled-out contractions, apostrophes and "6:00" for "6" are not misquotes', () => {
  assert.equal(compareQuotes('“Police locked down the neighbourhood and negotiated with the suspect”', '“Police locked down the neighborhood and negotiated with the suspect”'), null);
  assert.equal(compareQuotes('“He probably realised he was going to be caught”', '“He probably realized he was going to be caught”'), null);
  assert.equal(compareQuotes('“I know the things I have done caused a lot of pain and I’m sorry”', '“I know the things I have done caused a lot of pain and I am sorry”'), null);
  assert.equal(compareQuotes('“he gave himself up to police just after 6 p.m. on Sunday”', '“he gave himself up to police just after 6:00 p.m. on Sunday”'), null);
  assert.equal(compareQuotes('“I completely understand the Greek population’s anger at the size of the cuts”', '“I completely understand the Greek populations’ anger at the size of the cuts”'), null);
  // A changed word of the same length is still a difference, and so is a one-letter change to a name.
  assert.deepEqual(compareQuotes('“Nothing in the regulation relieves a federal agency of its duties”', '“Nothing in this regulation relieves a federal agency of its duties”')?.differences,
    [{ kind: 'word', here: 'the', there: 'this' }]);
  assert.deepEqual(compareQuotes('“We spoke with Dunn about the plan for the city”', '“We spoke with Dunne about the plan for the city”')?.differences.map((difference) => difference.kind), ['name']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { modelTokens } from '../../server/src/core/extract/entities/model-tokens';
import { shippedRecogniser } from '../../server/src/core/extract/entities/shipped-model';
import { extractEntities, ruleHints } from '../../server/src/core/extract/entities';
import type { EntityRecogniser, RecognisedSpan } from '../../server/src/core/extract/entities/recogniser';

const spansOf = (text: string, spans: RecognisedSpan[]) => spans.map((s) => `${text.slice(s.start, s.end)}|${s.type}`);
const recognise = (text: string) => spansOf(text, shippedRecogniser().recognise(text, 0, text.length, ruleHints(text)));
const entitiesOf = (text: string) => analyzeDocument('a.txt', text).entities.map((m) => `${m.text}|${m.type}`);

test('the recogniser tokens split punctuation, possessives and negations, and keep abbreviations whole', () => {
  const text = "Lohan's lawyer didn't call Mr. Smith of the U.S. Navy (again).";
  assert.deepEqual(modelTokens(text).tokens.map((t) => t.text),
    ['Lohan', "'s", 'lawyer', 'did', "n't", 'call', 'Mr.', 'Smith', 'of', 'the', 'U.S.', 'Navy', '(', 'again', ')', '.']);
  const two = modelTokens('First sentence here. Second one follows!\nA new line');
  assert.equal(two.sentences.length, 3);
});

test('the recogniser tokens read by hand are those of their defining regular expression, on random text of every kind of character', () => {
  const definition = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{M}\p{N}]+(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|\S/gu;
  // modelTokens then joins a lone apostrophe to a possessive s and a letter to its dot ("Mr."): such texts are left out.
  const alphabet = ['a', 'B', 'é', 'Ω', '中', '\u0301', '1', '²', '.', "'", '’', 's', 'S', '_', '-', '"', ' ', '\u00a0', '\u3000', '\ufeff', '\t', '𝐀', '😀', '\ud800', '\udc00'];
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  let compared = 0;
  for (let round = 0; round < 5000; round++) {
    let text = '';
    for (let i = 1 + Math.floor(random() * 12); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
    const to = Math.floor(random() * (text.length + 1));
    const matches = [...text.slice(0, to).matchAll(definition)];
    const joined = (m: RegExpMatchArray) => {
      const end = m.index! + m[0].length;
      return ((m[0] === "'" || m[0] === '’') && /^[sS]\b/.test(text.slice(end, end + 2))) || (/\p{L}$/u.test(m[0]) && text[end] === '.');
    };
    if (matches.some(joined)) continue;
    const found = modelTokens(text, 0, to).tokens.map((t) => [t.start, t.end]);
    assert.deepEqual(found, matches.map((m) => [m.index, m.index! + m[0].length]), JSON.stringify(text.slice(0, to)));
    compared++;
  }
  assert.ok(compared > 2500, `${compared} texts compared`);
});

test('the shipped model tags people, organizations and places in sentences it never saw', () => {
  assert.deepEqual(recognise('Angela Merkel met Emmanuel Macron in Paris on Monday, a spokesman said.'),
    ['Angela Merkel|person', 'Emmanuel Macron|person', 'Paris|place']);
  assert.deepEqual(recognise('Maria Gonzalez, a nurse from Tucson, Arizona, said she had waited for hours.'),
    ['Maria Gonzalez|person', 'Tucson|place', 'Arizona|place']);
  assert.deepEqual(recognise('Prices rose in Chicago after the European Central Bank raised interest rates.'), ['Chicago|place', 'European Central Bank|organization']);
});

test('a lone first word the model takes for a name, and no rule does, is left out when the document never capitalises it elsewhere', () => {
  const text = 'Shares fell on Tuesday after the European Central Bank raised interest rates.';
  assert.ok(recognise(text).includes('Shares|person'), 'the model alone tags it');
  assert.deepEqual(entitiesOf(text), ['European Central Bank|organization']);
});

test('a title the model runs into a name stays the title, and the place before it is its own name', () => {
  assert.deepEqual(entitiesOf('At a press conference, U.S. Defense Secretary Ashton Carter confirmed it.'),
    ['U.S.|place', 'Defense Secretary Ashton Carter|person']);
});

test('a person after a known organization keeps their own mention', () => {
  assert.deepEqual(entitiesOf('Pentagon Spokesperson Peter Cook welcomed the defeat on Tuesday.'),
    ['Pentagon|organization', 'Spokesperson Peter Cook|person']);
});

test('every recognised span has a confidence between 0 and 1, and an empty text has none', () => {
  const text = 'The mayor of Lyon, Gregory Doucet, told reporters the river had flooded two villages.';
  const spans = shippedRecogniser().recognise(text, 0, text.length, ruleHints(text));
  assert.ok(spans.length >= 2);
  for (const span of spans) assert.ok(span.confidence > 0 && span.confidence <= 1, `${span.confidence}`);
  assert.deepEqual(shippedRecogniser().recognise('', 0, 0), []);
});

test('nationality words and laws are not people, organizations or places', () => {
  const found = entitiesOf('Iraqi troops and Palestinians marched while lawmakers debated the Endangered Species Act in Washington.');
  assert.ok(!found.some((m) => m.startsWith('Iraqi|') || m.startsWith('Palestinians|')), found.join(', '));
  assert.ok(!found.some((m) => /^Endangered Species Act\|(person|organization|place)$/.test(m)), found.join(', '));
  assert.ok(found.includes('Washington|place'), found.join(', '));
});

/** A recogniser that names only the words it is given, as one type: to show that the entity stage uses the one it receives. */
class WordListRecogniser implements EntityRecogniser {
  constructor(private readonly words: string[], private readonly type: RecognisedSpan['type']) {}
  recognise(text: string, from: number, to: number): RecognisedSpan[] {
    const spans: RecognisedSpan[] = [];
    for (const word of this.words) {
      for (let i = text.indexOf(word, from); i >= 0 && i + word.length <= to; i = text.indexOf(word, i + 1)) {
        spans.push({ start: i, end: i + word.length, type: this.type, confidence: 1 });
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }
}

test('the recogniser comes through the analysis options: another one replaces it, null leaves the rules alone', () => {
  const text = 'Quentin Barlow visited Ashford yesterday.';
  const replaced = analyzeDocument('a.txt', text, { recogniser: new WordListRecogniser(['Ashford'], 'organization') }).entities;
  assert.deepEqual(replaced.map((m) => `${m.text}|${m.type}`), ['Ashford|organization']);
  const rulesOnly = analyzeDocument('a.txt', text, { recogniser: null }).entities;
  assert.deepEqual(rulesOnly, extractEntities({ text, documentDate: null, bodyStart: 0, noise: [] }));
  assert.ok(rulesOnly.some((m) => m.text === 'Quentin Barlow'));
});

test('a dateline town or an all-capitals first word is not an organization', () => {
  for (const text of ['WASHINGTON — The Pentagon said on Friday that the strikes would continue.',
    'BAGHDAD (Reuters) - Iraqi forces retook the city of Ramadi, officials said.']) {
    const found = entitiesOf(text);
    assert.ok(!found.some((m) => /^(WASHINGTON|BAGHDAD)\|organization$/.test(m)), found.join(', '));
  }
});

test('a person named in the document is not swallowed by an organization built around the name', () => {
  const text = 'Robert Kilroy-Silk spoke on Monday. Critics mocked what they called the Robert Kilroy-Silk Party at the rally, and Kilroy-Silk laughed.';
  const mentions = analyzeDocument('a.txt', text).entities;
  const person = mentions.find((m) => m.text === 'Robert Kilroy-Silk')!;
  assert.equal(person.type, 'person');
  const party = mentions.find((m) => m.text.endsWith('Party'));
  assert.ok(!party || party.id !== person.id, 'the party is not the person');
  assert.equal(mentions.find((m) => m.text === 'Kilroy-Silk')?.id, person.id);
});

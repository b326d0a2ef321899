import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/core/analyze';
import { LineMap } from '../../server/src/core/text/positions';
import { nonEmptyLines } from '../../server/src/core/text/lines';
import { splitSentences } from '../../server/src/core/text/sentences';
import type { DocumentAnalysis, Span } from '../../server/src/core/types';
import { seedPath, SEEDS } from '../support/repo';

const seed = (name: string) => fs.readFileSync(seedPath(name), 'utf8');
const withEndings = (text: string, ending: string) => text.replace(/\r\n|\r|\n/g, ending);
const STYLES = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;

/** Every span of an analysis, named, as line/character positions: comparable across line-ending styles. */
function positionsOf(document: DocumentAnalysis): Record<string, string[]> {
  const map = new LineMap(document.text);
  const at = (span: Span) => {
    const start = map.position(span.start);
    const end = map.position(span.end);
    return `${start.line}:${start.character}-${end.line}:${end.character}`;
  };
  return {
    noise: document.noise.map((noise) => `${at(noise)} ${noise.reason} ${noise.label}`),
    entities: document.entities.map((mention) => `${at(mention)} ${mention.type} ${mention.canonical}`),
    figures: document.figures.map((figure) => `${at(figure)} ${figure.value} ${figure.measure}`),
    quotes: document.quotes.map((quote) => `${at(quote)} ${quote.speaker?.name ?? '-'}`),
    dates: document.dates.map((date) => `${at(date)} ${date.value}`),
    credits: document.metadata.credits.map(at),
    metadata: [String(document.metadata.title), String(document.metadata.date.value), String(document.metadata.date.source),
      String(document.metadata.author), String(document.metadata.publisher)],
  };
}

for (const name of Object.values(SEEDS)) {
  test(`${name} reads the same with LF, CRLF and lone-CR line endings (title, noise lines, every span at the same line and column)`, () => {
    const lf = positionsOf(analyzeDocument('a.txt', withEndings(seed(name), STYLES.lf)));
    assert.ok(lf.metadata[0] !== 'null' && lf.noise.length > 0, 'the seed has a title and noise lines');
    for (const style of ['crlf', 'cr'] as const) {
      assert.deepEqual(positionsOf(analyzeDocument('a.txt', withEndings(seed(name), STYLES[style]))), lf, style);
    }
  });
}

test('a lone-CR document keeps its own line breaks in the analysis text and in every extracted text', () => {
  const text = withEndings(seed(SEEDS.kerry), '\r');
  const document = analyzeDocument('a.txt', text);
  assert.equal(document.text, text);
  for (const item of [...document.entities, ...document.figures, ...document.quotes, ...document.dates, ...document.metadata.credits]) {
    assert.equal(item.text, text.slice(item.start, item.end));
  }
});

/** Text with every line-ending style, mixed, and the characters that sit near line breaks in scraped text. */
const mixedText = fc.array(fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\r', ' ', '\t', 'word', '“Quote', '”', '\u00a0', '\uFEFF', 'é', 'e\u0301', '😀', '\u2028'),
  fc.string({ maxLength: 6 }),
), { maxLength: 60 }).map((parts) => parts.join(''));

test('LineMap gives VS Code\'s positions for every offset and VS Code\'s offsets for every position, whatever the line endings', () => {
  fc.assert(fc.property(mixedText, fc.array(fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 80 })), { maxLength: 20 }), (text, positions) => {
    const map = new LineMap(text);
    const editor = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
    assert.equal(map.lineCount, editor.lineCount);
    for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(map.position(offset), editor.positionAt(offset), `offset ${offset}`);
    for (const [line, character] of positions) assert.equal(map.offset({ line, character }), editor.offsetAt({ line, character }), `${line}:${character}`);
  }), { numRuns: 300 });
});

test('lines end at every line-ending style and hold no line break; no sentence runs over a blank line of any style', () => {
  fc.assert(fc.property(mixedText, (text) => {
    const map = new LineMap(text);
    for (const line of nonEmptyLines(text)) {
      assert.equal(line.text, text.slice(line.start, line.end));
      assert.ok(!/[\r\n]/.test(line.text), JSON.stringify(line.text));
      assert.equal(map.position(line.start).line, map.position(line.end).line);
    }
    for (const sentence of splitSentences(text)) {
      assert.ok(sentence.start >= 0 && sentence.start < sentence.end && sentence.end <= text.length);
      assert.ok(!/\s/.test(text[sentence.start]) && !/\s/.test(text[sentence.end - 1]));
      const oneStyle = text.slice(sentence.start, sentence.end).replace(/\r\n?/g, '\n');
      assert.ok(!/\n[^\S\n]*\n/.test(oneStyle), JSON.stringify(oneStyle));
    }
  }), { numRuns: 300 });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { diagnoseDocument } from '../../server/src/core/features/diagnostics';
import { hoverAt, type HoverLinks } from '../../server/src/core/features/hover';
import { lensesFor } from '../../server/src/core/features/lenses';
import { outline } from '../../server/src/core/features/outline';
import { inlayHints } from '../../server/src/core/features/inlay-hints';
import { LineMap } from '../../server/src/core/text/positions';
import { decodeSource } from '../../server/src/source-files';
import type { DocumentAnalysis, Span } from '../../server/src/core/types';
import { seedPath, SEEDS } from '../support/repo';

const seeds = Object.values(SEEDS).map((name) => fs.readFileSync(seedPath(name), 'utf8'));
const links: HoverLinks = { location: (path, offset) => `${path}#${offset}`, separateFigures: () => 'command:x', showTimeline: () => 'command:y' };

/** The characters that break text handling: every line-ending style, BOM, NUL, surrogates (paired and lone),
 * right-to-left text and marks, combining marks, all kinds of quotation marks, digits and separators. */
const HOSTILE = ['\n', '\r\n', '\r', '\uFEFF', '\u0000', '😀', '\uD83D', '\uDE00', 'שלום', 'مرحبا', '\u200F', '\u202E', 'e\u0301', '\u0308',
  '“', '”', '"', '‘', '’', "'", '«', '»', '„', '3', '12,000', '4.5', '%', '$', '-', '—', ' ', '\t', '\u00a0', '\u2028', '\uFFFD', '.', ':'];
const fragment = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 5 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.constantFrom('John Kerry said', 'Mr. Carter', 'on Tuesday', 'May 6, 2015', 'about 7,400 troops', 'Video', 'Share this'), weight: 2 },
);

/** A seed mutated in place: fragments inserted, ranges deleted or doubled, line endings rewritten. */
const mutatedSeed = fc.tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.integer({ min: 0, max: 3 }), fragment), { maxLength: 12 }))
  .map(([which, edits]) => edits.reduce((text, [at, length, kind, insert]) => {
    const start = at % (text.length + 1);
    if (kind === 0) return text.slice(0, start) + insert + text.slice(start);
    if (kind === 1) return text.slice(0, start) + text.slice(start + length);
    if (kind === 2) return text.slice(0, start + length) + text.slice(start, start + length) + text.slice(start + length);
    return text.slice(0, start) + text.slice(start, start + length).replace(/\r\n|\r|\n/g, insert.includes('\r') ? '\r' : '\r\n') + text.slice(start + length);
  }, seeds[which]));
const composed = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(''));
const fromBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes));
const anyText = fc.oneof(mutatedSeed, composed, fromBytes);

function spansOf(document: DocumentAnalysis): Array<{ kind: string; span: Span; text?: string }> {
  const { metadata } = document;
  return [
    ...document.noise.map((span) => ({ kind: 'noise', span })),
    ...document.entities.map((span) => ({ kind: 'entity', span, text: span.text })),
    ...document.figures.map((span) => ({ kind: 'figure', span, text: span.text })),
    ...document.quotes.map((span) => ({ kind: 'quote', span, text: span.text })),
    ...document.quotes.flatMap((quote) => (quote.speaker ? [{ kind: 'speaker', span: quote.speaker }] : [])),
    ...document.dates.map((span) => ({ kind: 'date', span, text: span.text })),
    ...metadata.credits.map((span) => ({ kind: 'credit', span, text: span.text })),
    ...(metadata.date.span ? [{ kind: 'document date', span: metadata.date.span }] : []),
    { kind: 'body', span: { start: metadata.bodyStart, end: metadata.bodyStart } },
  ];
}

function checkAnalysis(text: string, document: DocumentAnalysis): void {
  assert.equal(document.text, text);
  const map = new LineMap(text);
  const editor = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
  for (const { kind, span, text: spanText } of spansOf(document)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
      `${kind} [${span.start}, ${span.end}) inside a text of ${text.length}`);
    if (spanText !== undefined) assert.equal(spanText, text.slice(span.start, span.end), `${kind} text equals its slice`);
    for (const offset of [span.start, span.end]) {
      const splitsPair = offset > 0 && offset < text.length && /[\uD800-\uDBFF]/.test(text[offset - 1]) && /[\uDC00-\uDFFF]/.test(text[offset]);
      assert.ok(!splitsPair, `${kind} [${span.start}, ${span.end}) does not cut a surrogate pair in two`);
      assert.deepEqual(map.position(offset), editor.positionAt(offset));
      assert.equal(map.offset(map.position(offset)), editor.offsetAt(editor.positionAt(offset)));
    }
  }
  if (document.metadata.title !== null) assert.ok(!/[\r\n]/.test(document.metadata.title), 'a title is one line');
}

test('random and mutated documents (binary bytes, invalid UTF-8, every line ending, BOM, NUL, surrogates, RTL, combining marks, quotes): no exception, every span inside the text, equal to its slice and never cutting a surrogate pair, positions as VS Code counts them', () => {
  fc.assert(fc.property(anyText, (text) => checkAnalysis(text, analyzeDocument('a.txt', text))), { numRuns: 250 });
});

test('bytes of any kind are decoded or refused with a reason, never thrown on; what decodes is analysed cleanly', () => {
  fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutatedSeed.map((text) => new TextEncoder().encode(text))), (bytes) => {
    const decoded = decodeSource(bytes);
    if ('error' in decoded) assert.match(decoded.error, /binary|UTF-8|too large/);
    else checkAnalysis(decoded.text, analyzeDocument('a.txt', decoded.text));
  }), { numRuns: 200 });
});

test('a workspace of mutated documents: cross-document view, diagnostics, hovers, lenses, outline and hints never throw and stay inside the texts', () => {
  fc.assert(fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 10 }), (texts, offsets) => {
    const index = new WorkspaceIndex();
    texts.forEach((text, i) => index.set(`file:///w/${i}.txt`, text));
    const view = index.crossDocument();
    const all = index.all();
    for (const document of all) {
      const inside = (span: Span, what: string) => assert.ok(span.start >= 0 && span.start <= span.end && span.end <= document.text.length, what);
      for (const found of diagnoseDocument(document, view)) inside(found, `diagnostic ${found.kind}`);
      for (const lens of lensesFor(document, view)) inside(lens, `lens ${lens.title}`);
      const items = outline(document);
      const visit = (item: (typeof items)[number]): void => { inside(item, `outline ${item.kind}`); item.children.forEach(visit); };
      items.forEach(visit);
      for (const hint of inlayHints(document, { start: 0, end: document.text.length })) assert.ok(hint.offset >= 0 && hint.offset <= document.text.length);
      for (const offset of offsets) {
        const found = hoverAt(document, offset % (document.text.length + 1), view, links);
        if (found) { inside(found, 'hover'); assert.equal(typeof found.markdown, 'string'); }
      }
    }
    for (const group of view.figureGroups) for (const member of group.members) {
      const document = index.get(member.path)!;
      assert.equal(member.text, document.text.slice(member.start, member.end));
    }
  }), { numRuns: 60 });
});

test('100,000 numbers in one document are read without an exception, every figure inside the text', () => {
  const parts: string[] = ['Counts reported on Tuesday\n\n'];
  for (let i = 0; i < 100_000; i++) parts.push(i % 7 === 0 ? `${(i * 37).toLocaleString('en-US')} people, ` : i % 11 === 0 ? `${i / 10}% and ` : `${i} `);
  const text = parts.join('');
  checkAnalysis(text, analyzeDocument('numbers.txt', text));
});

test('unbalanced and nested quotation marks of every kind, with every line ending, give only quotes inside the text and equal to their slices', () => {
  const marks = fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', ' ', 'said', 'He said', '\n\n', '\r\r', '\r\n\r\n', 'word', ',', '.');
  fc.assert(fc.property(fc.array(marks, { maxLength: 80 }).map((parts) => parts.join(' ')), (text) => {
    const document = analyzeDocument('q.txt', text);
    checkAnalysis(text, document);
    for (const quote of document.quotes) assert.ok(quote.end - quote.start >= 1);
  }), { numRuns: 300 });
});

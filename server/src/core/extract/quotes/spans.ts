// Where the quotation marks are, and which marked spans report nobody's words (titles, terms, names, markup).
import type { Span } from '../../types';
import { CAPTION_CREDIT, CUES, escape, FRAGMENT_WORDS, MINIMUM_WORDS, SCARE_BEFORE, TITLE_MARKERS, TITLE_SMALL_WORDS, TITLE_WORDS } from './lexicon';

/** A span in double quotation marks, marks included. */
export interface MarkedSpan extends Span {
  /** The span opens a paragraph that goes on with a quote left open at the end of the previous paragraph. */
  paragraphContinuation: boolean;
}

const OPENING = new Set(['“', '"']);
/** Longer than any image caption, in UTF-16 code units. */
const MAX_CAPTION = 300;

/**
 * Spans in double quotation marks, marks included. A quote left open at the end of a paragraph whose next
 * paragraph opens with a mark goes on there: each paragraph is one span, the later ones `paragraphContinuation`.
 */
export function findQuoteSpans(text: string, from: number): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const marks = /[“”"\n]/g;
  marks.lastIndex = from;
  let open = -1;
  let continuation = false;
  const push = (start: number, end: number): boolean => {
    if (end - start <= 2) return false;
    spans.push({ start, end, paragraphContinuation: continuation });
    return true;
  };
  const trimmedEnd = (at: number) => {
    let end = at;
    while (end > open && /\s/.test(text[end - 1])) end--;
    return end;
  };
  for (let match = marks.exec(text); match; match = marks.exec(text)) {
    const at = match.index;
    const ch = match[0];
    if (ch === '\n') {
      if (open < 0) continue;
      let next = at;
      while (next < text.length && /\s/.test(text[next])) next++;
      const pushed = push(open, trimmedEnd(at));
      // an image caption between two paragraphs of the quote: the quote goes on after it
      const afterCaption = captionEnd(text, next);
      if (afterCaption > next) {
        let reopened = afterCaption;
        while (reopened < text.length && /\s/.test(text[reopened])) reopened++;
        if (OPENING.has(text[reopened])) next = reopened;
      }
      if (OPENING.has(text[next])) {
        // a stray mark at the end of a line opens nothing that goes on
        open = next;
        continuation = pushed;
        marks.lastIndex = next + 1;
        continue;
      }
      open = -1;
      continuation = false;
      continue;
    }
    if (open < 0) {
      if (ch === '“' || (ch === '"' && at + 1 < text.length && !/\s/.test(text[at + 1]))) { open = at; continuation = false; }
      continue;
    }
    if (ch === '”' || ch === '"') {
      push(open, at + 1);
      open = -1;
      continuation = false;
    } else { open = at; continuation = false; } // a second opening mark: the first one was stray
  }
  if (open >= 0) push(open, trimmedEnd(text.length));
  return spans;
}

/** The end of the image caption paragraph starting at `from` (a short paragraph without marks ending in "Image: NASA."), else `from`. */
function captionEnd(text: string, from: number): number {
  let end = text.indexOf('\n', from);
  if (end < 0) end = text.length;
  if (end - from > MAX_CAPTION) return from;
  const paragraph = text.slice(from, end).trimEnd();
  return !/[“”"]/.test(paragraph) && CAPTION_CREDIT.test(paragraph) ? end : from;
}

/**
 * Spans in single curly marks (‘…’), as British news writes quotes, outside the double-marked spans. A ’ between
 * two letters is an apostrophe ("don’t"); one left open runs to the end of its paragraph.
 */
export function findSingleQuoteSpans(text: string, from: number, doubles: readonly Span[]): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const opening = /(^|[\s(“"—–-])‘/gm;
  opening.lastIndex = from;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const start = match.index + match[1].length;
    if (doubles.some((d) => d.start <= start && start < d.end)) continue;
    let end = -1;
    for (let i = start + 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n' || ch === '‘' || ch === '“') { end = i; break; }
      if (ch === '’' && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) {
        // "the parents’ views": a plural possessive when another closing mark follows in the paragraph
        if (text[i - 1] === 's' && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3)) && /’(?![\p{L}\p{N}])/u.test(text.slice(i + 1, text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i)))) continue;
        end = i + 1;
        break;
      }
    }
    if (end < 0) end = text.length;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end - start > 2 && !doubles.some((d) => d.start < end && start < d.end)) spans.push({ start, end, paragraphContinuation: false });
    opening.lastIndex = Math.max(end, start + 1);
  }
  return spans;
}

const DASH = [...CUES.dashes].sort((a, b) => b.length - a.length).map(escape).join('|');
const CITATION_AFTER = new RegExp(`^\\s*(?:${DASH})\\s*[^\\n,]{1,40},\\s*(?:\\p{Lu}\\p{Ll}+\\.?\\s+\\d{1,2},\\s*)?\\d{4}\\s*(?:\\n|$)`, 'u');

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu;

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Why a marked span is not a quote, or null when it may be one. */
export function notAQuote(text: string, span: Span): string | null {
  const inner = text.slice(span.start + 1, span.end - 1);
  const words = wordsOf(inner);
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  if (/=\s*$/.test(before)) return 'markup attribute';
  // "Wow." is an exclamation; "parole" a term
  if (words.length < MINIMUM_WORDS && !/^\p{Lu}.*[.!?]$/u.test(inner)) return 'single term';
  // "Document found on street not secret, say feds" — The Canadian Press, August 15, 2008
  if (CITATION_AFTER.test(text.slice(span.end, span.end + 80))) return 'title of an article';
  if (SCARE_BEFORE.test(before)) return 'term or name';
  const previousWords = wordsOf(before.slice(-24)).map((w) => w.toLowerCase());
  // 'the book "Scarne on Card Tricks"', but not 'writing in a blog post "I have myself, as per instructions, …"'
  if (words.length <= TITLE_WORDS && previousWords.slice(-2).some((w) => TITLE_MARKERS.has(w))) return 'title of a work';
  if (isTitleCase(words)) return 'title';
  // Kevin "The Mauler" Smith: marks between two parts of a name
  if (words.length <= 4 && /\p{Lu}[\p{L}.’'-]*\s$/u.test(before) && /^\s\p{Lu}/u.test(text.slice(span.end, span.end + 2))) return 'nickname';
  return null;
}

/** A short phrase that is no sentence ("free as in beer", "sample return"): a quote only beside an attribution. */
export function isFragment(text: string, span: Span): boolean {
  const inner = text.slice(span.start + 1, span.end - 1).trim();
  const words = wordsOf(inner);
  if (words.length > FRAGMENT_WORDS) return false;
  const sentence = /^\p{Lu}/u.test(inner) && /[.!?,;:…]$/.test(inner) && words.length > 1;
  return !sentence;
}

function isTitleCase(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 14) return false;
  let capitalised = 0;
  for (const [index, word] of words.entries()) {
    if (/^\p{Lu}/u.test(word) || /^\p{N}/u.test(word)) { capitalised++; continue; }
    if (index > 0 && TITLE_SMALL_WORDS.has(word.toLowerCase())) continue;
    return false;
  }
  // "I Am" or "ISIL Yes": at least two capitalised words and not all of them one letter
  return capitalised >= 2 && words.some((word) => word.length > 1 && /^\p{Lu}\p{Ll}/u.test(word));
}

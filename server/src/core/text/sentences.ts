import type { Span } from '../types';
import abbreviations from '../data/abbreviations.json';

const ABBREVIATIONS = new Set(abbreviations.map((a) => a.toLowerCase()));

/**
 * Splits [from, to) into sentences. A blank line always ends a sentence; a single line break ends one
 * unless the line runs on (no closing punctuation and the next line starts in lower case).
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const sentences: Span[] = [];
  let start = skipSpace(text, from, to);
  for (let i = start; i < to; i++) {
    const ch = text[i];
    // A line break: LF, the LF of CRLF, or a lone CR.
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      const previous = lastNonSpace(text, start, i);
      const next = skipSpace(text, i + 1, to);
      const blankLine = /[\r\n]/.test(text.slice(i + 1, next));
      const runsOn = !blankLine && previous >= 0 && !/[.!?:"”’)\]]/.test(text[previous]) && /[a-z]/.test(text[next] ?? '');
      if (!runsOn) {
        if (previous >= start) sentences.push({ start, end: previous + 1 });
        start = next;
        i = next - 1;
      }
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      let end = i + 1;
      while (end < to && /["”’)\]]/.test(text[end])) end++;
      if (end < to && !/\s/.test(text[end])) continue;
      if (ch === '.' && isAbbreviation(text, start, i)) continue;
      const next = skipSpace(text, end, to);
      if (next < to && /[a-z]/.test(text[next])) continue;
      sentences.push({ start, end });
      start = next;
      i = next - 1;
    }
  }
  const tail = lastNonSpace(text, start, to);
  if (tail >= start) sentences.push({ start, end: tail + 1 });
  return sentences;
}

/** Whether the full stop at `dot` closes an abbreviation or an initial ("Mr.", "p.m.", "U.S.", "John F."), looking back no further than `sentenceStart`. */
export function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && /[A-Za-z.]/.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, dot);
  if (!word) return false;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "John F. Kennedy"
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // U.S, U.N
  return ABBREVIATIONS.has(word.toLowerCase());
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function lastNonSpace(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && /\s/.test(text[i])) i--;
  return i;
}

/** The sentence holding `offset`, or null. */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | null {
  const index = sentenceIndexAt(sentences, offset);
  return index < 0 ? null : sentences[index];
}

/** The index of the sentence holding `offset`, or -1. */
export function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle];
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

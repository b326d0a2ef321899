// Word tokens of a document body, with the facts the entity chunker needs.
import type { Span } from '../../types';
import { DOTTED, KEPT_LOWER, PARTICLE_PREFIX } from './lexicon';
import { classOf, codePointAt, LETTER, MARK, NUMBER, unitsOf } from '../../text/char-classes';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, none lower-case ("ISIL", "U.S."). */
  upper: boolean;
  /** Starts with a name particle joined by a hyphen: "al-Qaduli". */
  particle: boolean;
  /** Only blanks (no line break, no punctuation) separate it from the previous token. */
  joined: boolean;
  /** First word of a sentence or of a line. */
  sentenceStart: boolean;
  /** Cut out of a hyphenated word ("ISIL" in "anti-ISIL"): it does not join its neighbours. */
  standalone: boolean;
  /** Followed by a possessive 's (outside the token). */
  possessive: boolean;
  /** Index of the line, and whether that line reads as a title-case headline. */
  line: number;
  headline: boolean;
  /** The line is written in capitals throughout. */
  shout: boolean;
}

// Words are those of /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:\.-|[-'’.&])[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\.?/gu, read by hand
// (see wordStart and wordEnd).
const LN = LETTER | NUMBER;
const LNM = LETTER | NUMBER | MARK;
const HYPHEN_PREFIXES = new Set(['anti', 'counter', 'pro', 'non', 'ex', 'post', 'pre', 'pan', 'neo', 'mid', 'multi', 'trans', 'inter', 'intra', 'semi', 'sub', 'super', 'un']);
/** A name word that starts with digits: "76ers", "49ers" (not ordinals, times or units, which have fewer letters). */
const NUMBERED_NAME = /^\d{1,3}[a-z]{3,}$/;
const UPPER = /\p{Lu}/u;
/** Words a title-case headline leaves in lower case. */
const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'with', 'from', 'as', 'vs']);
const LOWER = /\p{Ll}/u;

function isUpperChar(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z' ? true : ch >= 'a' && ch <= 'z' ? false : UPPER.test(ch);
}
function isLowerChar(ch: string): boolean {
  return ch >= 'a' && ch <= 'z' ? true : ch >= 'A' && ch <= 'Z' ? false : LOWER.test(ch);
}

/**
 * Tokens of text[from, to), skipping noise spans (sorted or not). Lower-case words are kept only when the
 * chunker needs them (connectors, words of known names); all of them go to `lowerWords`.
 */
export function tokenize(text: string, from: number, noise: readonly Span[], lowerWords: Set<string>): Token[] {
  const tokens: Token[] = [];
  let skipped = false;
  const sortedNoise = [...noise].sort((a, b) => a.start - b.start);
  let noiseIndex = 0;
  const lineStarts: number[] = [];
  const shouting = new Set<number>();
  const headlineLines = markHeadlines(text, from, lineStarts, shouting);
  let line = 0;
  let previousEnd = from;
  let previousDotted = false;
  for (let at = wordStart(text, from); at < text.length; at = wordStart(text, at)) {
    let start = at;
    at = wordEnd(text, start);
    let word = text.slice(start, at);
    while (noiseIndex < sortedNoise.length && sortedNoise[noiseIndex].end <= start) noiseIndex++;
    if (noiseIndex < sortedNoise.length && sortedNoise[noiseIndex].start < start + word.length) { previousEnd = start + word.length; continue; }
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) line++;
    let dotted = false;
    if (word.endsWith('.')) {
      const bare = word.slice(0, -1);
      if (bare.length === 1 && isUpperChar(bare) || bare.includes('.') || DOTTED.has(bare)) dotted = true;
      else word = bare;
    }
    let possessive = false;
    const lastChar = word.charCodeAt(word.length - 1);
    if (lastChar === 115 /* s */ && word.length > 2 && isApostrophe(word.charCodeAt(word.length - 2))) { word = word.slice(0, -2); possessive = true; }
    else if (isApostrophe(lastChar)) word = word.slice(0, -1);
    let standalone = false;
    const hyphenated = word.includes('-');
    if (hyphenated) {
      const parts = word.split('-');
      if (parts.length > 1 && HYPHEN_PREFIXES.has(parts[0].toLowerCase()) && isUpperChar(parts[1][0] ?? '')) {
        start += parts[0].length + 1;
        parts.shift();
        standalone = true;
      }
      if (parts.length > 1 && isUpperChar(parts[0][0] ?? '')) {
        let cut = parts.length;
        while (cut > 1 && isLowerChar(parts[cut - 1][0] ?? '')) cut--;
        if (cut < parts.length) { parts.length = cut; standalone = true; }
      }
      word = parts.join('-');
    }
    const end = start + word.length;
    const first = word[0];
    const cap = isUpperChar(first);
    if (!cap) {
      lowerWords.add(word);
      if (!KEPT_LOWER.has(word) && !(hyphenated && PARTICLE_PREFIX.test(word)) && !(startsWithDigit(word) && NUMBERED_NAME.test(word))) {
        previousEnd = end;
        previousDotted = false;
        skipped = true;
        continue;
      }
    }
    const gapLength = start - previousEnd;
    const joined = tokens.length > 0 && (gapLength === 1 || gapLength === 2) && isBlank(text.charCodeAt(previousEnd))
      && (gapLength === 1 || isBlank(text.charCodeAt(previousEnd + 1))) && !tokens[tokens.length - 1].possessive && !skipped;
    skipped = false;
    tokens.push({
      start, end, text: word, cap, upper: cap && word.length > 1 && isUpperWord(word),
      particle: !cap && hyphenated && PARTICLE_PREFIX.test(word), joined, sentenceStart: isSentenceStart(text, from, start, previousDotted, previousEnd),
      standalone, possessive, line, headline: headlineLines.has(line), shout: shouting.has(line),
    });
    previousEnd = end;
    previousDotted = dotted && !(word.length > 2 && word.includes('.'));
  }
  return tokens;
}

/** The first position at or after `at` where a word starts (a letter or a digit), or the text's length. */
function wordStart(text: string, at: number): number {
  while (at < text.length) {
    const unit = text.charCodeAt(at);
    if ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57)) return at;
    if (unit < 0x80) { at++; continue; }
    const codePoint = codePointAt(text, at);
    if (classOf(codePoint) & LN) return at;
    at += unitsOf(codePoint);
  }
  return text.length;
}

/** The end of the word starting at `start`: runs of letters, digits and marks joined by "-", "'", "’", ".", "&" or ".-". */
function wordEnd(text: string, start: number): number {
  const length = text.length;
  let end = runEnd(text, start);
  while (end + 1 < length) {
    const unit = text.charCodeAt(end);
    let next = -1;
    if (unit === 46 && text.charCodeAt(end + 1) === 45 && end + 2 < length && classOf(codePointAt(text, end + 2)) & LN) next = end + 2;
    else if ((unit === 45 || unit === 39 || unit === 0x2019 || unit === 46 || unit === 38) && classOf(codePointAt(text, end + 1)) & LN) next = end + 1;
    if (next < 0) break;
    end = runEnd(text, next);
  }
  return end < length && text.charCodeAt(end) === 46 ? end + 1 : end;
}

/** The end of a run of letters, digits and marks from `at`. */
function runEnd(text: string, at: number): number {
  while (at < text.length) {
    const unit = text.charCodeAt(at);
    if ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57)) { at++; continue; }
    if (unit < 0x80) break;
    const codePoint = codePointAt(text, at);
    if (!(classOf(codePoint) & LNM)) break;
    at += unitsOf(codePoint);
  }
  return at;
}

function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 0xa0;
}

/** No lower-case letter and at least two letters ("ISIL", "U.S."). */
function isUpperWord(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) letters++;
    else if (code > 127) {
      const ch = word[i];
      if (LOWER.test(ch)) return false;
      if (UPPER.test(ch)) letters++;
    }
  }
  return letters >= 2;
}

function isSentenceStart(text: string, from: number, start: number, previousDotted: boolean, previousEnd: number): boolean {
  let i = start - 1;
  while (i >= from) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '“' || ch === '"' || ch === '‘' || ch === '(' || ch === '[' || ch === "'") { i--; continue; }
    break;
  }
  if (i < from) return true;
  const ch = text[i];
  if (ch === '\n' || ch === '\r') return true;
  if (ch === '!' || ch === '?' || ch === ':' || ch === '”' || ch === '|' || ch === '•') return true;
  if (ch === '.') return !(previousDotted && i === previousEnd - 1);
  return false;
}

/** Lines that read as headlines: no closing punctuation and mostly capitalised words. Fills lineStarts. */
function markHeadlines(text: string, from: number, lineStarts: number[], shouting: Set<number>): Set<number> {
  const headlines = new Set<number>();
  let start = from;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineStarts.push(start);
    const line = text.slice(start, end).trim();
    if (line.length > 12 && !LOWER.test(line) && (line.match(/\p{Lu}{2,}/gu)?.length ?? 0) >= 3) { shouting.add(index); headlines.add(index); }
    else if (line && line.length < 200 && !/[.!?”"’:;,)]$/.test(line) && !/^By\s/.test(line)) {
      const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      let capital = 0;
      let counted = 0;
      for (const w of words) {
        const bare = w.replace(/^[^\p{L}\p{N}]+/u, '');
        if (HEADLINE_SMALL_WORDS.has(bare.toLowerCase()) && !isUpperChar(bare[0] ?? '')) continue;
        counted++;
        if (isUpperChar(bare[0] ?? '')) capital++;
      }
      if (counted >= 2 && capital / counted >= 0.8) headlines.add(index);
    }
    if (end >= text.length) break;
    start = end + 1;
    index++;
  }
  return headlines;
}

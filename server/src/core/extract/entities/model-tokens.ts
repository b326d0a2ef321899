// Tokens and sentences the way the recogniser's training data writes them: punctuation and hyphens apart,
// a possessive 's and n't apart, abbreviations ("Mr.", "U.S.") keeping their dots.
import { DOTTED } from './lexicon';
import { classOf, codePointAt, LETTER, MARK, NUMBER, SPACE, unitsOf } from '../../text/char-classes';

export interface ModelToken { start: number; end: number; text: string }

/** A sentence of the text: tokens [from, to) of the token list, and whether it reads as a title-case headline. */
export interface ModelSentence { from: number; to: number; headline: boolean }

export interface ModelText { tokens: ModelToken[]; sentences: ModelSentence[] }

// The tokens are those of /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{M}\p{N}]+(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|\S/gu, read by hand
// (see tokenEnd): the regular expression was a fifth of the recogniser's time.
const isApostrophe = (unit: number) => unit === 39 || unit === 0x2019;
const isAsciiWordUnit = (unit: number) => (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) || unit === 95;

/** Where the token starting at `start` (not a blank) ends, in text[0, to). */
function tokenEnd(text: string, start: number, to: number): number {
  const first = codePointAt(text, start, to);
  const classes = classOf(first);
  // Letters joined by dots: "U.S.", "e.g."
  if (classes & LETTER) {
    let end = start + unitsOf(first);
    let joined = false;
    while (end + 1 < to && text.charCodeAt(end) === 46) {
      const next = codePointAt(text, end + 1, to);
      if (!(classOf(next) & LETTER)) break;
      end += 1 + unitsOf(next);
      joined = true;
    }
    if (joined) return end < to && text.charCodeAt(end) === 46 ? end + 1 : end;
  }
  if (!(classes & (LETTER | MARK | NUMBER))) return start + unitsOf(first);
  let end = start;
  for (let c = first; end < to && classOf(c = codePointAt(text, end, to)) & (LETTER | MARK | NUMBER);) end += unitsOf(c);
  // Apostrophes inside a word ("O'Brien", "rock'n'roll"), but not a possessive 's.
  while (end + 1 < to && isApostrophe(text.charCodeAt(end))) {
    const after = end + 1;
    if ((text.charCodeAt(after) | 32) === 115 && (after + 1 >= to || !isAsciiWordUnit(text.charCodeAt(after + 1)))) break;
    let wordEnd = after;
    for (let c = 0; wordEnd < to && classOf(c = codePointAt(text, wordEnd, to)) & (LETTER | MARK);) wordEnd += unitsOf(c);
    if (wordEnd === after) break;
    end = wordEnd;
  }
  return end;
}

const ENDS_SENTENCE = new Set(['.', '!', '?']);

/** Tokens of text[from, to), split into sentences at line breaks and at sentence-final punctuation. */
export function modelTokens(text: string, from = 0, to = text.length): ModelText {
  const tokens: ModelToken[] = [];
  const sentences: ModelSentence[] = [];
  let sentenceFrom = 0;
  let nextBreak = text.indexOf('\n', from);
  const close = () => {
    if (tokens.length > sentenceFrom) sentences.push({ from: sentenceFrom, to: tokens.length, headline: isHeadline(tokens, sentenceFrom, tokens.length) });
    sentenceFrom = tokens.length;
  };
  let at = from;
  for (;;) {
    let unit = 0;
    while (at < to && ((unit = text.charCodeAt(at)) === 32 || (unit < 0x80 ? unit >= 9 && unit <= 13 : classOf(codePointAt(text, at, to)) & SPACE))) at++;
    if (at >= to) break;
    const start = at;
    at = tokenEnd(text, start, to);
    let word = text.slice(start, at);
    if (nextBreak !== -1 && nextBreak < start) {
      close();
      nextBreak = text.indexOf('\n', start);
    }
    // "n't" is its own token: "didn't" -> "did", "n't".
    if (word.length > 3 && (word.charCodeAt(word.length - 1) | 32) === 116 /* t */ && /n['’]t$/i.test(word)) {
      tokens.push({ start, end: start + word.length - 3, text: word.slice(0, -3) });
      tokens.push({ start: start + word.length - 3, end: start + word.length, text: word.slice(-3) });
      continue;
    }
    let end = start + word.length;
    // An apostrophe then s: the possessive token "'s".
    if ((word === "'" || word === '’') && /^[sS]\b/.test(text.slice(end, end + 2))) { word += text[end]; end++; at = end; }
    // "Mr." and "J." keep their dot; a full stop stays a token of its own.
    else if (text[end] === '.' && /\p{L}$/u.test(word) && (DOTTED.has(word) || /^\p{Lu}$/u.test(word))) { word += '.'; end++; at = end; }
    tokens.push({ start, end, text: word });
    if (ENDS_SENTENCE.has(word) && !/^\p{Ll}/u.test(nextWord(text, end))) close();
  }
  close();
  return { tokens, sentences };
}

function nextWord(text: string, from: number): string {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '"' || text[i] === '”' || text[i] === ')')) i++;
  return text.slice(i, i + 1);
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'with', 'from', 'as', 'vs', 'de']);

/** A title-case line: at least 70% of its words (small words aside) capitalised, two or more words. */
export function isHeadline(tokens: ReadonlyArray<{ text: string }>, from: number, to: number): boolean {
  let words = 0;
  let capital = 0;
  for (let i = from; i < to; i++) {
    const word = tokens[i].text;
    const code = word.charCodeAt(0);
    if (!(code >= 65 && code <= 90) && !(code >= 97 && code <= 122) && !(code > 127 && /\p{L}/u.test(word[0]))) continue;
    if (SMALL_WORDS.has(word)) continue;
    words++;
    if (word[0] !== word[0].toLowerCase()) capital++;
  }
  return words >= 2 && capital >= 0.7 * words;
}

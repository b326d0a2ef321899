// Tokens and sentences the way the recogniser's training data writes them: punctuation and hyphens apart,
// a possessive 's and n't apart, abbreviations ("Mr.", "U.S.") keeping their dots.
import { DOTTED } from './lexicon';

export interface ModelToken { start: number; end: number; text: string }

/** A sentence of the text: tokens [from, to) of the token list, and whether it reads as a title-case headline. */
export interface ModelSentence { from: number; to: number; headline: boolean }

export interface ModelText { tokens: ModelToken[]; sentences: ModelSentence[] }

const TOKEN = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{M}\p{N}]+(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|\S/gu;
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
  const region = text.slice(0, to);
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(region); match; match = TOKEN.exec(region)) {
    const start = match.index;
    let word = match[0];
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
    if ((word === "'" || word === '’') && /^[sS]\b/.test(text.slice(end, end + 2))) { word += text[end]; end++; TOKEN.lastIndex = end; }
    // "Mr." and "J." keep their dot; a full stop stays a token of its own.
    else if (text[end] === '.' && /\p{L}$/u.test(word) && (DOTTED.has(word) || /^\p{Lu}$/u.test(word))) { word += '.'; end++; TOKEN.lastIndex = end; }
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

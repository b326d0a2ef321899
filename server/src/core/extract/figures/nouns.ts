// What a count counts: the noun phrase after the number ("Some 10,000 Coalition airstrikes").
//
// Without a part-of-speech tagger the head is found by shape: after a number above one, the thing counted is
// plural, so the head is the first plural-looking word of the phrase (extended over a following plural, as in
// "police officers"), and the phrase ends at a function word, a number, or punctuation. Modifiers before the head
// ("Coalition", "regular Iraqi and Peshmerga", "mid-level or high-level") go into `measure`, and so does one short
// "of"/"against" phrase after it ("airstrikes against ISIL"). The unit is the singular of the plural run.

import { IRREGULAR_PLURALS, NOT_PLURAL, NUMBER_WORDS, PARTITIVE_PREPOSITIONS, PLURAL_MODIFIERS, SKIPPED_MODIFIERS, STOP_WORDS } from './lexicon';
import { compoundWordAt, skipSpace, type Word } from './text';

export interface CountedNoun {
  unit: string;
  measure: string;
  /** End of the head noun: the figure's span ends here. */
  end: number;
}

const MAX_PHRASE_WORDS = 6;

function stripPossessive(lower: string): string {
  return lower.replace(/['’]s?$/, '');
}

function isPossessive(word: Word): boolean {
  return /['’]s$/.test(word.lower) || (/s['’]$/.test(word.lower));
}

/** Does the word look like a plural noun? */
export function isPluralWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(lower)) return true;
  if (NOT_PLURAL.has(lower) || STOP_WORDS.has(lower)) return false;
  if (lower.length < 3) return false;
  if (word === word.toUpperCase()) return false; // acronyms: ISIL, IS, US
  if (!lower.endsWith('s')) return false;
  if (/(?:ss|us|is|ous|ics|[''’]s)$/.test(lower)) return false;
  return true;
}

/** Singular of one word (irregulars from data, then regular English endings). */
export function singularWord(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_PLURALS.get(lower);
  if (irregular) return irregular;
  if (NOT_PLURAL.has(lower) || lower.length <= 3 || !lower.endsWith('s') || /(?:ss|us|is)$/.test(lower)) return lower;
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zzes)$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}

const DOTTED_ABBREVIATION = /(?:[A-Z]\.){2,}(?=[ \t]+[a-z])/y;

/** "U.S." in "3,000 U.S. troops": a modifier with its dots, when a lower-case word follows (not a sentence end). */
function dottedAbbreviationAt(text: string, pos: number): Word | null {
  DOTTED_ABBREVIATION.lastIndex = pos;
  const match = DOTTED_ABBREVIATION.exec(text);
  return match ? { start: pos, end: pos + match[0].length, text: match[0], lower: match[0].toLowerCase() } : null;
}

function isContentWord(word: Word | null): word is Word {
  if (!word) return false;
  return !STOP_WORDS.has(word.lower) && !NUMBER_WORDS.has(word.lower);
}

/**
 * The counted noun phrase starting at `pos` (right after the number, its scale and qualifiers).
 * `single`: the number is one (or less), so the head is singular.
 */
export function readCountedNoun(text: string, pos: number, single: boolean): CountedNoun | null {
  const words: Word[] = [];
  let head = -1;
  let firstHead = -1;
  let at = pos;
  while (words.length < MAX_PHRASE_WORDS) {
    const start = skipSpace(text, at);
    if (start === at && words.length) break; // punctuation or end
    const word = dottedAbbreviationAt(text, start) ?? compoundWordAt(text, start);
    if (!word) break;
    if (NUMBER_WORDS.has(word.lower)) break;
    if (STOP_WORDS.has(word.lower)) {
      // "regular Iraqi and Peshmerga soldiers", "mid-level or high-level leaders": joins modifiers, not heads.
      if ((word.lower === 'and' || word.lower === 'or') && words.length && head < 0) {
        const next = compoundWordAt(text, skipSpace(text, word.end));
        if (isContentWord(next) && !isPluralWord(words[words.length - 1].text)) {
          words.push(word);
          at = word.end;
          continue;
        }
      }
      break;
    }
    if (isPossessive(word) && head < 0 && !isPluralWord(stripPossessive(word.lower))) break;
    if (!words.length && SKIPPED_MODIFIERS.has(word.lower)) {
      at = word.end;
      continue;
    }
    const plural = isPluralWord(word.text.replace(/['’]$/, ''));
    // after the head only another plural that it modifies goes on: "police officers", not "points thanks"
    if (head >= 0 && (!plural || !PLURAL_MODIFIERS.has(words[head].lower))) break;
    words.push(word);
    at = word.end;
    if (single) continue;
    if (plural) {
      if (firstHead < 0) firstHead = words.length - 1;
      head = words.length - 1;
    }
  }
  if (single) {
    // "one soldier": the last word of a short phrase.
    while (words.length && (words[words.length - 1].lower === 'and' || words[words.length - 1].lower === 'or')) words.pop();
    if (!words.length || words.length > 3) return null;
    head = words.length - 1;
    firstHead = head;
    if (/(?:al|ic|ive|ous|ful|less|able|ible|ed|ing|ly|est)$/.test(words[head].lower)) return null;
  }
  if (head < 0) return null;
  const headWord = words[head];
  const run = words.slice(firstHead, head + 1).map((w) => w.lower.replace(/['’]$/, ''));
  run[run.length - 1] = singularWord(run[run.length - 1]);
  const unit = run.join(' ');
  let measure = text.slice(words[0].start, headWord.end).replace(/\s+/g, ' ').replace(/['’]$/, '');
  measure += partitivePhrase(text, headWord.end);
  return { unit, measure, end: headWord.end - (/['’]$/.test(headWord.text) ? 1 : 0) };
}

/** " against ISIL", " of ISIL", " of the coalition": one short phrase after the head, or "". */
export function partitivePhrase(text: string, pos: number): string {
  const prepositionStart = skipSpace(text, pos);
  if (prepositionStart === pos) return '';
  const preposition = compoundWordAt(text, prepositionStart);
  if (!preposition || !PARTITIVE_PREPOSITIONS.has(preposition.lower)) return '';
  let at = preposition.end;
  let end = -1;
  let count = 0;
  while (count < 3) {
    const start = skipSpace(text, at);
    if (start === at) break;
    const word = compoundWordAt(text, start);
    if (!word) break;
    if (word.lower === 'the' && count === 0 && end < 0) {
      at = word.end;
      continue;
    }
    if (!isContentWord(word)) break;
    end = word.end;
    at = word.end;
    count++;
    if (isPossessive(word)) break;
  }
  if (end < 0) return '';
  return ` ${text.slice(prepositionStart, end).replace(/\s+/g, ' ').replace(/['’]s?$/, '')}`;
}

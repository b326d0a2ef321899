// Reading the number itself: digits ("3,700", "1.3e6", "2 1/2", "10k") and words ("a dozen", "twenty-six",
// "two and a half", "hundreds of thousands"), with the scale words after them ("6 million", "13 lakh").

import * as L from './lexicon';
import { isDigitAt, isLetterAt, plainWordAt, skipSpace, skipSpaceBack, phraseBefore, wordBefore } from './text';
import { isPluralWord } from './nouns';
import { namedUnitAt } from './units';

export interface NumberCore {
  start: number;
  end: number;
  value: number;
  /** Written in words, at least in part. */
  words: boolean;
  /** A scale or multiplier word follows the number ("million", "dozen"): "pounds" after it is money. */
  scaled: boolean;
  /** "thousands", "hundreds of thousands": at least the scale. */
  vague: boolean;
  /** "several hundred", "a few thousand". */
  approximate: boolean;
  /** Digits only, no separator, decimal or scale: candidate year. */
  plainInteger: boolean;
  /** The bare word "one". */
  justOne: boolean;
}

export type CoreResult = NumberCore | { reject: number };

// Thousands by commas, by spaces ("10 000"), or by a tokenized comma ("80 , 000" in tokenized corpora).
const INTEGER = /\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: , \d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+/y;
const DECIMAL = /\.\d+|[ ]\.[ ]\d+/y;
/** "1,3", "5,00": a comma before one or two digits, ending the number, is a decimal comma (not "22,24,26"). */
const DECIMAL_COMMA = /,\d{1,2}(?![\d,]|\.\d)/y;
const LIST_BEFORE = /\d,$/;
const POWER = /\^([+-]*)(\d+(?:\.\d+)?)(?![\d.])/y;
const EXPONENT = /[eE]([+-]?\d+)(?![A-Za-z\d])/y;
const TIMES_TEN = /[ ]?[×x][ ]?10\^?([−-]?\d+)(?![\d])/y;
const FRACTION = /\/(\d+)(?![\d/])/y;
/** A fraction with its slash spaced, as tokenized corpora write it: "1 / 4 point". */
const SPACED_FRACTION = / \/ (\d+)(?![\d/]| \/)/y;
const MIXED_FRACTION = /[ \u00a0]+(\d+)\/(\d+)(?![\d/])/y;
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)(?![A-Za-z])/iy;
const RUN = /[\w.:/,]*/y;

function skipRun(text: string, pos: number): number {
  RUN.lastIndex = pos;
  RUN.exec(text);
  return Math.max(RUN.lastIndex, pos + 1);
}

function longestKeyAt(text: string, pos: number, table: ReadonlyMap<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const [key, value] of table) {
    if (text.startsWith(key, pos) && !isLetterAt(text, pos + key.length) && !isDigitAt(text, pos + key.length) && (!best || key.length > best[0].length)) best = [key, value];
  }
  return best;
}

/** Digits at `pos` (the first digit, or a "." before one). */
export function readDigits(text: string, pos: number, currency: boolean): CoreResult {
  let at = pos;
  let value: number;
  let plainInteger = false;
  if (text.charCodeAt(pos) === 46) {
    DECIMAL.lastIndex = pos;
    const decimal = DECIMAL.exec(text)!;
    value = Number(`0${decimal[0]}`);
    at = pos + decimal[0].length;
  } else {
    INTEGER.lastIndex = pos;
    const integer = INTEGER.exec(text)!;
    at = pos + integer[0].length;
    DECIMAL.lastIndex = at;
    DECIMAL_COMMA.lastIndex = at;
    const decimal = DECIMAL.exec(text) ?? (integer[0].length <= 3 && !LIST_BEFORE.test(text.slice(Math.max(0, pos - 2), pos)) ? DECIMAL_COMMA.exec(text) : null);
    const digits = integer[0].replace(/[^\d]/g, '');
    if (decimal) at += decimal[0].length;
    value = Number(decimal ? `${digits}.${decimal[0].replace(/[ .,]/g, '')}` : digits);
    plainInteger = !decimal && digits.length === integer[0].length;
  }
  // Codes with leading zeros ("007", "02134", the "000" of a split "10 , 000") count nothing.
  if (plainInteger && text.charCodeAt(pos) === 48 && at - pos > 1 && text.charCodeAt(at) !== 46) return { reject: skipRun(text, at) };
  // Version numbers, addresses, clock times and media timestamps: "192.168.1.2", "0:03:35", "10:30".
  const next = text.charCodeAt(at);
  if ((next === 46 || next === 58) && isDigitAt(text, at + 1)) return { reject: skipRun(text, at) };
  if (text.charCodeAt(pos - 1) === 58 && isDigitAt(text, pos - 2)) return { reject: skipRun(text, at) };
  EXPONENT.lastIndex = at;
  const exponent = EXPONENT.exec(text);
  POWER.lastIndex = at;
  const power = exponent ? null : POWER.exec(text);
  if (power) {
    // "2.5^-1", "1.1^+23"
    const negative = (power[1].match(/-/g)?.length ?? 0) % 2 === 1;
    value **= (negative ? -1 : 1) * Number(power[2]);
    at += power[0].length;
    plainInteger = false;
  } else if (exponent) {
    value *= 10 ** Number(exponent[1]);
    at += exponent[0].length;
    plainInteger = false;
  } else {
    TIMES_TEN.lastIndex = at;
    const timesTen = TIMES_TEN.exec(text);
    if (timesTen) {
      value *= 10 ** Number(timesTen[1].replace('−', '-'));
      at += timesTen[0].length;
      plainInteger = false;
    }
  }
  SPACED_FRACTION.lastIndex = at;
  const spaced = plainInteger ? SPACED_FRACTION.exec(text) : null;
  if (spaced && value < Number(spaced[1]) && L.FRACTION_DENOMINATORS.has(Number(spaced[1]))) {
    value /= Number(spaced[1]);
    at += spaced[0].length;
    plainInteger = false;
  } else if (text.charCodeAt(at) === 47 /* / */ && isDigitAt(text, at + 1)) {
    FRACTION.lastIndex = at;
    const fraction = FRACTION.exec(text);
    const denominator = fraction ? Number(fraction[1]) : 0;
    // "3/4", "1/40"; not "9/11", "24/7", "1/0" or dates like "5/12/2015".
    if (!fraction || !plainInteger || value >= denominator || !L.FRACTION_DENOMINATORS.has(denominator)) return { reject: skipRun(text, at) };
    value /= denominator;
    at += fraction[0].length;
    plainInteger = false;
  } else if (plainInteger) {
    MIXED_FRACTION.lastIndex = at;
    const mixed = MIXED_FRACTION.exec(text);
    if (mixed && Number(mixed[1]) < Number(mixed[2]) && L.FRACTION_DENOMINATORS.has(Number(mixed[2]))) {
      value += Number(mixed[1]) / Number(mixed[2]);
      at += mixed[0].length;
      plainInteger = false;
    }
  }
  const unicodeFraction = L.UNICODE_FRACTIONS.get(text[at]);
  if (unicodeFraction !== undefined && plainInteger) {
    value += unicodeFraction;
    at++;
    plainInteger = false;
  }
  ORDINAL_SUFFIX.lastIndex = at;
  if (ORDINAL_SUFFIX.test(text)) return { reject: skipRun(text, at) };
  const core: NumberCore = { start: pos, end: at, value, words: false, scaled: false, vague: false, approximate: false, plainInteger, justOne: false };
  // Abbreviated scales written against the digits: "10k", "$5bn", "2mil", "€10M".
  if (isLetterAt(text, at)) {
    const scale = longestKeyAt(text, at, L.ATTACHED_SCALES) ?? (currency ? longestKeyAt(text, at, L.CURRENCY_ONLY_SCALES) : null) ??
      (millionBeforeCounted(text, pos, at, value) ? [L.MILLION_LETTER, L.MILLION_LETTER_VALUE] as [string, number] : null);
    if (scale && !(L.BIG_ONLY_SCALES.has(scale[0]) && !currency && value < 10)) {
      core.value *= scale[1];
      core.end = at + scale[0].length;
      core.scaled = true;
      core.plainInteger = false;
    }
  }
  return extendWithScales(text, core);
}

/**
 * "1.2m tons", "2.4m headsets", "10m people": an "m" against the digits counts millions when what follows is
 * counted (a unit that is not a length, or a plural noun); "5m tall" and "the 100m hurdles" are metres.
 */
function millionBeforeCounted(text: string, numberStart: number, at: number, value: number): boolean {
  if (!text.startsWith(L.MILLION_LETTER, at) || isLetterAt(text, at + 1) || isDigitAt(text, at + 1)) return false;
  const next = skipSpace(text, at + 1);
  if (next === at + 1) return false;
  const unit = namedUnitAt(text, next);
  if (unit) return unit.currency !== undefined || (unit.entry !== undefined && unit.entry.group !== 'length');
  const word = plainWordAt(text, next);
  if (!word || !isPluralWord(word.text)) return false;
  const previous = wordBefore(text, numberStart, 0);
  return !(previous && previous.lower === 'the' && L.SPRINT_DISTANCES.has(value));
}

/** "6 million", "322 hundred", "three dozen", "25 lakh crore", "10 bln". */
function extendWithScales(text: string, core: NumberCore): NumberCore {
  for (;;) {
    // "$5-billion plan", "a 10-million-dollar fund": a scale word joined by a hyphen
    const hyphenated = text[core.end] === '-' && L.SCALES.has(plainWordAt(text, core.end + 1)?.lower ?? '');
    const at = hyphenated ? core.end + 1 : skipSpace(text, core.end);
    if (at === core.end && !isLetterAt(text, at)) break;
    const word = plainWordAt(text, at);
    if (!word) break;
    const scale = L.SCALES.get(word.lower) ?? (word.lower === L.HUNDRED ? L.HUNDRED_VALUE : undefined) ?? L.MULTIPLIERS.get(word.lower) ?? L.SPACED_SCALES.get(word.text);
    if (scale === undefined || (at === core.end && !L.SPACED_SCALES.has(word.text))) break;
    core.value *= scale;
    core.end = word.end;
    core.scaled = true;
    core.plainInteger = false;
  }
  return core;
}

type Last = 'none' | 'ones' | 'teens' | 'tens' | 'hundred' | 'scale' | 'and';

interface Cardinal {
  value: number;
  end: number;
  last: Last;
  /** Value before the last "and" ("one hundred and three" -> 100), for "and three quarters". */
  atAnd: number | null;
  consumed: number;
}

/** A cardinal in words from `pos`; `startValue` 1 for a leading "a"/"an". */
function readCardinal(text: string, pos: number, startValue: number): Cardinal {
  let total = 0;
  let current = startValue;
  let last: Last = startValue ? 'ones' : 'none';
  let end = pos;
  let at = pos;
  let atAnd: number | null = null;
  let consumed = 0;
  let first = true;
  for (;;) {
    let start = first ? at : skipSpace(text, at);
    if (!first) {
      const char = text[start];
      if ((char === '-' || char === '–') && last === 'tens') start = skipSpace(text, start + 1);
      else if (char === ',' && last === 'scale') start = skipSpace(text, start + 1);
      else if (char === '&' && (last === 'hundred' || last === 'scale')) {
        atAnd = total + current;
        last = 'and';
        at = start + 1;
        continue;
      } else if (start === at) break;
    }
    first = false;
    const word = plainWordAt(text, start);
    if (!word) break;
    const lower = word.lower;
    const one = L.ONES.get(lower);
    const ten = L.TENS.get(lower);
    const scale = L.SCALES.get(lower);
    if (one !== undefined) {
      if (!(last === 'none' || last === 'and' || last === 'hundred' || last === 'scale' || (last === 'tens' && one > 0 && one < 10))) break;
      current += one;
      last = one < 10 ? 'ones' : 'teens';
    } else if (ten !== undefined) {
      if (!(last === 'none' || last === 'and' || last === 'hundred' || last === 'scale')) break;
      current += ten;
      last = 'tens';
    } else if (lower === L.HUNDRED) {
      if (!(last === 'ones' || last === 'teens' || last === 'tens')) break;
      current *= 100;
      last = 'hundred';
    } else if (scale !== undefined) {
      if (last === 'ones' || last === 'teens' || last === 'tens' || last === 'hundred') {
        total += current * scale;
        current = 0;
      } else if (last === 'scale' && current === 0) total *= scale;
      else break;
      last = 'scale';
    } else if (lower === 'and') {
      if (!(last === 'hundred' || last === 'scale')) break;
      const next = plainWordAt(text, skipSpace(text, word.end));
      if (!next || !(L.ONES.has(next.lower) || L.TENS.has(next.lower))) break;
      atAnd = total + current;
      last = 'and';
      at = word.end;
      continue;
    } else break;
    consumed++;
    end = word.end;
    at = word.end;
  }
  if (last === 'and') last = 'scale';
  return { value: total + current, end, last, atAnd, consumed };
}

/** The fraction word at `pos` after a numerator ("thirds" in "two thirds", "half" in "one-half"), or null. */
function fractionAt(text: string, pos: number, pluralOnly = false): { denominator: number; end: number } | null {
  let at = skipSpace(text, pos);
  if (text[at] === '-' && (at === pos || text[at + 1] === ' ')) at = skipSpace(text, at + 1);
  else if (at === pos) return null;
  const word = plainWordAt(text, at);
  if (!word) return null;
  const tens = L.TENS.get(word.lower);
  if (tens !== undefined) {
    // "three twenty-firsts", "two thirty fifths": a compound ordinal, plural after its numerator
    const onesAt = text[word.end] === '-' ? word.end + 1 : skipSpace(text, word.end);
    const ones = onesAt > word.end ? plainWordAt(text, onesAt) : null;
    const value = ones && ones.lower.endsWith('s') ? L.COMPOUND_FRACTION_ONES.get(ones.lower) : undefined;
    return ones && value !== undefined ? { denominator: tens + value, end: ones.end } : null;
  }
  const denominator = L.FRACTIONS.get(word.lower);
  if (denominator === undefined || (pluralOnly && !word.lower.endsWith('s'))) return null;
  // "two quarters" of a year is time, not a fraction: a quarter is a fraction only "of" something or alone.
  if (word.lower.startsWith('quarter')) {
    const after = skipSpace(text, word.end);
    const next = plainWordAt(text, after);
    if (next && next.lower !== 'of') return null;
  }
  return { denominator, end: word.end };
}

/** "of a million" after a fraction ("a quarter of a million", "two-thirds of a billion"): the scale it is a part of. */
function ofAScale(core: NumberCore, text: string): NumberCore {
  const of = plainWordAt(text, skipSpace(text, core.end));
  if (!of || of.start === core.end || of.lower !== 'of') return core;
  const a = plainWordAt(text, skipSpace(text, of.end));
  if (!a || (a.lower !== 'a' && a.lower !== 'an')) return core;
  const word = plainWordAt(text, skipSpace(text, a.end));
  const scale = word ? L.SCALES.get(word.lower) : undefined;
  if (!word || scale === undefined) return core;
  return { ...core, value: core.value * scale, end: word.end, scaled: true, justOne: false };
}

/** "and a half", "and three fifths" after a whole number. */
function andFraction(text: string, pos: number): { value: number; end: number } | null {
  const andStart = skipSpace(text, pos);
  if (andStart === pos) return null;
  const and = plainWordAt(text, andStart);
  if (!and || and.lower !== 'and') return null;
  const numeratorStart = skipSpace(text, and.end);
  const numeratorWord = plainWordAt(text, numeratorStart);
  if (!numeratorWord) return null;
  const numerator = numeratorWord.lower === 'a' || numeratorWord.lower === 'an' ? 1 : L.ONES.get(numeratorWord.lower);
  if (!numerator) return null;
  const fraction = fractionAt(text, numeratorWord.end);
  if (!fraction) return null;
  return { value: numerator / fraction.denominator, end: fraction.end };
}

/** "point zero three", "point seventy-one": digits read one word at a time. */
function pointDecimals(text: string, pos: number): { digits: string; end: number } | null {
  const pointStart = skipSpace(text, pos);
  if (pointStart === pos) return null;
  const point = plainWordAt(text, pointStart);
  if (!point || point.lower !== 'point') return null;
  let digits = '';
  let end = point.end;
  for (;;) {
    const start = skipSpace(text, end);
    if (start === end) break;
    const cardinal = readCardinal(text, start, 0);
    if (!cardinal.consumed || cardinal.value >= 100) break;
    digits += String(cardinal.value);
    end = cardinal.end;
  }
  return digits ? { digits, end } : null;
}

const A_BEFORE = ['half an', 'half a', 'an', 'a'];

/** A number written in words, anchored at the word at `pos`. */
export function readWords(text: string, pos: number, limit: number): CoreResult {
  const word = plainWordAt(text, pos)!;
  const lower = word.lower;
  const core: NumberCore = { start: pos, end: word.end, value: 0, words: true, scaled: false, vague: false, approximate: false, plainInteger: false, justOne: false };

  // "thousands of ...", "hundreds of thousands", "tens of thousands", "dozens of"
  const vague = L.VAGUE_PLURALS.get(lower) ?? (lower === 'tens' ? 10 : undefined);
  if (vague !== undefined) {
    const of = plainWordAt(text, skipSpace(text, word.end));
    let value = vague;
    let end = word.end;
    const inner = of && of.lower === 'of' ? plainWordAt(text, skipSpace(text, of.end)) : null;
    const innerScale = inner ? L.VAGUE_PLURALS.get(inner.lower) : undefined;
    if (inner && innerScale !== undefined && innerScale > vague) {
      value *= innerScale;
      end = inner.end;
    } else if (lower === 'tens' || (lower === 'scores' && !of)) return { reject: word.end };
    return { ...core, end, value, vague: true, scaled: true };
  }

  if (L.ONES.has(lower) || L.TENS.has(lower)) {
    const cardinal = readCardinal(text, pos, 0);
    core.justOne = cardinal.consumed === 1 && lower === 'one';
    core.value = cardinal.value;
    core.end = cardinal.end;
    core.scaled = cardinal.last === 'scale' || cardinal.last === 'hundred';
    // "two thirds", "one-half"; after a scale only a plural ("a hundred trillionths", "ninety-five hundred fifths")
    const fraction = fractionAt(text, cardinal.end, cardinal.last === 'scale' || cardinal.last === 'hundred');
    if (fraction && cardinal.value > 0) {
      core.value = cardinal.atAnd !== null ? cardinal.atAnd + (cardinal.value - cardinal.atAnd) / fraction.denominator : cardinal.value / fraction.denominator;
      core.end = fraction.end;
      core.justOne = false;
      if (cardinal.atAnd === null) return ofAScale(core, text);
    } else {
      const and = andFraction(text, core.end);
      const point = and ? null : pointDecimals(text, core.end);
      if (and) {
        core.value += and.value;
        core.end = and.end;
        core.justOne = false;
      } else if (point) {
        core.value = Number(`${core.value}.${point.digits}`);
        core.end = point.end;
        core.justOne = false;
      }
    }
    return extendMultipliers(text, core, core.value === cardinal.value ? cardinal.atAnd : null);
  }

  if (lower === 'half') {
    // "half a million", "half a dozen"
    const a = plainWordAt(text, skipSpace(text, word.end));
    const scaleWord = a && (a.lower === 'a' || a.lower === 'an') ? plainWordAt(text, skipSpace(text, a.end)) : null;
    const scale = scaleWord ? (L.SCALES.get(scaleWord.lower) ?? L.MULTIPLIERS.get(scaleWord.lower) ?? (scaleWord.lower === L.HUNDRED ? L.HUNDRED_VALUE : undefined)) : undefined;
    if (scaleWord && scale !== undefined) return { ...core, value: scale / 2, end: scaleWord.end, scaled: true };
    // "a half", "more than half", "nearly half": a qualifier stands for the numerator.
    const hasNumerator = A_BEFORE.slice(2).some((phrase) => phraseBefore(text, pos, phrase, limit) >= 0)
      || L.QUALIFIERS_BEFORE.phrases.some(([phrase]) => phraseBefore(text, pos, phrase, limit) >= 0);
    if (!hasNumerator) return { reject: word.end };
    const a2 = A_BEFORE.slice(2).map((phrase) => phraseBefore(text, pos, phrase, limit)).find((start) => start >= 0);
    return { ...core, start: a2 ?? pos, value: 0.5 };
  }

  // "a dozen", "a thousand", "a third", "several hundred", "a few thousand"
  let numerator = 0;
  for (const phrase of A_BEFORE) {
    const start = phraseBefore(text, pos, phrase, limit);
    if (start >= 0) {
      numerator = phrase.startsWith('half') ? 0.5 : 1;
      core.start = start;
      break;
    }
  }
  if (!numerator) {
    for (const [phrase, n] of L.VAGUE_COUNTS) {
      const start = phraseBefore(text, pos, phrase, limit);
      if (start >= 0) {
        numerator = n;
        core.start = start;
        core.approximate = true;
        break;
      }
    }
  }
  if (!numerator) return { reject: word.end };
  const denominator = L.FRACTIONS.get(lower);
  if (denominator !== undefined) {
    if (core.approximate || numerator !== 1 || !fractionAt(text, skipSpaceBack(text, pos, limit))) return { reject: word.end };
    return ofAScale({ ...core, value: 1 / denominator, end: word.end }, text);
  }
  const multiplier = L.MULTIPLIERS.get(lower);
  if (multiplier !== undefined) return { ...core, value: numerator * multiplier, end: word.end, scaled: true };
  const cardinal = readCardinal(text, pos, 1);
  if (!cardinal.consumed) return { reject: word.end };
  // "a hundred thousand trillionths": after a scale only a plural fraction word
  const fraction = fractionAt(text, cardinal.end, true);
  if (fraction) return { ...core, value: (cardinal.value * numerator) / fraction.denominator, end: fraction.end };
  return extendMultipliers(text, { ...core, value: cardinal.value * numerator, end: cardinal.end, scaled: true });
}

/** "three dozen", "two hundred and two dozens". */
function extendMultipliers(text: string, core: NumberCore, atAnd: number | null = null): NumberCore {
  const at = skipSpace(text, core.end);
  if (at === core.end) return core;
  const word = plainWordAt(text, at);
  const multiplier = word ? L.MULTIPLIERS.get(word.lower) : undefined;
  if (!word || multiplier === undefined) return core;
  // "three hundred and two dozen": the dozen goes with the part after "and"
  const value = atAnd !== null ? atAnd + (core.value - atAnd) * multiplier : core.value * multiplier;
  return { ...core, value, end: word.end, scaled: true, justOne: false };
}

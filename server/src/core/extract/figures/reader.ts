// One figure at a time: what is written before the number (qualifier, currency, sign), the number, and what
// follows it (scale, unit, counted noun). The passes over the whole list (ranges, years, names) are in ../figures.ts.

import type { FigureKind, Qualifier } from '../../types';
import * as L from './lexicon';
import { readDigits, readWords, type CoreResult, type NumberCore } from './numbers';
import { isPluralWord, readCountedNoun, singularWord, type CountedNoun } from './nouns';
import { rateAt, unitAfter } from './units';
import { compoundWordAt, isDigitAt, isLetterAt, phraseAt, phraseBefore, plainWordAt, skipSpace, skipSpaceBack, wordBefore, type Word } from './text';

export interface Candidate {
  /** Span of the figure: qualifier or currency through the unit or counted noun. */
  start: number;
  end: number;
  /** The number itself (with its scale): what must not overlap a date. */
  numberStart: number;
  numberEnd: number;
  value: number;
  /** Set for vague plurals and ranges; otherwise the qualifier decides. */
  low?: number | null;
  high?: number | null;
  qualifier: Qualifier;
  kind: FigureKind;
  unit: string | null;
  measure: string | null;
  /** "between" / "from" written before the number, and where. */
  rangeWord: string | null;
  rangeStart: number;
  /** A verb of change before "from" or before the number ("rose from 5 to 7"): not a range. */
  changeBefore: boolean;
  /** Follows "<digit>-": the second half of "10-15" or "14-15". */
  afterDigitHyphen: boolean;
  /** Followed by "-" and a digit or "- to": the first half of a range. */
  hyphenBefore: boolean;
  yearLike: boolean;
  nameLike: boolean;
  yearPreposition: boolean;
  /** The bare word "one". */
  justOne: boolean;
  /** A scale word or letter follows the number ("5 million", "$10bn"): the other end of a range may share it. */
  scaled: boolean;
}

interface Before {
  start: number;
  currency: string | null;
  /** The currency is a short alias written against the digits ("RM79", "PS2.7m"). */
  gluedAlias: boolean;
  negative: boolean;
  qualifier: Qualifier | null;
  rangeWord: string | null;
  rangeStart: number;
  changeBefore: boolean;
  previous: Word | null;
}

const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);
const MODEL_DETERMINERS = new Set([...DETERMINERS, 'a', 'an']);
const RANGE_WORDS = [...L.RANGE_BEFORE].sort((a, b) => b.length - a.length);
const CLOCK = new RegExp(`[ \\t]?(?:${[...L.CLOCK_WORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z])`, 'iy');

/** A hyphen right after one of these joins two figures ("2.5%-3%", "30°-35°"): it is no minus sign. */
const ENDS_A_FIGURE = new Set(['%', '°', ')']);

function isSign(char: string | undefined): boolean {
  return char === '-' || char === '−';
}

/** A change verb among the three words before `pos`. */
function changeVerbBefore(text: string, pos: number, limit: number): boolean {
  let at = pos;
  for (let i = 0; i < 3; i++) {
    const word = wordBefore(text, at, limit);
    if (!word) return false;
    if (L.CHANGE_VERBS.has(word.lower.replace(/\.$/, ''))) return true;
    at = word.start;
  }
  return false;
}

/** A currency code written against the digits at `numberStart` ("USD10m", "RM79", "PS2.7m"), case as written. */
export function gluedCurrencyBefore(text: string, numberStart: number, limit: number): { code: string; alias: boolean; start: number } | null {
  let start = numberStart;
  if (text[start - 1] === '.' && isLetterAt(text, start - 2)) start--;
  while (start > limit && isLetterAt(text, start - 1)) start--;
  if (start === numberStart || (start > limit && (isDigitAt(text, start - 1) || text[start - 1] === '_'))) return null;
  const glued = L.GLUED_CURRENCIES.get(text.slice(start, numberStart));
  return glued ? { ...glued, start } : null;
}

function readBefore(text: string, numberStart: number, limit: number): Before {
  let start = numberStart;
  let currency: string | null = null;
  let negative = false;
  const glued = gluedCurrencyBefore(text, numberStart, limit);
  if (glued) {
    const sign = wordBefore(text, glued.start, limit);
    const negativeWord = sign !== null && sign.end < glued.start && L.NEGATIVE_WORDS.has(sign.lower);
    const signed = isSign(text[glued.start - 1]);
    return readQualifierAndRange(text, negativeWord ? sign!.start : signed ? glued.start - 1 : glued.start, limit, glued.code, glued.alias, negativeWord || signed);
  }
  if (isSign(text[start - 1]) && (start - 1 === limit || (!isDigitAt(text, start - 2) && !isLetterAt(text, start - 2) && !isSign(text[start - 2]) && !ENDS_A_FIGURE.has(text[start - 2])))) {
    negative = true;
    start--;
  }
  const symbolEnd = skipSpaceBack(text, start, limit);
  const symbol = symbolEnd > limit ? L.CURRENCY_SYMBOLS.get(text[symbolEnd - 1]) : undefined;
  if (symbol && symbolEnd - start <= 1) {
    currency = symbol;
    start = symbolEnd - 1;
    if (text[start] === '$') {
      // "US$", "C$", "HK$" or, spaced, "us $", "c $"
      let prefixStart = start;
      while (prefixStart > limit && (isLetterAt(text, prefixStart - 1) || text[prefixStart - 1] === '.')) prefixStart--;
      const attached = text.slice(prefixStart, start).toLowerCase();
      if (attached && L.DOLLAR_PREFIXES.has(attached)) {
        currency = L.DOLLAR_PREFIXES.get(attached)!;
        start = prefixStart;
      } else if (!attached) {
        const spacedEnd = skipSpaceBack(text, start, limit);
        let spacedStart = spacedEnd;
        while (spacedStart > limit && (isLetterAt(text, spacedStart - 1) || text[spacedStart - 1] === '.')) spacedStart--;
        const spaced = text.slice(spacedStart, spacedEnd).toLowerCase();
        if (spacedEnd < start && L.SPACED_DOLLAR_PREFIXES.has(spaced)) {
          currency = L.DOLLAR_PREFIXES.get(spaced)!;
          start = spacedStart;
        }
      }
    }
    if (!negative && isSign(text[start - 1]) && !isLetterAt(text, start - 2) && !isDigitAt(text, start - 2)) {
      negative = true;
      start--;
    }
  } else {
    const code = wordBefore(text, start, limit);
    if (code && code.end < start && L.CURRENCY_CODES.has(code.text)) {
      currency = L.CURRENCY_CODES.get(code.text)!;
      start = code.start;
    }
  }
  const sign = wordBefore(text, start, limit);
  if (sign && sign.end < start && L.NEGATIVE_WORDS.has(sign.lower)) {
    negative = true;
    start = sign.start;
  }
  return readQualifierAndRange(text, start, limit, currency, false, negative);
}

/** The qualifier ("more than"), range word ("between") and change verb ("rose from") before `from`. */
function readQualifierAndRange(text: string, from: number, limit: number, currency: string | null, gluedAlias: boolean, negative: boolean): Before {
  let start = from;
  let qualifier: Qualifier | null = null;
  for (const [phrase, value] of L.QUALIFIERS_BEFORE.phrases) {
    const at = phraseBefore(text, start, phrase, limit);
    if (at >= 0) {
      qualifier = value;
      start = at;
      break;
    }
  }
  let rangeWord: string | null = null;
  let rangeStart = start;
  for (const phrase of RANGE_WORDS) {
    const at = phraseBefore(text, start, phrase, limit);
    if (at >= 0) {
      rangeWord = phrase.endsWith('from') ? 'from' : phrase.endsWith('between') ? 'between' : phrase;
      rangeStart = at;
      break;
    }
  }
  const changeBefore = changeVerbBefore(text, rangeStart, limit);
  const previous = wordBefore(text, rangeStart, limit);
  return { start, currency, gluedAlias, negative, qualifier, rangeWord, rangeStart, changeBefore, previous };
}

function qualifierAfter(text: string, pos: number): { qualifier: Qualifier; end: number } | null {
  if (skipSpace(text, pos) === pos) return null;
  for (const [phrase, qualifier] of L.QUALIFIERS_AFTER.phrases) {
    const end = phraseAt(text, skipSpace(text, pos), phrase);
    if (end < 0) continue;
    // "5 plus 3" is arithmetic
    const next = plainWordAt(text, skipSpace(text, end));
    if (isDigitAt(text, skipSpace(text, end)) || (next && (L.ONES.has(next.lower) || L.TENS.has(next.lower)))) continue;
    return { qualifier, end };
  }
  return null;
}

/** "of materiel", "of the population": what a quantity, sum or share is of. */
function objectPhrase(text: string, pos: number): string | null {
  const ofStart = skipSpace(text, pos);
  if (ofStart === pos) return null;
  const of = plainWordAt(text, ofStart);
  if (!of || of.lower !== 'of') return null;
  let at = of.end;
  const determiner = plainWordAt(text, skipSpace(text, at));
  if (determiner && DETERMINERS.has(determiner.lower)) at = determiner.end;
  const noun = readCountedNoun(text, at, false) ?? readCountedNoun(text, at, true);
  return noun ? noun.measure : null;
}

/** "five of the satellites", "40 of its stores": the things a count is a part of, named after "of" and a determiner. */
function partitiveNoun(text: string, pos: number): CountedNoun | null {
  const of = plainWordAt(text, skipSpace(text, pos));
  if (!of || of.start === pos || of.lower !== 'of') return null;
  const determiner = plainWordAt(text, skipSpace(text, of.end));
  if (!determiner || determiner.start === of.end || !DETERMINERS.has(determiner.lower)) return null;
  const noun = readCountedNoun(text, determiner.end, false);
  // "five of the three-ton satellites": a number inside the phrase is a figure of its own, left for the scanner
  if (!noun || /\d/.test(text.slice(determiner.end, noun.end)) || text.slice(determiner.end, noun.end).toLowerCase().split(/[^a-z]+/).some((w) => L.NUMBER_WORDS.has(w))) return null;
  return noun;
}

/** "3 dollars 50 cents", "thirteen dollars and forty-five cents". */
function minorUnits(text: string, pos: number): { value: number; end: number } | null {
  let at = skipSpace(text, pos);
  const and = plainWordAt(text, at);
  if (and && and.lower === 'and') at = skipSpace(text, and.end);
  let core: CoreResult | null = null;
  if (isDigitAt(text, at)) core = readDigits(text, at, false);
  else {
    const word = plainWordAt(text, at);
    if (word && (L.ONES.has(word.lower) || L.TENS.has(word.lower))) core = readWords(text, at, at);
  }
  if (!core || 'reject' in core || core.value >= 100) return null;
  const unit = plainWordAt(text, skipSpace(text, core.end));
  // "thirteen dollars forty-five": the minor unit may go unsaid when the amount ends there.
  if (!unit && core.value >= 10 && and?.lower !== 'and' && /^[ \t]*(?:$|[.,;:!?)\n])/.test(text.slice(core.end, core.end + 2))) return { value: core.value / 100, end: core.end };
  if (!unit || !L.MINOR_CURRENCY_WORDS.has(unit.lower)) return null;
  return { value: core.value / 100, end: unit.end };
}

/** "6 May 2015", "1 Oct.": a day of the month that the date extractor left. */
function dayBeforeMonth(text: string, core: NumberCore): boolean {
  if (!core.plainInteger || core.value < 1 || core.value > 31) return false;
  const month = plainWordAt(text, skipSpace(text, core.end));
  if (!month || !L.MONTHS.has(month.lower)) return false;
  return /^[A-Z]/.test(month.text) || text[month.end] === '.' || (month.lower !== 'may' && month.lower !== 'march');
}

/** "1)", "2 )" numbering a list, not counting anything. */
function listMarker(text: string, core: NumberCore, before: Before): boolean {
  if (!core.plainInteger || before.currency || before.qualifier) return false;
  const close = skipSpace(text, core.end);
  if (text[close] !== ')') return false;
  // No "(" on the line before the number, or a ")" after the last one: the nearest of the three decides.
  for (let at = core.start; at >= 0; at--) {
    const code = text.charCodeAt(at);
    if (code === 40 /* ( */) return false;
    if (code === 41 /* ) */ || code === 10 /* \n */) return true;
  }
  return true;
}

// "-year-old", " years old", tokenized " - year - old".
const AGE_AFTER = new RegExp(`[ \\t]*[-‑]?[ \\t]*(?:${[...L.AGE_WORDS].map((w) => w.replace(/[-\s]/g, '[ \\t]*[-‑]?[ \\t]*')).join('|')})(?![A-Za-z])`, 'iy');
const OLD_AFTER = /[ \t]+old(?![A-Za-z])/iy;
const AGED_RANGE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${[...L.AGED_BEFORE].join('|')})[ \\t]+\\d{1,3}[ \\t]*(?:-|–|to|and)[ \\t]*$`, 'iu');
const STREET_AFTER = new RegExp(`[ \\t]+(?:[A-Z][\\p{L}'’-]*[ \\t]+){1,3}(?:${[...L.STREET_WORDS].map((w) => w.replace('.', '\\.')).join('|')})(?![\\p{L}])`, 'iuy');
const NAME_AND_COMMA_BEFORE = /[A-Z][\p{L}'’-]*,[ \t]*$/u;
/** "his wife, 29,", "a woman, 62,": a person described by a determiner and a noun, then the age between commas. */
const DESCRIBED_AND_COMMA_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${[...MODEL_DETERMINERS].join('|')})[ \\t]+[\\p{Ll}-]+,[ \\t]*$`, 'iu');

/**
 * An age, not a figure: "a 45-year-old man", "45 years old", "John Smith, 45, said", "aged 45".
 * `end`: where the unit read after the number ends ("45 years" + " old").
 */
function isAge(text: string, core: NumberCore, before: Before, end: number): boolean {
  if (!core.plainInteger && !core.words) return false;
  AGE_AFTER.lastIndex = core.end;
  if (AGE_AFTER.test(text)) return true;
  OLD_AFTER.lastIndex = end;
  if (end > core.end && OLD_AFTER.test(text) && /^[ \t-]*years?\b/i.test(text.slice(core.end, end))) return true;
  if (core.value < 1 || core.value > 120 || core.words) return false;
  if (before.previous && L.AGED_BEFORE.has(before.previous.lower)) return true;
  // the second end of "aged 18 to 24", "aged 40-50"
  if (AGED_RANGE_BEFORE.test(text.slice(Math.max(0, core.start - 24), core.start))) return true;
  // "Smith, 45, said": a number between commas right after a capitalised name.
  if (text[skipSpace(text, core.end)] !== ',') return false;
  const written = text.slice(Math.max(0, core.start - 40), core.start);
  return NAME_AND_COMMA_BEFORE.test(written) || DESCRIBED_AND_COMMA_BEFORE.test(written);
}

/**
 * A model number: "the 8088 chip", "a 747 jet", "the 16-bit 8088 chip": a determiner or a modifier before the
 * number and a singular product noun after it (a count would be plural: "300 jets").
 */
function isModelNumber(text: string, core: NumberCore, unit: string | null, before: Before): boolean {
  if (!core.plainInteger || core.value < 100 || unit !== null) return false;
  const previous = before.previous;
  if (!previous || !(MODEL_DETERMINERS.has(previous.lower) || /-/.test(text.slice(Math.max(0, previous.start - 8), previous.start)))) return false;
  const next = plainWordAt(text, skipSpace(text, core.end));
  if (next === null || next.start === core.end) return false;
  // "the 737 Max", "a 787 Dreamliner": a capitalised name after the number, singular (a count would be "300 Spartans")
  return L.MODEL_NOUNS.has(next.lower) || (MODEL_DETERMINERS.has(previous.lower) && /^[A-Z][a-z]/.test(next.text) && !isPluralWord(next.text));
}

/** A street number: "221 Baker Street", "10 Downing St". */
function isAddress(text: string, core: NumberCore): boolean {
  if (!core.plainInteger) return false;
  // the words before the street word are capitalised as written (the regex is case-insensitive for the street word)
  const next = skipSpace(text, core.end);
  if (next === core.end || !/[A-Z]/.test(text[next] ?? '')) return false;
  STREET_AFTER.lastIndex = core.end;
  return STREET_AFTER.test(text);
}

const RATIO = /[ \t]+(over|out of|in)[ \t]+/iy;

/** "one out of three Americans", "2000 over 3": a ratio of two plain numbers. */
function ratioAfter(text: string, core: NumberCore): ReadResult | null {
  if (core.scaled || core.vague || core.approximate || !(core.plainInteger || core.words)) return null;
  RATIO.lastIndex = core.end;
  const joint = RATIO.exec(text);
  if (!joint) return null;
  const at = core.end + joint[0].length;
  const word = plainWordAt(text, at);
  const denominator = isDigitAt(text, at) ? readDigits(text, at, false)
    : word && (L.ONES.has(word.lower) || L.TENS.has(word.lower)) ? readWords(text, at, at) : null;
  if (!denominator || 'reject' in denominator || !denominator.value || denominator.scaled) return null;
  // "one in five voters", "1 in 4 adults"; not "3 in 10 minutes" or "2 in 2019"
  if (joint[1].toLowerCase() === 'in' && (core.value >= denominator.value || (denominator.plainInteger && denominator.value >= 1000 && denominator.value <= 2100)
    || unitAfter(text, denominator.end, false) !== null)) return null;
  let end = denominator.end;
  let unit: string | null = null;
  let measure: string | null = null;
  if (joint[1].toLowerCase() === 'over') {
    if (isLetterAt(text, skipSpace(text, end))) return null; // "won 3 over 2 rivals"
  } else {
    const noun = readCountedNoun(text, end, false);
    if (noun) {
      unit = noun.unit;
      measure = noun.measure;
      end = noun.end;
    }
  }
  const candidate: Candidate = {
    start: core.start, end, numberStart: core.start, numberEnd: denominator.end, value: core.value / denominator.value,
    qualifier: 'exact', kind: 'count', unit, measure, rangeWord: null, rangeStart: core.start, changeBefore: false,
    afterDigitHyphen: false, hyphenBefore: false, yearLike: false, nameLike: false, yearPreposition: false, justOne: false, scaled: false,
  };
  return { candidate, next: end };
}

export type ReadResult = { candidate: Candidate; next: number } | { candidate: null; next: number };

/** The figure whose number starts at the anchor `pos` (a digit, a number word, or a fraction sign). */
export function readFigureAt(text: string, pos: number, limit: number): ReadResult {
  const char = text[pos];
  let core: CoreResult;
  let before: Before;
  let afterDigitHyphen = false;
  const unicodeFraction = L.UNICODE_FRACTIONS.get(char);
  if (unicodeFraction !== undefined) {
    before = readBefore(text, pos, limit);
    core = { start: pos, end: pos + 1, value: unicodeFraction, words: false, scaled: false, vague: false, approximate: false, plainInteger: false, justOne: false };
  } else if (isDigitAt(text, pos) || char === '.') {
    // Numbers inside names: "F-16", "Covid-19", "CJTF-2".
    if ((text[pos - 1] === '-' || text[pos - 1] === '‑') && isLetterAt(text, pos - 2)) return { candidate: null, next: skipName(text, pos) };
    afterDigitHyphen = (text[pos - 1] === '-' || text[pos - 1] === '–') && isDigitAt(text, pos - 2);
    // Letters against the digits are a name ("PS4", "A320") unless they are a currency code ("USD10m").
    if (isLetterAt(text, pos - 1) && !gluedCurrencyBefore(text, pos, limit)) return { candidate: null, next: skipName(text, pos) };
    before = readBefore(text, pos, limit);
    core = readDigits(text, pos, before.currency !== null);
  } else {
    core = readWords(text, pos, limit);
    if ('reject' in core) return { candidate: null, next: core.reject };
    before = readBefore(text, core.start, limit);
  }
  if ('reject' in core) return { candidate: null, next: core.reject };
  return assemble(text, core, before, afterDigitHyphen);
}

/**
 * "net income was ($5.2 million)": a sum alone in brackets where a value is stated is negative, as accounts write
 * a loss. Returns the span with the brackets. An aside or a conversion ("the book ($18.99)", "£5m ($6.5m)") is not.
 */
function accountingBrackets(text: string, start: number, end: number): { start: number; end: number } | null {
  const open = skipSpaceBack(text, start, 0) - 1;
  const close = skipSpace(text, end);
  if (text[open] !== '(' || text[close] !== ')') return null;
  return L.ACCOUNTING_NEGATIVE_BEFORE.some((phrase) => phraseBefore(text, open, phrase, 0) >= 0) ? { start: open, end: close + 1 } : null;
}

const TIME_OF_DAY = /^(\d{1,2})(?: ?[.:] ?(\d{2}))?$|^(\d{1,2})(\d{2})$/;

/** "5", "2.30", "1300" can be read on a clock; "2.123" and "2.1" cannot ("2.123 pm" is a length in picometres). */
function canBeTimeOfDay(text: string, core: NumberCore): boolean {
  const clock = TIME_OF_DAY.exec(text.slice(core.start, core.end));
  if (!clock) return false;
  const hours = Number(clock[1] ?? clock[3]);
  const minutes = Number(clock[2] ?? clock[4] ?? 0);
  return hours <= 24 && minutes < 60;
}

/** A word after which a number is part of a name: "No. 3", "Flight 370", "Voyager 2", "iPhone 6", "eBay 2". */
function namesTheNumber(previous: Word): boolean {
  return L.NAME_NUMBER_PREFIXES.has(previous.lower) || previous.text.endsWith('#')
    || (/^[A-Z]/.test(previous.text) && !L.STOP_WORDS.has(previous.lower) && !L.VAGUE_COUNTS.has(previous.lower) && !L.RANGE_BEFORE.has(previous.lower))
    || /^[a-z]+[A-Z]/.test(previous.text);
}

function skipName(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && (isDigitAt(text, at) || isLetterAt(text, at))) at++;
  return at;
}

function assemble(text: string, core: NumberCore, before: Before, afterDigitHyphen: boolean): ReadResult {
  const reject = { candidate: null, next: Math.max(core.end, core.start + 1) };
  // "PS4" is a games console, "RM79" and "PS2.7m" money: a short glued alias needs a decimal, a scale or 10 and up.
  if (before.gluedAlias && !(core.scaled || core.value >= 10 || !Number.isInteger(core.value))) return reject;
  if (!core.words) {
    CLOCK.lastIndex = core.end;
    if (CLOCK.test(text) && canBeTimeOfDay(text, core)) return reject;
  }
  if (core.words && !core.scaled) {
    const decade = plainWordAt(text, skipSpace(text, core.end));
    if (decade && L.DECADE_WORDS.has(decade.lower) && (decade.lower !== 'hundreds' || core.value >= 11)) return reject; // "nineteen fifties", "nineteen hundreds"
  }
  const ratio = before.qualifier || before.currency ? null : ratioAfter(text, core);
  if (ratio) {
    if (before.negative) ratio.candidate!.value = -ratio.candidate!.value;
    ratio.candidate!.start = Math.min(ratio.candidate!.start, before.start);
    return ratio;
  }
  let qualifier = before.qualifier;
  let pos = core.end;
  const early = qualifierAfter(text, pos);
  if (early) {
    qualifier ??= early.qualifier;
    pos = early.end;
  }
  let nounStart = pos;
  if (core.vague || core.approximate || (core.words && core.scaled)) {
    const of = plainWordAt(text, skipSpace(text, pos));
    if (of && of.lower === 'of') nounStart = of.end;
  }
  let kind: FigureKind = 'count';
  let unit: string | null = null;
  let measure: string | null = null;
  let end = pos;
  let value = core.value;
  const hyphenAfter = (text[core.end] === '-' || text[core.end] === '–') && (isDigitAt(text, core.end + 1) || /^[-–]\s*to\b/.test(text.slice(core.end, core.end + 6)));
  if (before.currency) {
    kind = 'money';
    unit = before.currency;
    const rate = rateAt(text, pos, 'money');
    if (rate) {
      unit = `${unit} per ${rate.unit}`;
      end = rate.end;
    }
    measure = objectPhrase(text, end);
  } else {
    const match = unitAfter(text, nounStart, core.scaled);
    if (match) {
      kind = match.kind;
      unit = match.unit;
      end = match.end;
      if (match.currencyName) {
        const minor = minorUnits(text, end);
        if (minor && (unit === 'USD' || unit === 'EUR' || unit === 'GBP' || unit === 'CAD' || unit === 'AUD')) {
          value += minor.value;
          end = minor.end;
        }
      }
      measure = kind === 'count' ? null : objectPhrase(text, end);
    } else if (isLetterAt(text, core.end)) {
      return reject; // "3D", "5G", "1990s", "24703L202"
    } else if ((text[core.end] === '-' || text[core.end] === '‑') && isLetterAt(text, core.end + 1)) {
      const word = compoundWordAt(text, core.end + 1)!;
      const first = word.lower.split('-')[0];
      if (L.HYPHEN_NOT_FIGURE.has(first) || L.ORDINALS.has(first)) return reject; // "one-time", "twenty-first"
      if (first === 'odd' || first === 'plus') {
        qualifier ??= first === 'odd' ? 'about' : 'more-than';
        const noun = readCountedNoun(text, core.end + 1 + first.length, false);
        end = noun?.end ?? core.end + 1 + first.length;
        if (noun) {
          unit = noun.unit;
          measure = noun.measure;
        }
      } else if (!L.NUMBER_WORDS.has(first)) {
        unit = singularWord(first);
        end = core.end + 1 + first.length;
      }
    } else {
      const single = (core.value <= 1 && !core.vague && !core.scaled) || core.justOne;
      // "Section 7 of the Act", "Day six of the revolt": a part of a name, not a count of parts
      const partOfName = before.previous !== null && namesTheNumber(before.previous);
      const noun = readCountedNoun(text, nounStart, single) ?? (single || partOfName ? null : partitiveNoun(text, nounStart));
      if (noun) {
        unit = noun.unit;
        measure = noun.measure;
        end = noun.end;
        // "three meals a day", "12 cases per week": a count in a time is a rate
        const rate = rateAt(text, end, 'count');
        if (rate) {
          unit = `${unit} per ${rate.unit}`;
          end = rate.end;
        }
      }
    }
  }
  if (!qualifier) {
    const late = qualifierAfter(text, end);
    if (late) {
      qualifier = late.qualifier;
      end = late.end;
    }
  }
  if (before.negative) value = -value;
  const bracketed = kind === 'money' && !before.negative ? accountingBrackets(text, Math.min(before.start, core.start), end) : null;
  if (bracketed) value = -value;
  if (!before.currency && !before.qualifier && (isAge(text, core, before, end) || isAddress(text, core) || isModelNumber(text, core, unit, before))) return reject;
  const previous = before.qualifier || before.currency || before.negative ? null : before.previous;
  // "Section 230 protects", "Chapter 11 bankruptcy": a number after a capitalised name word counts nothing after it
  if (previous !== null && kind === 'count' && /^[A-Z]/.test(previous.text) && L.NAME_NUMBER_PREFIXES.has(previous.lower)) return reject;
  // "Room 5C", "iPhone 5C", "Gate 12A": one letter against the digits after a name is a code, not a unit.
  if (previous !== null && unit !== null && end === core.end + 1 && isLetterAt(text, core.end) && namesTheNumber(previous)) return reject;
  const nameLike = (previous === null && dayBeforeMonth(text, core)) || listMarker(text, core, before) || previous !== null && (namesTheNumber(previous)
    || (L.MONTHS.has(previous.lower) && (/^[A-Z]/.test(previous.text) || previous.lower.endsWith('.')))
    || dayBeforeMonth(text, core));
  const candidate: Candidate = {
    start: bracketed?.start ?? Math.min(before.start, core.start),
    end: bracketed?.end ?? Math.max(end, core.end),
    numberStart: core.start,
    numberEnd: core.end,
    value,
    qualifier: qualifier ?? (core.vague ? 'at-least' : core.approximate ? 'about' : 'exact'),
    kind,
    unit,
    measure,
    rangeWord: before.rangeWord,
    rangeStart: before.rangeStart,
    changeBefore: before.changeBefore,
    afterDigitHyphen,
    hyphenBefore: hyphenAfter,
    yearLike: core.plainInteger && !before.currency && value >= 1000 && value <= 2100,
    nameLike,
    yearPreposition: before.previous !== null && L.YEAR_PREPOSITIONS.has(before.previous.lower),
    justOne: core.justOne && !before.negative,
    scaled: core.scaled,
  };
  if (core.vague && !qualifier) {
    candidate.low = value;
    candidate.high = null;
  }
  return { candidate, next: Math.max(candidate.end, core.end) };
}

import type { Clock, Direction, Piece, Resolver } from './atoms';
import { pad, validDay } from './calendar';
import { isAbbreviation } from '../../text/sentences';
import stopwords from '../../data/stopwords.json';
import {
  DAYNUM, DAYWORD, FUTURE_CUE, PAST_CUE, SUBJECT_PAST, HOLIDAY, MODIFIER, MONTH, MONTH_BARE, NUMBER_WORDS, ORDDAYWORD, POD, QUANTITY, SEASON,
  PERCENT_WORDS, SCALE_WORDS, SCALE_WORD_SET, UNIT, WEEKDAY, WEEKDAY_BARE, YEAR, alternation, dayNumberWord, lexicon, modifierOffset, monthNumber,
  monthsNeedingContext, podCode, quantity, seasonCode, unitCode, weakWeekdays, weekdayNumber, yearBlockedAfter,
  yearCuesBefore,
} from './lexicon';

export interface Scan {
  text: string;
  at: number;
  resolver: Resolver;
}

export interface Rule {
  name: string;
  /** Lower-cased first tokens the rule can start at; '#' = a number. */
  heads: string[];
  re: RegExp;
  build(m: RegExpExecArray, scan: Scan): Piece | null;
}

const keys = (o: object) => Object.keys(o);
const firstWords = (o: object) => keys(o).map((k) => k.split(/[\s'’.-]/)[0]);
const MONTHS = keys(lexicon.months);
const WEEKDAYS = keys(lexicon.weekdays);
const NUMBERS = keys(lexicon.cardinals);
const ORDINALS = keys(lexicon.ordinals);
const MODIFIERS = keys(lexicon.relativeModifiers);
const PODS = keys(lexicon.partsOfDay);
const SEASONS = keys(lexicon.seasons);
const QUANTITY_HEADS = ['#', ...NUMBERS, ...firstWords(lexicon.vagueQuantities), ...keys(lexicon.articles)];
const re = (source: string, flags = 'iy') => new RegExp(source, flags);
const FRACTION_DENOMINATORS = new Set(lexicon.fractionDenominators);
const FRACTION_UNITS = new Set(lexicon.fractionUnits);
const QUARTER_CUES = new Set(lexicon.cueWords.beforeQuarters);
/** A spelled number going on after what looked like a year: "two thousand two hundred", "... and a half". */
const NUMBER_CONTINUES = new RegExp(`^[\\s-]+(?:hundred|${SCALE_WORDS}|point|over|${PERCENT_WORDS}|per|and\\s+a\\s+(?:half|quarter))(?![\\w])`, 'i');
const PRONOUN_ONE_BEFORE = new Set(lexicon.cueWords.pronounOneBefore);
const VAGUE_PLURALS = lexicon.vaguePluralUnits;
/** Text ending in a number: what follows is counted ("2,000 years of", "thousands of years of" is not). */
const COUNTED_BEFORE = new RegExp(`(?:\\d|(?:^|[^\\w])(?:${NUMBERS.join('|')}|dozen|${SCALE_WORDS}))[\\s-]*$`, 'i');

/** The word before `at`, lower-cased ('' at a line start). */
function previousWord(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 24), at);
  const m = /([A-Za-z@(]+\.?|[,;:–—-])\s*$/.exec(before);
  return m ? m[1].toLowerCase() : '';
}
function nextWord(text: string, end: number): string {
  const m = /^\s*([A-Za-z%]+|%)/.exec(text.slice(end, end + 24));
  return m ? m[1].toLowerCase() : '';
}
function isCapitalized(word: string): boolean {
  return /^[A-Z]/.test(word);
}
const FUNCTION_WORDS = new Set(stopwords);
const SENTENCE_BREAK = /[.?!](?=\s|$)|\n/g;
/**
 * A full stop after an abbreviation ("3 p.m. local time", "Jan. 12", "the U.S. team") ends no sentence, unless a
 * capitalized function word follows ("at 5 p.m. On Friday").
 */
function endsSentence(text: string, windowStart: number, at: number): boolean {
  return text[at] !== '.' || !isAbbreviation(text, windowStart, at) || sentenceStartsAfter(text, at + 1);
}
/** A capitalized function word right after `at` starts a sentence: "at 5 p.m. On Friday", "Fri. The". */
export function sentenceStartsAfter(text: string, at: number): boolean {
  const next = /^\s+([A-Z][a-z]*)\b/.exec(text.slice(at, at + 16));
  return !!next && FUNCTION_WORDS.has(next[1].toLowerCase());
}
/**
 * A past participle the date modifies, before the rest of the sentence: "The bill, introduced in January, is
 * expected to pass". Not a passive infinitive ("to be introduced in January"), not "speed", "need", and not a
 * participle that looks ahead ("is expected on Friday", lookAheadParticiples in dates-lexicon.json).
 */
const PARTICIPLE_BEFORE = new RegExp(`(?<!\\bbe\\s+)\\b(?!(?:${lexicon.lookAheadParticiples.join('|')})\\b)[a-z]{2,}[^\\We]ed\\s+(?:in|on|since|during)\\s+(?:the\\s+)?$`);
/**
 * The tense of the sentence around a date at `at`: a future cue before the date ("will meet on Friday",
 * "postponed until Saturday") or, when nothing past comes before it, after it ("On Friday the team will play");
 * else a past cue ("was", "said", "they agreed"). null when the sentence says neither.
 */
export function sentenceTense(text: string, at: number): 'past' | 'future' | null {
  const from = Math.max(0, at - 160);
  let start = from;
  for (const m of text.slice(from, at).matchAll(SENTENCE_BREAK)) if (endsSentence(text, from, from + m.index)) start = from + m.index + 1;
  const head = text.slice(start, at);
  let stop = Math.min(text.length, at + 120);
  for (const m of text.slice(at, stop).matchAll(SENTENCE_BREAK)) if (endsSentence(text, at, at + m.index)) { stop = at + m.index; break; }
  const tail = text.slice(at, stop);
  if (FUTURE_CUE.test(head)) return 'future';
  if (PAST_CUE.test(head) || SUBJECT_PAST.test(head) || PARTICIPLE_BEFORE.test(head)) return 'past';
  if (FUTURE_CUE.test(tail)) return 'future';
  if (PAST_CUE.test(tail) || SUBJECT_PAST.test(tail)) return 'past';
  return null;
}
/**
 * A month or day without a year: "next"/"last" right before it place it strictly after/before the document
 * date ("next 5/12"), "since" in the past ("closed since July, and will stay shut"); else the sentence's tense
 * does (as written when it has none).
 */
function tenseDirection(scan: Scan): Direction {
  const stated = previousWord(scan.text, scan.at);
  if (stated === 'next' || stated === 'last') return stated;
  if (stated === 'since') return 'past';
  return sentenceTense(scan.text, scan.at) ?? 'same';
}
/**
 * "the 15th" is of the document's month, or by the sentence's tense of the month before ("was signed on the 15th"
 * in a March 10 article is February 15) or after ("will meet on the 2nd").
 */
function dayOfMonthShift(day: number, scan: Scan): number {
  const refDay = scan.resolver.ref?.day;
  if (!refDay) return 0;
  const tense = sentenceTense(scan.text, scan.at);
  if (tense === 'past' && day > refDay && !scan.resolver.earliest) return -1;
  if (tense === 'future' && day < refDay) return 1;
  return 0;
}
function yearOf(text: string | undefined): number | null {
  if (!text) return null;
  if (/^['’]\d\d$/.test(text)) { const n = Number(text.slice(1)); return n < 50 ? 2000 + n : 1900 + n; }
  return Number(text);
}
const ABSOLUTE = 'absolute';
/** Text ending in a year and a dash: what follows is the end of a range of years. */
const YEAR_RANGE_START = new RegExp(`(?:^|[^\\d])${YEAR}\\s?[-–]\\s?$`);
const PLURAL_DETERMINERS = new Set(lexicon.pluralDeterminers);
const yearCuesQuantity = new Set(lexicon.cueWords.quantityBeforeYear);
const WEAK_YEAR_CUES = new Set(lexicon.cueWords.weakBeforeYear);
const FULL_MONTHS = new Set(MONTHS.filter((w) => w.length > 3 || w === 'may'));
const MONTH_CUES = new Set(lexicon.cueWords.beforeMonth);

function calendarDate(month: number, day: number | null, year: number | null, scan: Scan): Piece | null {
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (day === null) {
    if (year === null) return scan.resolver.monthOf(month, tenseDirection(scan));
    return { type: 'date', value: `${pad(year, 4)}-${pad(month)}`, resolution: ABSOLUTE };
  }
  if (year === null) return scan.resolver.monthDay(month, day, tenseDirection(scan));
  const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { type: 'date', value, day: value, explicitMonth: true, resolution: ABSOLUTE };
}

function durationValue(amount: number | 'X', unit: string): string {
  const n = amount === 'X' ? 'X' : String(Math.round(amount * 1000) / 1000);
  const times = (k: number) => (amount === 'X' ? 'X' : String(Math.round(amount * k * 1000) / 1000));
  switch (unit) {
    case 'H': return `PT${n}H`;
    case 'MIN': return `PT${n}M`;
    case 'S': return `PT${n}S`;
    case 'DE': return amount === 'X' ? 'PXDE' : `P${times(10)}Y`;
    case 'CE': return amount === 'X' ? 'PXCE' : `P${times(100)}Y`;
    case 'Q': return amount === 'X' ? 'PXQ' : `P${times(3)}M`;
    default: return `P${n}${unit}`;
  }
}

const HOURWORDS = alternation(NUMBERS.filter((w) => (lexicon.cardinals as Record<string, number>)[w] <= 12));
const TIMEZONE = `(?:\\s*(?:${alternation(lexicon.timezones)}))?`;
const CLOCK_CUES = new Set(lexicon.cueWords.beforeClock);
const DATE_CUES = new Set(lexicon.cueWords.beforeDate);
const DAY_OF_MONTH_CUES = new Set(lexicon.cueWords.beforeDayOfMonth);
const GENERIC_TODAY_NOUNS = new Set(lexicon.genericTodayNouns);

function meridiem(text: string | undefined): 'a' | 'p' | null {
  return text ? (text.toLowerCase().startsWith('p') ? 'p' : 'a') : null;
}
function clockPiece(clock: Clock, weak = false, approximate = false): Piece | null {
  if (clock.h > 24 || (clock.m ?? 0) > 59 || (clock.s ?? 0) > 59) return null;
  if (clock.meridiem && (clock.h > 12 || clock.h === 0)) return null;
  return { type: 'time', value: '', clock, weak, approximate, resolution: 'time of day' };
}

export const RULES: Rule[] = [
  {
    name: 'month-day', heads: MONTHS,
    re: re(`(${MONTH})\\s*,?\\s*(?:the\\s+)?(${DAYNUM}|${DAYWORD})(?:\\s*[-–]\\s*(${DAYNUM}))?(?:(?:\\s*,\\s*|\\s+)(?:of\\s+|in\\s+)?(${YEAR}|['’]\\d\\d(?![\\w])))?`),
    build(m, scan) {
      const month = monthNumber(m[1]);
      const weakMonth = monthsNeedingContext.has(m[1].toLowerCase().replace(/\.$/, '')) && !isCapitalized(m[1]);
      if (weakMonth && !/^\d/.test(m[2]) && !DATE_CUES.has(previousWord(scan.text, scan.at))) return null;
      if (/^[a-z]/i.test(m[2]) && /^\w+\s*,/.test(m[0]) && !/\d/.test(m[2])) return null;
      const piece = calendarDate(month, dayNumberWord(m[2]), yearOf(m[4]), scan);
      if (piece && m[3]) piece.resolution += `; a range to day ${Number.parseInt(m[3], 10)}`;
      return piece;
    },
  },
  {
    name: 'day-month', heads: ['#', 'the', ...ORDINALS, 'twenty', 'thirty'],
    re: re(`(?:the\\s+)?(${DAYNUM}|${ORDDAYWORD})\\s*(of\\s+|[-/.]\\s*)?(${MONTH})(?:(?:\\s*,\\s*|\\s+|[-/])(?:of\\s+|in\\s+)?(${YEAR}))?`),
    build(m, scan) {
      const bareMonth = m[3].toLowerCase().replace(/\.$/, '');
      // "5 may" is a verb after a number unless a date cue comes before it ("on 1 may that year").
      if (!m[2] && /^\d+$/.test(m[1]) && monthsNeedingContext.has(bareMonth) && !isCapitalized(m[3]) && bareMonth !== 'sept' &&
        !DAY_OF_MONTH_CUES.has(previousWord(scan.text, scan.at))) return null;
      return calendarDate(monthNumber(m[3]), dayNumberWord(m[1]), yearOf(m[4]), scan);
    },
  },
  {
    name: 'bare-month', heads: MONTHS,
    re: re(`(${MONTH_BARE})(?![\\w-]|['’](?!s\\b))`),
    build(m, scan) {
      const word = m[1].toLowerCase();
      if (!FULL_MONTHS.has(word)) return null;
      const prev = previousWord(scan.text, scan.at);
      const cued = MONTH_CUES.has(prev);
      if (monthsNeedingContext.has(word) ? !(cued && isCapitalized(m[1])) : !(cued || isCapitalized(m[1]))) return null;
      if (/^\s+(?:\d|of\b)/.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 4))) return null;
      return scan.resolver.monthOf(monthNumber(word), tenseDirection(scan));
    },
  },
  {
    name: 'week-of', heads: ['the', 'week', 'w'],
    re: re(`(?:(?:the\\s+)?week\\s+(?:beginning|starting|commencing|of)(?:\\s+on)?|w/c)\\s+(${MONTH})\\s*(${DAYNUM})`),
    build: (m, scan) => calendarDate(monthNumber(m[1]), dayNumberWord(m[2]), null, scan),
  },
  {
    name: 'month-year', heads: MONTHS,
    re: re(`(${MONTH_BARE})\\.?\\s*(?:,|-|/|\\s+of|\\s+in)?\\s*(${YEAR}|['’]\\d\\d(?![\\w]))`),
    build: (m, scan) => calendarDate(monthNumber(m[1]), null, yearOf(m[2]), scan),
  },
  {
    name: 'year-month', heads: ['#'],
    re: re(`(${YEAR})\\s+(${MONTH_BARE})(?![\\w])`),
    build: (m, scan) => calendarDate(monthNumber(m[2]), null, Number(m[1]), scan),
  },
  {
    name: 'month-compound', heads: ['#', ...MONTHS],
    re: re(`(?:(\\d{1,4})[-/](?:(\\d{1,4})[-/])?)?(${MONTH_BARE})(?:[-/](\\d{1,4})(?![\\d]))?(?:[-/](\\d{1,4})(?![\\d]))?`),
    build(m, scan) {
      const numbers = [m[1], m[2], m[4], m[5]].filter((x): x is string => x !== undefined);
      if (!numbers.length) return null;
      const years = numbers.filter((x) => x.length === 4 || Number(x) > 31);
      const days = numbers.filter((x) => !years.includes(x));
      if (years.length > 1 || days.length > 1) return null;
      return calendarDate(monthNumber(m[3]), days.length ? Number(days[0]) : null, years.length ? Number(years[0]) : null, scan);
    },
  },
  {
    name: 'iso-date', heads: ['#'],
    re: re('(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d]|[-/.]\\d)'),
    build(m) {
      const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (!validDay(mo, d) && !(mo === 2 && d === 30)) return null;
      const value = `${m[1]}-${pad(mo)}-${pad(d)}`;
      return { type: 'date', value, day: value, explicitMonth: true, resolution: ABSOLUTE, ...(y < 1000 ? { weak: true } : {}) };
    },
  },
  {
    name: 'numeric-date', heads: ['#'],
    re: re('(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d]|[/.-]\\d)'),
    build(m, scan) {
      let [a, b] = [Number(m[1]), Number(m[3])];
      if (m[2] === '.' || a > 12) [a, b] = [b, a];
      if (a > 12 || b > 31 || a < 1 || b < 1) return null;
      if (/\d[.,:]$/.test(scan.text.slice(0, scan.at))) return null;
      const year = m[4].length === 2 ? (Number(m[4]) < 50 ? 2000 : 1900) + Number(m[4]) : Number(m[4]);
      return calendarDate(a, b, year, scan);
    },
  },
  {
    name: 'month-slash-day', heads: ['#'],
    re: re('(\\d{1,2})/(\\d{1,2})(?![\\d/]|\\.\\d)'),
    build(m, scan) {
      let [a, b] = [Number(m[1]), Number(m[2])];
      if (a > 12) [a, b] = [b, a];
      if (!validDay(a, b) && !(a === 2 && b === 30)) return null;
      const before = scan.text.slice(Math.max(0, scan.at - 2), scan.at);
      if (/[\d/.,$]/.test(before.slice(-1))) return null;
      // A signed number or a number followed by what it measures is a fraction: "-4/5", "2 1/4", "a 1/4 mile", "3/4 of".
      if (/(?:^|\s)[-−+]$/.test(before) || /\d\s*$/.test(scan.text.slice(Math.max(0, scan.at - 3), scan.at))) return null;
      const next = nextWord(scan.text, scan.at + m[0].length);
      if (next === 'of' || FRACTION_UNITS.has(next)) return null;
      const prev = previousWord(scan.text, scan.at);
      const atLineStart = /(^|\n)\s*$/.test(scan.text.slice(Math.max(0, scan.at - 4), scan.at));
      // "1/4", "3/4", "4/5": a common fraction is a date only when something says so ("on 1/4", "Friday 3/4").
      const fractionLike = Number(m[1]) < Number(m[2]) && FRACTION_DENOMINATORS.has(Number(m[2]));
      const piece = calendarDate(a, b, null, scan);
      if (piece && !(atLineStart && !fractionLike) && !DATE_CUES.has(prev) && !weekdayNumber(prev.replace(/\.$/, ''))) piece.weak = true;
      return piece;
    },
  },
  {
    name: 'month-dot-day', heads: ['#'],
    re: re(`(\\d{1,2})[.-](\\d{1,2})(?![\\d%]|[.-]\\d|\\s*(?:${PERCENT_WORDS}|${SCALE_WORDS}))`),
    build(m, scan) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (!validDay(a, b)) return null;
      if (/[\d/.,$]$/.test(scan.text.slice(Math.max(0, scan.at - 1), scan.at))) return null;
      // "at 9.30" is a clock time (clock-dot), not September 30.
      if (CLOCK_CUES.has(previousWord(scan.text, scan.at)) && m[0].includes('.')) return null;
      const piece = calendarDate(a, b, null, scan);
      if (piece && !(previousWord(scan.text, scan.at) === 'on' && m[0].includes('.'))) piece.weak = true;
      return piece;
    },
  },
  {
    name: 'compact-date', heads: ['#'],
    re: re('((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?![\\d])'),
    build(m, scan) {
      if (/[\d.,$]$/.test(scan.text.slice(Math.max(0, scan.at - 1), scan.at))) return null;
      return calendarDate(Number(m[2]), Number(m[3]), Number(m[1]), scan);
    },
  },
  {
    name: 'spaced-date', heads: ['#'],
    re: re(`(${YEAR}) (\\d{1,2}) (\\d{1,2})(?![\\d])`),
    build: (m, scan) => (validDay(Number(m[2]), Number(m[3])) ? calendarDate(Number(m[2]), Number(m[3]), Number(m[1]), scan) : null),
  },
  {
    name: 'year-month-numeric', heads: ['#'],
    re: re(`(${YEAR})-(0[1-9]|1[0-2]|[1-9])(?![\\d.:/-])`),
    build(m, scan) {
      // "the 2009-10 season": two years, read by 'year' and 'year-range-end', not October 2009.
      if (m[2].length === 2 && Number(m[2]) === (Number(m[1]) + 1) % 100) return null;
      return calendarDate(Number(m[2]), null, Number(m[1]), scan);
    },
  },
  {
    name: 'year-range-end', heads: ['#'],
    // The second year of "2009-10", "1998–99": the century of the first, when the years follow each other.
    re: re('(\\d{2})(?![\\d%]|[.,:/]\\d|-)'),
    build(m, scan) {
      const first = /(?:^|[^\d])((1\d|20)(\d{2}))\s?[-–]\s?$/.exec(scan.text.slice(Math.max(0, scan.at - 8), scan.at));
      if (!first || Number(m[1]) !== (Number(first[1]) + 1) % 100) return null;
      const year = Number(m[1]) === 0 ? Number(first[1]) + 1 : Number(`${first[2]}${m[1]}`);
      return { type: 'date', value: String(year), resolution: `${ABSOLUTE}; the end of a range` };
    },
  },
  {
    name: 'quarter', heads: ['#', 'q', 'h'],
    re: re(`(?:(${YEAR})[-\\s]?([qh])([1-4])|([qh])([1-4])(?:[-\\s]?(${YEAR}))?)(?![\\w])`),
    build(m, scan) {
      const letter = (m[2] ?? m[4]).toUpperCase();
      const n = m[3] ?? m[5];
      const year = m[1] ?? m[6];
      if (!year && !/^[Qq]/.test(letter)) return null;
      if (year) return { type: 'date', value: `${year}-${letter}${n}`, resolution: ABSOLUTE };
      const base = scan.resolver.year(0);
      return { ...base, value: `${base.value}-${letter}${n}` };
    },
  },
  {
    name: 'ordinal-quarter', heads: ['the', 'first', 'second', 'third', 'fourth', 'final', 'last', '#'],
    re: re(`(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)\\s+(?:fiscal\\s+)?(quarter|half)\\s+of\\s+(?:(${YEAR})|(?:the|this)\\s+year|(last|next)\\s+year)(?![\\w])`),
    build(m, scan) {
      // A half of a year is H1 or H2 (TimeML), as a quarter is Q1 to Q4.
      const half = m[2].toLowerCase() === 'half';
      const last = half ? 2 : 4;
      const n = /^(first|1)/i.test(m[1]) ? 1 : /^(second|2)/i.test(m[1]) ? 2 : /^(third|3)/i.test(m[1]) ? 3 : /^(fourth|4)/i.test(m[1]) ? 4 : last;
      if (n > last) return null;
      const year = m[3] ? { value: m[3], resolution: ABSOLUTE } : scan.resolver.year(m[4] ? modifierOffset(m[4]) : 0);
      return { type: 'date', value: `${year.value}-${half ? 'H' : 'Q'}${n}`, resolution: year.resolution };
    },
  },
  {
    name: 'relative', heads: ['the', ...MODIFIERS],
    re: re(`(the\\s+)?(${MODIFIER})\\s+(week(?:end)?|month|year|quarter|decade|century|day|night|morning|afternoon|evening|${WEEKDAY_BARE}|${MONTH_BARE}|${SEASON})(?![\\w])`),
    build(m, scan) {
      const r = scan.resolver;
      const mod = m[2].toLowerCase();
      let offset = modifierOffset(mod);
      const word = m[3].toLowerCase();
      const unit = unitCode(word);
      if (m[1] && (mod === 'last' || mod === 'past' || mod === 'next' || mod === 'coming') && unit && word !== 'night' && word !== 'day') {
        return { type: 'duration', value: durationValue(1, unit), resolution: 'duration' };
      }
      if (m[1] && (mod === 'this' || mod === 'current') && !unit) return null;
      if ((mod === 'this' || mod === 'current') && /^(day|night)$/.test(word)) return null;
      const weekday = weekdayNumber(word);
      if (weekday && !weakWeekdays.has(word)) return r.weekday(weekday, offset < 0 ? 'last' : offset > 0 ? 'next' : 'this');
      const month = monthNumber(word);
      if (month && FULL_MONTHS.has(word)) {
        if (offset === 0) return r.monthOf(month, 'same');
        return r.monthOf(month, offset < 0 ? 'last' : 'next');
      }
      const season = seasonCode(word);
      if (season) return r.season(season, offset, null);
      const pod = podCode(word);
      if (pod) {
        if (word === 'night' && offset < 0) offset = -1; else if (offset !== 0) return null;
        const day = r.day(offset);
        return { ...day, type: 'time', pod };
      }
      if (word === 'day') return mod === 'this' ? null : r.day(offset);
      if (word === 'weekend') return r.week(offset, '-WE');
      switch (unit) {
        case 'W': return r.week(offset);
        case 'M': return r.month(offset);
        case 'Y': return r.year(offset);
        case 'Q': return r.quarter(offset);
        case 'DE': { const y = r.year(offset * 10); return { ...y, value: y.value.slice(0, 3) }; }
        case 'CE': { const y = r.year(offset * 100); return { ...y, value: y.value.slice(0, 2) }; }
        default: return null;
      }
    },
  },
  {
    name: 'the-unit', heads: ['the'],
    re: re('(?<=\\b(?:for|of|during|throughout|at|over|on)\\s+)the\\s+(day|week|month|year|weekend)(?!\\s+(?:of|before|after|that|when|in|to|earlier|later|ahead|prior|since|and)\\b|[\\w\'’-])'),
    build(m, scan) {
      const r = scan.resolver;
      if (/^[A-Z]/.test(m[1])) return null;
      const prev = previousWord(scan.text, scan.at);
      if (m[1] === 'weekend') return r.week(0, '-WE');
      if (!['for', 'of', 'during', 'throughout'].includes(prev)) return null;
      switch (m[1].toLowerCase()) {
        case 'day': return r.day(0);
        case 'week': return r.week(0);
        case 'month': return r.month(0);
        default: return r.year(0);
      }
    },
  },
  {
    name: 'day-before-after', heads: ['the', 'day'],
    re: re('(?:the\\s+)?day\\s+(before|after)\\s+(yesterday|tomorrow)(?![\\w])|the\\s+day\\s+(before|after)(?![\\w])'),
    build(m, scan) {
      if (m[2]) return scan.resolver.day(m[2].toLowerCase() === 'yesterday' ? -2 : 2);
      return scan.resolver.day(m[3].toLowerCase() === 'before' ? -1 : 1);
    },
  },
  {
    name: 'present-ref', heads: firstWords(Object.fromEntries(lexicon.presentRefs.map((w) => [w, 1]))),
    // TimeML PRESENT_REF: "now", "currently", "at the moment"; "now that" is a conjunction.
    re: re(`(${alternation(lexicon.presentRefs)})(?![\\w'’-]|\\s+that\\b)`),
    build: (m) => (/^[A-Z]{2,}/.test(m[1]) ? null : { type: 'date', value: 'PRESENT_REF', resolution: 'the present: the time of writing' }),
  },
  {
    name: 'to-date', heads: ['the', 'year', 'month', 'week', 'ytd', 'mtd'],
    re: re('(?:the\\s+)?(year|month|week)[\\s-]+to[\\s-]+date(?![\\w])|(ytd|mtd)(?![\\w])'),
    build(m, scan) {
      const unit = (m[1] ?? (m[2].toLowerCase() === 'ytd' ? 'year' : 'month')).toLowerCase();
      const r = scan.resolver;
      return { ...(unit === 'year' ? r.year(0) : unit === 'month' ? r.month(0) : r.week(0)), approximate: true };
    },
  },
  {
    name: 'deictic-day', heads: keys(lexicon.deicticDays),
    re: re(`(${alternation(keys(lexicon.deicticDays))})(?![\\w])`),
    build(m, scan) {
      const word = m[1].toLowerCase();
      // "today's youth", "today's world": the present in general (TimeML PRESENT_REF), not the document's day.
      const generic = /^['’]s\s+([a-z]+)/i.exec(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 24));
      if (word === 'today' && generic && GENERIC_TODAY_NOUNS.has(generic[1].toLowerCase())) return { type: 'date', value: 'PRESENT_REF', resolution: 'the present: the time of writing' };
      const day = scan.resolver.day((lexicon.deicticDays as Record<string, number>)[word]);
      return word.startsWith('toni') ? { ...day, type: 'time', pod: 'NI' } : day;
    },
  },
  {
    name: 'earlier-later', heads: ['earlier', 'later', 'late', 'early'],
    re: re(`(earlier|later|late|early)\\s+(?:(this|in\\s+the|previous|last|next)\\s+)?(week|month|year|morning|afternoon|evening|night|day)(?![\\w])`),
    build(m, scan) {
      const r = scan.resolver;
      const mod = m[2]?.toLowerCase().replace(/\s+/g, ' ');
      const word = m[3].toLowerCase();
      const pod = podCode(word);
      if (pod) {
        if (mod === 'this') return { ...r.day(0), type: 'time', pod, approximate: true };
        if (!mod || mod === 'in the') return { type: 'time', value: '', pod, approximate: true, resolution: 'part of the day' };
        return null;
      }
      if (!mod) return null;
      const offset = mod === 'previous' || mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
      const piece = word === 'week' ? r.week(offset) : word === 'month' ? r.month(offset) : word === 'year' ? r.year(offset) : r.day(offset);
      return { ...piece, approximate: true };
    },
  },
  {
    name: 'edge-of', heads: ['the', 'end', 'beginning', 'start', 'middle', 'close', 'eod', 'eoy', 'eom', 'eow'],
    re: re(`(?:the\\s+)?(end|beginning|start|middle|close)\\s+of\\s+(?:(the|this|next|last)\\s+)?(day|week|month|year|today|tomorrow|yesterday|${MONTH_BARE}|${WEEKDAY_BARE}|${YEAR})(?![\\w])|(?:the\\s+)?(eod|eoy|eom|eow)(?![\\w])`),
    build(m, scan) {
      const r = scan.resolver;
      let edge = m[1]?.toLowerCase() ?? 'end';
      let word = m[3]?.toLowerCase();
      const mod = m[2]?.toLowerCase();
      if (m[4]) { word = { eod: 'day', eoy: 'year', eom: 'month', eow: 'week' }[m[4].toLowerCase()]!; edge = 'end'; }
      const offset = mod === 'next' ? 1 : mod === 'last' ? -1 : 0;
      let piece: Piece | null;
      if (/^\d/.test(word!)) piece = { type: 'date', value: word!, resolution: ABSOLUTE };
      else if (word === 'day' || word === 'today' || word === 'tomorrow' || word === 'yesterday') {
        piece = r.day(word === 'tomorrow' ? 1 : word === 'yesterday' ? -1 : 0);
        if (edge === 'end') return { ...piece, type: 'time', value: `${piece.value}T23:59:59`, day: undefined };
      } else if (word === 'week') piece = r.week(offset);
      else if (word === 'month') piece = r.month(offset);
      else if (word === 'year') piece = r.year(offset);
      else if (weekdayNumber(word!)) {
        piece = mod === 'this' ? r.weekday(weekdayNumber(word!), 'this') : { type: 'date', value: `XXXX-WXX-${weekdayNumber(word!)}`, resolution: r.relative };
        if (edge === 'end') return { ...piece, type: 'time', value: `${piece.value}T23:59:59`, day: undefined };
      } else piece = r.monthOf(monthNumber(word!), offset < 0 ? 'last' : offset > 0 ? 'next' : mod === 'this' ? 'same' : tenseDirection(scan));
      return piece && { ...piece, approximate: true, day: undefined };
    },
  },
  {
    name: 'early-mid-late', heads: ['early', 'mid', 'late', 'the'],
    re: re(`(?:early|mid|late|the\\s+middle\\s+of)[-\\s]+(?:in\\s+)?(?:(${YEAR})|(${MONTH_BARE})(?:\\s+(${YEAR}))?|the\\s+(\\d{3})0['’]?s)(?![\\w])`),
    build(m, scan) {
      if (m[1]) return { type: 'date', value: m[1], approximate: true, resolution: ABSOLUTE };
      if (m[4]) return { type: 'date', value: m[4], approximate: true, resolution: ABSOLUTE };
      const piece = calendarDate(monthNumber(m[2]), null, m[3] ? Number(m[3]) : null, scan);
      return piece && { ...piece, approximate: true };
    },
  },
  {
    name: 'decade', heads: ['the', '#', "'", '’'],
    re: re(`(?:the\\s+)?(?:(1\\d\\d|20\\d)0['’]?s|['’]([0-9])0s)(?![\\w])`),
    build: (m) => ({ type: 'date', value: m[1] ?? `19${m[2]}`, resolution: ABSOLUTE }),
  },
  {
    name: 'century', heads: ['the', '#'],
    re: re('(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+century(?![\\w])'),
    build: (m) => ({ type: 'date', value: pad(Number(m[1]) - 1), resolution: ABSOLUTE }),
  },
  {
    name: 'ago-later', heads: [...QUANTITY_HEADS, 'more', 'less', 'nearly', 'almost', 'about', 'over', 'just', 'roughly', 'around'],
    re: re(`(?:(?:more|less)\\s+than\\s+|nearly\\s+|almost\\s+|about\\s+|some\\s+|over\\s+|just\\s+(?:over\\s+|under\\s+)?|roughly\\s+|around\\s+)?(${QUANTITY})[\\s-]+(?:more\\s+)?(${UNIT})\\s+(from\\s+(?:now|today)|after\\s+today|before\\s+today|ago|hence)(?![\\w])`),
    build(m, scan) {
      const amount = quantity(m[1]);
      const unit = unitCode(m[2]);
      if (amount === null || !unit) return null;
      const how = m[3].toLowerCase().replace(/\s+/g, ' ');
      const approximate = !/^\d|^(a|an|one|another)$/i.test(m[0]) || undefined;
      // "a few years ago": no number to count back, only a direction (TimeML PAST_REF / FUTURE_REF).
      if (amount === 'X' && (how === 'ago' || how === 'before today')) return { type: 'date', value: 'PAST_REF', approximate: true, resolution: 'approximate: the past' };
      if (amount === 'X' && (how === 'from now' || how === 'from today' || how === 'after today' || how === 'hence')) return { type: 'date', value: 'FUTURE_REF', approximate: true, resolution: 'approximate: the future' };
      if (amount !== 'X' && (how === 'ago' || how === 'before today')) return { ...scan.resolver.shift(amount, unit, -1), approximate };
      return { ...scan.resolver.shift(amount as number, unit, 1), approximate };
    },
  },
  {
    name: 'duration', heads: [...QUANTITY_HEADS, 'the', ...lexicon.periodModifiers],
    re: re(`(?:(the\\s+)?(${alternation(lexicon.periodModifiers)})\\s+)?(${QUANTITY})[\\s-]+(?:more\\s+|additional\\s+|full\\s+|long\\s+|straight\\s+|consecutive\\s+)?(${UNIT})(?![\\w-]|-old)`),
    build(m, scan) {
      const amount = quantity(m[3]);
      const unit = unitCode(m[4]);
      if (amount === null || !unit) return null;
      if (/^(s|secs?|mins?|hrs?|h)$/i.test(m[4]) && !/\d/.test(m[3])) return null;
      const article = /^(a|an|another|one)$/i.test(m[3]);
      if (/^(a|an|another)$/i.test(m[3]) && unit === 'S') return null;
      const prev = previousWord(scan.text, scan.at);
      if (!m[2] && article && (/^(once|twice|thrice|times|per|miles|kilometers|km|mph|percent|cents?|\d.*)$/.test(prev) || SCALE_WORD_SET.has(prev) || /\d\s*$/.test(scan.text.slice(Math.max(0, scan.at - 3), scan.at)))) return null;
      if (/^\d/.test(m[3]) && /[\d][.,]$/.test(scan.text.slice(Math.max(0, scan.at - 2), scan.at))) return null;
      // "three quarters", "five and a quarter" are fractions: quarters count time after a modifier ("the last two
      // quarters") or a preposition of time ("for three quarters"), not before "of".
      if (unit === 'Q' && !m[2] && (!QUARTER_CUES.has(prev) || /^\s+of\b/i.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 4)))) return null;
      const vague = amount === 'X' || !/^[\d]|^(a|an|one|another|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(m[3]);
      return { type: 'duration', value: durationValue(amount, unit), approximate: vague || undefined, resolution: vague ? 'approximate duration' : 'duration' };
    },
  },
  {
    name: 'compact-duration', heads: ['#'],
    re: re('(\\d+(?:\\.\\d+)?)(?:(hrs?|h|mins?|secs?|years|yrs)|(D|W|Y))(?![\\w])', 'y'),
    build(m, scan) {
      if (/[\d.,$]$/.test(scan.text.slice(Math.max(0, scan.at - 1), scan.at))) return null;
      if (m[3] && m[1].length === 1 && m[3] === 'D') return null;
      const unit = m[2] ? ((lexicon.compactUnits as Record<string, string>)[m[2].toLowerCase()] ?? 'H') : m[3];
      return { type: 'duration', value: durationValue(Number(m[1]), unit), resolution: 'duration' };
    },
  },
  {
    name: 'fraction-duration', heads: [...QUANTITY_HEADS, 'half', '½'],
    re: re(`(?:(${QUANTITY})\\s+(${UNIT})\\s+and\\s+(?:a\\s+)?(half|quarter)|(${QUANTITY})\\s+and\\s+(?:a\\s+)?(half|quarter)\\s+(${UNIT})|(?:half\\s+(?:an?\\s+)?|½\\s*)(${UNIT}))(?![\\w])`),
    build(m) {
      const unit = unitCode(m[2] ?? m[6] ?? m[7]);
      const base = m[7] ? 0 : quantity(m[1] ?? m[4]);
      if (base === null || base === 'X' || !unit) return null;
      const fraction = (m[3] ?? m[5] ?? 'half').toLowerCase() === 'quarter' ? 0.25 : 0.5;
      return { type: 'duration', value: durationValue(base + fraction, unit), resolution: 'duration' };
    },
  },
  {
    name: 'whole-period', heads: ['all', 'the'],
    re: re('(?:all|the\\s+whole|the\\s+entire)\\s+(day|week|month|year)(?![\\w])'),
    build: (m) => ({ type: 'duration', value: durationValue(1, unitCode(m[1])), resolution: 'duration' }),
  },
  {
    name: 'vague-duration', heads: ['recent', 'the', ...VAGUE_PLURALS],
    // "recent months", "the past weeks", and a bare plural unit "for years", "Years of experience", "decades of war".
    re: re(`(?:recent|the\\s+(?:coming|next|past|last))\\s+(${VAGUE_PLURALS.join('|')})(?![\\w])|(${VAGUE_PLURALS.join('|')})(?![\\w'’-])`),
    build(m, scan) {
      if (m[2]) {
        const forBefore = previousWord(scan.text, scan.at) === 'for';
        const ofAfter = /^\s+of\s+[a-z]/.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 8));
        if (!forBefore && !(ofAfter && !COUNTED_BEFORE.test(scan.text.slice(Math.max(0, scan.at - 24), scan.at)))) return null;
      }
      return { type: 'duration', value: durationValue('X', unitCode(m[1] ?? m[2])), approximate: true, resolution: 'approximate duration' };
    },
  },
  {
    name: 'every', heads: ['every', 'each'],
    re: re(`(?:every|each)\\s+(other\\s+)?(?:(${QUANTITY})\\s+)?(${UNIT}|${WEEKDAY_BARE}|${POD}|${MONTH_BARE}|${SEASON})s?(?![\\w])`),
    build(m) {
      const word = m[3].toLowerCase();
      const amount = m[2] ? quantity(m[2]) : 1;
      if (amount === null) return null;
      const weekday = weekdayNumber(word);
      const resolution = 'recurring';
      if (weekday && !weakWeekdays.has(word)) return { type: 'set', value: `XXXX-WXX-${weekday}`, set: true, resolution };
      const pod = podCode(word);
      if (pod && word !== 'night') return { type: 'set', value: `T${pod}`, set: true, pod, resolution };
      const unit = unitCode(word);
      if (unit) return { type: 'set', value: durationValue(amount === 'X' ? 'X' : amount * (m[1] ? 2 : 1), unit), set: true, resolution };
      const month = monthNumber(word);
      if (month && word.length > 3) return { type: 'set', value: `XXXX-${pad(month)}`, set: true, resolution };
      const season = seasonCode(word);
      if (season) return { type: 'set', value: `XXXX-${season}`, set: true, resolution };
      return null;
    },
  },
  {
    name: 'times-per', heads: ['once', 'twice', 'thrice', 'one', '#', ...NUMBERS],
    re: re(`(?:once|twice|thrice|one|(?:\\d+|${NUMBER_WORDS})\\s+times)\\s+(?:a|an|per|every|each)\\s+(${UNIT})(?![\\w])`),
    build: (m) => (unitCode(m[1]) ? { type: 'set', value: durationValue(1, unitCode(m[1])), set: true, resolution: 'recurring' } : null),
  },
  {
    name: 'set-word', heads: keys(lexicon.setWords),
    re: re(`(${alternation(keys(lexicon.setWords))})(?![\\w-])`),
    build: (m) => (/[A-Z]/.test(m[1]) ? null
      : { type: 'set', value: (lexicon.setWords as Record<string, string>)[m[1].toLowerCase()], set: true, resolution: 'recurring' }),
  },
  {
    name: 'weekday-plural', heads: WEEKDAYS.filter((w) => w.length > 4).map((w) => `${w}s`),
    re: re(`(${alternation(WEEKDAYS.filter((w) => w.length > 4))})s(?:\\s+(${POD}))?(?![\\w])`),
    build(m) {
      const pod = m[2] ? podCode(m[2]) : '';
      return { type: 'set', value: `XXXX-WXX-${weekdayNumber(m[1])}${pod ? `T${pod}` : ''}`, set: true, resolution: 'recurring' };
    },
  },
  {
    name: 'clock-meridiem', heads: ['#'],
    re: re(`(\\d{1,2})(?:[:.](\\d{2}))?(?:[:.](\\d{2}))?\\.?\\s*([ap])\\s?\\.?\\s?m(?![a-z])\\.?(?:\\s\\.)?${TIMEZONE}`),
    build(m, scan) {
      if (/[\d.,]$/.test(scan.text.slice(Math.max(0, scan.at - 1), scan.at))) return null;
      return clockPiece({ h: Number(m[1]), m: m[2] ? Number(m[2]) : null, s: m[3] ? Number(m[3]) : null, meridiem: meridiem(m[4]) });
    },
  },
  {
    name: 'clock-hhmm-meridiem', heads: ['#'],
    re: re('(\\d{1,2})(\\d{2})\\s*([ap])\\s?\\.?\\s?m(?![a-z])\\.?'),
    build: (m) => clockPiece({ h: Number(m[1]), m: Number(m[2]), s: null, meridiem: meridiem(m[3]) }),
  },
  {
    name: 'clock-letter', heads: ['#'],
    re: re('(\\d{1,2})(?::(\\d{2}))?([ap])(?![\\w])\\.?'),
    build(m, scan) {
      const piece = clockPiece({ h: Number(m[1]), m: m[2] ? Number(m[2]) : null, s: null, meridiem: meridiem(m[3]) });
      if (piece && previousWord(scan.text, scan.at) !== 'at') piece.weak = true;
      return piece;
    },
  },
  {
    name: 'clock', heads: ['#'],
    re: re(`(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])(${TIMEZONE})`),
    build(m, scan) {
      if (/[\d:.,]$/.test(scan.text.slice(Math.max(0, scan.at - 1), scan.at))) return null;
      if (/^\s*\d{1,2}:\d{2}/.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 8))) return null;
      const weak = !m[4].trim() && !CLOCK_CUES.has(previousWord(scan.text, scan.at));
      return clockPiece({ h: Number(m[1]), m: Number(m[2]), s: m[3] ? Number(m[3]) : null, meridiem: null }, weak);
    },
  },
  {
    name: 'clock-zulu', heads: ['#'],
    re: re('([01]\\d|2[0-3])([0-5]\\d)\\s*(?:GMT|UTC|Z|hrs|hours\\s+GMT)(?![\\w])', 'y'),
    build: (m) => clockPiece({ h: Number(m[1]), m: Number(m[2]), s: null, meridiem: null }),
  },
  {
    name: 'clock-dot', heads: ['#'],
    re: re(`(\\d{1,2})\\.(\\d{2})(?![\\d%]|\\s*(?:${PERCENT_WORDS}|${SCALE_WORDS}|points?|%))`),
    build(m, scan) {
      if (previousWord(scan.text, scan.at) !== 'at') return null;
      return clockPiece({ h: Number(m[1]), m: Number(m[2]), s: null, meridiem: null });
    },
  },
  {
    name: 'oclock', heads: ['#', ...NUMBERS],
    re: re(`(\\d{1,2}|${HOURWORDS})\\s*(?:o['’]?\\s?clock|oclock)(?![\\w])`),
    build: (m) => clockPiece({ h: quantity(m[1]) as number, m: null, s: null, meridiem: null }),
  },
  {
    name: 'noon', heads: ['#', 'noon', 'midday', 'midnight', 'mid', 'noonish'],
    re: re('(?:12\\s+)?(noon|midday|noonish|midnight|mid\\s*night)(?![\\w])|(\\d{1,2})ish(?![\\w])'),
    build(m) {
      if (m[2]) return clockPiece({ h: Number(m[2]), m: null, s: null, meridiem: null }, false, true);
      return clockPiece({ h: /night/i.test(m[1]) ? 0 : 12, m: null, s: null, meridiem: null });
    },
  },
  {
    name: 'past-the-hour', heads: ['#', 'half', 'quarter', ...NUMBERS],
    re: re(`(half|quarter|\\d{1,2}|${NUMBER_WORDS})\\s+(?:min(?:ute)?s?\\s+)?(past|to)\\s+(\\d{1,2}|${HOURWORDS})(?![\\w])(?:\\s+o['’]?\\s?clock)?`),
    build(m) {
      const hour = quantity(m[3]);
      const word = m[1].toLowerCase();
      const minutes = word === 'half' ? 30 : word === 'quarter' ? 15 : quantity(m[1]);
      if (typeof hour !== 'number' || typeof minutes !== 'number' || hour > 12 || minutes >= 60) return null;
      if (m[2].toLowerCase() === 'to' && !/^(half|quarter)$/.test(word)) return null;
      return m[2].toLowerCase() === 'past'
        ? clockPiece({ h: hour, m: minutes, s: null, meridiem: null })
        : clockPiece({ h: (hour + 11) % 12, m: 60 - minutes, s: null, meridiem: null });
    },
  },
  {
    name: 'word-clock', heads: NUMBERS,
    re: re(`(${HOURWORDS})(?:[\\s-]+(${NUMBER_WORDS}))?(?:\\s+minutes)?(?:\\s*([ap])\\s?\\.?\\s?m(?![a-z])\\.?)?`),
    build(m, scan) {
      const hour = quantity(m[1]);
      const minutes = m[2] ? quantity(m[2]) : null;
      if (typeof hour !== 'number' || (minutes !== null && (typeof minutes !== 'number' || minutes >= 60 || minutes < 10))) return null;
      const prev = previousWord(scan.text, scan.at);
      // A bare hour word is a time after "at"/"around" or before a part of the day ("one in the morning"), unless
      // it is a pronoun ("the one in the morning").
      const podAfter = /^\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b/i.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 24));
      if (!m[2] && !m[3] && prev !== 'at' && prev !== 'around' && !(podAfter && !PRONOUN_ONE_BEFORE.has(prev))) return null;
      // Hour and minutes after a clock cue ("at seven thirty", "from three thirty to four thirty") stand alone; a bare
      // hour waits for a day or part of the day.
      return clockPiece({ h: hour, m: minutes, s: null, meridiem: meridiem(m[3]) }, !m[3] && !(m[2] && CLOCK_CUES.has(prev)));
    },
  },
  {
    name: 'clock-after-at', heads: ['#'],
    re: re('(\\d{1,2})(?![\\d:.\\w%]|,\\d)'),
    build(m, scan) {
      const prev = previousWord(scan.text, scan.at);
      if ((prev !== 'at' && prev !== 'around' && prev !== ',') || Number(m[1]) > 24) return null;
      return clockPiece({ h: Number(m[1]), m: null, s: null, meridiem: null }, true);
    },
  },
  {
    name: 'part-of-day', heads: [...PODS, 'early', 'late', 'later', 'in', 'during'],
    re: re(`(?:(early|late|later)\\s+)?(?:(?:in|during)\\s+the\\s+)?(${POD})(?![\\w'’])`),
    build(m, scan) {
      const pod = podCode(m[2]);
      const framed = /^(in|during|early|late|later)\b/i.test(m[0]);
      if (m[2].toLowerCase() === 'overnight') return null;
      // A plural part of the day recurs ("works nights", "in the mornings"); next to a weekday it joins it ("Tuesday mornings").
      if (/s$/i.test(m[2]) && !m[1]) {
        const recurring = { type: 'set' as const, value: `T${pod}` };
        if (/^(in|during)\b/i.test(m[0])) return { ...recurring, set: true, pod, resolution: 'recurring' };
        const counted = COUNTED_BEFORE.test(scan.text.slice(Math.max(0, scan.at - 24), scan.at)) || PLURAL_DETERMINERS.has(previousWord(scan.text, scan.at));
        return { type: 'time', value: '', pod, weak: true, alone: counted ? undefined : recurring, resolution: 'part of the day' };
      }
      return { type: 'time', value: '', pod, weak: !framed, approximate: !!m[1] || undefined, resolution: 'part of the day' };
    },
  },
  {
    name: 'year', heads: ['#'],
    re: re(`(${YEAR})(?![\\d]|[.,:]\\d|\\s*(?:%|percent)|-(?:year|old))`),
    build(m, scan) {
      // The second end of a range of years ("2009-2010", "1939–1945") is a year of its own, as TimeML marks it.
      const rangeEnd = YEAR_RANGE_START.test(scan.text.slice(Math.max(0, scan.at - 6), scan.at));
      if (rangeEnd) return { type: 'date', value: m[1], resolution: `${ABSOLUTE}; the end of a range` };
      if (/[\d.,$£€:/#-]$/.test(scan.text.slice(Math.max(0, scan.at - 1), scan.at))) return null;
      const prev = previousWord(scan.text, scan.at);
      const next = nextWord(scan.text, scan.at + m[0].length);
      const nextAsWritten = /^\s*([A-Za-z]*)/.exec(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 24))![1];
      if (yearBlockedAfter.has(next)) return null;
      const year = Number(m[1]);
      const after = scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 3);
      const lineStart = /(^|\n)\s*$/.test(scan.text.slice(Math.max(0, scan.at - 3), scan.at));
      const strong = yearCuesBefore.has(prev) && !WEAK_YEAR_CUES.has(prev);
      const cued = strong || prev === '(' || lineStart || /^[,.;)]/.test(after) || /^['’]s\b/.test(after);
      if (!strong && /^[a-z]+s$/.test(nextAsWritten)) return null;
      // Arithmetic: "2000 over 3", "1500 times 2".
      if (!strong && /^\s+(?:over|divided\s+by|times|plus|minus|x|×)\s+\d/i.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 16))) return null;
      // Without a cue, a number in the range of recent years is a year unless a plural noun follows ("2000 troops").
      if (!cued && !(year >= 1900 && year <= 2039 && !yearCuesQuantity.has(prev))) return null;
      return { type: 'date', value: m[1], resolution: ABSOLUTE };
    },
  },
  {
    name: 'year-words', heads: ['nineteen', 'twenty', 'two'],
    re: re(`(?:(nineteen|twenty)[\\s-]+(?:hundred[\\s-]+(?:and[\\s-]+)?)?(${NUMBER_WORDS})|two\\s+thousand(?:\\s+and)?(?:\\s+(${NUMBER_WORDS}))?)(?![\\w])`),
    build(m, scan) {
      // Spelled years need a real cue ("in nineteen ninety six"): after "and", "over" or "of" they are parts of
      // numbers ("two hundred and two thousand", "1 over twenty-one", "per cent of twenty-two").
      const prev = previousWord(scan.text, scan.at);
      if (!yearCuesBefore.has(prev) || WEAK_YEAR_CUES.has(prev)) return null;
      if (NUMBER_CONTINUES.test(scan.text.slice(scan.at + m[0].length, scan.at + m[0].length + 24))) return null;
      const tail = quantity(m[2] ?? m[3] ?? 'zero') ?? 0;
      if (tail === 'X' || tail > 99) return null;
      const century = m[1] ? (m[1].toLowerCase() === 'nineteen' ? 1900 : 2000) : 2000;
      if (m[1] && !m[2]) return null;
      return { type: 'date', value: String(century + (m[3] || m[2] ? tail : 0)), resolution: ABSOLUTE };
    },
  },
  {
    name: 'week-number', heads: ['week', 'the', 'first', 'last', 'second', 'third', 'fourth', 'final', '#'],
    re: re(`week\\s+(\\d{1,2})(?![\\d])(?:\\s+of\\s+(${YEAR}))?|(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)\\s+week\\s+of\\s+(${YEAR})`),
    build(m, scan) {
      if (m[1]) {
        const week = Number(m[1]);
        if (week < 1 || week > 53) return null;
        return scan.resolver.weekNumber(week, m[2] ? Number(m[2]) : null);
      }
      const year = Number(m[4]);
      if (/^(last|final)$/i.test(m[3])) return scan.resolver.lastWeekOf(year);
      return scan.resolver.weekNumber(Number.parseInt(m[3], 10) || ['first', 'second', 'third', 'fourth'].indexOf(m[3].toLowerCase()) + 1, year);
    },
  },
  {
    name: 'day-of-month', heads: ['the', '#', ...ORDINALS, 'twenty', 'thirty'],
    re: re(`(?:the\\s+)?(${DAYNUM}|${ORDDAYWORD})\\s+day\\s+of\\s+(?:(the|this|next|last)\\s+month|(${MONTH}))|the\\s+(${DAYNUM}|${ORDDAYWORD})(?![\\w-]|\\s+(?:of|century|time|day|floor|anniversary|round|place|amendment|annual|edition|straight|consecutive|largest|biggest|most|and|in|to)\\b)`),
    build(m, scan) {
      if (m[1]) {
        const day = dayNumberWord(m[1]);
        if (m[3]) return calendarDate(monthNumber(m[3]), day, null, scan);
        const mod = m[2].toLowerCase();
        return scan.resolver.dayOfMonth(day, mod === 'next' ? 1 : mod === 'last' ? -1 : 0);
      }
      if (!/^\d+(st|nd|rd|th)$|^[a-z]/i.test(m[4])) return null;
      const day = dayNumberWord(m[4]);
      const piece = scan.resolver.dayOfMonth(day, dayOfMonthShift(day, scan));
      const prev = previousWord(scan.text, scan.at);
      return { ...piece, dom: day, weak: !DAY_OF_MONTH_CUES.has(prev) };
    },
  },
  {
    name: 'weekday', heads: WEEKDAYS,
    re: re(`(${WEEKDAY})(?![\\w])`),
    build(m, scan) {
      const word = m[1].toLowerCase().replace(/\.$/, '');
      const weekday = weekdayNumber(word);
      const future = previousWord(scan.text, scan.at) !== 'since' && sentenceTense(scan.text, scan.at) === 'future';
      const piece = scan.resolver.weekday(weekday, future ? 'future' : 'past');
      const weak = weakWeekdays.has(word) && !(isCapitalized(m[1]) && m[1].endsWith('.'));
      return { ...piece, weak: weak || undefined };
    },
  },
  {
    name: 'holiday', heads: firstWords(lexicon.fixedHolidays).concat(firstWords(lexicon.floatingHolidays)).map((w) => w.toLowerCase()),
    re: re(`(${HOLIDAY})(?:(?:\\s*,\\s*|\\s+)(?:of\\s+)?(${YEAR})|\\s+of\\s+(this|last|next)\\s+year)?`),
    build(m, scan) {
      const name = m[1].toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
      const fixed = (lexicon.fixedHolidays as Record<string, string>)[name] ?? (lexicon.fixedHolidays as Record<string, string>)[m[1].toLowerCase().replace(/\s+/g, ' ')];
      const floating = (lexicon.floatingHolidays as Record<string, { month: number; weekday: number; nth: number; offset?: number }>)[name];
      if (!fixed && !floating) return null;
      if ((name === 'may day' || name === 'election day' || name === 'freedom day') && !isCapitalized(m[1])) return null;
      let year = m[2] ? Number(m[2]) : null;
      if (m[3] && scan.resolver.ref) year = scan.resolver.ref.year + modifierOffset(m[3]);
      if (fixed) return scan.resolver.holiday(Number(fixed.slice(0, 2)), Number(fixed.slice(3)), null, year);
      return scan.resolver.holiday(floating.month, null, floating, year);
    },
  },
  {
    name: 'season', heads: SEASONS,
    re: re(`(?<=\\b(?:(?:in|during|by|through|over|since|until)\\s+the|early|late|mid)[\\s-]+)(${SEASON})(?:\\s+(?:of\\s+)?(${YEAR}))?|(${SEASON})\\s+(?:of\\s+)?(${YEAR})`),
    build(m, scan) {
      const code = seasonCode(m[1] ?? m[3]);
      const year = m[2] ?? m[4];
      return scan.resolver.season(code, null, year ? Number(year) : null);
    },
  },
];

// Figures: numbers that count or measure something, with their qualifier, unit and what they measure.
//
// The scanner stops at every digit, number word and fraction sign after the body start; reader.ts reads the
// figure there (qualifier, currency, number, scale, unit or counted noun). The passes below then
//   1. drop figures whose number overlaps a date (dates, durations, times are the date extractor's) or noise,
//   2. join ranges ("between 5 and 10 percent", "44 mg to 50 mg", "10-15 exabytes"), and give a unit written
//      once to both numbers ("45 and 50 mg"),
//   3. drop what is not a figure: years ("in 2014"), numbers in names ("Voyager 2", "Flight 370", "No. 1"), the
//      halves of "14-15" or "3-2" that are not ranges, "one" as a pronoun ("one of the few"),
//   4. let an unqualified count borrow the unit of the count before it in the same sentence
//      ("about 7,400 Iraqi forces ..., with approximately 2,800 currently in training").
// Words and their meanings are data: ../data/figures-*.json. Intervals: figures/intervals.ts.

import type { DateMention, ExtractionContext, Figure, Span } from '../types';
import { outsideNoise } from '../text/spans';
import { ANCHOR_WORDS, GLUED_CURRENCIES, PERIOD_MODIFIERS, RANGE_JOINS, UNCERTAINTY_SIGNS, UNICODE_FRACTIONS } from './figures/lexicon';
import { readFigureAt, type Candidate } from './figures/reader';
import { intervalOf } from './figures/intervals';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A number starts at a digit that follows no letter, digit or decimal point ("7" of "2.7" is not one), or right
// after a currency code glued to it ("USD10m"; reader.ts checks the code's case). The digit comes first in that
// branch so that the look-behind runs only at digits.
const ANCHOR = new RegExp(
  `(?<![\\p{L}\\p{N}_]|\\p{N}\\.)\\.?\\d|\\d(?<=(?<![\\p{L}\\p{N}_])(?:${[...GLUED_CURRENCIES.keys()].map(escape).join('|')})\\d)` +
  `|[${[...UNICODE_FRACTIONS.keys()].join('')}]|\\b(?:${ANCHOR_WORDS.join('|')})\\b`,
  'giu',
);
const SENTENCE_END = /[.!?]["”’)]?\s+["“‘(]?[A-Z0-9]|\n\s*\n/;
const UNCERTAINTY = new Set(UNCERTAINTY_SIGNS);
const PERIOD_FRAME = new RegExp(`^(?:the\\s+)?(?:${PERIOD_MODIFIERS.join('|')})\\s`, 'i');
/** How far back a count may look for the unit it leaves out. */
const ELLIPSIS_REACH = 200;
const ELLIPSIS_LINK = /(?:,|\band|\bwith|\bbut|\bwhile|\bincluding|\bplus|\bwhereas)\s*$/i;

/** Numbers with what they count. */
export function extractFigures(context: ExtractionContext, dates: readonly DateMention[]): Figure[] {
  const { text, bodyStart } = context;
  const candidates: Candidate[] = [];
  ANCHOR.lastIndex = bodyStart;
  for (let match = ANCHOR.exec(text); match !== null; match = ANCHOR.exec(text)) {
    const result = readFigureAt(text, match.index, bodyStart);
    if (result.candidate) candidates.push(result.candidate);
    ANCHOR.lastIndex = Math.max(result.next, match.index + 1);
  }
  // A duration with a number ("a two-year maintenance period", "for 3 hours") is also a figure: a length of time
  // that sources can disagree on. Dates, times, sets and the periods that frame a time ("the first eight months",
  // "the past three years") keep their numbers.
  const outsideDates = dropOverlapping(candidates, dates.filter((date) => !(date.type === 'duration' && /^PT?\d/.test(date.value) && !PERIOD_FRAME.test(date.text))));
  const ranged = joinRanges(text, outsideDates);
  const kept = ranged.filter(isFigure);
  borrowUnits(text, kept);
  return outsideNoise(kept.map((candidate) => toFigure(text, candidate)), context.noise);
}

function dropOverlapping(candidates: Candidate[], spans: readonly Span[]): Candidate[] {
  if (!spans.length) return candidates;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return candidates.filter((candidate) => {
    // first span starting at or after the number's end; only the few before it can overlap
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].start < candidate.numberEnd) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0 && i >= low - 16; i--) if (sorted[i].end > candidate.numberStart) return false;
    return true;
  });
}

function joinRanges(text: string, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i];
    const b = candidates[i + 1];
    if (!b || b.start < a.end) {
      out.push(a);
      continue;
    }
    const gap = text.slice(a.end, b.start).trim().toLowerCase();
    // "9.83 ± 0.01 m/s2", "5 +/- 1 percent": a measurement and its uncertainty are one interval.
    if (UNCERTAINTY.has(gap) && b.value > 0 && b.value < Math.abs(a.value) && (a.unit === null || b.unit === null || a.unit === b.unit)) {
      const unitSource = b.unit !== null ? b : a;
      out.push({ ...a, end: b.end, numberEnd: b.numberEnd, low: a.value - b.value, high: a.value + b.value, kind: unitSource.kind, unit: unitSource.unit, measure: unitSource.measure });
      i++;
      continue;
    }
    const hyphen = /^[-–—](?:\s*to)?$/.test(gap);
    const join = hyphen ? '-' : gap;
    const compatible = a.unit === null || b.unit === null || (a.unit === b.unit && a.kind === b.kind);
    if (!(hyphen || RANGE_JOINS.has(join)) || !compatible || gap.length > 8) {
      out.push(a);
      continue;
    }
    let merge: boolean;
    if (hyphen) merge = b.value >= a.value;
    else if (join === 'and') merge = a.rangeWord === 'between';
    else if (join === 'or') merge = b.value > a.value && b.value <= a.value * 10 && a.kind === 'count' && !a.unit; // "two or three
    else merge = !a.changeBefore;
    if (merge) {
      const shared = sharedScale(a, b);
      const low = Math.min(a.value * shared, b.value);
      const high = Math.max(a.value, b.value);
      const unitSource = b.unit !== null ? b : a;
      out.push({
        ...b,
        start: a.rangeWord && !hyphen ? a.rangeStart : a.start,
        numberStart: a.numberStart,
        value: (low + high) / 2,
        low,
        high,
        qualifier: a.qualifier,
        kind: unitSource.kind,
        unit: unitSource.unit,
        measure: unitSource.measure,
        afterDigitHyphen: a.afterDigitHyphen,
        hyphenBefore: false,
        yearLike: a.yearLike && (b.yearLike || b.value < 100),
        nameLike: a.nameLike,
        yearPreposition: a.yearPreposition,
        justOne: false,
      });
      i++;
      continue;
    }
    if (!hyphen && a.unit === null && a.kind === 'count' && b.unit !== null) {
      // "45 and 50 mg", "rose from 5 to 7 percent": the unit is written once for both, and so is a scale ("from 5 to 7 million people").
      const shared = sharedScale(a, b);
      out.push({ ...a, kind: b.kind, unit: b.unit, measure: b.measure, value: a.value * shared, scaled: a.scaled || shared > 1 });
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * The scale the first end of a range leaves to the second: "four to five thousand" is 4,000 to 5,000, "$10 to $15
 * billion" 10 to 15 billion. 1 when the first end has its own scale or would then pass the second.
 */
function sharedScale(a: Candidate, b: Candidate): number {
  if (a.scaled || !b.scaled || Math.abs(b.value) < 1000 || Math.abs(a.value) >= 1000 || a.value === 0) return 1;
  const scale = 10 ** (3 * Math.floor(Math.log10(Math.abs(b.value)) / 3));
  return Math.abs(a.value * scale) <= Math.abs(b.value) ? scale : 1;
}

function isFigure(candidate: Candidate): boolean {
  if (!Number.isFinite(candidate.value)) return false;
  if (candidate.hyphenBefore || candidate.afterDigitHyphen) return false; // "3-2", the "15" of "February 14-15"
  const unitless = candidate.kind === 'count' && candidate.unit === null;
  // News writes counts from 1,000 up with a separator: "1988 sales" and "the 2016 elections" are years.
  if (candidate.yearLike && (candidate.kind === 'count' || candidate.yearPreposition)) return false;
  // "one official said", "one dealer": a single thing is rarely a figure worth checking; "one mile" still is.
  if (candidate.justOne && candidate.kind === 'count') return false;
  if (candidate.nameLike && unitless) return false;
  return true;
}

function borrowUnits(text: string, figures: Candidate[]): void {
  for (let i = 1; i < figures.length; i++) {
    const figure = figures[i];
    if (figure.kind !== 'count' || figure.unit !== null || figure.low !== undefined || Math.abs(figure.value) < 1) continue;
    const previous = figures[i - 1];
    if (previous.kind !== 'count' || previous.unit === null || figure.start - previous.end > ELLIPSIS_REACH) continue;
    const between = text.slice(previous.end, figure.start);
    if (SENTENCE_END.test(between)) continue;
    // Only where the sentence goes on about the same things: "..., with approximately 2,800 currently in training".
    if (figure.qualifier === 'exact' && !ELLIPSIS_LINK.test(between)) continue;
    figure.unit = previous.unit;
    figure.measure = previous.measure;
  }
}

function toFigure(text: string, candidate: Candidate): Figure {
  const interval = candidate.low !== undefined ? { low: candidate.low, high: candidate.high ?? null } : intervalOf(candidate.value, candidate.qualifier);
  return {
    start: candidate.start,
    end: candidate.end,
    text: text.slice(candidate.start, candidate.end),
    value: round(candidate.value),
    low: interval.low === null ? null : round(interval.low),
    high: interval.high === null ? null : round(interval.high),
    qualifier: candidate.qualifier,
    kind: candidate.kind,
    unit: candidate.unit,
    measure: candidate.measure,
  };
}

/** 2.48e-5 rather than 0.000024799999999999996. */
function round(value: number): number {
  return Number(value.toPrecision(15));
}

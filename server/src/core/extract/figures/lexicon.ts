// Lookup tables for the figure extractor, built once from the data files in ../../data/figures-*.json.
// Code here only indexes the data; what the words mean lives in the JSON.

import type { Qualifier } from '../../types';
import numbers from '../../data/figures-numbers.json';
import qualifiers from '../../data/figures-qualifiers.json';
import currencies from '../../data/figures-currencies.json';
import units from '../../data/figures-units.json';
import nouns from '../../data/figures-nouns.json';
import dateWords from '../../data/dates-lexicon.json';

export interface UnitEntry {
  unit: string;
  group: string;
}

const record = (source: object): Map<string, number> => new Map(Object.entries(source).filter(([, v]) => typeof v === 'number') as Array<[string, number]>);

export const ONES = record(numbers.ones);
export const TENS = record(numbers.tens);
export const SCALES = record(numbers.scales);
export const MULTIPLIERS = record(numbers.multipliers);
export const VAGUE_PLURALS = record(numbers.vaguePlurals.words);
export const FRACTIONS = record(numbers.fractions);
/** The ordinal ending a compound denominator after a tens word: "firsts" in "three twenty-firsts". */
export const COMPOUND_FRACTION_ONES = record(numbers.compoundFractions.ones);
export const UNICODE_FRACTIONS = record(numbers.unicodeFractions);
export const FRACTION_DENOMINATORS = new Set(numbers.fractionDenominators);
export const ATTACHED_SCALES = record(numbers.attachedScales.any);
export const CURRENCY_ONLY_SCALES = record(numbers.attachedScales.currencyOnly);
export const BIG_ONLY_SCALES = record(numbers.attachedScales.bigOnly);
export const MILLION_LETTER = numbers.attachedScales.millionBeforeNouns.letter;
export const MILLION_LETTER_VALUE = numbers.attachedScales.millionBeforeNouns.value;
export const SPRINT_DISTANCES = new Set(numbers.attachedScales.millionBeforeNouns.sprintDistances);
export const SPACED_SCALES = record(numbers.spacedScales);
export const NEGATIVE_WORDS = new Set(numbers.negativeWords);
export const ACCOUNTING_NEGATIVE_BEFORE: readonly string[] = numbers.accountingNegative.wordsBefore;
export const VAGUE_COUNTS = record(numbers.vagueCounts.words);
export const ORDINALS = new Set(numbers.ordinals.words);

/** "hundred" and its value: it composes inside a number ("three hundred and two") where scales only multiply. */
export const [[HUNDRED, HUNDRED_VALUE]] = Object.entries(numbers.hundred) as Array<[string, number]>;
/** Every word that can start or continue a number written in words. */
export const NUMBER_WORDS = new Set<string>([...ONES.keys(), ...TENS.keys(), HUNDRED, ...SCALES.keys(), ...MULTIPLIERS.keys()]);

/** Words the scanner stops at to look for a figure (digits are found separately). */
export const ANCHOR_WORDS = [...NUMBER_WORDS, ...VAGUE_PLURALS.keys(), ...FRACTIONS.keys(), 'tens']
  .filter((word, index, all) => all.indexOf(word) === index)
  .sort((a, b) => b.length - a.length);

// ---- qualifiers ----

export interface PhraseTable<T> {
  /** Longest phrase first. */
  phrases: Array<[string, T]>;
}

function phraseTable<T>(entries: Array<[string, T]>): PhraseTable<T> {
  return { phrases: entries.sort((a, b) => b[0].length - a[0].length) };
}

export const QUALIFIERS_BEFORE = phraseTable<Qualifier>(
  Object.entries(qualifiers.before).flatMap(([qualifier, words]) => words.map((w): [string, Qualifier] => [w, qualifier as Qualifier])),
);
export const QUALIFIERS_AFTER = phraseTable<Qualifier>(
  Object.entries(qualifiers.after).flatMap(([qualifier, words]) => words.map((w): [string, Qualifier] => [w, qualifier as Qualifier])),
);
export const RANGE_BEFORE = new Set(qualifiers.rangeBefore);
export const RANGE_JOINS = new Set(qualifiers.rangeJoin);
/** "±", "+/-" between a measurement and its uncertainty. */
export const UNCERTAINTY_SIGNS: readonly string[] = qualifiers.uncertaintySigns;
export const CHANGE_VERBS = new Set(qualifiers.changeVerbs.words);

// ---- currencies ----

export const CURRENCY_SYMBOLS = new Map(Object.entries(currencies.symbols));
export const DOLLAR_PREFIXES = new Map(Object.entries(currencies.dollarPrefixes));
export const SPACED_DOLLAR_PREFIXES = new Set(currencies.spacedDollarPrefixes);
export const CURRENCY_CODES = new Map<string, string>([
  ...currencies.codes.map((code): [string, string] => [code, code]),
  ...Object.entries(currencies.codeAliases),
]);
/** Currency codes written against the digits ("USD10m", "RM79"), with whether the code is a short alias. */
export const GLUED_CURRENCIES = new Map<string, { code: string; alias: boolean }>([
  ...currencies.codes.map((code): [string, { code: string; alias: boolean }] => [code, { code, alias: false }]),
  ...Object.entries(currencies.gluedCodes.aliases).map(([alias, code]): [string, { code: string; alias: boolean }] => [alias, { code, alias: true }]),
]);
/** Lower-case currency names written after a number, up to three words. */
export const CURRENCY_NAMES = new Map(Object.entries(currencies.names));
export const MINOR_CURRENCY_WORDS = new Set(currencies.minorUnits.words);
export const AMBIGUOUS_POUNDS = new Set(currencies.ambiguousPounds.words);

// ---- physical units ----

/** Lower-case unit names (plurals included), up to three words. */
export const UNIT_NAMES = new Map<string, UnitEntry>();
/** Abbreviations, case as written. */
export const UNIT_ABBREVIATIONS = new Map<string, UnitEntry>();
export const AMBIGUOUS_ABBREVIATIONS = new Set(units.ambiguousAbbreviations.words);
export const POWER_WORDS = new Map(Object.entries(units.powerWords.words));
export const ARTICLE_RATE_GROUPS = new Set(units.perDenominators.articleRateGroups);
/** Abbreviations read only as a rate's denominator or with a glued power ("m/s", "s-1"). */
export const DENOMINATOR_ABBREVIATIONS = new Map<string, UnitEntry>(Object.entries(units.perDenominators.abbreviations));
/** Denominators of a rate that are not units ("per capita", "a share"), to their singular. */
export const PER_WORDS = new Map(Object.entries(units.perDenominators.words).filter(([, v]) => typeof v === 'string') as Array<[string, string]>);
for (const entry of units.units) {
  const value: UnitEntry = { unit: entry.unit, group: entry.group };
  for (const name of entry.names) UNIT_NAMES.set(name.toLowerCase(), value);
  for (const abbreviation of entry.abbreviations) UNIT_ABBREVIATIONS.set(abbreviation, value);
}
export const LONGEST_ABBREVIATION = Math.max(...[...UNIT_ABBREVIATIONS.keys()].map((a) => a.length));

// ---- nouns ----

export const IRREGULAR_PLURALS = new Map(Object.entries(nouns.irregularPlurals));
export const NOT_PLURAL = new Set(nouns.notPlural);
export const STOP_WORDS = new Set(nouns.stopWords);
export const SKIPPED_MODIFIERS = new Set(nouns.modifiersToSkip.words);
export const NAME_NUMBER_PREFIXES = new Set(nouns.nameNumberPrefixes.words);
export const PLURAL_MODIFIERS = new Set(nouns.pluralModifiers.words);
export const DECADE_WORDS = new Set(nouns.decadeWords.words);
/** "the past three years", "the first eight months": a duration that frames a period (dates-lexicon.json). */
export const PERIOD_MODIFIERS: readonly string[] = dateWords.periodModifiers;
/** Month names, full and abbreviated, with and without their period: one list for dates and figures (dates-lexicon.json). */
export const MONTHS = new Set(Object.keys(dateWords.months).flatMap((month) => (month.length <= 4 ? [month, `${month}.`] : [month])));
export const YEAR_PREPOSITIONS = new Set(nouns.yearPrepositions.words);
export const HYPHEN_NOT_FIGURE = new Set(nouns.hyphenNotFigure.words);
export const CLOCK_WORDS = new Set(nouns.clockWords.map((w) => w.toLowerCase()));
export const AGE_WORDS = new Set(nouns.notFigures.ageWords);
export const AGED_BEFORE = new Set(nouns.notFigures.agedBefore);
export const STREET_WORDS = new Set(nouns.notFigures.streetWords);
export const MODEL_NOUNS = new Set(nouns.notFigures.modelNouns);
export const PARTITIVE_PREPOSITIONS = new Set(nouns.partitivePrepositions.words);

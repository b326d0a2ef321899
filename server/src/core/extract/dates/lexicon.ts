import data from '../../data/dates-lexicon.json';
import figureNumbers from '../../data/figures-numbers.json';
import figureUnits from '../../data/figures-units.json';

// Regex fragments and lookups built once from ../../data/dates-lexicon.json.

export const lexicon = data;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');
/** Longest first, so that alternation prefers "september" over "sep". */
export const alternation = (words: Iterable<string>) =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** Day-of-month words, cardinal and ordinal, 1-31: "twenty nine", "twenty-second", "thirty-first". */
export const dayWords = new Map<string, number>();
for (const [word, value] of Object.entries(data.cardinals)) if (value <= 31) dayWords.set(word, value);
for (const [word, value] of Object.entries(data.ordinals)) if (value <= 31) dayWords.set(word, value);
for (const [tens, base] of [['twenty', 20], ['thirty', 30]] as const) {
  UNITS.forEach((unit, i) => { if (base + i + 1 <= 31) dayWords.set(`${tens} ${unit}`, base + i + 1); });
  ORDINAL_UNITS.forEach((unit, i) => { if (base + i + 1 <= 31) dayWords.set(`${tens} ${unit}`, base + i + 1); });
}
export const ordinalDayWords = new Map([...dayWords].filter(([word]) => /(st|nd|rd|th)$/.test(word)));

const flexible = (words: Iterable<string>) => alternation(words).replace(/\\s\+/g, '[\\s-]+');

export const MONTH = `(?:${alternation(Object.keys(data.months))})(?![a-z])\\.?`;
export const MONTH_BARE = `(?:${alternation(Object.keys(data.months))})(?![a-z])`;
export const WEEKDAY = `(?:${alternation(Object.keys(data.weekdays))})(?![a-z])\\.?`;
export const WEEKDAY_BARE = `(?:${alternation(Object.keys(data.weekdays))})`;
export const DAYNUM = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\w])';
export const DAYWORD = `(?:${flexible(dayWords.keys())})(?![\\w-])`;
export const ORDDAYWORD = `(?:${flexible(ordinalDayWords.keys())})(?![\\w-])`;
export const YEAR = '(?:1\\d{3}|20\\d{2})(?![\\d])';
export const POD = `(?:${alternation(Object.keys(data.partsOfDay))})(?![\\w])`;
export const SEASON = `(?:${alternation(Object.keys(data.seasons))})(?![\\w])`;
export const UNIT = `(?:${alternation(Object.keys(data.units))})(?![\\w])`;
const CARDINAL_WORDS = alternation(Object.keys(data.cardinals));
export const NUMBER_WORDS = `(?:${CARDINAL_WORDS})(?:(?:[\\s-]+(?:and[\\s-]+)?)(?:${CARDINAL_WORDS}))*(?![\\w])`;
export const QUANTITY = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS}|${alternation(Object.keys(data.vagueQuantities))}|${alternation(Object.keys(data.articles))})`;
export const HOLIDAY = `(?:${alternation([...Object.keys(data.fixedHolidays), ...Object.keys(data.floatingHolidays)])})(?![\\w])`;
export const MODIFIER = `(?:${alternation(Object.keys(data.relativeModifiers))})`;

const lower = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').replace(/’/g, "'").replace(/\.$/, '');

export function monthNumber(word: string): number {
  return (data.months as Record<string, number>)[lower(word)] ?? 0;
}
export function weekdayNumber(word: string): number {
  return (data.weekdays as Record<string, number>)[lower(word).replace(/s$/, '')] ??
    (data.weekdays as Record<string, number>)[lower(word)] ?? 0;
}
export function dayNumberWord(text: string): number {
  const digits = /^(\d{1,2})/.exec(text);
  if (digits) return Number(digits[1]);
  return dayWords.get(lower(text)) ?? 0;
}
export function unitCode(word: string): string {
  return (data.units as Record<string, string>)[lower(word)] ?? '';
}
export function podCode(word: string): string {
  return (data.partsOfDay as Record<string, string>)[lower(word)] ?? '';
}
export function seasonCode(word: string): string {
  return (data.seasons as Record<string, string>)[lower(word)] ?? '';
}
export function modifierOffset(word: string): number {
  return (data.relativeModifiers as Record<string, number>)[lower(word)] ?? 0;
}

/** "3", "3.5", "twenty and four", "a", "few" -> number, or 'X' for a vague quantity with no number. */
export function quantity(text: string): number | 'X' | null {
  const t = lower(text);
  if (/^\d/.test(t)) return Number(t);
  const vague = (data.vagueQuantities as Record<string, number | string>)[t];
  if (vague !== undefined) return vague === 'X' ? 'X' : Number(vague);
  if ((data.articles as Record<string, number>)[t]) return 1;
  let total = 0;
  let last = 0;
  for (const word of t.split(' ')) {
    if (word === 'and') continue;
    const value = (data.cardinals as Record<string, number>)[word];
    if (value === undefined) return null;
    if (value === 100) { total = Math.max(1, total) * 100; last = 100; continue; }
    // "twenty four" composes; "six forty" does not.
    if (last && !(last === 100 || (last >= 20 && last % 10 === 0 && value < 10))) return null;
    total += value;
    last = value;
  }
  return total;
}

/** Abbreviated month and weekday names, which keep their period ("Feb.", "Tues."). */
export const ABBREVIATIONS = new Set([
  ...Object.keys(data.months).filter((w) => w.length <= 4 && w !== 'may' && w !== 'june' && w !== 'july'),
  ...Object.keys(data.weekdays).filter((w) => w.length <= 5 && !w.endsWith('day')),
]);

/** Scale words ("million", "lakh"), one list with the figures (figures-numbers.json): a number going on is no date. */
export const SCALE_WORD_SET = new Set(Object.keys(figureNumbers.scales).filter((w) => typeof (figureNumbers.scales as Record<string, unknown>)[w] === 'number'));
export const SCALE_WORDS = alternation(SCALE_WORD_SET);
/** The names of percent (figures-units.json): "percent", "per cent", "pct". */
export const PERCENT_WORDS = alternation(figureUnits.units.find((unit) => unit.unit === 'percent')!.names);

/** Letters that may be glued before the number of a date: abbreviated months ("mar4") and period letters ("Q3"). */
export const GLUED_NUMBER_PREFIXES = new Set([
  ...Object.keys(data.months).filter((w) => w.length <= 4),
  ...data.gluedNumberPrefixes,
]);

const setOf = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
export const yearCuesBefore = setOf(data.yearCues.before);
export const yearBlockedAfter = setOf(data.yearCues.blockedAfter);
export const weakWeekdays = setOf(data.weakWeekdays);
export const monthsNeedingContext = setOf(data.monthsNeedingContext);
/** A future cue; contractions ("I'll") attach to the word before them. */
export const FUTURE_CUE = new RegExp(`(?:(?:^|[^\\w])(?:${alternation(data.futureCues.filter((w) => !/^['’]/.test(w)))})|(?:${alternation(data.futureCues.filter((w) => /^['’]/.test(w)))}))(?![\\w])`, 'i');
/** A past cue: a past form from the lexicon, or a regular past after a subject pronoun ("they agreed"). */
export const PAST_CUE = new RegExp(`(?:^|[^\\w'’])(?:${alternation(data.pastCues)}|(?:${alternation(data.subjectPronouns)})\\s+[a-z]{2,}ed)(?![\\w])`, 'i');
const SUBJECT_DETERMINER = data.subjectDeterminers.map((w) => `${w[0].toUpperCase()}${w.slice(1)}|${w}`).join('|');
/**
 * A regular past after a noun subject: one or two words after a determiner ("the minister resigned", "the new
 * plant opened") or a name ("Smith resigned"). Case matters: a past form right after the determiner is an
 * adjective ("the expected vote"), a participle after "is" or "are" is a present passive ("a ruling is expected"),
 * and a name is capitalized.
 */
export const SUBJECT_PAST = new RegExp(`(?:^|[^\\w'’])(?:(?:${SUBJECT_DETERMINER})\\s+[a-z-]+(?:\\s+(?!(?:is|are|am|be|being)\\s)[a-z-]+)?|(?!(?:${SUBJECT_DETERMINER})\\s)[A-Z][a-z]+)\\s+[a-z]{2,}ed(?![\\w])`);

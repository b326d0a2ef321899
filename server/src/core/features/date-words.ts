// TIMEX3 values as a reader says them: "2015-W18" -> "the week of 27 April 2015", "XXXX-WXX-2" -> "a Tuesday (week
// unknown)", "PXM" -> "a few months". The analysis keeps TIMEX3 (the contract's `value`); everything shown to a
// person goes through here.
import words from '../data/date-words.json';
import type { TimexType } from '../types';

export interface DateInWords {
  /** What the value says, in words. */
  words: string;
  /**
   * True when the value places the expression on the calendar (a day, a week, a month…) with nothing unknown.
   * Hints, outline details, lenses and timeline labels show only these; a hover shows the words either way.
   */
  placed: boolean;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const DAY_MS = 86_400_000;

const monthName = (month: number) => MONTH.format(Date.UTC(2000, month - 1, 1));
const weekdayName = (isoWeekday: number) => WEEKDAY.format(Date.UTC(2024, 0, isoWeekday)); // 2024-01-01 is a Monday

function utcDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 100) date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** "5 May 2015", or with its weekday "Tuesday 5 May 2015". */
export function dayInWords(date: Date, withWeekday = false): string {
  const text = `${date.getUTCDate()} ${monthName(date.getUTCMonth() + 1)} ${date.getUTCFullYear()}`;
  return withWeekday ? `${WEEKDAY.format(date)} ${text}` : text;
}

/** An ISO calendar value (YYYY, YYYY-MM, YYYY-MM-DD) in words; anything else comes back as it is. */
export function calendarDateInWords(value: string): string {
  const found = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!found) return value;
  const [, year, month, day] = found;
  if (day) {
    const date = utcDay(+year!, +month!, +day);
    return date ? dayInWords(date) : value;
  }
  return month ? `${monthName(+month)} ${+year!}` : String(+year!);
}

/** Every ISO calendar date inside a sentence ("relative to the document date (2015-05-06)") put in words. */
export function calendarDatesInText(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (value) => calendarDateInWords(value));
}

function mondayOfIsoWeek(year: number, week: number): Date {
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7; // Monday 0
  return new Date(january4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
}

const plusDays = (date: Date, days: number) => new Date(date.valueOf() + days * DAY_MS);

function clockInWords(hour: number, minute: number | null): string {
  const suffix = hour < 12 ? 'a.m.' : 'p.m.';
  if (hour === 0 && !minute) return 'midnight';
  if (hour === 12 && !minute) return 'noon';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}${minute ? `:${String(minute).padStart(2, '0')}` : ''} ${suffix}`;
}

/** The part after T: "EV" -> "evening", "07:35" -> "7:35 a.m.". */
function timeOfDay(time: string): { words: string; clock: boolean } | null {
  const part = (words.partsOfDay as Record<string, string>)[time];
  if (part) return { words: part, clock: false };
  const clock = /^(\d{2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?/.exec(time);
  if (!clock || +clock[1]! > 24) return null;
  return { words: clockInWords(+clock[1]! % 24, clock[2] === undefined ? null : +clock[2]), clock: true };
}

/** "the evening of 25 February 2016", "7:35 a.m. on 15 December 2008". */
function withTime(day: string, time: string | undefined): string {
  if (!time) return day;
  const at = timeOfDay(time);
  if (!at) return day;
  return at.clock ? `${at.words} on ${day}` : `the ${at.words} of ${day}`;
}

function count(amount: number, [one, many]: readonly string[]): string {
  const shown = Number.isInteger(amount) ? String(amount) : String(amount).replace(/^0\./, '0.');
  return amount === 1 ? `1 ${one}` : `${shown} ${many}`;
}

/** P3D -> "3 days", PT1H30M -> "1 hour 30 minutes", PXM -> "a few months"; null when the value is no duration. */
function durationInWords(value: string): string | null {
  const found = /^P(?:([\dX.]+(?:Y|M|W|D|DE|CE|ML|Q|WE))*)(?:T((?:[\dX.]+[HMS])+))?$/.exec(value);
  if (!found || value === 'P' || value === 'PT') return null;
  const parts: string[] = [];
  const datePart = value.slice(1).split('T')[0]!;
  for (const [, amount, unit] of datePart.matchAll(/([\dX.]+)(DE|CE|ML|WE|Y|M|W|D|Q)/g)) {
    const names = (words.durationUnits as Record<string, string[]>)[unit!]!;
    parts.push(amount === 'X' ? `${words.vagueAmount} ${names[1]}` : count(Number(amount), names));
  }
  for (const [, amount, unit] of (found[2] ?? '').matchAll(/([\dX.]+)([HMS])/g)) {
    const names = (words.timeUnits as Record<string, string[]>)[unit!]!;
    parts.push(amount === 'X' ? `${words.vagueAmount} ${names[1]}` : count(Number(amount), names));
  }
  return parts.length ? parts.join(' ') : null;
}

/** A duration's direction as its words say it: "recent months" looks back from the article. */
function durationDirection(text: string): 'back' | 'ahead' | null {
  const lower = ` ${text.toLowerCase()} `;
  if (words.lookingAhead.some((word) => lower.includes(` ${word} `))) return 'ahead';
  if (words.lookingBack.some((word) => lower.includes(` ${word} `))) return 'back';
  return null;
}

/**
 * A TIMEX3 value in words. `text` is the expression as written (it tells "recent months" from "months");
 * `articleDate` is the document's own date (YYYY-MM-DD or coarser), or null when the document is undated.
 */
export function dateInWords(value: string, type: TimexType, text = '', articleDate: string | null = null): DateInWords {
  const placed = (phrase: string): DateInWords => ({ words: phrase, placed: true });
  const unplaced = (phrase: string): DateInWords => ({ words: phrase, placed: false });
  const article = articleDate ? `the article (${calendarDateInWords(articleDate)})` : 'the article';
  let found: RegExpExecArray | null;

  if (type === 'duration') {
    const duration = durationInWords(value);
    if (!duration) return unplaced(text || 'a length of time');
    const direction = durationDirection(text);
    if (direction === 'back') return unplaced(`${duration} before ${article}`);
    if (direction === 'ahead') return unplaced(`${duration} after ${article}`);
    return unplaced(duration);
  }
  if (type === 'set') {
    const duration = durationInWords(value);
    if (duration) return unplaced(`every ${duration.replace(/^1 /, '').replace(/^a few /, 'few ')}`);
    if ((found = /^XXXX-WXX-(\d)(?:T(\w+))?$/.exec(value))) {
      const part = found[2] ? (words.partsOfDay as Record<string, string>)[found[2]] : undefined;
      return unplaced(`every ${weekdayName(+found[1]!)}${part ? ` ${part}` : ''}`);
    }
    return unplaced(text ? `recurring (${text})` : 'recurring');
  }
  const reference = (words.references as Record<string, string>)[value];
  if (reference) return unplaced(reference);

  // A day, possibly with a time: 2016-02-25, 2016-02-25TEV, 2008-12-15T07:35
  if ((found = /^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$/.exec(value))) {
    const day = utcDay(+found[1]!, +found[2]!, +found[3]!);
    if (!day) return unplaced(`no such day (${value.slice(0, 10)})`);
    return placed(withTime(dayInWords(day, true), found[4]));
  }
  // A week, a day of a week, a weekend: 2015-W18, 2015-W19-2, 2013-W30-WE
  if ((found = /^(\d{4})-W(\d{2})(?:-(\d|WE))?(?:T(.+))?$/.exec(value))) {
    const monday = mondayOfIsoWeek(+found[1]!, +found[2]!);
    if (found[3] === 'WE') return placed(withTime(`the weekend of ${spanInWords(plusDays(monday, 5), plusDays(monday, 6))}`, found[4]));
    if (found[3]) return placed(withTime(dayInWords(plusDays(monday, +found[3] - 1), true), found[4]));
    return placed(`the week of ${spanInWords(monday, plusDays(monday, 6))}`);
  }
  if ((found = /^(\d{4})-(\d{2})$/.exec(value)) && +found[2]! >= 1 && +found[2]! <= 12) return placed(`${monthName(+found[2]!)} ${+found[1]!}`);
  if ((found = /^(\d{4})$/.exec(value))) return placed(String(+found[1]!));
  if ((found = /^(\d{3})$/.exec(value))) return placed(`the ${found[1]}0s`);
  if ((found = /^(\d{2})$/.exec(value))) return placed(`the ${found[1]}00s`);
  if ((found = /^(\d{4})-Q([1-4])$/.exec(value))) return placed(`the ${words.ordinals[+found[2]! - 1]} quarter of ${+found[1]!}`);
  if ((found = /^(\d{4})-H([12])$/.exec(value))) return placed(`the ${words.ordinals[+found[2]! - 1]} half of ${+found[1]!}`);
  if ((found = /^(\d{4}|XXXX)-(SP|SU|FA|WI)$/.exec(value))) {
    const season = (words.seasons as Record<string, string>)[found[2]!]!;
    return found[1] === 'XXXX' ? unplaced(`${season} (year unknown)`) : placed(`${season} ${+found[1]!}`);
  }

  // What an undated document leaves unknown: said in words, never placed.
  const unknownWhy = articleDate ? 'not given' : 'the article is undated';
  if ((found = /^XXXX-(\d{2})-(\d{2})(?:T(.+))?$/.exec(value))) {
    return unplaced(`${withTime(`${+found[2]!} ${monthName(+found[1]!)}`, found[3])} (year unknown)`);
  }
  if ((found = /^XXXX-(\d{2})-XX$/.exec(value))) return unplaced(`a day in ${monthName(+found[1]!)} (year unknown)`);
  if ((found = /^XXXX-(\d{2})$/.exec(value))) return unplaced(`${monthName(+found[1]!)} (year unknown)`);
  if ((found = /^XXXX-XX-(\d{2})$/.exec(value))) return unplaced(`day ${+found[1]!} of a month (month unknown)`);
  if ((found = /^XXXX-WXX-(\d)(?:T(.+))?$/.exec(value))) {
    const weekday = weekdayName(+found[1]!);
    const at = found[2] ? timeOfDay(found[2]) : null;
    const phrase = at ? (at.clock ? `${at.words} on a ${weekday}` : `a ${weekday} ${at.words}`) : `a ${weekday}`;
    return unplaced(`${phrase} (week unknown)`);
  }
  if (value === 'XXXX-WXX-WE') return unplaced('a weekend (week unknown)');
  if ((found = /^XXXX-W(\d{2})$/.exec(value))) return unplaced(`week ${+found[1]!} of a year (year unknown)`);
  if ((found = /^XXXX-XX-XX(?:T(.+))?$/.exec(value))) {
    const at = found[1] ? timeOfDay(found[1]) : null;
    const phrase = at ? (at.clock ? `${at.words} on a day` : `an ${at.words}`.replace(/^an (?=[^aeiou])/, 'a ')) : found[1] ? 'a time' : 'a day';
    return unplaced(`${phrase} (date unknown: ${unknownWhy})`);
  }
  if (value === 'XXXX-WXX') return unplaced(`a week (unknown: ${unknownWhy})`);
  if (value === 'XXXX-XX') return unplaced(`a month (unknown: ${unknownWhy})`);
  if (value === 'XXXX') return unplaced(`a year (unknown: ${unknownWhy})`);
  if (/^XXXX-QX$/.test(value)) return unplaced(`a quarter (unknown: ${unknownWhy})`);
  // A time with no day: T08:24, TMO
  if ((found = /^T(.+)$/.exec(value))) {
    const at = timeOfDay(found[1]!);
    if (at) return unplaced(`${at.clock ? at.words : `the ${at.words}`} (day not given)`);
  }
  return unplaced(text || 'a date');
}

/** "27 April – 3 May 2015", "27–28 July 2013". */
function spanInWords(first: Date, last: Date): string {
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  if (sameYear && first.getUTCMonth() === last.getUTCMonth()) {
    return `${first.getUTCDate()}–${last.getUTCDate()} ${monthName(last.getUTCMonth() + 1)} ${last.getUTCFullYear()}`;
  }
  const start = sameYear ? `${first.getUTCDate()} ${monthName(first.getUTCMonth() + 1)}` : dayInWords(first);
  return `${start} – ${dayInWords(last)}`;
}

/** The words beside the expression as written: "Tuesday" needs "5 May 2015", not "Tuesday 5 May 2015" again. */
export function wordsBesideText(phrase: string, text: string): string {
  const weekday = WEEKDAY_NAMES.find((name) => phrase.startsWith(`${name} `));
  return weekday && text.toLowerCase().includes(weekday.toLowerCase().slice(0, 3)) ? phrase.slice(weekday.length + 1) : phrase;
}

const WEEKDAY_NAMES = [1, 2, 3, 4, 5, 6, 7].map(weekdayName);

/** A TIMEX3 code anywhere in a label: what nothing shown to a person should hold (the hover's labelled detail aside). */
export const TIMEX_CODE = /\b\d{4}-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI)\b|XXXX|\bP(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE)\b|\bPT(?:\d+|X)[HMS]\b|\bT(?:MO|AF|EV|NI|DT)\b|_REF\b/;

/**
 * The period a timeline date covers, as UTC milliseconds [start, end): a day, an ISO week, a month, a quarter, a
 * meteorological season (winter of a year ends in it), a year, a decade. Null for anything else.
 */
export function periodOf(value: string): { start: number; end: number } | null {
  let found: RegExpExecArray | null;
  const utc = (year: number, month: number, day: number) => {
    const date = new Date(Date.UTC(year, month, day));
    if (year < 100) date.setUTCFullYear(year, month, day);
    return date.valueOf();
  };
  if ((found = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const start = utc(+found[1]!, +found[2]! - 1, +found[3]!);
    return { start, end: start + DAY_MS };
  }
  if ((found = /^(\d{4})-W(\d{2})/.exec(value))) {
    const start = mondayOfIsoWeek(+found[1]!, +found[2]!).valueOf();
    return { start, end: start + 7 * DAY_MS };
  }
  if ((found = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const month = (+found[2]! - 1) * 3;
    return { start: utc(+found[1]!, month, 1), end: utc(+found[1]!, month + 3, 1) };
  }
  if ((found = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const month = { SP: 2, SU: 5, FA: 8, WI: -1 }[found[2] as 'SP' | 'SU' | 'FA' | 'WI'];
    return { start: utc(+found[1]!, month, 1), end: utc(+found[1]!, month + 3, 1) };
  }
  if ((found = /^(\d{4})-(\d{2})$/.exec(value))) return { start: utc(+found[1]!, +found[2]! - 1, 1), end: utc(+found[1]!, +found[2]!, 1) };
  if ((found = /^(\d{4})$/.exec(value))) return { start: utc(+found[1]!, 0, 1), end: utc(+found[1]! + 1, 0, 1) };
  if ((found = /^(\d{3})$/.exec(value))) return { start: utc(+found[1]! * 10, 0, 1), end: utc(+found[1]! * 10 + 10, 0, 1) };
  return null;
}

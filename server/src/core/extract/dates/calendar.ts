// Calendar arithmetic on UTC day numbers (days since 1970-01-01), ISO weeks and TIMEX3 formatting.

export interface Reference {
  year: number;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  /** The document date as written, for hover text. */
  text: string;
}

export function parseReference(documentDate: string | null): Reference | null {
  if (!documentDate) return null;
  const match = /(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/.exec(documentDate);
  if (!match) return null;
  const num = (s: string | undefined) => (s === undefined ? null : Number(s));
  return { year: Number(match[1]), month: num(match[2]), day: num(match[3]), hour: num(match[4]), minute: num(match[5]),
    text: documentDate.replace(/^"|"$/g, '').slice(0, 10) };
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

export function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const date = new Date(n * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday, Monday 1 ... Sunday 7. */
export function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function formatDay(n: number): string {
  const { year, month, day } = fromDayNumber(n);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO 8601 week of a day: 2015-05-06 -> 2015-W19. */
export function formatWeek(n: number): string {
  const thursday = n - weekdayOf(n) + 4;
  const { year } = fromDayNumber(thursday);
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Monday of ISO week `week` of `year`. */
export function mondayOfWeek(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - weekdayOf(jan4) + 1 + (week - 1) * 7;
}

export function isoWeeksIn(year: number): number {
  return formatWeek(dayNumber(year, 12, 28)).endsWith('53') ? 53 : 52;
}

export function formatMonth(year: number, month: number): string {
  const total = year * 12 + (month - 1);
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`;
}

export function addMonths(n: number, months: number): number {
  const { year, month, day } = fromDayNumber(n);
  const total = year * 12 + month - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = fromDayNumber(dayNumber(y, m + 1, 1) - 1).day;
  return dayNumber(y, m, Math.min(day, last));
}

/** The nth (1-based; -1 = last) given weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  if (nth < 0) {
    const last = dayNumber(year, month + 1, 1) - 1;
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayNumber(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
}

export function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

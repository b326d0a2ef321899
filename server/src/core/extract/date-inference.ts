import type { DateMention } from '../types';
import lineWords from '../data/publication-lines.json';

const WEEKDAY_NUMBER: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const WEEKDAY = new RegExp(`\\b(${lineWords.weekdays.join('|')})\\b`, 'i');

/**
 * A document that states no date of its own may still give the day it reports: a full date written
 * with its weekday ("Tuesday, December 9, 2008"), the weekday right for that day. Background history is
 * written as a month or a year ("in September 2009"), rarely with the weekday, so dates without one
 * never date the document. The latest such date wins, unless the document names a year after it
 * (more than a year later): then the weekday date was history too.
 */
export function inferDocumentDate(dates: readonly DateMention[]): string | null {
  const dated = dates.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date.value) && date.text.includes(date.value.slice(0, 4)) && weekdayAgrees(date));
  if (!dated.length) return null;
  const latest = dated.map((date) => date.value).sort().at(-1)!;
  // A loop, not Math.max(...years): a long document names more years than a call takes arguments.
  let latestYearNamed = -Infinity;
  for (const date of dates) {
    if (/^\d{4}/.test(date.value) && date.text.includes(date.value.slice(0, 4))) latestYearNamed = Math.max(latestYearNamed, Number(date.value.slice(0, 4)));
  }
  return latestYearNamed > Number(latest.slice(0, 4)) + 1 ? null : latest;
}

function weekdayAgrees(date: DateMention): boolean {
  const written = WEEKDAY.exec(date.text);
  if (!written) return false;
  const [year, month, day] = date.value.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() === WEEKDAY_NUMBER[written[1].slice(0, 3).toLowerCase()];
}

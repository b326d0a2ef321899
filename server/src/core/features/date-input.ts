// A publication date as a person types it ("February 2, 2016", "2 Feb 2016", "2016-02-02", "March 2016", "2016"),
// read into the ISO form the corrections file keeps, or the reason it cannot be one ("2016-02-30": no such day).
import lexicon from '../data/dates-lexicon.json';
import { calendarDateInWords } from './date-words';

export type DateInput = { value: string } | { problem: string };

const MONTHS = lexicon.months as Record<string, number>;
const EXAMPLES = 'a date like 2016-02-12, 12 February 2016, February 12, 2016, February 2016 or 2016';

function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checked(year: number, month: number | null, day: number | null): DateInput {
  if (year < 1000 || year > 9999) return { problem: `${year} is not a four-digit year` };
  if (month === null) return { value: String(year) };
  if (month < 1 || month > 12) return { problem: `there is no month ${month}: write ${EXAMPLES}` };
  const monthText = `${year}-${String(month).padStart(2, '0')}`;
  if (day === null) return { value: monthText };
  const last = daysIn(year, month);
  if (day < 1 || day > last) return { problem: `${calendarDateInWords(monthText)} has no day ${day} (it has ${last} days)` };
  return { value: `${monthText}-${String(day).padStart(2, '0')}` };
}

export function parseDateInput(input: string): DateInput {
  const text = input.trim().replace(/\s+/g, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  if (!text) return { problem: `write ${EXAMPLES}` };
  let found: RegExpExecArray | null;
  if ((found = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text))) {
    return checked(+found[1]!, found[2] ? +found[2] : null, found[3] ? +found[3] : null);
  }
  // "February 2, 2016", "Feb. 2 2016", "February 2016"
  if ((found = /^([A-Za-z]+\.?) (?:(\d{1,2}),? )?(\d{4})$/.exec(text))) {
    const month = monthOf(found[1]!);
    if (month !== null) return checked(+found[3]!, month, found[2] ? +found[2] : null);
  }
  // "2 February 2016", "2 Feb. 2016", "2 of February, 2016"
  if ((found = /^(\d{1,2}) (?:of )?([A-Za-z]+\.?),? (\d{4})$/.exec(text))) {
    const month = monthOf(found[2]!);
    if (month !== null) return checked(+found[3]!, month, +found[1]!);
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text)) {
    return { problem: `"${input.trim()}" could be read day-first or month-first: write the month as a word or as ${EXAMPLES.split(', ')[0]!.replace('a date like ', '')}` };
  }
  return { problem: `"${input.trim()}" is not ${EXAMPLES}` };
}

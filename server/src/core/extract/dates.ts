import * as chrono from 'chrono-node';
import type { DateMention, ExtractionContext } from '../types';
import { outsideNoise } from '../text/spans';

/** Date expressions as TIMEX3 values, resolved against the document's own date when it has one. */
export function extractDates(context: ExtractionContext): DateMention[] {
  const reference = context.documentDate ? new Date(`${context.documentDate.slice(0, 10)}T12:00:00Z`) : undefined;
  const body = context.text.slice(context.bodyStart);
  const mentions: DateMention[] = [];
  for (const result of chrono.parse(body, reference ?? new Date(Date.UTC(2000, 0, 1)))) {
    const start = context.bodyStart + result.index;
    const mention = { start, end: start + result.text.length };
    const known = (unit: 'year' | 'month' | 'day') => result.start.isCertain(unit) || (reference !== undefined && unit !== 'day');
    const date = result.start.date();
    const year = known('year') ? String(date.getUTCFullYear()) : 'XXXX';
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const day = String(date.getUTCDate()).padStart(2, '0');
    mentions.push({ ...mention, text: result.text, type: 'date', value: `${year}-${month}-${day}`,
      resolution: reference ? 'relative to the document date' : 'as written' });
  }
  return outsideNoise(mentions, context.noise);
}

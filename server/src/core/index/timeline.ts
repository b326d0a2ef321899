import type { DocumentAnalysis, TimelineEvent } from '../types';
import { sentenceAt } from '../text/sentences';
import { SentenceCache } from './document-cache';
import { periodOf } from '../features/date-words';

const GRANULARITY: Array<[RegExp, TimelineEvent['granularity']]> = [
  [/^\d{4}-\d{2}-\d{2}/, 'day'], [/^\d{4}-W\d{2}/, 'week'], [/^\d{4}-Q\d/, 'quarter'],
  [/^\d{4}-(SP|SU|FA|WI)$/, 'season'], [/^\d{4}-\d{2}$/, 'month'], [/^\d{4}$/, 'year'], [/^\d{3}$/, 'decade'],
];

/** Dated events of all documents in date order: each resolved date mention and the sentence that holds it. */
export function buildTimeline(documents: readonly DocumentAnalysis[], sentenceCache = new SentenceCache()): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const document of documents) {
    const sentences = sentenceCache.of(document);
    for (const date of document.dates) {
      // Times count when they fall on a known day ("yesterday evening" -> 2016-02-11TEV).
      if (date.type !== 'date' && !(date.type === 'time' && /^\d{4}-\d{2}-\d{2}/.test(date.value))) continue;
      const granularity = GRANULARITY.find(([pattern]) => pattern.test(date.value))?.[1];
      if (!granularity) continue;
      const sentence = sentenceAt(sentences, date.start) ?? date;
      const entities = [...new Set(document.entities
        .filter((entity) => entity.start >= sentence.start && entity.end <= sentence.end).map((entity) => entity.id))];
      events.push({ date: date.type === 'time' ? date.value.slice(0, 10) : date.value, granularity, approximate: granularity !== 'day' || date.resolution.startsWith('approximate'),
        path: document.path, start: sentence.start, end: sentence.end, text: document.text.slice(sentence.start, sentence.end),
        entities, dateText: date.text });
    }
  }
  // In calendar order: a week (2015-W18) before the days after its Monday, whatever the strings say.
  const startOf = (event: TimelineEvent) => periodOf(event.date)?.start ?? 0;
  return events.sort((a, b) => startOf(a) - startOf(b) || a.date.localeCompare(b.date) || a.path.localeCompare(b.path) || a.start - b.start);
}

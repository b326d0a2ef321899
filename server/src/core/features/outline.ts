import type { DocumentAnalysis, Span } from '../types';
import { calendarDateInWords, dateInWords } from './date-words';

export type OutlineKind = 'title' | 'section' | 'quote' | 'figure' | 'date';

export interface OutlineItem extends Span {
  name: string;
  detail: string;
  kind: OutlineKind;
  children: OutlineItem[];
}

const QUOTE_NAME_LENGTH = 60;

/** The document as an outline: its title, then its quotes and figures, each under a heading. */
export function outline(document: DocumentAnalysis): OutlineItem[] {
  const whole = { start: document.metadata.bodyStart, end: document.text.length };
  const items: OutlineItem[] = [];
  if (document.metadata.title) {
    const at = document.text.indexOf(document.metadata.title, document.metadata.bodyStart);
    const span = at >= 0 ? { start: at, end: at + document.metadata.title.length } : whole;
    items.push({ ...span, name: document.metadata.title, detail: document.metadata.date.value ? calendarDateInWords(document.metadata.date.value) : 'undated', kind: 'title', children: [] });
  }
  const quotes = document.quotes.map((quote): OutlineItem => ({
    start: quote.start, end: quote.end, kind: 'quote', children: [],
    name: quote.text.length > QUOTE_NAME_LENGTH ? `${quote.text.slice(0, QUOTE_NAME_LENGTH - 1)}…` : quote.text,
    detail: quote.speaker?.name ?? 'no speaker',
  }));
  const figures = document.figures.map((figure): OutlineItem => ({
    start: figure.start, end: figure.end, kind: 'figure', children: [], name: figure.text, detail: figure.measure ?? figure.unit ?? '',
  }));
  const dates = document.dates.map((date): OutlineItem => {
    const said = dateInWords(date.value, date.type, date.text, document.metadata.date.value);
    // Nothing where the document leaves the date unknown; durations and sets say what they are.
    const detail = said.placed || date.type === 'duration' || date.type === 'set' ? said.words : '';
    return { start: date.start, end: date.end, kind: 'date', children: [], name: date.text, detail };
  });
  for (const [name, children] of [['Quotes', quotes], ['Figures', figures], ['Dates', dates]] as const) {
    if (children.length) items.push({ start: children[0].start, end: children.at(-1)!.end, name, detail: `${children.length}`, kind: 'section', children: [...children] });
  }
  return items;
}

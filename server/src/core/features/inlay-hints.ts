import type { DocumentAnalysis } from '../types';
import { calendarDatesInText, dateInWords, wordsBesideText } from './date-words';
import { DEFINITE_DETERMINERS, PRONOUNS } from '../extract/quotes/lexicon';

export interface InlayHint { offset: number; label: string; tooltip: string; kind: 'date' | 'speaker' }

/** Normalised dates after relative date expressions; the resolved name after a pronoun that speaks. */
export function inlayHints(document: DocumentAnalysis, range: { start: number; end: number },
  show: { dates: boolean; speakers: boolean } = { dates: true, speakers: true }): InlayHint[] {
  const hints: InlayHint[] = [];
  if (show.dates) {
    for (const date of document.dates) {
      if (date.end < range.start || date.start > range.end) continue;
      // Only where the text leaves something to resolve: "Tuesday" needs a hint, "May 6, 2015" does not; and only
      // what is known: in an undated document "last May" stays without a hint.
      if (date.resolution.startsWith('absolute') || (date.type !== 'date' && date.type !== 'time')) continue;
      const said = dateInWords(date.value, date.type, date.text, document.metadata.date.value);
      if (!said.placed) continue;
      hints.push({ offset: date.end, label: wordsBesideText(said.words, date.text), tooltip: `${said.words}: ${calendarDatesInText(date.resolution)}`, kind: 'date' });
    }
  }
  if (show.speakers) {
    for (const quote of document.quotes) {
      const speaker = quote.speaker;
      // an unresolved "he" shows nothing rather than "He [He]"
      if (!speaker?.id || speaker.end < range.start || speaker.start > range.end) continue;
      const written = document.text.slice(speaker.start, speaker.end);
      // a pronoun or a definite role ("the minister") leaves the name to the hint; a written name does not need one
      const firstWord = written.split(/\s+/)[0].toLowerCase();
      if (PRONOUNS.has(written.toLowerCase()) || (DEFINITE_DETERMINERS.has(firstWord) && /\s/.test(written))) {
        const hint = { offset: speaker.end, label: speaker.name, tooltip: `Speaker resolved to ${speaker.name}`, kind: 'speaker' as const };
        if (!hints.some((existing) => existing.offset === hint.offset && existing.kind === 'speaker')) hints.push(hint);
      }
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

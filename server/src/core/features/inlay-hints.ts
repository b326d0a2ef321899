import type { DocumentAnalysis } from '../types';

export interface InlayHint { offset: number; label: string; tooltip: string; kind: 'date' | 'speaker' }

const PRONOUNS = new Set(['he', 'she', 'they', 'He', 'She', 'They']);

/** Normalised dates after relative date expressions; the resolved name after a pronoun that speaks. */
export function inlayHints(document: DocumentAnalysis, range: { start: number; end: number },
  show: { dates: boolean; speakers: boolean } = { dates: true, speakers: true }): InlayHint[] {
  const hints: InlayHint[] = [];
  if (show.dates) {
    for (const date of document.dates) {
      if (date.end < range.start || date.start > range.end) continue;
      // Only where the text leaves something to resolve: "Tuesday" needs a hint, "May 6, 2015" does not.
      if (date.resolution.startsWith('absolute') || date.text.includes(date.value)) continue;
      hints.push({ offset: date.end, label: date.value, tooltip: date.resolution, kind: 'date' });
    }
  }
  if (show.speakers) {
    for (const quote of document.quotes) {
      const speaker = quote.speaker;
      // an unresolved "he" shows nothing rather than "He [He]"
      if (!speaker?.id || speaker.end < range.start || speaker.start > range.end) continue;
      const written = document.text.slice(speaker.start, speaker.end);
      if (PRONOUNS.has(written) || /^the\s/i.test(written)) {
        const hint = { offset: speaker.end, label: speaker.name, tooltip: `Speaker resolved to ${speaker.name}`, kind: 'speaker' as const };
        if (!hints.some((existing) => existing.offset === hint.offset && existing.kind === 'speaker')) hints.push(hint);
      }
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

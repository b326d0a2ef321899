import type { DocumentAnalysis } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';

export interface FoundLens { start: number; end: number; title: string; action: 'show-timeline' | 'show-sources' | 'none';
  /** For show-sources: the other places. */
  locations?: Array<{ path: string; start: number; end: number }> }

export function lensesFor(document: DocumentAnalysis, view: CrossDocumentView): FoundLens[] {
  const conflicts = view.figureGroups.filter((group) => group.verdict === 'conflict'
    && group.members.some((member) => member.path === document.path)).length;
  const date = document.metadata.date;
  const dateText = date.value ? `${date.value} (${date.source === 'text' ? 'from the text' : date.source})` : 'Date unknown';
  const counts = [`${document.entities.length} entities`, `${document.figures.length} figures`, `${document.quotes.length} quotes`,
    `${conflicts} conflict${conflicts === 1 ? '' : 's'}`];
  const lenses: FoundLens[] = [{ start: document.metadata.bodyStart, end: document.metadata.bodyStart,
    title: `${dateText} · ${counts.join(' · ')} · Show timeline`, action: 'show-timeline' }];
  for (const group of view.figureGroups) {
    for (const member of group.members) {
      if (member.path !== document.path) continue;
      const others = group.members.filter((other) => other.path !== document.path);
      const sources = new Set(others.map((other) => other.path)).size;
      lenses.push({ start: member.start, end: member.end, title: `Also reported in ${sources} other source${sources === 1 ? '' : 's'} (${group.verdict.replace(/-/g, ' ')})`,
        action: 'show-sources', locations: others.map(({ path, start, end }) => ({ path, start, end })) });
    }
  }
  for (const quote of document.quotes) {
    const speaker = quote.speaker;
    if (!speaker?.id) continue;
    const places = view.quotesBySpeaker.get(speaker.id) ?? [];
    const documents = new Set(places.map((place) => place.path)).size;
    lenses.push({ start: quote.start, end: quote.start, action: 'show-sources',
      title: `${speaker.name}: ${places.length} quote${places.length === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'}`,
      locations: places.filter((place) => place.path !== document.path || place.start !== quote.start) });
  }
  return lenses;
}

import type { DocumentAnalysis, FigureGroup, FigureGroupMember } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';
import { calendarDateInWords } from './date-words';
import { hasLineBreak, lineStartBefore } from '../text/line-breaks';

export interface FoundLens { start: number; end: number; title: string; action: 'show-timeline' | 'show-sources' | 'none';
  /** For show-sources: the other places. */
  locations?: Array<{ path: string; start: number; end: number }> }

/** A peek shows this many places at most; the title still counts them all. */
const MOST_PEEKED = 20;

interface GroupMembership { group: FigureGroup; member: FigureGroupMember; otherSources: number }
const membershipCache = new WeakMap<CrossDocumentView, Map<string, GroupMembership[]>>();

/** Each document's figures that belong to a group, computed once per view. */
function membershipsOf(view: CrossDocumentView, path: string): GroupMembership[] {
  let byPath = membershipCache.get(view);
  if (!byPath) {
    byPath = new Map();
    for (const group of view.figureGroups) {
      const sources = new Set(group.members.map((member) => member.path));
      for (const member of group.members) {
        const list = byPath.get(member.path) ?? [];
        list.push({ group, member, otherSources: sources.size - 1 });
        byPath.set(member.path, list);
      }
    }
    membershipCache.set(view, byPath);
  }
  return byPath.get(path) ?? [];
}

export function lensesFor(analysis: DocumentAnalysis, view: CrossDocumentView): FoundLens[] {
  // Speaker ids are the view's: read the view's copy of the document when it has one.
  const document = view.lookup.linkedOf(analysis);
  const memberships = membershipsOf(view, document.path);
  const conflicts = new Set(memberships.filter(({ group }) => group.verdict === 'conflict').map(({ group }) => group)).size;
  const date = document.metadata.date;
  const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const counts = [counted(document.entities.length, 'entity', 'entities'), counted(document.figures.length, 'figure', 'figures'),
    counted(document.quotes.length, 'quote', 'quotes'), counted(conflicts, 'conflict', 'conflicts')].join(' · ');
  const title = date.value
    ? `${calendarDateInWords(date.value)} (${date.source === 'text' ? 'from the text' : date.source}) · ${counts} · Show timeline`
    : `Date unknown: Set date… · ${counts}`;
  const lenses: FoundLens[] = [{ start: document.metadata.bodyStart, end: document.metadata.bodyStart, title, action: 'show-timeline' }];
  lenses.push(storyLens(document, view));
  const lensedLines = new Set<string>();
  for (const { group, member } of memberships) {
    // One lens per group and line: "about 7,400 … with approximately 2,800" need one "also reported".
    const lineStart = lineStartBefore(document.text, member.start);
    if (lensedLines.has(`${group.id}@${lineStart}`)) continue;
    lensedLines.add(`${group.id}@${lineStart}`);
    const others = group.members.filter((other) => other.path !== document.path).slice(0, MOST_PEEKED);
    lenses.push({ start: member.start, end: member.end,
      title: `Also reported by ${view.provenance.corroborationPhrase(group.members.map((other) => other.path), document.path)} (${group.verdict.replace(/-/g, ' ')})`,
      action: 'show-sources', locations: others.map(({ path, start, end }) => ({ path, start, end })) });
  }
  let previousQuote: { end: number; speaker: string } | null = null;
  for (const quote of document.quotes) {
    const speaker = quote.speaker;
    if (!speaker?.id) continue;
    // One lens per speaker and line: a quote split by "he said" is one statement to the reader.
    const sameLine = previousQuote?.speaker === speaker.id && !hasLineBreak(document.text.slice(previousQuote.end, quote.start));
    previousQuote = { end: quote.end, speaker: speaker.id };
    if (sameLine) continue;
    const places = view.quotesBySpeaker.get(speaker.id) ?? [];
    const documents = new Set(places.map((place) => place.path)).size;
    lenses.push({ start: quote.start, end: quote.start, action: 'show-sources',
      title: `${withoutIcons(speaker.name)}: ${places.length} quote${places.length === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'}`,
      locations: places.filter((place) => place.path !== document.path || place.start !== quote.start).slice(0, MOST_PEEKED) });
  }
  return lenses;
}

/** VS Code draws "$(name)" in a lens title as an icon: a name drawn from a document shows as written. */
function withoutIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** The story the document belongs to (issue 15), peeking at the story's other documents; an approximate date says where it came from. */
function storyLens(document: DocumentAnalysis, view: CrossDocumentView): FoundLens {
  const story = view.stories.storyOf.get(document.path);
  const others = story ? story.documents.filter((path) => path !== document.path) : [];
  const approximate = view.stories.approximateDates.get(document.path);
  const about = approximate?.value ? ` · about ${calendarDateInWords(approximate.value)}, from its story` : '';
  const title = story && others.length
    ? `Story: ${story.title} · ${others.length} other source${others.length === 1 ? '' : 's'}${about}`
    : 'Story: this document only';
  return { start: document.metadata.bodyStart, end: document.metadata.bodyStart, title, action: others.length ? 'show-sources' : 'none',
    locations: others.slice(0, MOST_PEEKED).map((path) => ({ path, start: 0, end: 0 })) };
}

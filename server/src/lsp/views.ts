import type { WorkspaceIndex } from '../core/index/workspace-index';
import type { DocumentAnalysis, Span } from '../core/types';
import { documentFileName, documentLabel } from '../core/features/names';
import { calendarDateInWords, dateInWords } from '../core/features/date-words';
import type { EntitiesResponse, FigureGroupsResponse, IndexChangedParams, SourceLocation, StoriesResponse, TimelineResponse } from '../protocol';
import { lineMapOf } from './convert';

function locate(document: DocumentAnalysis, span: Span): SourceLocation {
  const map = lineMapOf(document);
  const start = map.position(span.start);
  const end = map.position(span.end);
  return { uri: document.path, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
}

export function timelineResponse(index: WorkspaceIndex): TimelineResponse {
  const documents = index.all();
  const byKey = new Map(documents.map((document) => [document.path, document]));
  const view = index.crossDocument();
  const entityNames: Record<string, string> = {};
  const named = new Map(view.entities.map((entity) => [entity.id, entity.name]));
  const events = view.timeline.map(({ path, ...event }) => {
    for (const id of event.entities) entityNames[id] = named.get(id) ?? id;
    const { line, character } = locate(byKey.get(path)!, event);
    return { ...event, uri: path, line, character, when: dateInWords(event.date, 'date').words };
  });
  const labels = distinctLabels(documents);
  const { stories, storyOf } = view.stories;
  return {
    documents: documents.map((document) => ({ uri: document.path, label: labels.get(document.path)!, title: document.metadata.title,
      date: document.metadata.date.value, dateSource: document.metadata.date.source, story: storyOf.get(document.path)?.id })),
    events, entityNames,
    storyPeriods: Object.fromEntries(stories.map((story) => [story.id, story.densePeriod])),
    storyTitles: Object.fromEntries(stories.map((story) => [story.id, story.title])),
  };
}

/**
 * Row labels that tell documents apart: "003 ISIL losing ground…" when the leading numbers differ (the seeds),
 * else the file name ("19_1ecbplus Large Riot Breaks Out…").
 */
function distinctLabels(documents: readonly DocumentAnalysis[]): Map<string, string> {
  const labels = new Map(documents.map((document) => [document.path, documentLabel(document)]));
  const prefixCount = new Map<string, number>();
  for (const label of labels.values()) {
    const prefix = label.split(' ')[0]!;
    prefixCount.set(prefix, (prefixCount.get(prefix) ?? 0) + 1);
  }
  for (const document of documents) {
    const label = labels.get(document.path)!;
    if ((prefixCount.get(label.split(' ')[0]!) ?? 0) < 2) continue;
    const stem = documentFileName(document.path).replace(/\.(txt|md)$/i, '');
    const title = document.metadata.title;
    labels.set(document.path, title ? `${stem} ${title.length > 40 ? `${title.slice(0, 39).trimEnd()}…` : title}` : stem);
  }
  return labels;
}

export function figureGroupsResponse(index: WorkspaceIndex): FigureGroupsResponse {
  const byKey = new Map(index.all().map((document) => [document.path, document]));
  const { provenance } = index.crossDocument();
  return {
    groups: index.crossDocument().figureGroups.map((group) => ({
      id: group.id, measure: group.measure, verdict: group.verdict, reason: group.reason,
      independentSources: provenance.corroboration(group.members.map((member) => member.path)).independentSources,
      members: group.members.map((member) => {
        const document = byKey.get(member.path)!;
        return { ...locate(document, member), label: documentLabel(document), text: member.text, value: member.value,
          date: member.date, speaker: member.speaker };
      }),
    })),
  };
}

export function entitiesResponse(index: WorkspaceIndex): EntitiesResponse {
  const documents = index.all();
  const mentionsById = new Map<string, EntitiesResponse['entities'][number]['mentions']>();
  for (const document of documents) {
    const label = documentLabel(document);
    for (const mention of document.entities) {
      const list = mentionsById.get(mention.id) ?? [];
      list.push({ ...locate(document, mention), label, text: mention.text, context: contextOf(document.text, mention) });
      mentionsById.set(mention.id, list);
    }
  }
  return {
    entities: index.crossDocument().entities.map((entity) => ({ id: entity.id, name: entity.name, type: entity.type, titles: entity.titles,
      aliases: entity.aliases, documents: entity.documents, mentions: mentionsById.get(entity.id) ?? [] })),
  };
}

/** Characters of context on each side of a mention in the Entities view. */
const CONTEXT = 28;

/** The mention with a few words either side, on its own line, cut at word boundaries. */
function contextOf(text: string, span: Span): { text: string; highlight: [number, number] } {
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 1), text.lastIndexOf('\r', span.start - 1)) + 1;
  const breakAfter = text.slice(span.end).search(/[\r\n]/);
  const lineEnd = breakAfter < 0 ? text.length : span.end + breakAfter;
  let start = Math.max(lineStart, span.start - CONTEXT);
  let end = Math.min(lineEnd, span.end + CONTEXT);
  if (start > lineStart) start = Math.min(span.start, text.indexOf(' ', start) + 1 || span.start);
  if (end < lineEnd) end = Math.max(span.end, text.lastIndexOf(' ', end));
  const before = (start > lineStart ? '…' : '') + text.slice(start, span.start).replace(/\s+/g, ' ');
  const mention = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const after = text.slice(span.end, end).replace(/\s+/g, ' ') + (end < lineEnd ? '…' : '');
  return { text: `${before}${mention}${after}`.trim(), highlight: [before.trimStart().length, before.trimStart().length + mention.length] };
}

/** Files named in an index summary at most, so one message stays small whatever the folder holds. */
const MOST_UNREADABLE_NAMED = 100;

export function indexSummary(index: WorkspaceIndex, unreadable: ReadonlyMap<string, string>): IndexChangedParams {
  const documents = index.all();
  return {
    documents: documents.length,
    undated: documents.filter((document) => !document.metadata.date.value).length,
    conflicts: index.crossDocument().figureGroups.filter((group) => group.verdict === 'conflict').length,
    unreadable: unreadable.size,
    unreadableFiles: [...unreadable].slice(0, MOST_UNREADABLE_NAMED).map(([uri, reason]) => ({ uri, reason })),
  };
}

/** The stories of the workspace, each with its documents and their dates (issue 15). */
export function storiesResponse(index: WorkspaceIndex): StoriesResponse {
  const byKey = new Map(index.all().map((document) => [document.path, document]));
  const { stories, approximateDates } = index.crossDocument().stories;
  return {
    stories: stories.map((story) => ({
      id: story.id, title: story.title,
      dateSpan: story.dateSpan && { start: calendarDateInWords(story.dateSpan.start), end: calendarDateInWords(story.dateSpan.end) },
      documents: story.documents.flatMap((path) => {
        const document = byKey.get(path);
        if (!document) return [];
        const approximate = document.metadata.date.value ? undefined : approximateDates.get(path);
        return [{ ...locate(document, { start: document.metadata.bodyStart, end: document.metadata.bodyStart }), label: documentLabel(document),
          title: document.metadata.title, approximate: Boolean(approximate),
          date: (() => { const value = document.metadata.date.value ?? approximate?.value; return value ? calendarDateInWords(value) : null; })() }];
      }),
    })),
  };
}

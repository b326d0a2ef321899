import type { WorkspaceIndex } from '../core/index/workspace-index';
import type { DocumentAnalysis, Span } from '../core/types';
import { documentLabel } from '../core/features/names';
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
    return { ...event, uri: path, line, character };
  });
  const { stories, storyOf } = view.stories;
  return {
    documents: documents.map((document) => ({ uri: document.path, label: documentLabel(document), title: document.metadata.title,
      date: document.metadata.date.value, dateSource: document.metadata.date.source, story: storyOf.get(document.path)?.id })),
    events, entityNames,
    storyPeriods: Object.fromEntries(stories.map((story) => [story.id, story.densePeriod])),
  };
}

export function figureGroupsResponse(index: WorkspaceIndex): FigureGroupsResponse {
  const byKey = new Map(index.all().map((document) => [document.path, document]));
  return {
    groups: index.crossDocument().figureGroups.map((group) => ({
      id: group.id, measure: group.measure, verdict: group.verdict, reason: group.reason,
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
      list.push({ ...locate(document, mention), label, text: mention.text });
      mentionsById.set(mention.id, list);
    }
  }
  return {
    entities: index.crossDocument().entities.map((entity) => ({ id: entity.id, name: entity.name, type: entity.type, titles: entity.titles,
      aliases: entity.aliases, documents: entity.documents, mentions: mentionsById.get(entity.id) ?? [] })),
  };
}

export function indexSummary(index: WorkspaceIndex, unreadable: number): IndexChangedParams {
  const documents = index.all();
  return {
    documents: documents.length,
    undated: documents.filter((document) => !document.metadata.date.value).length,
    conflicts: index.crossDocument().figureGroups.filter((group) => group.verdict === 'conflict').length,
    unreadable,
  };
}

/** The stories of the workspace, each with its documents and their dates (issue 15). */
export function storiesResponse(index: WorkspaceIndex): StoriesResponse {
  const byKey = new Map(index.all().map((document) => [document.path, document]));
  const { stories, approximateDates } = index.crossDocument().stories;
  return {
    stories: stories.map((story) => ({
      id: story.id, title: story.title, dateSpan: story.dateSpan,
      documents: story.documents.flatMap((path) => {
        const document = byKey.get(path);
        if (!document) return [];
        const approximate = document.metadata.date.value ? undefined : approximateDates.get(path);
        return [{ ...locate(document, { start: document.metadata.bodyStart, end: document.metadata.bodyStart }), label: documentLabel(document),
          title: document.metadata.title, date: document.metadata.date.value ?? approximate?.value ?? null, approximate: Boolean(approximate) }];
      }),
    })),
  };
}

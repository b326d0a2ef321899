// Custom requests between the Corroborate client and server: the one place both sides import.
import type { EntityType, FigureVerdict, TimelineEvent } from './core/types';

/** A place in a document, ready for the editor: 0-based line and character. */
export interface SourceLocation {
  uri: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export const TIMELINE_REQUEST = 'corroborate/timeline';

export interface TimelineDocument {
  uri: string;
  label: string;
  title: string | null;
  date: string | null;
  dateSource: string;
  /** The id of the document's story (issue 15): the timeline's default filter. */
  story?: string;
}

export interface TimelineItem extends Omit<TimelineEvent, 'path'> {
  uri: string;
  /** The date in words ("the week of 27 April – 3 May 2015"), for labels and exports. */
  when: string;
  /** Zero-based line and character of the sentence start, for revealing it. */
  line: number;
  character: number;
}

export interface TimelineResponse {
  documents: TimelineDocument[];
  events: TimelineItem[];
  /** Names of the entities the events mention, by id. */
  entityNames: Record<string, string>;
  /** Each story's dense period (the middle half of its documents' own dates), by story id: the default range (issue 15). */
  storyPeriods?: Record<string, { start: string; end: string } | null>;
  /** Each story's title, by story id, as the Stories view and the document lens name it. */
  storyTitles?: Record<string, string>;
}

export const FIGURE_GROUPS_REQUEST = 'corroborate/figureGroups';

export interface FigureGroupView {
  id: string;
  measure: string;
  verdict: FigureVerdict;
  reason: string;
  /** Provenance groups among the members' documents (issue 14): copies of one source count once. */
  independentSources: number;
  members: Array<SourceLocation & { label: string; text: string; value: number; date: string | null; speaker: string | null }>;
}

export interface FigureGroupsResponse { groups: FigureGroupView[] }

export const ENTITIES_REQUEST = 'corroborate/entities';

export interface EntityView {
  id: string;
  name: string;
  type: EntityType;
  titles: string[];
  aliases: string[];
  documents: number;
  mentions: Array<SourceLocation & { label: string; text: string;
    /** The words around the mention on its line ("…said Defense Secretary Ash Carter on Tuesday…") and where the mention sits in them. */
    context: { text: string; highlight: [number, number] } }>;
}

export interface EntitiesResponse { entities: EntityView[] }

/** Sent by the server whenever the index changed, so views and the status bar refresh. */
export const INDEX_CHANGED_NOTIFICATION = 'corroborate/indexChanged';

export interface IndexChangedParams {
  documents: number;
  undated: number;
  conflicts: number;
  unreadable: number;
  /** The files that could not be read or decoded, with the reason (the first 100). */
  unreadableFiles: Array<{ uri: string; reason: string }>;
}

/** Client command: shows the timeline (arguments: uri of the document to focus, and the id of a figure group whose values to show). */
export const SHOW_TIMELINE_COMMAND = 'corroborate.showTimeline';
/** Client command: asks the user for a date and records it for the document (arguments: uri, suggested date). */
export const SET_DOCUMENT_DATE_COMMAND = 'corroborate.setDocumentDate';
/** Client command: peeks a list of locations (arguments: uri, position, locations). */
export const PEEK_LOCATIONS_COMMAND = 'corroborate.peekLocations';

/** Asks the server for the edit that records a document's date (the client applies it, so the user sees it). */
export const DOCUMENT_DATE_EDIT_REQUEST = 'corroborate/documentDateEdit';

export interface DocumentDateEditParams {
  uri: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  /** Where the date goes: the corrections file, or front matter at the top of the document. */
  target: 'corrections' | 'front-matter';
}

/** An edit for the client to apply (LSP WorkspaceEdit JSON), or why there is none. */
export interface EditResult { edit?: unknown; problem?: string }

/** Name of the corrections file at a workspace folder's root. */
export const CORRECTIONS_FILE = 'corroborate.corrections.json';

/** Client command behind the hover's "These are different measures…" (arguments: uri, offset of the figure). */
export const SEPARATE_FIGURES_COMMAND = 'corroborate.separateFigures';
/** Asks the server for the corrections-file edit that separates the group of the figure at { uri, offset }. */
export const SEPARATE_FIGURES_EDIT_REQUEST = 'corroborate/separateFiguresEdit';

export interface SeparateFiguresEditParams {
  uri: string;
  offset: number;
  /** The members the user picked to leave the group (by document and figure text); without them, the whole group splits. */
  leaving?: Array<{ uri: string; text: string }>;
}

/** Issue 14: the Provenance view. Params may name the documents of one story; without them, the whole workspace. */
export const PROVENANCE_REQUEST = 'corroborate/provenance';

export interface ProvenanceParams { uris?: string[] }

export interface ProvenancePassageView {
  here: SourceLocation;
  there: SourceLocation;
  text: string;
  verbatim: boolean;
  similarity: number;
  words: number;
  /** Mostly words inside quotation marks: the same speech quoted, not copied reporting. */
  quoted: boolean;
}

export interface ProvenanceDocumentView {
  uri: string;
  label: string;
  credits: Array<SourceLocation & { kind: string; name: string | null; text: string; agency: boolean }>;
  /** The documents this one shares text with, and where. */
  shared: Array<{ uri: string; label: string; passages: ProvenancePassageView[] }>;
}

export interface ProvenanceGroupView {
  id: string;
  label: string;
  documents: ProvenanceDocumentView[];
  links: Array<{ uri: string; otherUri: string; reason: string; detail: string }>;
}

/** One story's provenance groups: the documents of the story only, and the passages they share among themselves. */
export interface ProvenanceStoryView { id: string; title: string; documents: number; groups: ProvenanceGroupView[] }

export interface ProvenanceResponse {
  groups: ProvenanceGroupView[];
  /** Per story, for the whole workspace (empty when the request names documents). */
  stories: ProvenanceStoryView[];
}

// ---- stories (issue 15) ----

export const STORIES_REQUEST = 'corroborate/stories';

export interface StoryDocumentView extends SourceLocation {
  label: string;
  title: string | null;
  /** The document's own date in words, or its story's approximate date (then `approximate`), or null. */
  date: string | null;
  approximate: boolean;
}

export interface StoryListItem {
  id: string;
  title: string;
  /** The first and last stated dates of its documents, in words. */
  dateSpan: { start: string; end: string } | null;
  documents: StoryDocumentView[];
}

export interface StoriesResponse { stories: StoryListItem[] }

export const STORY_CORRECTION_EDIT_REQUEST = 'corroborate/storyCorrectionEdit';

/** Move `uri` into the story of `to`, or split it off as a story of its own (`to` absent). */
export interface StoryCorrectionEditParams { uri: string; to?: string }

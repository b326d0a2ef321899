// The analysis model. Field names follow ../shared/CONTRACT.md (version 1), which outside scorers read.

export interface Span {
  /** UTF-16 offset into the document text, front matter included. */
  start: number;
  /** Exclusive. */
  end: number;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';
/** 'correction' (the user's corrections file) is this project's addition to the contract's four. */
export type DateSource = 'front-matter' | 'text' | 'inferred' | 'none' | 'correction';
export type Qualifier = 'exact' | 'about' | 'more-than' | 'at-least' | 'less-than' | 'at-most' | 'nearly' | 'up-to';
export type FigureKind = 'count' | 'percent' | 'money' | 'quantity';
export type TimexType = 'date' | 'time' | 'duration' | 'set';
export type NoiseReason = 'boilerplate' | 'duplicate';

export interface DocumentDate {
  /** ISO 8601 date (YYYY-MM-DD, or coarser), or null when nothing dates the document. */
  value: string | null;
  source: DateSource;
  /** Where the date was read, when it was read from the text. */
  span?: Span;
  /** A month and day (MM-DD) the document states without its year ("Jul. 7 5:59 PM EDT"): its story places the year. */
  monthDay?: string;
  /** The date of a photo caption: the document is of that day or later. */
  earliest?: boolean;
}

export interface DocumentMetadata {
  title: string | null;
  date: DocumentDate;
  publisher: string | null;
  author: string | null;
  url: string | null;
  /** Offset where the body starts (after front matter). */
  bodyStart: number;
  /** Bylines and credits kept as metadata rather than text. */
  credits: Array<Span & { text: string }>;
}

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Cross-document id; filled by the workspace index (a document-local key before that). */
  id: string;
  /** The fullest name of this entity inside the document ("John Kerry" for "Kerry"). */
  canonical: string;
  /** Title or role written with this mention ("Secretary of State"), if any. */
  title?: string;
}

export interface Figure extends Span {
  text: string;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  kind: FigureKind;
  unit: string | null;
  measure: string | null;
}

export interface QuoteSpeaker extends Span {
  id: string | null;
  name: string;
}

export interface Quote extends Span {
  text: string;
  speaker: QuoteSpeaker | null;
  /** This piece goes on with the previous quote of the same utterance (split by its attribution, or the next paragraph). */
  continues?: boolean;
}

export interface DateMention extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value: 2015-05-06, 2015-05, 2015-W19, P3Y, PRESENT_REF, XXXX-05-06 when unresolved. */
  value: string;
  /** How the value was reached, for hovers: "absolute", "relative to the document date", ... */
  resolution: string;
}

export interface NoiseSpan extends Span {
  reason: NoiseReason;
  /** What kind of furniture, for messages ("media player", "site menu", "repeated headline"). */
  label: string;
}

export interface DocumentAnalysis {
  path: string;
  text: string;
  metadata: DocumentMetadata;
  noise: NoiseSpan[];
  entities: EntityMention[];
  figures: Figure[];
  quotes: Quote[];
  dates: DateMention[];
}

/** What every extractor receives besides the text. */
export interface ExtractionContext {
  text: string;
  /** The document's own date (YYYY-MM-DD or coarser), or null: relative dates then stay unresolved. */
  documentDate: string | null;
  /** The document is of its date or later: a date inferred from a dated mention, or the date closing a photo caption. */
  documentDateIsEarliest?: boolean;
  bodyStart: number;
  /** Spans of scraping noise, which extractors skip. */
  noise: readonly Span[];
}

// ---- cross-document ----

export interface CrossDocumentEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  titles: string[];
  documents: number;
  mentions: number;
}

/** 'cannot-tell' (values differ and dates are missing) is this project's addition to the contract's three. */
export type FigureVerdict = 'consistent' | 'changed-over-time' | 'conflict' | 'cannot-tell';

export interface FigureGroupMember extends Span {
  path: string;
  value: number;
  low: number | null;
  high: number | null;
  /** The date the figure speaks for: its document's date, or null. */
  date: string | null;
  text: string;
  qualifier: Qualifier;
  speaker: string | null;
}

export interface FigureGroup {
  id: string;
  measure: string;
  unit: string | null;
  members: FigureGroupMember[];
  verdict: FigureVerdict;
  reason: string;
}

export interface TimelineEvent extends Span {
  date: string;
  granularity: 'day' | 'month' | 'year' | 'week' | 'quarter' | 'season' | 'decade' | 'unknown';
  approximate: boolean;
  path: string;
  text: string;
  entities: string[];
  /** The date expression that placed the event. */
  dateText: string;
}

export interface AnalysisOutput {
  version: 1;
  errors: Array<{ path: string; message: string }>;
  documents: Array<{
    path: string;
    title: string | null;
    date: { value: string | null; source: DateSource };
    publisher: string | null;
    entities: Array<Span & { text: string; type: EntityType; id: string }>;
    figures: Figure[];
    quotes: Quote[];
    dates: Array<Span & { text: string; type: TimexType; value: string }>;
    noise: Array<Span & { reason: NoiseReason }>;
  }>;
  entities: CrossDocumentEntity[];
  figureGroups: FigureGroup[];
  timeline: TimelineEvent[];
}

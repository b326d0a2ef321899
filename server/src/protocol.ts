// Custom requests between the Corroborate client and server: the one place both sides import.
import type { TimelineEvent } from './core/types';

export const TIMELINE_REQUEST = 'corroborate/timeline';

export interface TimelineDocument {
  uri: string;
  label: string;
  title: string | null;
  date: string | null;
  dateSource: string;
}

export interface TimelineItem extends Omit<TimelineEvent, 'path'> {
  uri: string;
  /** Zero-based line and character of the sentence start, for revealing it. */
  line: number;
  character: number;
}

export interface TimelineResponse {
  documents: TimelineDocument[];
  events: TimelineItem[];
}

export const SHOW_TIMELINE_COMMAND = 'corroborate.showTimeline';
/** Sent by the server when the index changed, so open views refresh. */
export const INDEX_CHANGED_NOTIFICATION = 'corroborate/indexChanged';

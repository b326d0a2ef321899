// Messages between the timeline panel (extension side) and its webview script: the one typed boundary.
import type { FigureGroupView, TimelineResponse } from '../../../server/src/protocol';

export type ExportFormat = 'json' | 'csv';

export type ToWebview =
  /** The whole timeline, sent after 'ready' and again whenever the index changes. */
  | { type: 'timeline'; timeline: TimelineResponse; focusUri: string | null;
    /** The document the reader was in when the timeline was shown: the timeline opens on its story. */
    activeUri: string | null;
    /** "Show in timeline" from a figure: its group, whose values the timeline shows over time. */
    figureGroup: FigureGroupView | null }
  /** The panel lost its data source (server not running, request failed). */
  | { type: 'unavailable'; message: string };

export type FromWebview =
  /** The webview script loaded and listens: the panel may send the timeline. */
  | { type: 'ready' }
  /** Open the document and select the sentence that holds the event. */
  | { type: 'reveal'; uri: string; line: number; character: number }
  /** Run corroborate.setDocumentDate for an undated document. */
  | { type: 'setDocumentDate'; uri: string }
  /**
   * Save the timeline to a file. events: indexes into the last TimelineResponse.events that the filters keep
   * (null: all of them).
   */
  | { type: 'export'; format: ExportFormat; events: number[] | null }
  /** The reader left the figure group's view ("Show all events"): later refreshes show every event. */
  | { type: 'clearFigureGroup' }
  /** An uncaught error or rejected promise inside the webview, for the extension's log. */
  | { type: 'error'; message: string };

/** What the webview keeps across hide/show and reloads (vscode.getState/setState). */
export interface TimelineViewState {
  groupBy: 'document' | 'entity';
  text: string;
  /** Document uri to show alone, or '' for all. */
  document: string;
  /** Story id to show alone, or '' for all stories. */
  story: string;
  /** The reader picked a story (or "All stories"): the active document's story no longer replaces it. */
  storyChosen: boolean;
  /** Entity id to show alone, or '' for all. */
  entity: string;
  /** The visible window in epoch milliseconds, or null to fit all items. */
  window: { start: number; end: number } | null;
  eventsListOpen: boolean;
}

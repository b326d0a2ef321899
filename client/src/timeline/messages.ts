// Messages between the timeline panel (extension side) and its webview script: the one typed boundary.
import type { TimelineResponse } from '../../../server/src/protocol';

export type ToWebview =
  | { type: 'timeline'; timeline: TimelineResponse; focusUri: string | null };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; line: number; character: number }
  | { type: 'error'; message: string };

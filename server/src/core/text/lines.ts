import type { Span } from '../types';

export interface Line extends Span {
  /** The line's text without its line break, trimmed. */
  text: string;
}

/** Non-empty lines of [from, text.length), trimmed, with the offsets of the trimmed text. Handles CRLF. */
export function nonEmptyLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) lines.push({ start, end, text: text.slice(start, end) });
    lineStart = lineEnd + 1;
  }
  return lines;
}

import type { Span } from '../types';

export interface Line extends Span {
  /** The line's text without its line break, trimmed. */
  text: string;
}

/** Non-empty lines of [from, text.length), trimmed, with the offsets of the trimmed text. A line ends at LF, CRLF or a lone CR. */
export function nonEmptyLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) lines.push({ start, end, text: text.slice(start, end) });
    lineStart = lineEnd + 1;
  }
  return lines;
}

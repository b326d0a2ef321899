// Deleting scraped lines: whole lines go, and the blank lines the deletion would leave piled up go with them, so
// the text reads as one blank line between paragraphs, as before the scraper's furniture came in.
import type { DocumentAnalysis, Span } from '../types';

/** The lines of a text with their line breaks (CRLF, LF or CR), as spans. */
function linesOf(text: string, from: number): Array<Span & { blank: boolean }> {
  const lines: Array<Span & { blank: boolean }> = [];
  const breaks = /\r\n|\n|\r/g;
  breaks.lastIndex = from;
  let start = from;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    const end = found.index + found[0].length;
    lines.push({ start, end, blank: !text.slice(start, found.index).trim() });
    start = end;
  }
  if (start < text.length) lines.push({ start, end: text.length, blank: !text.slice(start).trim() });
  return lines;
}

/**
 * The spans to delete to take out the lines holding `noise` (all of the document's noise when not given). Around
 * deleted lines, the blank lines that would pile up go too: each stretch of deleted and blank lines keeps one blank
 * line between two paragraphs, none at the top of the body or the end of the text. Stretches the deletion does
 * not touch stay as the user wrote them. Adjacent spans are merged.
 */
export function noiseLineDeletions(document: DocumentAnalysis, noise: readonly Span[] = document.noise): Span[] {
  const lines = linesOf(document.text, document.metadata.bodyStart);
  const deleted = lines.map((line) => !line.blank && noise.some((span) => span.start < line.end && span.end > line.start));
  for (let first = 0; first < lines.length;) {
    let last = first;
    while (last < lines.length && (deleted[last] || lines[last]!.blank)) last++;
    // lines[first, last) is a stretch of deleted and blank lines
    if (last > first && deleted.slice(first, last).includes(true)) {
      const between = first > 0 && last < lines.length;
      const keep = between ? lines.findIndex((line, index) => index >= first && index < last && line.blank) : -1;
      for (let index = first; index < last; index++) deleted[index] = index !== keep;
    }
    first = last > first ? last : first + 1;
  }
  const spans: Span[] = [];
  for (const [index, line] of lines.entries()) {
    if (!deleted[index]) continue;
    const last = spans.at(-1);
    if (last && last.end === line.start) last.end = line.end;
    else spans.push({ start: line.start, end: line.end });
  }
  return spans;
}

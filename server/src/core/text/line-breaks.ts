/** CR or LF: with CRLF, the three line breaks VS Code and LSP know. */
export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

const LONE_CR = /\r(?!\n)/g;

/**
 * The text with every lone CR (old Mac line endings, or a stray one in mixed text) turned into LF. One character
 * for one, so every offset stays valid in the original text; the extractors, which split lines at LF, then see
 * the lines an editor shows. Returns the same string when there is no lone CR.
 */
export function withLoneCarriageReturnsAsLineFeeds(text: string): string {
  return text.indexOf('\r') < 0 || !/\r(?!\n)/.test(text) ? text : text.replace(LONE_CR, '\n');
}

/** Whether the text holds a line break of any style. */
export function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** Offset where the line holding `offset` starts (after the previous CR or LF), 0 on the first line. */
export function lineStartBefore(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && !isLineBreak(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Offset of the line break ending the line that holds `from`, or the text's length on the last line. */
export function lineEndAfter(text: string, from: number): number {
  let at = from;
  while (at < text.length && !isLineBreak(text.charCodeAt(at))) at++;
  return at;
}

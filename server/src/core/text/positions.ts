import { isLineBreak } from './line-breaks';

/**
 * Line starts of a text, for turning offsets into line/character positions (UTF-16, as LSP counts). A line ends
 * at CRLF, LF or a lone CR, as in VS Code; a position never falls between the CR and LF of one line break.
 */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: this.beforeLineBreak(clamped, this.starts[low]) - this.starts[low] };
  }

  offset(position: { line: number; character: number }): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.starts[position.line];
    if (position.character <= 0) return lineStart;
    const nextLine = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLine), lineStart);
  }

  /** The span of the whole line holding `offset`, with its line break. */
  fullLine(offset: number): { start: number; end: number } {
    const { line } = this.position(offset);
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return { start: this.starts[line], end };
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }
}

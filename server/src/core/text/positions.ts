/** Line starts of a text, for turning offsets into line/character positions (UTF-16, as LSP counts). */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  offset(position: { line: number; character: number }): number {
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[Math.max(0, position.line)];
    const nextLine = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length + 1;
    return Math.min(lineStart + Math.max(0, position.character), nextLine - 1, this.text.length);
  }

  /** The span of the whole line holding `offset`, with its line break. */
  fullLine(offset: number): { start: number; end: number } {
    const { line } = this.position(offset);
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return { start: this.starts[line], end };
  }
}

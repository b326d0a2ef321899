import type { Span } from '../types';

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A set of spans asked "does this span touch any of you?" in logarithmic time: the spans merged where they
 * overlap, sorted, and searched by binary search. Built once per set; the set may be unsorted or overlapping.
 */
export class SpanSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
    for (const span of sorted) {
      const last = this.ends.length - 1;
      // Merged only when they overlap: touching spans stay apart, so an empty span between them touches neither.
      if (last >= 0 && span.start < this.ends[last]) this.ends[last] = Math.max(this.ends[last], span.end);
      else { this.starts.push(span.start); this.ends.push(span.end); }
    }
  }

  get size(): number {
    return this.starts.length;
  }

  /** Whether `span` overlaps one of the spans (an empty span overlaps a span strictly around its offset). */
  touches(span: Span): boolean {
    const at = this.lastStartingBefore(span.end);
    return at >= 0 && span.start < this.ends[at] && this.starts[at] < span.end;
  }

  /** Whether one of the spans holds all of `span`. */
  covers(span: Span): boolean {
    const at = this.lastStartingBefore(span.start + 1);
    return at >= 0 && this.starts[at] <= span.start && span.end <= this.ends[at];
  }

  /** Index of the last merged span starting before `offset`, or -1. */
  private lastStartingBefore(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle] < offset) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }
}

/** Keeps the items that touch no noise span. */
export function outsideNoise<T extends Span>(items: T[], noise: readonly Span[]): T[] {
  if (!noise.length) return items;
  const set = new SpanSet(noise);
  return items.filter((item) => !set.touches(item));
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/** Index of the first of `spans` (sorted by start) starting at or after `offset`; `spans.length` when none does. */
export function firstStartingAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start < offset) low = middle + 1; else high = middle;
  }
  return low;
}

import type { Span } from '../types';

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keeps the items that touch no noise span. */
export function outsideNoise<T extends Span>(items: T[], noise: readonly Span[]): T[] {
  if (!noise.length) return items;
  return items.filter((item) => !noise.some((span) => overlaps(item, span)));
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

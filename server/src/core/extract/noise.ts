import type { NoiseSpan } from '../types';
import type { Line } from '../text/lines';
import furniture from '../data/site-furniture.json';

const FURNITURE = furniture.lines.map((entry) => ({ pattern: new RegExp(entry.pattern, 'i'), label: entry.label }));
/** Site furniture is a short line; longer lines are article text and skip the patterns. */
const LONGEST_FURNITURE = 240;
/** Lines this short are too common ("Iraq", "Video") to call a repeat of a paragraph. */
const SHORTEST_REPEAT = 20;

/**
 * Scraping noise: site furniture, player widgets and media timestamps, and lines that repeat a line or
 * paragraph shown elsewhere in the document (teasers, repeated headlines, doubled captions).
 * The first occurrence of a repeated line is kept when no longer paragraph contains it.
 */
export function findNoise(lines: readonly Line[]): NoiseSpan[] {
  const noise: NoiseSpan[] = [];
  const seen = new Set<string>();
  const keys = lines.map((line) => normalise(line.text));
  const teasers = prefixesOfLongerLines(keys);
  lines.forEach((line, index) => {
    const match = line.text.length <= LONGEST_FURNITURE ? FURNITURE.find((entry) => entry.pattern.test(line.text)) : undefined;
    if (match) {
      noise.push({ start: line.start, end: line.end, reason: 'boilerplate', label: match.label });
      return;
    }
    const key = keys[index];
    if (key.length >= SHORTEST_REPEAT) {
      if (seen.has(key)) {
        noise.push({ start: line.start, end: line.end, reason: 'duplicate', label: 'repeated line' });
        return;
      }
      seen.add(key);
      if (teasers.has(key)) noise.push({ start: line.start, end: line.end, reason: 'duplicate', label: 'teaser of a later paragraph' });
    }
  });
  return noise;
}

/** Keys that begin some longer key. Sorted, a prefix sits right before a key that extends it. */
function prefixesOfLongerLines(keys: string[]): Set<string> {
  const sorted = [...new Set(keys)].sort();
  const prefixes = new Set<string>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1].startsWith(sorted[i])) prefixes.add(sorted[i]);
  }
  return prefixes;
}

function normalise(line: string): string {
  return (/\s\s|[\t\r]/.test(line) ? line.replace(/\s+/g, ' ') : line).toLowerCase();
}

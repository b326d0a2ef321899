import type { DateMention } from '../types';

/**
 * A document that states no date of its own is taken to be no older than the latest full date it
 * mentions. Only day or month precision counts: a bare year ("formed in 2014") says too little.
 */
export function inferDocumentDate(dates: readonly DateMention[]): string | null {
  const absolute = dates.map((date) => date.value).filter((value) => /^\d{4}-\d{2}(-\d{2})?$/.test(value));
  if (!absolute.length) return null;
  return absolute.sort().at(-1)!;
}

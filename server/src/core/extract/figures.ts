import type { DateMention, ExtractionContext, Figure } from '../types';
import { outsideNoise, overlaps } from '../text/spans';

const NUMBER_AND_NOUN = /\b(more than |nearly |about |some |approximately |at least |up to )?(\$)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)( percent| million| billion)?(?: ([a-z]+))?/gi;

/** Numbers with what they count. */
export function extractFigures(context: ExtractionContext, dates: readonly DateMention[]): Figure[] {
  const figures: Figure[] = [];
  for (const match of context.text.slice(context.bodyStart).matchAll(NUMBER_AND_NOUN)) {
    const start = context.bodyStart + match.index!;
    const span = { start, end: start + match[0].length };
    if (dates.some((date) => overlaps(date, span))) continue;
    const [, qualifierWords, dollar, digits, scale, noun] = match;
    let value = Number(digits.replace(/,/g, ''));
    if (scale?.trim() === 'million') value *= 1e6;
    if (scale?.trim() === 'billion') value *= 1e9;
    const qualifier = qualifierWords ? (qualifierWords.trim().toLowerCase().replace(/ /g, '-') as Figure['qualifier']) : 'exact';
    const kind = dollar ? 'money' : scale?.trim() === 'percent' ? 'percent' : 'count';
    const unit = dollar ? 'USD' : kind === 'percent' ? 'percent' : noun ? noun.replace(/s$/, '') : null;
    figures.push({ ...span, text: match[0], value, low: value, high: null, qualifier, kind, unit, measure: noun ?? null });
  }
  return outsideNoise(figures, context.noise);
}

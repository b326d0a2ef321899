import type { DocumentAnalysis, ExtractionContext } from './types';
import { readFrontMatter } from './text/front-matter';
import { nonEmptyLines } from './text/lines';
import { findNoise } from './extract/noise';
import { readMetadata } from './extract/metadata';
import { extractDates } from './extract/dates';
import { extractFigures } from './extract/figures';
import { extractEntities } from './extract/entities';
import { extractQuotes } from './extract/quotes';
import { inferDocumentDate } from './extract/date-inference';
import type { EntityRecogniser } from './extract/entities/recogniser';
import { shippedRecogniser } from './extract/entities/shipped-model';
import { withLoneCarriageReturnsAsLineFeeds } from './text/line-breaks';

export interface AnalysisOptions {
  /** A date the user gave the document; it wins over whatever the text says. */
  documentDate?: string;
  /** The statistical entity recogniser; the shipped model when left out, none (lexicons and rules only) when null. */
  recogniser?: EntityRecogniser | null;
}

/** Everything one document says, read on its own. `text` is the decoded file text, BOM removed. */
export function analyzeDocument(path: string, original: string, options: AnalysisOptions = {}): DocumentAnalysis {
  // The extractors split lines at LF; a lone CR is a line break too (as in the editor), and this keeps every offset.
  const text = withLoneCarriageReturnsAsLineFeeds(original);
  const frontMatter = readFrontMatter(text);
  const bodyStart = frontMatter?.end ?? 0;
  const lines = nonEmptyLines(text, bodyStart);
  const noise = findNoise(lines);
  const metadata = readMetadata({ text, frontMatter, lines, noise });
  if (options.documentDate) metadata.date = { value: options.documentDate, source: 'correction' };
  const context: ExtractionContext = { text, documentDate: metadata.date.value, documentDateIsEarliest: metadata.date.earliest, bodyStart, noise };
  let dates = extractDates(context);
  if (metadata.date.source === 'none') {
    const inferred = inferDocumentDate(dates);
    // Only relative dates change with the reference date; absolute ones were read right the first time.
    if (inferred && dates.some((date) => /X|_REF$/.test(date.value))) {
      dates = extractDates({ ...context, documentDate: inferred, documentDateIsEarliest: true });
    }
    if (inferred) metadata.date = { value: inferred, source: 'inferred' };
  }
  const figures = extractFigures(context, dates);
  const entities = extractEntities(context, options.recogniser === undefined ? shippedRecogniser() : options.recogniser);
  const quotes = extractQuotes(context, entities);
  if (text !== original) {
    for (const item of [...metadata.credits, ...entities, ...figures, ...quotes, ...dates]) {
      if (item.text === text.slice(item.start, item.end)) item.text = original.slice(item.start, item.end);
    }
  }
  return { path, text: original, metadata, noise, entities, figures, quotes, dates };
}

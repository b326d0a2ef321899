import type { DocumentDate, DocumentMetadata, NoiseSpan, Span } from '../types';
import type { FrontMatter } from '../text/front-matter';
import type { Line } from '../text/lines';
import { SpanSet } from '../text/spans';
import publishers from '../data/publishers.json';
import { isDateOrTimeLine, statedPublicationDate } from './publication-date';

const PUBLISHERS = publishers.publishers.map((entry) => ({ pattern: new RegExp(entry.pattern, 'm'), publisher: entry.publisher }));
const BYLINE = /^(?:By )+([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})(?:,|$)/;
const FOLLOW_AUTHOR = /^\(Follow ([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}) on Twitter/;
const REPORTING_CREDIT = /^With (?:additional )?reporting by /i;

export interface MetadataInput {
  text: string;
  frontMatter: FrontMatter | null;
  lines: readonly Line[];
  noise: readonly NoiseSpan[];
}

/** Title, date, publisher and author: front matter first, then what the page itself shows. */
export function readMetadata({ text, frontMatter, lines, noise }: MetadataInput): DocumentMetadata {
  const fields = frontMatter?.fields ?? {};
  const noiseSet = new SpanSet(noise);
  const isNoise = (line: Span) => noiseSet.covers(line);
  const credits = lines.filter((line) => BYLINE.test(line.text) || FOLLOW_AUTHOR.test(line.text) || REPORTING_CREDIT.test(line.text));
  const author = fields.author ?? firstMatch(credits, BYLINE) ?? firstMatch(credits, FOLLOW_AUTHOR);
  return {
    title: fields.title ?? headline(lines, isNoise, credits),
    date: frontMatterDate(fields.date) ?? statedPublicationDate(lines, fields.url ?? null) ?? { value: null, source: 'none' },
    publisher: fields.source ?? PUBLISHERS.find((entry) => entry.pattern.test(text))?.publisher ?? null,
    author: author ?? null,
    url: fields.url ?? null,
    bodyStart: frontMatter?.end ?? 0,
    credits: credits.map((line) => ({ start: line.start, end: line.end, text: line.text })),
  };
}

function frontMatterDate(value: string | undefined): DocumentDate | null {
  const iso = value && /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  return iso ? { value: iso[0], source: 'front-matter' } : null;
}

/**
 * The first line that reads like a headline: not furniture, not a byline, not a timestamp or dateline,
 * short, not a full sentence (a headline may ask a question).
 */
function headline(lines: readonly Line[], isNoise: (line: Span) => boolean, credits: readonly Line[]): string | null {
  const candidate = lines.find((line) => !isNoise(line) && !credits.includes(line) && line.text.length <= 160
    && !/[.!]["”’']?$/.test(line.text) && /[A-Za-z]/.test(line.text) && !isDateOrTimeLine(line.text));
  return candidate?.text ?? null;
}

function firstMatch(lines: readonly Line[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const match = pattern.exec(line.text);
    if (match) return match[1];
  }
  return undefined;
}

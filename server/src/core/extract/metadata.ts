import type { DocumentDate, DocumentMetadata, NoiseSpan, Span } from '../types';
import type { FrontMatter } from '../text/front-matter';
import type { Line } from '../text/lines';
import { SpanSet } from '../text/spans';
import publishers from '../data/publishers.json';

const PUBLISHERS = publishers.publishers.map((entry) => ({ pattern: new RegExp(entry.pattern, 'm'), publisher: entry.publisher }));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_MONTH_YEAR = `${MONTH_NAME} (\\d{1,2}), (\\d{4})`;
/** "MACDILL AIR FORCE BASE, Fla., May 6, 2015 -": place in capitals, optional state, date, dash. */
const DATELINE = new RegExp(`^[A-Z][A-Z .'-]+,(?: [A-Z][A-Za-z.]+,)* ${DAY_MONTH_YEAR}\\s*[-–—]`);
/** "News | May 6, 2015" above the headline. */
const DATED_CAPTION = new RegExp(`^[A-Za-z ]+ \\| ${DAY_MONTH_YEAR}$`);
/** A photo caption ending in a full date: "…, Syria, Feb. 18, 2016." */
const CAPTIONED_DATE = new RegExp(`, ${DAY_MONTH_YEAR}\\.?$`);
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
    date: frontMatterDate(fields.date) ?? dateFromText(lines) ?? { value: null, source: 'none' },
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

function dateFromText(lines: readonly Line[]): DocumentDate | null {
  for (const pattern of [DATELINE, DATED_CAPTION, CAPTIONED_DATE]) {
    for (const line of lines) {
      const match = pattern.exec(line.text);
      if (!match) continue;
      const [month, day, year] = match.slice(1, 4);
      const value = isoDate(year, month, day);
      const offset = line.text.indexOf(match[0]) + match[0].indexOf(match[1]);
      if (value) return { value, source: 'text', span: { start: line.start + offset, end: line.start + offset + match[0].length } };
    }
  }
  return null;
}

export function isoDate(year: string, monthName: string, day: string): string | null {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const dayNumber = Number(day);
  if (month < 1 || dayNumber < 1 || dayNumber > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}

/** The first line that reads like a headline: not furniture, not a byline, short, not a full sentence. */
function headline(lines: readonly Line[], isNoise: (line: Span) => boolean, credits: readonly Line[]): string | null {
  const candidate = lines.find((line) => !isNoise(line) && !credits.includes(line) && line.text.length <= 160
    && !/[.!?]["”]?$/.test(line.text) && /[A-Za-z]/.test(line.text));
  return candidate?.text ?? null;
}

function firstMatch(lines: readonly Line[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const match = pattern.exec(line.text);
    if (match) return match[1];
  }
  return undefined;
}

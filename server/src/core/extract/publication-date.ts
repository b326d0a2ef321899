import type { DocumentDate } from '../types';
import type { Line } from '../text/lines';
import lineWords from '../data/publication-lines.json';

/** How many non-empty lines under the top of the body may hold the publication line. */
const TOP_LINES = 8;
/** A publication line is short; a longer line is article text. */
const MAX_LINE_LENGTH = 160;
/** How far from the end of a long caption its closing date is looked for. */
const CAPTION_TAIL = 40;

const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const YEARLESS = new RegExp(`^((?:[A-Za-z.]+,? )?)${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*(?:19|20)\\d{2}\\b)`, 'i');
const FILLER = new Set([...lineWords.filler, ...lineWords.zones, ...lineWords.weekdays]);
const CUE = new RegExp(`\\b(?:${lineWords.cues.map((cue) => cue.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** A date written out in a line, with every ISO reading it allows (a numeric "11/09/2010" allows two). */
export interface WrittenDate { readings: string[]; index: number; length: number }

interface DatePattern { pattern: RegExp; read: (match: RegExpExecArray) => string[] }

const PATTERNS: DatePattern[] = [
  { pattern: new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+|-)${YEAR}\\b`, 'gi'), read: (m) => [isoDay(m[3], monthNumber(m[1]), m[2])] },
  // "Dec-19-05"
  { pattern: new RegExp(`\\b${MONTH}-(\\d{1,2})-(\\d{2})\\b`, 'gi'), read: (m) => [isoDay(`20${m[3]}`, monthNumber(m[1]), m[2])] },
  { pattern: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'gi'), read: (m) => [isoDay(m[3], monthNumber(m[2]), m[1])] },
  { pattern: new RegExp(`\\b${YEAR}[-./](\\d{1,2})[-./](\\d{1,2})\\b`, 'g'), read: (m) => [isoDay(m[1], Number(m[2]), m[3])] },
  // With slashes or hyphens month first (the American order) is the first reading, day first the second;
  // with dots ("08.07.2012", the European way) day first comes first.
  { pattern: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g,
    read: (m) => {
      const year = m[4].length === 2 ? `20${m[4]}` : m[4];
      const readings = [isoDay(year, Number(m[1]), m[3]), isoDay(year, Number(m[3]), m[1])];
      return m[2] === '.' ? readings.reverse() : readings;
    } },
];

/** The first full date written in `text`, if any. */
export function firstWrittenDate(text: string): WrittenDate | null {
  let best: WrittenDate | null = null;
  for (const { pattern, read } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const readings = [...new Set(read(match).filter((reading) => reading))];
      if (!readings.length) continue;
      if (!best || match.index < best.index) best = { readings, index: match.index, length: match[0].length };
      break;
    }
  }
  return best;
}

/**
 * The date a page states for itself near its top: a timestamp line under the headline, a
 * "Published"/"Updated"/"Posted" line, a dateline, a date closing a caption; then a date in its url.
 * An ambiguous numeric date ("11/09/2010") takes the reading the url agrees with.
 */
export function statedPublicationDate(lines: readonly Line[], url: string | null): DocumentDate | null {
  const fromUrl = url ? urlDate(url) : null;
  let yearless: DocumentDate | null = null;
  for (const line of lines.slice(0, TOP_LINES)) {
    const caption = line.text.length > MAX_LINE_LENGTH;
    const written = caption ? closingCaptionDate(line.text) : firstWrittenDate(line.text);
    if (written && isPublicationLine(line.text, written)) {
      const value = (fromUrl && written.readings.find((reading) => reading.startsWith(fromUrl) || fromUrl.startsWith(reading))) ?? written.readings[0];
      return { value, source: 'text', span: { start: line.start + written.index, end: line.start + written.index + written.length },
        ...(caption && !fromUrl ? { earliest: true } : {}) };
    }
    yearless ??= yearlessPublicationLine(line);
  }
  if (fromUrl && yearless?.monthDay && fromUrl.length === 7 && fromUrl.slice(5) === yearless.monthDay.slice(0, 2)) {
    return { value: `${fromUrl.slice(0, 4)}-${yearless.monthDay}`, source: 'text', span: yearless.span };
  }
  return fromUrl ? { value: fromUrl, source: 'front-matter' } : yearless;
}

/** A long photo caption may still close on its date: "…, Hasakah province, Syria, Feb. 18, 2016." */
function closingCaptionDate(text: string): WrittenDate | null {
  const tailStart = Math.max(0, text.length - CAPTION_TAIL);
  const written = firstWrittenDate(text.slice(tailStart));
  if (!written) return null;
  const shifted = { ...written, index: written.index + tailStart };
  return /,\s*$/.test(text.slice(0, shifted.index)) && /^\.?\s*$/.test(text.slice(shifted.index + shifted.length)) ? shifted : null;
}

/** "Jul. 7 5:59 PM EDT", "APR 28", "Mumbai, Nov 11 -": a publication line that leaves out the year. */
function yearlessPublicationLine(line: Line): DocumentDate | null {
  const match = YEARLESS.exec(line.text);
  if (!match) return null;
  const month = monthNumber(match[2]);
  const day = Number(match[3]);
  if (month < 1 || day < 1 || day > 31) return null;
  const written: WrittenDate = { readings: [], index: match.index + match[1].length, length: match[0].length - match[1].length };
  if (!isPublicationLine(line.text, written)) return null;
  return { value: null, source: 'none', monthDay: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    span: { start: line.start + written.index, end: line.start + written.index + written.length } };
}

/** Whether the line around a written date is a publication line rather than article text. */
export function isPublicationLine(text: string, written: WrittenDate): boolean {
  const before = text.slice(0, written.index);
  const after = text.slice(written.index + written.length);
  const restIsFiller = onlyFiller(after);
  // "Published: …", "on April 30, 2008 at 4:31 AM, updated …", "… posted in Accidents on Friday, September 20, 2013."
  const cue = CUE.exec(before);
  if (cue && (wordCount(before.slice(0, cue.index)) <= 2 || restIsFiller || /^\s*[,;|]/.test(after))) return true;
  if (onlyFiller(before) && restIsFiller) return true;
  // "News | May 6, 2015": a short section label and a bar.
  if (/^[A-Za-z ]{1,30}\|\s*$/.test(before) && restIsFiller) return true;
  // Datelines: "MACDILL AIR FORCE BASE, Fla., May 6, 2015 - …", "(March 20, 2007) --".
  if (/^(?:[A-Z][\w.'-]*(?: [\w.'-]+){0,5}, ?)+$|^\(\s*$/.test(before) && (/^\s*\)?\s*(?:[-–—]|--)/.test(after) || restIsFiller)) return true;
  // A caption closed by its date: "…, Hasakah province, Syria, Feb. 18, 2016."
  return /,\s*$/.test(before) && /^\.?\s*$/.test(after);
}

/** A timestamp, a dateline or a bare clock time ("8:24am:"): a line that says when, not what. */
export function isDateOrTimeLine(text: string): boolean {
  const written = firstWrittenDate(text);
  if (written) return isPublicationLine(text, written);
  const yearless = YEARLESS.exec(text);
  if (yearless && isPublicationLine(text, { readings: [], index: yearless[1].length, length: yearless[0].length - yearless[1].length })) return true;
  return /\d/.test(text) && onlyFiller(text);
}

function onlyFiller(text: string): boolean {
  const rest = text.toLowerCase()
    .replace(/\([a-z]{2,8}\)/g, ' ')
    .replace(/\(?\b(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?/g, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?/g, ' ')
    .replace(/\b\d{1,2}\s*[ap]\.?m\b\.?/g, ' ');
  if (/\d/.test(rest)) return false;
  return (rest.match(/[a-z][a-z.]*/g) ?? []).every((word) => FILLER.has(word) || FILLER.has(word.replace(/\.$/, '')));
}

function wordCount(text: string): number {
  return (text.match(/[A-Za-z]+/g) ?? []).length;
}

/** A date in a page address: /2013/05/02/, 2012-08-07, /2013/may/03/, /20070403/; /2013/08/ gives a month. */
export function urlDate(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const day = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (day && isoDay(day[1], Number(day[2]), day[3])) return isoDay(day[1], Number(day[2]), day[3]);
  const named = new RegExp(`/${YEAR}/${MONTH}/(\\d{1,2})(?=/|$)`, 'i').exec(path);
  if (named && isoDay(named[1], monthNumber(named[2]), named[3])) return isoDay(named[1], monthNumber(named[2]), named[3]);
  const compact = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/.exec(path);
  if (compact && isoDay(compact[1], Number(compact[2]), compact[3])) return isoDay(compact[1], Number(compact[2]), compact[3]);
  const month = /\/((?:19|20)\d{2})\/(\d{1,2})(?=\/)/.exec(path);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${month[2].padStart(2, '0')}`;
  return null;
}

function monthNumber(name: string): number {
  return MONTH_ABBREVIATIONS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** YYYY-MM-DD for a real calendar day, else ''. */
function isoDay(year: string, month: number, day: string): string {
  const dayNumber = Number(day);
  if (month < 1 || month > 12 || dayNumber < 1) return '';
  if (dayNumber > new Date(Date.UTC(Number(year), month, 0)).getUTCDate()) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}

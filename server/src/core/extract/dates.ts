import type { DateMention, ExtractionContext } from '../types';
import { outsideNoise } from '../text/spans';
import { dayNumber, formatDay, pad, parseReference } from './dates/calendar';
import { type Atom, Resolver, clockText } from './dates/atoms';
import { RULES, type Rule, type Scan, sentenceStartsAfter } from './dates/rules';
import { ABBREVIATIONS, GLUED_NUMBER_PREFIXES, lexicon, weekdayNumber } from './dates/lexicon';

// Date expressions as TIMEX3 values. Rules (./dates/rules.ts, lexicon in ../data/dates-lexicon.json) find
// pieces at candidate words; neighbouring pieces are merged ("Tuesday" + "evening", "tomorrow" + "8am");
// relative pieces are resolved against the document date, or left with X placeholders when there is none.
// Conventions (test/fixtures/ANNOTATION.md, TimeML): a date has a calendar word, so deictic adverbs ("now",
// "recently", "in recent times") are not dates; vague amounts keep an X ("the last few weeks" PXW); fractions and
// parts of spelled numbers ("3/4", "three quarters", "two hundred and two thousand") are left to the figures.

/** A period that belongs to the span: "a.m.", "Feb.", "Tues."; not the full stop after "Monday." or "2.13 am.". */
const ABBREVIATION_END = new RegExp(`(?:\\.[A-Za-z]\\.|(?:^|[^A-Za-z])(?:${[...ABBREVIATIONS].join('|')})\\.)$`, 'i');

/** Letters glued before a number that still let it start a date: "mar4", "Q3", "H1", "week12". */
const MONTH_OR_PERIOD_BEFORE = new RegExp(`(?:^|[^A-Za-z])(?:${[...GLUED_NUMBER_PREFIXES].join('|')})$`, 'i');

/** A date mention and the names of the rules whose pieces made it (for the rule tests and hovers). */
export interface TracedDate { mention: DateMention; rules: string[] }

/** A node of the trie of rule heads by lower-case ASCII letter (see DateExtractor.wordHeads). */
interface HeadNode { next: Array<HeadNode | undefined>; rules?: Rule[] }

/** Finds date expressions with a set of rules; the index of rules by first word belongs to the instance. */
export class DateExtractor {
  private readonly rulesByHead = new Map<string, Rule[]>();
  /** The word heads of rulesByHead as a trie, so that a word that heads no rule costs no lower-cased copy. */
  private readonly wordHeads: HeadNode = { next: [] };

  constructor(readonly rules: readonly Rule[] = RULES) {
    for (const rule of rules) {
      for (const head of rule.heads) {
        const key = head.toLowerCase();
        const list = this.rulesByHead.get(key) ?? [];
        if (!list.includes(rule)) list.push(rule);
        this.rulesByHead.set(key, list);
      }
    }
    for (const [key, list] of this.rulesByHead) {
      if (!/^[a-z]+$/.test(key)) continue;
      let node = this.wordHeads;
      for (let i = 0; i < key.length; i++) node = node.next[key.charCodeAt(i) - 97] ??= { next: [] };
      node.rules = list;
    }
  }

  extract(context: ExtractionContext): TracedDate[] {
    const { text } = context;
    const scan: Scan = { text, at: 0, resolver: new Resolver(parseReference(context.documentDate), context.documentDateIsEarliest) };
    const atoms = this.findAtoms(scan, context.bodyStart);
    const merged = merge(outsideNoise(atoms, context.noise), scan);
    const found: TracedDate[] = [];
    for (const atom of merged) {
      if (atom.weak && !atom.alone) continue;
      const mention = atom.weak && atom.alone
        ? { start: atom.start, end: atom.end, text: text.slice(atom.start, atom.end), ...atom.alone, resolution: 'recurring' }
        : finish(atom, text);
      if (mention) found.push({ mention, rules: atom.rules ?? [] });
    }
    return orderRangeEnds(found, text);
  }

  private findAtoms(scan: Scan, from: number): Atom[] {
    const { text } = scan;
    const atoms: Atom[] = [];
    const numberRules = this.rulesByHead.get('#');
    const length = text.length;
    // Tokens: a run of ASCII letters, a run of digits, '½', or an apostrophe before a digit.
    let next = from;
    while (next < length) {
      const at = next;
      const first = text.charCodeAt(at);
      let rules: Rule[] | undefined;
      let numeric = false;
      if (isAsciiLetter(first)) {
        let node: HeadNode | undefined = this.wordHeads;
        let end = at;
        for (let c = first; end < length && isAsciiLetter(c = text.charCodeAt(end)); end++) if (node) node = node.next[(c | 32) - 97];
        next = end;
        rules = node?.rules;
      } else if (first >= 48 && first <= 57) {
        let end = at + 1;
        while (end < length && isDigit(text.charCodeAt(end))) end++;
        next = end;
        rules = numberRules;
        numeric = true;
      } else if (first === 0xbd || ((first === 39 || first === 0x2019) && at + 1 < length && isDigit(text.charCodeAt(at + 1)))) {
        next = at + 1;
        rules = this.rulesByHead.get(text[at]);
      } else {
        next = at + 1;
        continue;
      }
      if (!rules) continue;
      const before = at > 0 ? text.charCodeAt(at - 1) : 32;
      if (!numeric && (isAsciiLetter(before) || isDigit(before))) continue;
      const previous = at > 0 ? text[at - 1] : ' ';
      // Numbers inside addresses, identifiers or amounts of money are not dates.
      if (numeric && (/[_~=&%/@#]/.test(previous) || /[A-Za-z]/.test(previous) && !MONTH_OR_PERIOD_BEFORE.test(text.slice(Math.max(0, at - 6), at)) ||
        /[$€£¥]\s?$/.test(text.slice(Math.max(0, at - 2), at)))) continue;
      // The decimals or thousands of a number ("2.123 pm", "1,500") are not a number of their own.
      if (numeric && at > 1 && isDigit(text.charCodeAt(at - 2)) && (previous === '.' || (previous === ',' && /^\d{3}(?!\d)/.test(text.slice(at, at + 4))))) continue;
      scan.at = at;
      let best: Atom | null = null;
      for (const rule of rules) {
        rule.re.lastIndex = at;
        const match = rule.re.exec(text);
        if (!match || match[0].length === 0) continue;
        const end = at + match[0].length;
        if (best && end <= best.end) continue;
        if (/[A-Za-z0-9_]/.test(text[end] ?? ' ') && /[A-Za-z0-9]/.test(text[end - 1])) continue;
        const piece = rule.build(match, scan);
        if (!piece) continue;
        best = { ...piece, start: at, end: piece.end ?? end, rules: [rule.name] } as Atom;
      }
      if (best) {
        // Trailing spaces or a dangling period of an abbreviation stay outside the span.
        while (best.end > best.start && /\s/.test(text[best.end - 1])) best.end--;
        if (text[best.end - 1] === '.' && !ABBREVIATION_END.test(text.slice(Math.max(best.start, best.end - 6), best.end))) best.end--;
        atoms.push(best);
        next = best.end;
      }
    }
    return atoms;
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const DEFAULT_EXTRACTOR = new DateExtractor();

/** Date expressions as TIMEX3 values, resolved against the document's own date when it has one. */
export function extractDates(context: ExtractionContext): DateMention[] {
  return DEFAULT_EXTRACTOR.extract(context).map((found) => found.mention);
}

const RANGE_GAP = /^\s*(?:to|through|until|till|-|–|—)\s*$/i;
const BETWEEN_GAP = /^\s*and\s*$/i;
/** "moved the vote from Friday to Monday": a date changed, not a range, and the new one may come first. */
const RESCHEDULED = new RegExp(`\\b(?:${lexicon.rescheduleVerbs.map((verb) => verb.replace(/ /g, '\\s+')).join('|')})\\b[^.!?\\n]*$`, 'i');
const STATED_DIRECTION = /\b(?:last|next|this|past|coming|previous|ago)\b|\d{4}/i;
const CALENDAR_VALUE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(.*)$/;

/**
 * The end of a range comes after its start: "from Monday to Wednesday", "between January and May". An end placed
 * by the sentence's tense alone before its start is moved to the next such day (a week on) or month (a year on).
 */
function orderRangeEnds(found: TracedDate[], text: string): TracedDate[] {
  return found.map((current, i) => {
    const start = found[i - 1]?.mention;
    const end = current.mention;
    if (!start) return current;
    const gap = text.slice(start.end, end.start);
    const between = /\bbetween\s+$/i.test(text.slice(Math.max(0, start.start - 9), start.start));
    if (!RANGE_GAP.test(gap) && !(between && BETWEEN_GAP.test(gap))) return current;
    if (!end.resolution.includes('relative to the document date') || STATED_DIRECTION.test(end.text)) return current;
    if (RESCHEDULED.test(text.slice(Math.max(0, start.start - 80), start.start))) return current;
    const a = CALENDAR_VALUE.exec(start.value);
    const b = CALENDAR_VALUE.exec(end.value);
    if (!a || !b) return current;
    // compared by day when both have one, else by month
    const length = a[3] !== undefined && b[3] !== undefined ? 8 : 6;
    if ((b[1] + b[2] + (b[3] ?? '')).slice(0, length) >= (a[1] + a[2] + (a[3] ?? '')).slice(0, length)) return current;
    const byWeekday = b[3] !== undefined && !/\d/.test(end.text) && end.text.split(/[^A-Za-z.]+/).some((word) => weekdayNumber(word) > 0);
    let value: string;
    if (byWeekday) {
      let n = dayNumber(Number(b[1]), Number(b[2]), Number(b[3]));
      const first = dayNumber(Number(a[1]), Number(a[2]), Number(a[3] ?? 1));
      while (n < first) n += 7;
      value = formatDay(n) + b[4];
    } else {
      const year = Number(b[1]);
      value = `${pad(year + 1, 4)}-${b[2]}${b[3] !== undefined ? `-${b[3]}` : ''}${b[4]}`;
    }
    return { ...current, mention: { ...end, value, resolution: `${end.resolution}; after the start of its range` } };
  });
}

const GAP = /^[ \t]*(?:,|@|-|–|\(|at|on|of|in\s+the|in|around|about|for)?[ \t]*,?[ \t]*$/i;

/** Joins neighbouring pieces into one expression ("Tuesday" + "evening", "tomorrow" + "at 8am", "Friday" + "7/6"). */
function merge(atoms: Atom[], scan: Scan): Atom[] {
  const out = atoms.slice();
  for (let i = 0; i + 1 < out.length;) {
    const joined = join(out[i], out[i + 1], scan);
    if (joined) out.splice(i, 2, { ...joined, alone: undefined, rules: [...(out[i].rules ?? []), ...(out[i + 1].rules ?? [])] });
    else i++;
  }
  return out;
}

function join(a: Atom, b: Atom, scan: Scan): Atom | null {
  let gap = scan.text.slice(a.end, b.start);
  // A parenthesis between a time and its day: "8:00 am local time (0300 GMT) on Sunday".
  if (a.clock && /^\s*\([^()\n]{1,24}\)\s*(?:on\s+)?$/.test(gap)) gap = gap.replace(/\([^()]*\)/, '').replace(/\s+/g, ' ');
  if (gap.length > 14 || gap.includes('\n')) return null;
  // "at 5 p.m. On Friday": the abbreviation's full stop ends the sentence.
  if (scan.text[a.end - 1] === '.' && sentenceStartsAfter(scan.text, a.end)) return null;
  const word = gap.trim().toLowerCase().replace(/\s+/g, ' ');
  const span = { start: a.start, end: b.end };
  const r = scan.resolver;
  const isDay = (x: Atom) => x.day !== undefined && !x.clock && !x.pod && !x.set;
  const clocky = (x: Atom) => !!x.clock && !x.set;

  // A weekday confirming a calendar date: "Friday 7/6", "Tuesday, December 9, 2008", "Friday-Jun-15".
  if (a.weekday && !a.clock && !a.pod && b.explicitMonth && b.day && /^(|,|-|\()$/.test(word)) {
    return { ...b, ...span, weak: false };
  }
  // ... also after a clock time: "8 p.m. Saturday, Jan. 15".
  if (a.weekday && a.clock && !a.set && b.explicitMonth && b.day && !b.clock && word === ',') {
    return { ...b, ...span, type: 'time', clock: a.clock, pod: a.pod, weak: false };
  }
  // Ranges ("from 1974 to 1978") stay two expressions, as TimeML marks them.
  if (!GAP.test(gap)) return null;

  // A weekday with a day of the month: "monday the twenty seventh".
  if (a.weekday && b.dom && word === '') {
    return { ...r.dayOfMonth(b.dom), weekday: a.weekday, ...span };
  }
  // A weekday in a week: "next week Wednesday", "tuesday of next week".
  if (a.week !== undefined && b.weekday && !b.clock && /^(|-|,)$/.test(word)) return { ...r.weekdayIn(a.week, b.weekday), ...span };
  if (a.weekday && !a.clock && b.week !== undefined && word === 'of') return { ...r.weekdayIn(b.week, a.weekday), ...span };

  // A set and a time: "each monday at 4pm", "3pm each day".
  if (a.set && b.clock && /^(|at|,)$/.test(word)) return { ...a, ...span, clock: b.clock, pod: a.pod };
  if (a.clock && b.set && word === '') return { ...b, ...span, clock: a.clock };
  if (a.set || b.set) return null;

  // A day and a part of the day: "Tuesday evening", "yesterday evening", "tuesday in the morning".
  if (a.weekday && isDay(a) && b.pod && !b.day && !b.clock && word === '' && /s$/i.test(scan.text.slice(b.start, b.end))) {
    return { ...a, ...span, type: 'set', value: `XXXX-WXX-${a.weekday}T${b.pod}`, set: true, day: undefined, pod: undefined, resolution: 'recurring' };
  }
  if (isDay(a) && b.pod && !b.day && !b.clock && /^(|in the|in|,)$/.test(word)) {
    return { ...a, ...span, type: 'time', pod: b.pod, approximate: a.approximate || b.approximate, weak: a.weak };
  }
  // A day and a clock time: "tomorrow 8:00am", "today at 9a", "Monday at 2.30".
  if (isDay(a) && clocky(b) && !b.day && /^(|,|at|@|for|around|about)$/.test(word)) {
    return { ...a, ...span, type: 'time', clock: b.clock, pod: b.pod, weak: false };
  }
  if (clocky(a) && !a.day && isDay(b) && /^(|,|on|of)$/.test(word)) {
    return { ...b, ...span, type: 'time', clock: a.clock, pod: a.pod, weak: b.weak && a.weak };
  }
  // A clock time and a part of the day, either way round: "eight in the evening", "in the afternoon at 7", "10, tonight".
  if (clocky(a) && b.pod && !b.clock && !a.pod && /^(|in the|in|,|this)$/.test(word)) {
    return { ...b, ...span, type: 'time', clock: a.clock, day: b.day ?? a.day, weak: a.weak && b.weak && !b.day };
  }
  if (a.pod && !a.clock && clocky(b) && !b.day && /^(|at|around|about|,)$/.test(word)) {
    return { ...a, ...span, type: 'time', clock: b.clock, weak: false };
  }
  return null;
}

/** "early", "late", "mid" right before a day or part of the day widen it ("late Tuesday", "early on Monday"). */
const EDGE_MODIFIER = new RegExp(`\\b(${lexicon.edgeModifiers.join('|')})(?:[\\s-]+on)?[\\s-]+$`, 'i');

function finish(atom: Atom, text: string): DateMention | null {
  let value = atom.value;
  let type = atom.type;
  if (atom.clock) {
    value = (atom.set && atom.value.startsWith('P') ? '' : atom.set ? atom.value.replace(/T[A-Z]{2}$/, '') : atom.day ?? '') + clockText(atom.clock, atom.pod);
    if (!atom.set) type = 'time';
  } else if (atom.pod && !atom.set) {
    value = `${atom.day ?? ''}T${atom.pod}`;
    type = 'time';
  }
  if (!value) return null;
  let { start } = atom;
  let approximate = atom.approximate;
  const before = EDGE_MODIFIER.exec(text.slice(Math.max(0, start - 12), start));
  if (before && (atom.day !== undefined || atom.pod)) {
    start -= before[0].length;
    approximate = true;
  }
  let resolution = atom.resolution;
  if (approximate && !resolution.startsWith('approximate')) resolution = `approximate, ${resolution}`;
  return { start, end: atom.end, text: text.slice(start, atom.end), type, value, resolution };
}

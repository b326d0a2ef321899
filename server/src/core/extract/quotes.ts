import type { EntityMention, ExtractionContext, Quote, QuoteSpeaker, Span } from '../types';
import { SpanSet, firstStartingAt, outsideNoise } from '../text/spans';
import cues from '../data/quotes-cues.json';
import titles from '../data/entities-titles.json';
import abbreviations from '../data/abbreviations.json';
import { looksFemale } from './entities';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const CUE = new RegExp(`\\b(?:${[...cues.verbs, ...cues.participles].map(escape).join('|')})\\b`, 'gi');
const PARTICIPLES = new Set(cues.participles);
const ADVERBS = new RegExp(`(?:\\s+(?:${cues.adverbs.map(escape).join('|')}))*\\s*$`, 'i');
const ROLE = titles.roleNouns.map(escape).join('|');
const ROLE_AFTER = new RegExp(`^(?:the|a|an|this)\\s+(?:[\\w.’'-]+\\s+){0,3}?(?:${ROLE})s?\\b`, 'i');
const ROLE_BEFORE = new RegExp(`\\b(?:the|a|an|this)\\s+(?:[\\w.’'-]+\\s+){0,3}?(?:${ROLE})s?$`, 'i');
const PRONOUN_AFTER = /^(?:he|she|they)\b/i;
const PRONOUN_BEFORE = /\b(?:he|she|they)$/i;
const AFTER_CUE = new RegExp(`\\b(?:${cues.after.map(escape).join('|')})\\s+$`, 'i');
const SCARE = new RegExp(`(?:${cues.scareMarkers.map(escape).join('|')})\\s*$`, 'i');
const DOTTED = new Set(abbreviations);

interface Subject extends Span { kind: 'mention' | 'pronoun' | 'role'; mention?: EntityMention }

/**
 * Direct quotes with their speakers. A quote is a span in double marks (straight or curly), marks included;
 * one that runs over paragraphs (no closing mark, the next paragraph opens with a mark) is one quote.
 * The speaker is the mention named by the attribution ("Mr. Carter said", "said Secretary Kerry,", "he said"
 * – the pronoun's span – or "the president said", resolved to the person carrying that title); a quote split
 * by its attribution, or following it in the same paragraph with no attribution of its own, keeps the speaker.
 */
export function extractQuotes(context: ExtractionContext, entities: readonly EntityMention[]): Quote[] {
  const { text } = context;
  const spans = outsideNoise(findQuoteSpans(text, context.bodyStart), context.noise)
    .filter((span) => !SCARE.test(text.slice(Math.max(0, span.start - 20), span.start)));
  const mentions = [...entities].sort((a, b) => a.start - b.start);
  const byStart = new Map<number, EntityMention>();
  const byEnd = new Map<number, EntityMention>();
  for (const mention of mentions) { byStart.set(mention.start, mention); byEnd.set(mention.end, mention); }
  const quoteSet = new SpanSet(spans);
  const insideQuote = (offset: number) => quoteSet.touches({ start: offset, end: offset });
  const people = mentions.filter((m) => m.type === 'person' && !insideQuote(m.start));
  // Built once, not per quote: a long document has thousands of quotes and of people.
  const femalePeople = people.filter((p) => looksFemale(p));
  const malePeople = people.filter((p) => !looksFemale(p));
  const titledPeople = new Map<string, EntityMention[]>();
  /** The first person mention in [from, to), in text order. */
  const firstPersonWithin = (from: number, to: number) => {
    for (let k = firstStartingAt(mentions, from); k < mentions.length && mentions[k].start < to; k++) {
      if (mentions[k].end <= to && mentions[k].type === 'person') return mentions[k];
    }
    return undefined;
  };

  const quotes: Quote[] = [];
  let previous = null as { span: Span; speaker: QuoteSpeaker | null } | null;
  for (const span of spans) {
    const subject: Subject | null = attributionAfter(span) ?? attributionBefore(span, previous?.span ?? null);
    let speaker: QuoteSpeaker | null = subject ? resolve(subject) : null;
    if (!speaker && previous?.speaker && continues(previous.span, span)) speaker = { ...previous.speaker };
    quotes.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker });
    previous = { span, speaker };
  }
  quotes.push(...headlineQuotes(text, context.bodyStart, mentions, quoteSet));
  quotes.sort((a, b) => a.start - b.start);
  return outsideNoise(quotes, context.noise);

  function attributionAfter(span: Span): Subject | null {
    // "… a threat." He said …: a quote closed by a full stop ends its sentence.
    if (/\.\s*[”"]$/.test(text.slice(span.end - 3, span.end))) return null;
    const limit = windowEnd(span.end);
    const window = text.slice(span.end, limit);
    CUE.lastIndex = 0;
    for (let match = CUE.exec(window); match; match = CUE.exec(window)) {
      const cueStart = span.end + match.index;
      const cueEnd = cueStart + match[0].length;
      if (match[0].toLowerCase() === 'according') continue;
      const inverted = subjectAt(cueEnd);
      if (inverted && /^\s*(?:[,.:;]|$)/.test(text.slice(inverted.end, inverted.end + 2)) && !PARTICIPLES.has(match[0].toLowerCase())) return inverted;
      const subject = subjectEndingAt(cueStart, span.end);
      if (subject) return subject;
    }
    const according = /\baccording\s+to\s+$/i;
    const at = window.search(/\baccording\s+to\s/i);
    if (at >= 0) {
      const head = window.slice(0, at + window.slice(at).match(/^according\s+to\s+/i)![0].length);
      if (according.test(head)) return subjectAt(span.end + head.length);
    }
    return null;
  }

  function attributionBefore(span: Span, previousSpan: Span | null): Subject | null {
    const from = windowStart(span.start, previousSpan);
    const window = text.slice(from, span.start);
    const found: Array<{ start: number; end: number; word: string }> = [];
    CUE.lastIndex = 0;
    for (let match = CUE.exec(window); match; match = CUE.exec(window)) found.push({ start: from + match.index, end: from + match.index + match[0].length, word: match[0].toLowerCase() });
    if (AFTER_CUE.test(window)) {
      const subject = subjectAt(span.start - (window.length - window.replace(/\s+$/, '').length) - 0);
      if (subject) return subject;
    }
    for (let k = found.length - 1; k >= 0; k--) {
      const cue = found[k];
      if (cue.word === 'according') {
        const subject = subjectAt(cue.end + (text.slice(cue.end).match(/^\s+to\s+/)?.[0].length ?? 0));
        if (subject) return subject;
        continue;
      }
      const inverted = PARTICIPLES.has(cue.word) ? null : subjectAt(cue.end);
      if (inverted && /^\s*[,:]?\s*$/.test(text.slice(inverted.end, span.start))) return inverted;
      const subject = subjectEndingAt(cue.start, from);
      if (subject) return subject;
    }
    if (found.length) {
      // "Pentagon Spokesperson Peter Cook welcomed …, but stressed that …": the sentence's first person.
      const first = firstPersonWithin(from, found[found.length - 1].start);
      if (first) return { start: first.start, end: first.end, kind: 'mention', mention: first };
    }
    return null;
  }

  /** The speaker named from `offset` on: a mention, a pronoun or a role ("the president"). */
  function subjectAt(offset: number): Subject | null {
    let i = offset;
    while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
    const mention = byStart.get(i);
    if (mention) return { start: mention.start, end: mention.end, kind: 'mention', mention };
    const head = text.slice(i, i + 60);
    const pronoun = PRONOUN_AFTER.exec(head);
    if (pronoun) return { start: i, end: i + pronoun[0].length, kind: 'pronoun' };
    const role = ROLE_AFTER.exec(head);
    if (role) {
      const inner = firstPersonWithin(i, i + role[0].length);
      if (inner) return { start: inner.start, end: inner.end, kind: 'mention', mention: inner };
      return { start: i, end: i + role[0].length, kind: 'role' };
    }
    return null;
  }

  /** The speaker written right before a cue verb (adverbs such as "also" may come between). */
  function subjectEndingAt(offset: number, floor: number): Subject | null {
    const before = text.slice(Math.max(floor, offset - 80), offset);
    const adverbs = ADVERBS.exec(before);
    const end = offset - (adverbs ? adverbs[0].length : 0);
    const mention = byEnd.get(end);
    if (mention && mention.start >= floor) return { start: mention.start, end: mention.end, kind: 'mention', mention };
    const head = text.slice(Math.max(floor, end - 60), end);
    const pronoun = PRONOUN_BEFORE.exec(head);
    if (pronoun) return { start: end - pronoun[0].length, end, kind: 'pronoun' };
    const role = ROLE_BEFORE.exec(head);
    if (role) {
      const start = end - role[0].length;
      const inner = firstPersonWithin(start, end);
      if (inner) return { start: inner.start, end: inner.end, kind: 'mention', mention: inner };
      return { start, end, kind: 'role' };
    }
    return null;
  }

  function resolve(subject: Subject): QuoteSpeaker {
    const spanText = text.slice(subject.start, subject.end);
    if (subject.mention) return { id: subject.mention.id, name: subject.mention.canonical, start: subject.start, end: subject.end };
    let target: EntityMention | undefined;
    if (subject.kind === 'role') {
      const role = spanText.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '');
      let titled = titledPeople.get(role);
      if (!titled) { titled = people.filter((p) => p.title && p.title.toLowerCase().includes(role)); titledPeople.set(role, titled); }
      target = nearestBefore(titled, subject.start) ?? titled[0];
    }
    if (!target && subject.kind !== 'role' || !target && subject.kind === 'role') {
      const female = /^she$/i.test(spanText);
      const male = /^he$/i.test(spanText);
      const compatible = female ? femalePeople : male ? malePeople : people;
      target = nearestBefore(compatible, subject.start);
    }
    if (!target) return { id: null, name: spanText, start: subject.start, end: subject.end };
    return { id: target.id, name: target.canonical, start: subject.start, end: subject.end };
  }

  /** The quote follows `previous` in the same paragraph with only its attribution between. */
  function continues(previousSpan: Span, span: Span): boolean {
    const between = text.slice(previousSpan.end, span.start);
    if (/\n\s*\n/.test(between) && between.trim()) return false;
    return between.length < 120 && !/[“"]/.test(between);
  }

  function windowEnd(from: number): number {
    let i = from;
    const stop = Math.min(text.length, from + 200);
    while (i < stop) {
      const ch = text[i];
      if (ch === '\n' || ch === '“' || ch === '"') break;
      if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ') && !abbreviationBefore(i)) break;
      i++;
    }
    return i;
  }

  function windowStart(to: number, previousSpan: Span | null): number {
    let i = to - 1;
    const floor = Math.max(context.bodyStart, to - 1200, previousSpan && previousSpan.end <= to ? previousSpan.end : 0);
    while (i >= floor) {
      const ch = text[i];
      if (ch === '\n') return i + 1;
      if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ') && !abbreviationBefore(i)) return i + 1;
      i--;
    }
    return Math.max(floor, 0);
  }

  function abbreviationBefore(dot: number): boolean {
    let i = dot;
    while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
    const word = text.slice(i, dot);
    return /^[A-Z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word) || DOTTED.has(word);
  }
}

/** The mention ending by `offset` that starts last (the first such in text order on a tie); `people` sorted by start. */
function nearestBefore(people: EntityMention[], offset: number): EntityMention | undefined {
  let k = firstStartingAt(people, offset) - 1;
  while (k >= 0 && people[k].end > offset) k--;
  if (k < 0) return undefined;
  while (k > 0 && people[k - 1].start === people[k].start && people[k - 1].end <= offset) k--;
  return people[k];
}

/** Spans in double quotation marks, marks included; an unclosed quote continues into a paragraph that opens with a mark. */
export function findQuoteSpans(text: string, from: number): Span[] {
  const spans: Span[] = [];
  const marks = /[“”"\n]/g;
  marks.lastIndex = from;
  let open = -1;
  for (let match = marks.exec(text); match; match = marks.exec(text)) {
    const at = match.index;
    const ch = match[0];
    if (ch === '\n') {
      if (open < 0) continue;
      let next = at;
      while (next < text.length && /\s/.test(text[next])) next++;
      if (text[next] === '“' || text[next] === '"') { marks.lastIndex = next + 1; continue; }
      let end = at;
      while (end > open && /\s/.test(text[end - 1])) end--;
      if (end - open > 2) spans.push({ start: open, end });
      open = -1;
      continue;
    }
    if (open < 0) {
      if (ch === '“' || (ch === '"' && at + 1 < text.length && !/\s/.test(text[at + 1]))) open = at;
      continue;
    }
    if (ch === '”' || ch === '"') {
      if (at + 1 - open > 2) spans.push({ start: open, end: at + 1 });
      open = -1;
    } else open = at; // a second opening mark: the first one was stray
  }
  if (open >= 0) {
    let end = text.length;
    while (end > open && /\s/.test(text[end - 1])) end--;
    if (end - open > 2) spans.push({ start: open, end });
  }
  return spans;
}

/** "Tillerson: Islamic State Yet To Suffer 'Enduring Defeat'": a single-quoted phrase in a line led by "Name:". */
function headlineQuotes(text: string, from: number, mentions: EntityMention[], quoteSet: SpanSet): Quote[] {
  const quotes: Quote[] = [];
  const line = /^([^\n:]{2,60}):[ \t]+([^\n]*)$/gm;
  line.lastIndex = from;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const nameEnd = match.index + match[1].length;
    let speaker: EntityMention | undefined;
    for (let k = firstStartingAt(mentions, match.index); !speaker && k < mentions.length && mentions[k].start < nameEnd; k++) {
      if (mentions[k].end === nameEnd && mentions[k].type === 'person') speaker = mentions[k];
    }
    if (!speaker) continue;
    const restStart = match.index + match[0].length - match[2].length;
    const single = /(^|[\s(])(['‘])([^'‘’\n]+?)(['’])(?=$|[\s.,;:!?)])/g;
    for (let q = single.exec(match[2]); q; q = single.exec(match[2])) {
      const start = restStart + q.index + q[1].length;
      const end = start + q[2].length + q[3].length + q[4].length;
      if (quoteSet.touches({ start, end })) continue;
      quotes.push({ start, end, text: text.slice(start, end), speaker: { id: speaker.id, name: speaker.canonical, start: speaker.start, end: speaker.end } });
    }
  }
  return quotes;
}

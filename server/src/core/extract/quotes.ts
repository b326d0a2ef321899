import type { EntityMention, ExtractionContext, Quote, QuoteSpeaker, Span } from '../types';
import { outsideNoise } from '../text/spans';
import { Attribution, type Subject } from './quotes/attribution';
import { personGenders } from './quotes/gender';
import { asSpeakers } from './quotes/person-names';
import { DEFINITE_DETERMINERS, PRONOUNS } from './quotes/lexicon';
import { findQuoteSpans, findSingleQuoteSpans, isFragment, notAQuote, type MarkedSpan } from './quotes/spans';

export { findQuoteSpans } from './quotes/spans';

/** How far back a pronoun looks for the person it names. */
const PRONOUN_REACH = 3000;
/** How far back "the NATO chief" looks for an untitled person it may name. */
const ROLE_REACH = 400;

interface Piece { span: MarkedSpan; subject: Subject | null }

/**
 * Direct quotes with their speakers. A quote is a span in double marks (straight or curly), marks included;
 * titles, terms, names and markup attributes in marks are left out. The speaker is read from the attribution
 * clause ("Mr. Carter said", "said Secretary Kerry,", "Grassley, Republican of Iowa, said", "according to the
 * company", "he said" – the pronoun's span, resolved to the nearest person of its gender). A quote split by its
 * attribution, running over paragraphs, or following it in the same paragraph with no attribution of its own
 * keeps the speaker; its later pieces are marked `continues`.
 */
export function extractQuotes(context: ExtractionContext, entities: readonly EntityMention[]): Quote[] {
  const { text } = context;
  const doubles = findQuoteSpans(text, context.bodyStart);
  const marked = outsideNoise([...doubles, ...findSingleQuoteSpans(text, context.bodyStart, doubles)].sort((a, b) => a.start - b.start), context.noise);
  // titles, terms, names and markup in marks are no quotes; a paragraph of a longer quote always is
  const candidates = marked.filter((span, index) => span.paragraphContinuation || marked[index + 1]?.paragraphContinuation || !notAQuote(text, span));
  // "Georgia Lang" typed as a place is still a person when she speaks
  const mentions = asSpeakers(entities).sort((a, b) => a.start - b.start);
  const insideQuote = (offset: number) => {
    // candidates are sorted and do not overlap: the last one starting before `offset`
    let low = 0;
    let high = candidates.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (candidates[middle].start < offset) low = middle + 1; else high = middle - 1;
    }
    return high >= 0 && offset < candidates[high].end;
  };
  const people = mentions.filter((m) => m.type === 'person' && !insideQuote(m.start));
  const organizations = mentions.filter((m) => m.type === 'organization' && !insideQuote(m.start));
  const genders = personGenders(text, mentions);
  const peopleByGender = new Map<string, EntityMention[]>();
  const peopleByRole = new Map<string, EntityMention[]>();
  // a name inside a quote never attributes one
  const attribution = new Attribution(text, mentions.filter((m) => !insideQuote(m.start)), context.bodyStart, candidates);
  let lineBreaks: number[] | null = null;

  const pieces: Piece[] = [];
  let previousSpan: Span | null = null;
  for (const [index, span] of candidates.entries()) {
    const inParagraphChain = span.paragraphContinuation || !!candidates[index + 1]?.paragraphContinuation;
    const subject = attribution.of(span, previousSpan);
    if (!subject && !inParagraphChain && isFragment(text, span) && !attribution.hasCue(span)) continue;
    pieces.push({ span, subject });
    previousSpan = span;
  }

  const quotes: Quote[] = [];
  let previous = null as { span: Span; speaker: QuoteSpeaker | null } | null;
  for (const { span, subject } of pieces) {
    let speaker: QuoteSpeaker | null = null;
    let continues = false;
    const sameParagraph = previous !== null && !text.slice(previous.span.end, span.start).includes('\n');
    if (span.paragraphContinuation && previous?.speaker) {
      speaker = { ...previous.speaker };
      continues = true;
    } else if (subject) {
      speaker = resolve(subject);
      continues = sameParagraph && !!previous?.speaker && sameSpeaker(previous.speaker, speaker) && onlyAttributionBetween(previous.span, span, speaker);
    } else if (sameParagraph && previous?.speaker && follows(previous.span, span)) {
      speaker = { ...previous.speaker };
      continues = onlyAttributionBetween(previous.span, span, previous.speaker);
    } else {
      speaker = fromContext(span);
    }
    if (span.paragraphContinuation && !previous?.speaker) continues = true;
    quotes.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker, ...(continues ? { continues } : {}) });
    previous = { span, speaker };
  }
  backfillParagraphChains(quotes);
  quotes.push(...headlineQuotes(text, context.bodyStart, mentions, marked));
  quotes.sort((a, b) => a.start - b.start);
  return outsideNoise(quotes, context.noise);

  function resolve(subject: Subject): QuoteSpeaker {
    const written = text.slice(subject.start, subject.end).replace(/\s+/g, ' ');
    const at = { start: subject.start, end: subject.end };
    if (subject.mention) return { id: subject.mention.id, name: subject.mention.canonical, ...at };
    let target: EntityMention | undefined;
    if (subject.kind === 'pronoun') {
      const pronoun = PRONOUNS.get(written.toLowerCase());
      // a person agrees in number too: "they" never names one person
      if (pronoun?.refersTo === 'person' && pronoun.number === 'singular') {
        target = nearestBefore(peopleOfGender(pronoun.gender), subject.start);
        // "A police spokeswoman said … She added": an unnamed person written nearer is the one meant
        if (target && attribution.unnamedPersonBetween(target.end, subject.start, pronoun.gender)) target = undefined;
      } else if (pronoun?.refersTo === 'organization') {
        target = nearestBefore(organizations, subject.start);
      }
    } else if (subject.kind === 'role' && DEFINITE_DETERMINERS.has(written.split(' ')[0].toLowerCase())) {
      // "the president" is the person titled President, else a person named just before; "a spokesman" is nobody known
      const role = written.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '');
      const gender = /woman$/.test(role) ? 'female' : /man$/.test(role) ? 'male' : 'any';
      const titled = titledPeople(role, gender);
      const near = nearestBefore(peopleOfGender(gender), subject.start);
      target = nearestBefore(titled, subject.start) ?? titled[0] ?? (near && subject.start - near.end <= ROLE_REACH ? near : undefined);
    }
    if (!target) return { id: null, name: written, ...at };
    return { id: target.id, name: target.canonical, ...at };
  }

  function agrees(person: EntityMention, gender: string): boolean {
    if (gender !== 'male' && gender !== 'female') return true;
    const known = genders.get(person.id);
    return !known || known === gender;
  }

  // Filtered once per gender and role, not per quote: a long document has thousands of quotes and of people.
  function peopleOfGender(gender: string): EntityMention[] {
    let list = peopleByGender.get(gender);
    if (!list) peopleByGender.set(gender, (list = people.filter((p) => agrees(p, gender))));
    return list;
  }

  function titledPeople(role: string, gender: string): EntityMention[] {
    const key = `${gender}\u0000${role}`;
    let list = peopleByRole.get(key);
    if (!list) peopleByRole.set(key, (list = peopleOfGender(gender).filter((p) => p.title && p.title.toLowerCase().includes(role))));
    return list;
  }

  /** The last candidate ending by `offset`, if it ends within reach; candidates are in text order and do not overlap. */
  function nearestBefore(candidates: EntityMention[], offset: number): EntityMention | undefined {
    let low = 0;
    let high = candidates.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (candidates[middle].end <= offset) low = middle + 1; else high = middle - 1;
    }
    const best = high >= 0 ? candidates[high] : undefined;
    return best && offset - best.end <= PRONOUN_REACH ? best : undefined;
  }

  /** The quote follows `previous` in the same paragraph with only its attribution between. */
  function follows(previousSpan: Span, span: Span): boolean {
    const between = text.slice(previousSpan.end, span.start);
    return between.length < 120 && !/[“"]/.test(between);
  }

  /** Only the attribution of the utterance stands between two pieces: `"A," he said, "B."`, `"A," said X. "B."`. */
  function onlyAttributionBetween(previousSpan: Span, span: Span, speaker: QuoteSpeaker): boolean {
    if (speaker.start < previousSpan.end || speaker.end > span.start) return false;
    const between = text.slice(previousSpan.end, span.start);
    const sentenceEnds = between.match(/[.!?](?=\s)/g)?.length ?? 0;
    // '…," Park said, adding that "…"' is a second statement: one cue only
    return between.length <= speaker.end - speaker.start + 90 && sentenceEnds <= 1 && attribution.cueCount(previousSpan.end, span.start) === 1;
  }

  /**
   * A quote with no attribution of its own goes on with the last speaker named before it in its paragraph
   * ("Wilkins also said Warhol was … . “As a way …”"), or, when it opens the paragraph, in the paragraph before.
   */
  function fromContext(span: Span): QuoteSpeaker | null {
    const lineStart = lineStartBefore(span.start);
    let start = lineStart;
    let end = span.start;
    if (onlyBlanks(lineStart, span.start)) {
      end = lineStart - 1;
      while (end > context.bodyStart && /\s/.test(text[end - 1])) end--;
      if (end <= context.bodyStart) return null;
      start = Math.max(context.bodyStart, lineStartBefore(end));
    }
    // "Republican Senator Bob Corker was also unhappy about the rejection. “We were …”": the person the sentence before is about
    // the nearer of the two: "… allowed her to attend. Why did she so badly want to attend? “It's Warhol.”"
    const attributed = attribution.lastInParagraphBefore(start, end);
    const leading = attribution.personLeadingLastSentence(start, end);
    const subject = attributed && (!leading || attributed.start >= leading.start) ? attributed : leading;
    if (!subject) return null;
    const speaker = resolve(subject);
    if (!speaker.id) return speaker;
    // the nearest earlier mention of that speaker
    const later = lastMentionOf(speaker.id, speaker.end, span.start);
    return later ? { ...speaker, start: later.start, end: later.end } : speaker;
  }

  /** The last mention of entity `id` within [from, to) and outside quotes (mentions are sorted by start). */
  function lastMentionOf(id: string, from: number, to: number): EntityMention | undefined {
    let low = 0;
    let high = mentions.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (mentions[middle].start < to) low = middle + 1; else high = middle - 1;
    }
    for (let k = high; k >= 0 && mentions[k].start >= from; k--) {
      const m = mentions[k];
      if (m.id === id && m.end <= to && !insideQuote(m.start)) return m;
    }
    return undefined;
  }

  /** text.lastIndexOf('\n', offset - 1) + 1, by bisection of the line breaks (a one-line article is one long line). */
  function lineStartBefore(offset: number): number {
    lineBreaks ??= lineBreakOffsets(text);
    const limit = Math.max(0, offset - 1);
    let low = 0;
    let high = lineBreaks.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (lineBreaks[middle] <= limit) low = middle + 1; else high = middle - 1;
    }
    return high >= 0 ? lineBreaks[high] + 1 : 0;
  }

  /** Only white space (as trim() sees it) in text[from, to). */
  function onlyBlanks(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!/\s/.test(text[i])) return false;
    return true;
  }
}

/** The first person mention (mentions sorted by start) within [from, end) that ends at `end`. */
function personEndingAt(mentions: readonly EntityMention[], from: number, end: number): EntityMention | undefined {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle].start < from) low = middle + 1; else high = middle;
  }
  for (let k = low; k < mentions.length && mentions[k].start <= end; k++) {
    const m = mentions[k];
    if (m.end === end && m.type === 'person') return m;
  }
  return undefined;
}

/** Offsets of every LF of the text, ascending. */
function lineBreakOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) offsets.push(at);
  return offsets;
}

function sameSpeaker(a: QuoteSpeaker, b: QuoteSpeaker): boolean {
  return a.start === b.start && a.end === b.end || (a.id !== null && a.id === b.id);
}

/** A quote over paragraphs whose first piece has no speaker takes the speaker named in a later piece. */
function backfillParagraphChains(quotes: Quote[]): void {
  for (let k = quotes.length - 1; k > 0; k--) {
    const piece = quotes[k];
    if (piece.continues && piece.speaker && !quotes[k - 1].speaker) quotes[k - 1] = { ...quotes[k - 1], speaker: { ...piece.speaker } };
  }
}

const HEADLINE_REST = 100;

/** "Tillerson: Islamic State Yet To Suffer 'Enduring Defeat'": a single-quoted phrase in a headline led by "Name:". */
function headlineQuotes(text: string, from: number, mentions: EntityMention[], spans: Span[]): Quote[] {
  const quotes: Quote[] = [];
  const line = /^([^\n:]{2,60}):[ \t]+([^\n]*)$/gm;
  line.lastIndex = from;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    if (match[2].length > HEADLINE_REST || /[.!?]\s/.test(match[2])) continue;
    const nameEnd = match.index + match[1].length;
    const speaker = personEndingAt(mentions, match.index, nameEnd);
    if (!speaker) continue;
    const restStart = match.index + match[0].length - match[2].length;
    const single = /(^|[\s(])(['‘])([^'‘’\n]+?)(['’])(?=$|[\s.,;:!?)])/g;
    for (let q = single.exec(match[2]); q; q = single.exec(match[2])) {
      const start = restStart + q.index + q[1].length;
      const end = start + q[2].length + q[3].length + q[4].length;
      if (spans.some((s) => s.start < end && start < s.end)) continue;
      quotes.push({ start, end, text: text.slice(start, end), speaker: { id: speaker.id, name: speaker.canonical, start: speaker.start, end: speaker.end } });
    }
  }
  return quotes;
}

// Who a quote is attributed to, read from the structure of the attribution clause: "X said", "said X",
// "X, apposition, said", "X told Y", "according to X", "X: “…”", "“…” — X".
import type { EntityMention, Span } from '../../types';
import { byStart as inTextOrder, firstStartingAt } from '../../text/spans';
import { ABBREVIATIONS, AFTER_PATTERN, BOUNDARIES, CONJUNCTIONS, CUE_PATTERN, CUES, DETERMINERS, FEMALE_TITLES, GROUP_NOUNS, MALE_TITLES, MODIFIER_PREPOSITIONS, PHRASE_STOPS, QUESTION_WORDS, ROLE_DETERMINERS, escape, PRONOUNS, UTTERANCE_NOUNS } from './lexicon';
import titles from '../../data/entities-titles.json';

export interface Subject extends Span {
  kind: 'mention' | 'pronoun' | 'role' | 'phrase';
  mention?: EntityMention;
}

interface Cue extends Span { word: string; after: boolean }

const ROLE = titles.roleNouns.map(escape).join('|');
const ROLE_DETERMINER = ROLE_DETERMINERS.map(escape).join('|');
const CONJUNCTION = CONJUNCTIONS.map(escape).join('|');
const ROLE_AFTER = new RegExp(`^(?:${ROLE_DETERMINER})\\s+(?:[\\w.’'-]+\\s+){0,3}?(?:${ROLE})s?\\b`, 'i');
const ROLE_ANYWHERE = new RegExp(`\\b(?:${ROLE_DETERMINER})\\s+(?:[\\w.’'-]+\\s+){0,2}?(${ROLE})\\b`, 'gi');
const ROLE_BEFORE = new RegExp(`\\b(?:${ROLE_DETERMINER})\\s+(?:[\\w.’'-]+\\s+){0,3}?(?:${ROLE})s?$`, 'i');
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}’'.&-]*|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE = /['’]s?$/;
const MAX_PHRASE_WORDS = 8;
/** How far back before a phrase that follows "of", "by"… its head may stand ("PC World's recent analysis of …"). */
const MAX_OWNER_WORDS = 4;
const CLAUSE_BEFORE_SUBJECT = new RegExp(`^(?:(?:${CONJUNCTION})\\s+)?$|^[^,;:.!?“”"]{1,60},\\s*$|^(?:[\\p{L}\\p{N}’'.-]+\\s+){1,4}$`, 'u');
const MAX_DESCRIPTORS = 4;
/** A role's modifier up to a comma: " of the council" in "the chairman of the council, Peter Hale". */
const MODIFIER_AFTER_ROLE = /^\s+([\p{L}]+)\s+[^,;:.!?“”"\n]{1,60}?(?=,)/u;
const MAX_DESCRIPTION_TOKENS = 8;
const MAX_HEADING_WORDS = 12;
/** "a message stating", "one poster writing": a longer phrase before an -ing cue is a clause of its own. */
const MAX_GERUND_SUBJECT_WORDS = 4;
const DASH_AFTER = new RegExp(`^\\s*(?:${[...CUES.dashes].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s*`);

interface Token extends Span { word: string }

/** Longer than any name the entity stage returns, in UTF-16 code units. */
const LONGEST_NAME = 400;
/** Windows longer than this (a paragraph of a one-line article) take their cues from one reading of the whole text. */
const WHOLE_TEXT_WINDOW = 5000;

export class Attribution {
  private readonly byStart = new Map<number, EntityMention>();
  private readonly byEnd = new Map<number, EntityMention>();

  /** Every cue of the text, read when a window is too long to scan per quote. */
  private allCues: Cue[] | null = null;

  /** The mentions sorted by start, searched by bisection (a long document has thousands of quotes and mentions). */
  private readonly inOrder: EntityMention[];

  /** `quoted`: the quotes' spans, sorted; words inside them attribute nothing. */
  constructor(private readonly text: string, mentions: readonly EntityMention[], private readonly bodyStart: number,
    private readonly quoted: readonly Span[] = []) {
    this.inOrder = [...mentions].sort(inTextOrder);
    for (const mention of mentions) {
      if (!this.byStart.has(mention.start)) this.byStart.set(mention.start, mention);
      this.byEnd.set(mention.end, mention);
    }
  }

  /** The attribution of the quote at `span`: after it, else before it in its sentence. */
  of(span: Span, previous: Span | null): Subject | null {
    return this.after(span) ?? this.before(span, previous);
  }

  /** Whether the sentence around `span` has a cue word, other quotes of it included (a fragment in marks needs one). */
  hasCue(span: Span): boolean {
    const window = this.text.slice(this.windowStart(span.start, null), span.start) + ' ' + this.text.slice(span.end, this.windowEnd(span.end));
    CUE_PATTERN.lastIndex = 0;
    AFTER_PATTERN.lastIndex = 0;
    return CUE_PATTERN.test(window) || AFTER_PATTERN.test(window);
  }

  /** Whether "the spokeswoman", "a police officer" (a role of that gender, with no name) is written between two offsets. */
  unnamedPersonBetween(from: number, to: number, gender: string): boolean {
    ROLE_ANYWHERE.lastIndex = 0;
    const between = this.text.slice(from, to);
    for (let m = ROLE_ANYWHERE.exec(between); m; m = ROLE_ANYWHERE.exec(between)) {
      const start = from + m.index;
      // "the spokesman John Kirby" is named
      if (/^\s+\p{Lu}/u.test(between.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      if (this.overlapsMention(start, start + m[0].length)) continue;
      const role = m[1].toLowerCase();
      const roleGender = FEMALE_TITLES.has(role) ? 'female' : MALE_TITLES.has(role) ? 'male' : 'any';
      if (roleGender === 'any' || gender === 'any' || roleGender === gender) return true;
    }
    return false;
  }

  /** How many cue words stand between two offsets. */
  cueCount(from: number, to: number): number {
    return this.cuesIn(from, to).length;
  }

  /** The last attribution written in the paragraph before `offset` ("Wilkins also said Warhol was…"). */
  lastInParagraphBefore(paragraphStart: number, paragraphEnd: number): Subject | null {
    for (const cue of this.cuesFromLast(paragraphStart, paragraphEnd)) {
      if (cue.after) { const s = this.subjectAt(cue.end); if (s) return s; continue; }
      const floor = this.windowStart(cue.start, null, paragraphStart);
      if (CUES.gerunds.has(cue.word)) {
        // "…, admitting in 2006:": the sentence's subject
        const sentenceSubject = this.sentenceSubject(floor, cue.start);
        if (sentenceSubject) return sentenceSubject;
        continue;
      }
      const subject = this.subjectEndingAt(cue.start, floor);
      if (subject) return subject;
      if (!CUES.addressee.has(cue.word)) {
        const inverted = this.subjectAt(cue.end);
        if (inverted && inverted.kind !== 'phrase') return inverted;
      }
    }
    return this.introducedByColon(paragraphStart, paragraphEnd);
  }

  /** The person named as the subject of the last sentence between two offsets. */
  personLeadingLastSentence(from: number, to: number): Subject | null {
    let end = to;
    while (end > from && /[\s.!?]/.test(this.text[end - 1])) end--;
    const subject = this.sentenceSubject(this.windowStart(end, null, from), end);
    if (subject?.mention?.type === 'person') return subject;
    // "She wanted to see the paintings. “…”": a pronoun for one person, resolved as the attribution's would be
    const pronoun = subject?.kind === 'pronoun' ? PRONOUNS.get(this.text.slice(subject.start, subject.end).toLowerCase()) : undefined;
    return pronoun?.refersTo === 'person' && pronoun.number === 'singular' ? subject : null;
  }

  /** "McDermott sent out the following message on Twitter:": a sentence ending in a colon, spoken by its subject. */
  private introducedByColon(from: number, colonEnd: number): Subject | null {
    if (!this.text.slice(from, colonEnd).trimEnd().endsWith(':')) return null;
    return this.sentenceSubject(this.windowStart(colonEnd - 1, null, from), colonEnd);
  }

  /** The named subject of the sentence at `from`, after an opening phrase ("In typical fashion, she …"); "It was" names nobody. */
  private sentenceSubject(from: number, to: number): Subject | null {
    const opening = /^[^,;:“”"]{1,60},\s*/.exec(this.text.slice(from, to));
    const starts = opening ? [from, from + opening[0].length] : [from];
    // "Why did she want to attend?": the subject after the question word and its auxiliary
    const question = /^\s*([\p{L}]+)\s+([\p{L}]+)\s+/u.exec(this.text.slice(from, Math.min(to, from + 40)));
    if (question && QUESTION_WORDS.has(question[1].toLowerCase()) && CUES.adverbs.has(question[2].toLowerCase())) starts.push(from + question[0].length);
    for (const at of starts) {
      const subject = this.subjectAt(at);
      if (!subject || subject.end >= to || subject.kind === 'phrase' || subject.kind === 'role') continue;
      if (subject.kind === 'pronoun' && PRONOUNS.get(this.text.slice(subject.start, subject.end).toLowerCase())?.refersTo === 'organization') continue;
      return subject;
    }
    return null;
  }

  private after(span: Span): Subject | null {
    const { text } = this;
    const limit = this.windowEnd(span.end);
    // "… a threat." He said …: a quote closed by a full stop ends its sentence; "Why?" she asked: a question does not
    const closedSentence = /[.…]\s*[”"]$/.test(text.slice(span.end - 3, span.end));
    const dash = DASH_AFTER.exec(text.slice(span.end, limit));
    if (dash) {
      const named = this.subjectAt(span.end + dash[0].length);
      if (named && named.kind !== 'pronoun') return named;
    }
    const lead = span.end + (/^[\s,;:!?]*/.exec(text.slice(span.end, limit))?.[0].length ?? 0);
    const cues = this.cuesIn(lead, limit);
    const first = cues[0];
    if (first && !first.after && first.start === this.skipAdverbs(lead, first.start)) {
      // "…," said X / "…," says the company / "…," implored the fire chief (but "…," told reporters names the listener)
      if (CUES.gerunds.has(first.word) || CUES.neverInverted.has(first.word)) return null;
      return this.subjectAt(first.end);
    }
    if (closedSentence) return null;
    for (const cue of cues) {
      if (cue.after) {
        const named = this.subjectAt(cue.end);
        if (named) return named;
        continue;
      }
      if (CUES.gerunds.has(cue.word)) continue;
      const subject = this.subjectEndingAt(cue.start, lead);
      // the clause right after the quote, or after the rest of its sentence: "…enduring defeat" of the IS group, Tillerson told
      // or after words that describe the speaker: "…," team member Rodaba Noori told
      if (subject && CLAUSE_BEFORE_SUBJECT.test(text.slice(lead, subject.start))) return subject;
    }
    return null;
  }

  private before(span: Span, previous: Span | null): Subject | null {
    const { text } = this;
    const from = this.windowStart(span.start, previous);
    const head = text.slice(from, span.start).replace(/\s+$/, '');
    const headEnd = from + head.length;
    const cues = this.cuesIn(from, span.start);
    if (head.endsWith(':')) {
      // "Bill: “…”", "Matthew Ingram, The Globe and Mail: “…”" (a cue before the colon is read below)
      // the name is all the clause holds before the colon
      const named = this.subjectEndingAt(headEnd - 1, from, true);
      const clauseStart = from + (/^\s*/.exec(head)?.[0].length ?? 0);
      if (named && named.start === clauseStart) return named;
      // "Assistant Secretary and Director of Communications Bill Bodie:": a person named last in a short heading
      if (named?.mention?.type === 'person' && !cues.length && head.slice(clauseStart - from).split(/\s+/).length <= MAX_HEADING_WORDS) return named;
      // "Paul Green, The Daily Herald:": the person before the outlet
      const comma = head.indexOf(',');
      if (comma > 0 && !cues.length) {
        const person = this.byEnd.get(from + comma);
        if (person?.type === 'person' && person.start === clauseStart) return { start: person.start, end: person.end, kind: 'mention', mention: person };
      }
    }
    for (let k = cues.length - 1; k >= 0; k--) {
      const cue = cues[k];
      if (cue.after) {
        const named = this.subjectAt(cue.end);
        if (named) return named;
        continue;
      }
      if (CUES.gerunds.has(cue.word)) {
        // "The BBC quoted Marsh as saying": the person quoted
        const quotedAs = this.quotedAs(cue.start, from);
        if (quotedAs) return quotedAs;
        // "a message stating", "one poster writing": the phrase right before; "…, saying": the sentence's subject
        const own = /,\s*$/.test(text.slice(from, cue.start)) ? null : this.subjectEndingAt(cue.start, from);
        if (own && (own.kind !== 'phrase' || text.slice(own.start, own.end).split(/\s+/).length <= MAX_GERUND_SUBJECT_WORDS)) return own;
        const sentenceSubject = this.subjectAt(from);
        if (sentenceSubject && sentenceSubject.end <= cue.start) return sentenceSubject;
        continue;
      }
      if (this.isPassive(cue.start, from)) {
        // "Tom Baker was told by the police:": the agent speaks
        const by = /^\s+by\s+/.exec(text.slice(cue.end, cue.end + 6));
        const agent = by ? this.subjectAt(cue.end + by[0].length) : null;
        if (agent) return agent;
        continue;
      }
      const subject = this.subjectEndingAt(cue.start, from);
      if (subject) return subject;
      if (!CUES.addressee.has(cue.word)) {
        const inverted = this.subjectAt(cue.end);
        if (inverted && /^[\s,:]*$/.test(text.slice(inverted.end, span.start))) return inverted;
      }
    }
    if (!cues.length) return this.introducedByColon(from, headEnd);
    if (cues.every((cue) => !cue.after && this.isPassive(cue.start, from))) return null;
    {
      // "Pentagon Spokesperson Peter Cook welcomed …, but stressed that …": the sentence's first person.
      const lastCue = cues[cues.length - 1];
      const first = this.firstMentionWithin(from, lastCue.start, (m) => m.type === 'person');
      if (first) return { start: first.start, end: first.end, kind: 'mention', mention: first };
    }
    return null;
  }

  private cuesIn(from: number, to: number): Cue[] {
    if (to - from > WHOLE_TEXT_WINDOW) {
      // A paragraph as long as a one-line article: read the cues of the whole text once, not once per quote.
      this.allCues ??= this.scanCues(0, this.text.length);
      const cues: Cue[] = [];
      for (let k = firstStartingAt(this.allCues, from); k < this.allCues.length && this.allCues[k].start < to; k++) {
        if (this.allCues[k].end <= to) cues.push(this.allCues[k]);
      }
      return cues;
    }
    return this.scanCues(from, to);
  }

  /**
   * cuesIn(from, to), last first. A long window is read off the whole text's cues from its end, without a copy: most
   * readers stop at the last cue or two, and a copy per quote made one-line articles quadratic.
   */
  private *cuesFromLast(from: number, to: number): Generator<Cue> {
    if (to - from > WHOLE_TEXT_WINDOW) {
      this.allCues ??= this.scanCues(0, this.text.length);
      const first = firstStartingAt(this.allCues, from);
      for (let k = firstStartingAt(this.allCues, to) - 1; k >= first; k--) if (this.allCues[k].end <= to) yield this.allCues[k];
      return;
    }
    const cues = this.scanCues(from, to);
    for (let k = cues.length - 1; k >= 0; k--) yield cues[k];
  }

  private scanCues(from: number, to: number): Cue[] {
    const window = this.text.slice(from, to);
    const found: Cue[] = [];
    CUE_PATTERN.lastIndex = 0;
    for (let m = CUE_PATTERN.exec(window); m; m = CUE_PATTERN.exec(window)) found.push({ start: from + m.index, end: from + m.index + m[0].length, word: m[0].replace(/\s+/g, ' '), after: false });
    AFTER_PATTERN.lastIndex = 0;
    for (let m = AFTER_PATTERN.exec(window); m; m = AFTER_PATTERN.exec(window)) {
      const cue = { start: from + m.index, end: from + m.index + m[0].length, word: m[0].toLowerCase(), after: true };
      for (let k = found.length - 1; k >= 0; k--) if (found[k].start < cue.end && cue.start < found[k].end) found.splice(k, 1);
      found.push(cue);
    }
    return found.filter((cue) => !this.isQuoted(cue.start)).sort((a, b) => a.start - b.start);
  }

  private isQuoted(offset: number): boolean {
    let low = 0;
    let high = this.quoted.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.quoted[middle].start <= offset) low = middle + 1; else high = middle - 1;
    }
    return high >= 0 && offset < this.quoted[high].end;
  }

  /** The start of the cue once adverbs between `from` and it are skipped, or `from` when others stand there. */
  private skipAdverbs(from: number, to: number): number {
    const between = this.text.slice(from, to).trim();
    if (!between) return to;
    return between.split(/\s+/).every((w) => CUES.adverbs.has(w.toLowerCase())) ? to : from;
  }

  /** The speaker named from `offset` on: a mention, a pronoun, a role ("the president") or a descriptive phrase. */
  subjectAt(offset: number): Subject | null {
    const { text } = this;
    let i = offset;
    while (i < text.length && /[ \t\u00a0]/.test(text[i])) i++;
    const mention = this.byStart.get(i);
    if (mention) {
      // "Microsoft spokesman Frank Shaw", "Republican Senator Bob Corker": the person the organization qualifies
      const qualified = mention.type === 'person' ? null : this.describedPerson(this.tokensFrom(mention.end, Math.min(text.length, mention.end + 80)), true);
      // "Reed's deputy, Anna Cole", "North Korea's news agency KCNA": the name the owned phrase describes
      const owned = qualified ? null : this.possessor(mention);
      const apposed = owned && owned.kind === 'phrase' ? this.apposedPerson(owned.end) ?? this.namedRightAfter(owned.end) : null;
      return qualified ?? apposed ?? owned ?? { start: mention.start, end: mention.end, kind: 'mention', mention };
    }
    const head = text.slice(i, i + 80);
    const word = /^[\p{L}]+/u.exec(head)?.[0] ?? '';
    if (PRONOUNS.has(word.toLowerCase())) return { start: i, end: i + word.length, kind: 'pronoun' };
    const role = ROLE_AFTER.exec(head);
    if (role) {
      const roleEnd = i + role[0].length;
      const inner = this.personWithin(i, roleEnd) ?? this.apposedPerson(roleEnd) ?? this.namedAfterDescription(roleEnd) ?? this.apposedAfterModifier(roleEnd);
      if (inner) return inner;
      return { start: i, end: i + role[0].length, kind: 'role' };
    }
    const tokens = this.tokensFrom(i, Math.min(text.length, i + 120));
    const described = this.describedPerson(tokens);
    if (described) return described;
    if (!tokens.length || !this.opensPhrase(tokens[0], true)) return null;
    let end = tokens[0].end;
    for (let k = 1; k < tokens.length && k < MAX_PHRASE_WORDS; k++) {
      const token = tokens[k];
      const lower = token.word.toLowerCase();
      if (!/^[\p{L}\p{N}]/u.test(token.word)) break;
      if (BOUNDARIES.has(lower) || CUES.formSet.has(lower)) break;
      if (PHRASE_STOPS.has(lower) || CUES.adverbs.has(lower) || /n['’]t$/.test(lower)) break;
      end = token.end;
    }
    const inner = this.personWithin(i, end) ?? this.apposedPerson(end);
    if (inner) return inner;
    return { start: i, end, kind: 'phrase' };
  }

  /** "quoted Marsh as saying": the subject between a `passiveSpeakers` cue ("quoted") and "as" before an -ing cue. */
  private quotedAs(gerundStart: number, floor: number): Subject | null {
    const as = /\s+as\s+$/.exec(this.text.slice(Math.max(floor, gerundStart - 8), gerundStart));
    if (!as) return null;
    const subject = this.subjectEndingAt(gerundStart - as[0].length, floor);
    if (!subject) return null;
    const verb = /([\p{L}]+)\s+$/u.exec(this.text.slice(Math.max(floor, subject.start - 20), subject.start))?.[1].toLowerCase() ?? '';
    return CUES.passiveSpeakers.includes(verb) ? subject : null;
  }

  /** "sales are predicted to", "he was told": a cue in the passive names no speaker before it ("he was quoted as saying" does). */
  private isPassive(cueStart: number, floor: number): boolean {
    const cue = /^[\p{L}-]+/u.exec(this.text.slice(cueStart, cueStart + 30))?.[0].toLowerCase() ?? '';
    if (!cue || CUES.gerunds.has(cue) || CUES.passiveSpeakers.includes(cue)) return false;
    const before = /([\p{L}]+)\s+$/u.exec(this.text.slice(Math.max(floor, cueStart - 20), cueStart))?.[1].toLowerCase() ?? '';
    return CUES.passive.has(before);
  }

  /** The speaker written right before `offset` (a cue, or a colon), skipping adverbs and appositions. */
  subjectEndingAt(offset: number, floor: number, colon = false): Subject | null {
    const { text } = this;
    let end = offset;
    if (this.isPassive(offset, floor)) return null;
    // adverbs and auxiliaries: "he also said", "Obama has repeatedly warned"
    for (;;) {
      const m = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(floor, end - 30), end));
      if (!m || !CUES.adverbs.has(m[1].toLowerCase()) || PRONOUNS.has(m[1].toLowerCase())) break;
      end -= m[0].length;
      while (end > floor && /\s/.test(text[end - 1])) end--;
    }
    while (end > floor && /[ \t\u00a0]/.test(text[end - 1])) end--;
    const direct = this.subjectEnding(end, floor);
    if (direct) return direct;
    if (text[end - 1] === ',') {
      // "Grassley, Republican of Iowa, said"; "Cynthia Thompson, curator … at the University of Arkansas, Fayetteville, said"
      // "Her spokesman, Bill McAllister, said": the person named in the apposition
      let last = end - 1;
      while (last > floor && /\s/.test(text[last - 1])) last--;
      const apposed = this.byEnd.get(last);
      if (apposed?.type === 'person' && /,\s*$/.test(text.slice(Math.max(floor, apposed.start - 3), apposed.start))) return { start: apposed.start, end: apposed.end, kind: 'mention', mention: apposed };
      let fallback: Subject | null = null;
      for (let comma = text.lastIndexOf(',', end - 2), tries = 0; comma > floor && comma >= end - 200 && tries < 4; comma = text.lastIndexOf(',', comma - 1), tries++) {
        if (/[“”"()]/.test(text.slice(comma, end))) break;
        let at = comma;
        while (at > floor && /\s/.test(text[at - 1])) at--;
        const subject = this.subjectEnding(at, floor);
        if (subject?.mention?.type === 'person') return subject;
        if (subject && !fallback && (tries === 0 || subject.kind !== 'phrase')) fallback = subject;
      }
      if (fallback) return fallback;
      if (colon) {
        let at = end - 1;
        while (at > floor && /\s/.test(text[at - 1])) at--;
        return this.subjectEnding(at, floor);
      }
    }
    return null;
  }

  private subjectEnding(end: number, floor: number): Subject | null {
    const { text } = this;
    const mention = this.byEnd.get(end);
    if (mention && mention.start >= floor) {
      // "Edward Alden of the Council on Foreign Relations said": the person, not the organization
      if (mention.type !== 'person') {
        const qualified = this.qualifiedBy(mention, floor);
        if (qualified) return qualified;
      }
      return { start: mention.start, end: mention.end, kind: 'mention', mention };
    }
    const head = text.slice(Math.max(floor, end - 80), end);
    const pronoun = /([\p{L}]+)$/u.exec(head);
    if (pronoun && PRONOUNS.has(pronoun[1].toLowerCase()) && !/[\p{L}’'-]$/u.test(text.slice(0, end - pronoun[1].length))) {
      return { start: end - pronoun[1].length, end, kind: 'pronoun' };
    }
    const role = ROLE_BEFORE.exec(head);
    if (role) {
      const start = end - role[0].length;
      const inner = this.personWithin(start, end);
      if (inner) return inner;
      return { start, end, kind: 'role' };
    }
    return this.phraseEndingAt(end, floor);
  }

  /** "the company", "The report's authors", "all of our acquaintances": a noun phrase read back from `end`. */
  private phraseEndingAt(end: number, floor: number): Subject | null {
    const { text } = this;
    const tokens = this.tokensFrom(Math.max(floor, end - 120), end);
    const words: Token[] = [];
    for (let k = tokens.length - 1; k >= 0 && words.length < MAX_PHRASE_WORDS + MAX_OWNER_WORDS; k--) {
      const token = tokens[k];
      if (!/^[\p{L}\p{N}]/u.test(token.word)) break;
      const lower = token.word.toLowerCase();
      if (BOUNDARIES.has(lower) || CUES.formSet.has(lower)) break;
      words.unshift(token);
    }
    if (!words.length) return null;
    const last = words[words.length - 1].word.toLowerCase();
    if (DETERMINERS.has(last) || MODIFIER_PREPOSITIONS.has(last) || PHRASE_STOPS.has(last)) return null;
    // the phrase's own words, and further back only the head its first words modify:
    // "PC World's recent analysis of its own web traffic statistics concluded" is PC World's analysis
    const own = Math.max(0, words.length - MAX_PHRASE_WORDS);
    let opens = words.findIndex((token, index) => index >= own && this.opensPhrase(token, index === own));
    if (opens < 0) return null;
    if (opens > 0 && MODIFIER_PREPOSITIONS.has(words[opens - 1].word.toLowerCase())) {
      const head = words.findIndex((token, index) => index < opens - 1 && this.opensPhrase(token, index === 0));
      if (head >= 0) opens = head;
    }
    const start = words[opens].start;
    const owner = this.byStart.get(start);
    if (owner && POSSESSIVE.test(text.slice(owner.end, owner.end + 2).trim().slice(0, 2))) return this.possessor(owner);
    const inner = this.personWithin(start, end);
    if (inner) return inner;
    return { start, end, kind: 'phrase' };
  }

  private opensPhrase(token: Token, first: boolean): boolean {
    const lower = token.word.toLowerCase();
    if (DETERMINERS.has(lower) || GROUP_NOUNS.has(lower)) return true;
    if (POSSESSIVE.test(token.word) && /^\p{Lu}/u.test(token.word)) return true;
    // a capitalized first word opens a name ("Police", "Witnesses"), not an adverb or preposition ("Then my lawyer", "In the end")
    return first && /^\p{Lu}/u.test(token.word) && !BOUNDARIES.has(lower) && !CUES.adverbs.has(lower) && !PHRASE_STOPS.has(lower) && !MODIFIER_PREPOSITIONS.has(lower);
  }

  /** "the vice president and chairman of Chrysler LLC Jim Press": the person a longer description ends with ("the lawyer for John Smith" is not Smith). */
  private namedAfterDescription(from: number): Subject | null {
    const tokens = this.tokensFrom(from, Math.min(this.text.length, from + 100));
    let previous = '';
    for (let k = 0; k < tokens.length && k < MAX_DESCRIPTION_TOKENS; k++) {
      const token = tokens[k];
      const mention = this.byStart.get(token.start);
      if (mention?.type === 'person') {
        return MODIFIER_PREPOSITIONS.has(previous) || PHRASE_STOPS.has(previous) ? null : { start: mention.start, end: mention.end, kind: 'mention', mention };
      }
      const lower = token.word.toLowerCase();
      if (!/^[\p{L}\p{N}]/u.test(token.word) || CUES.formSet.has(lower) || (BOUNDARIES.has(lower) && !CONJUNCTIONS.includes(lower))) return null;
      previous = lower;
    }
    return null;
  }

  /** "sheriff's spokesman Steve Whitmore", "32-year-old protester Paris Kyriakides": words describing the person named next. */
  private describedPerson(tokens: readonly Token[], described = false): Subject | null {
    for (let k = 0; k < tokens.length && k <= MAX_DESCRIPTORS; k++) {
      const mention = this.byStart.get(tokens[k].start);
      if (mention) return (k > 0 || described) && mention.type === 'person' ? { start: mention.start, end: mention.end, kind: 'mention', mention } : null;
      const lower = tokens[k].word.toLowerCase();
      if (!/^[\p{L}\p{N}]/u.test(tokens[k].word) || BOUNDARIES.has(lower) || CUES.formSet.has(lower) || MODIFIER_PREPOSITIONS.has(lower)) return null;
    }
    return null;
  }

  /** "Cornyn's statement": the phrase, spoken for the owner when it names something written or said. */
  private possessor(mention: EntityMention): Subject | null {
    const after = this.text.slice(mention.end, mention.end + 60);
    const owned = /^['’]s?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(after);
    if (!owned) return null;
    const words = owned[1].split(/\s+/);
    let kept = 0;
    for (const word of words) { if (BOUNDARIES.has(word) || CUES.formSet.has(word)) break; kept++; }
    if (!kept) return null;
    const end = mention.end + after.indexOf(words[kept - 1], owned[0].length - owned[1].length) + words[kept - 1].length;
    // "Cornyn's statement" speaks for Cornyn; "Obama's spokesman" is someone else
    if (!UTTERANCE_NOUNS.has(words[kept - 1])) return { start: mention.start, end, kind: 'phrase' };
    return { start: mention.start, end, kind: 'mention', mention };
  }

  /** A person named inside a description, but not after a preposition ("the wife of John Smith" is not Smith). */
  private personWithin(start: number, end: number): Subject | null {
    const inner = this.firstMentionWithin(start, end, (m) => m.type === 'person' && !this.afterPreposition(m.start, start));
    return inner ? { start: inner.start, end: inner.end, kind: 'mention', mention: inner } : null;
  }

  /** The first mention (in text order) inside [start, end) that passes `test`. */
  private firstMentionWithin(start: number, end: number, test: (mention: EntityMention) => boolean): EntityMention | undefined {
    for (let k = firstStartingAt(this.inOrder, start); k < this.inOrder.length && this.inOrder[k].start < end; k++) {
      const mention = this.inOrder[k];
      if (mention.end <= end && test(mention)) return mention;
    }
    return undefined;
  }

  /** Whether a mention overlaps [start, end): one starting before `end` and no longer than a name can be. */
  private overlapsMention(start: number, end: number): boolean {
    for (let k = firstStartingAt(this.inOrder, end) - 1; k >= 0 && this.inOrder[k].start > start - LONGEST_NAME; k--) {
      if (this.inOrder[k].end > start) return true;
    }
    return false;
  }

  private afterPreposition(offset: number, floor: number): boolean {
    const word = /([\p{L}]+)\s+$/u.exec(this.text.slice(Math.max(floor, offset - 20), offset))?.[1].toLowerCase() ?? '';
    return MODIFIER_PREPOSITIONS.has(word) || PHRASE_STOPS.has(word);
  }

  /** "the Crown prosecutor, Mark Tedeschi": the person named in apposition right after a description. */
  private apposedPerson(end: number): Subject | null {
    const m = /^\s*,\s*/.exec(this.text.slice(end, end + 4));
    if (!m) return null;
    const mention = this.byStart.get(end + m[0].length);
    return mention?.type === 'person' ? { start: mention.start, end: mention.end, kind: 'mention', mention } : null;
  }

  /** A person or organization named right after `end`, with only spaces between ("agency KCNA", "spokesman Josh Earnest"). */
  private namedRightAfter(end: number): Subject | null {
    const gap = /^[ \t]+/.exec(this.text.slice(end, end + 4));
    const mention = gap ? this.byStart.get(end + gap[0].length) : undefined;
    return mention && (mention.type === 'person' || mention.type === 'organization') ? { start: mention.start, end: mention.end, kind: 'mention', mention } : null;
  }

  /** "the chairman of the council, Peter Hale": the person in apposition after the role's modifier. */
  private apposedAfterModifier(end: number): Subject | null {
    const modifier = MODIFIER_AFTER_ROLE.exec(this.text.slice(end, end + 80));
    if (!modifier || !MODIFIER_PREPOSITIONS.has(modifier[1].toLowerCase())) return null;
    return this.apposedPerson(end + modifier[0].length);
  }

  /** The person or description an organization or place qualifies: "Edward Alden of the Council …". */
  private qualifiedBy(mention: EntityMention, floor: number): Subject | null {
    const before = this.text.slice(Math.max(floor, mention.start - 20), mention.start);
    const link = /\s([\p{L}]+)\s+(?:the\s+)?$/u.exec(before);
    if (!link || !MODIFIER_PREPOSITIONS.has(link[1].toLowerCase())) return null;
    const at = mention.start - (before.length - link.index);
    const person = this.byEnd.get(at);
    if (person && person.start >= floor && person.type === 'person') return { start: person.start, end: person.end, kind: 'mention', mention: person };
    const phrase = this.subjectEnding(at, floor);
    return phrase && phrase.kind !== 'pronoun' ? phrase : null;
  }

  private tokensFrom(from: number, to: number): Token[] {
    const slice = this.text.slice(from, to);
    const tokens: Token[] = [];
    TOKEN.lastIndex = 0;
    let previousEnd = 0;
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
      let word = m[0];
      const start = from + m.index;
      // a line break ends a phrase as a full stop does
      if (slice.lastIndexOf('\n', m.index) >= previousEnd) tokens.push({ start: start - 1, end: start, word: '\n' });
      previousEnd = m.index + m[0].length;
      // "his brother." ends a sentence; "Const." and "U.S." keep their dot
      if (word.length > 1 && word.endsWith('.') && !ABBREVIATIONS.has(word.slice(0, -1)) && !/^(?:\p{L}\.)+$/u.test(word)) {
        word = word.slice(0, -1);
        // the full stop stays a token of its own: a phrase read forwards ends with its sentence
        tokens.push({ start, end: start + word.length, word }, { start: start + word.length, end: start + word.length + 1, word: '.' });
        continue;
      }
      tokens.push({ start, end: start + word.length, word });
    }
    return tokens;
  }

  windowEnd(from: number): number {
    const { text } = this;
    let i = from;
    const stop = Math.min(text.length, from + 240);
    while (i < stop) {
      const ch = text[i];
      if (ch === '\n' || ch === '“' || ch === '"') break;
      if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ') && !this.abbreviationBefore(i)) break;
      i++;
    }
    return i;
  }

  windowStart(to: number, previous: Span | null, floorAt = this.bodyStart): number {
    const { text } = this;
    let i = to - 1;
    const floor = Math.max(floorAt, to - 1200, previous && previous.end <= to ? previous.end : 0);
    while (i >= floor) {
      const ch = text[i];
      if (ch === '\n') return i + 1;
      if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ') && !this.abbreviationBefore(i)) return i + 1;
      i--;
    }
    return Math.max(floor, 0);
  }

  private abbreviationBefore(dot: number): boolean {
    const { text } = this;
    let i = dot;
    while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
    const word = text.slice(i, dot);
    return /^[A-Z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word) || ABBREVIATIONS.has(word);
  }
}

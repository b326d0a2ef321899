// Who a quote is attributed to, read from the structure of the attribution clause: "X said", "said X",
// "X, apposition, said", "X told Y", "according to X", "X: “…”", "“…” — X".
import type { EntityMention, Span } from '../../types';
import { byStart as inTextOrder, firstStartingAt } from '../../text/spans';
import { ABBREVIATIONS, AFTER_PATTERN, isAdverb, BOUNDARIES, CONJUNCTIONS, CUE_PATTERN, CUES, DETERMINERS, FEMALE_TITLES, GROUP_NOUNS, MALE_TITLES, MODIFIER_PREPOSITIONS, PHRASE_STOPS, QUESTION_WORDS, ROLE_DETERMINERS, STANDALONE_DETERMINERS, AUXILIARIES, escape, PRONOUNS, UTTERANCE_NOUNS } from './lexicon';
import titles from '../../data/entities-titles.json';
import { isUnrecognisedName, mayBeName, mayBeSurname, namesInsideSentences } from './person-names';

export interface Subject extends Span {
  /** 'name': a capitalised name the entity stage missed ("Okonkwo was unhappy."), with no mention. */
  kind: 'mention' | 'pronoun' | 'role' | 'phrase' | 'name';
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
/** "and" or "but" right before a cue: the cue's verb shares the sentence's subject. */
const CONJOINED_VERB = /(?<![\p{L}])(?:and|but)$/u;
/** An aside in parentheses or between dashes, right before a cue. */
const ASIDE_BEFORE = /(?:\([^()\n“”"]{1,80}\)|\s[–—]\s[^–—\n“”"]{1,80}\s[–—])$/u;
const MAX_ASIDE = 90;
/** After a quote, the start of a clause joined to its sentence: '…," and Hill said', '…," while Hill said'. */
const JOINED_CLAUSE = /^[\s,;]*(?:and|but|while|whereas)\s/;
/** A relative pronoun right before a cue: "a sign that said". */
const RELATIVE_PRONOUN = /(?<![\p{L}’'-])(?:that|which|who)$/u;
/** "statement by ", "message from ": an utterance noun and the preposition naming its author. */
const UTTERANCE_BY = /(?<![\p{L}])([\p{L}-]+)\s+(?:by|from)\s+(?:the\s+)?/gu;
/** How many names a qualifier chain may run over ("X of the Institute for Fiscal Studies" split in two). */
const MAX_QUALIFIER_CHAIN = 2;
/** "who asked not to be named": a relative clause without commas, up to twelve words, running to the cue. */
const RELATIVE_CLAUSE = /(?<![\p{L}’'-])(?:who|whose)(?:\s+[^\s,;:!?“”"()]+){1,12}$/u;
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

  /** The capitalised words written inside sentences, read when first needed (see namesInsideSentences). */
  private namesInside: ReadonlySet<string> | null = null;

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
    // 'We had a sign that said "…" and nobody read it': a cue right before the quote is its attribution
    if (this.cueRightBefore(span, previous)) return this.before(span, previous) ?? this.after(span);
    const after = this.after(span);
    // 'Cole said Reed had "no idea," and Hill said he was …': a clause joined after the quote is someone else's
    if (after && JOINED_CLAUSE.test(this.text.slice(span.end, after.start))) return this.before(span, previous) ?? after;
    return after ?? this.before(span, previous);
  }

  /** Whether a cue stands right before the quote, with only a comma, a colon or "that" between. */
  private cueRightBefore(span: Span, previous: Span | null): boolean {
    const cues = this.cuesIn(this.windowStart(span.start, previous), span.start);
    const last = cues[cues.length - 1];
    return !!last && !last.after && !CUES.gerunds.has(last.word) && /^[\s,:]*(?:that\s*)?$/.test(this.text.slice(last.end, span.start));
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
      // "met the mayor on Monday": a role in the object names nobody who speaks next
      if (!this.opensClause(start, from) && !this.cueRightAfter(start + m[0].length)) continue;
      // "Anna Cole, the mayor, met …": a role in apposition is the person named before it
      const apposedTo = /,\s*$/.exec(this.text.slice(Math.max(from, start - 3), start));
      if (apposedTo && this.byEnd.get(start - apposedTo[0].length)?.type === 'person') continue;
      const role = m[1].toLowerCase();
      const roleGender = FEMALE_TITLES.has(role) ? 'female' : MALE_TITLES.has(role) ? 'male' : 'any';
      if (roleGender === 'any' || gender === 'any' || roleGender === gender) return true;
    }
    return false;
  }

  /** Whether `offset` opens a sentence or clause: only an opening phrase, or nothing, since the last stop. */
  private opensClause(offset: number, floor: number): boolean {
    const before = this.text.slice(Math.max(floor, this.windowStart(offset, null, floor)), offset);
    return /^\s*(?:[^,;:“”"]{1,60},\s*)?$/.test(before) || /[,;:“”"]\s*$/.test(before);
  }

  /** Whether a cue follows `offset` with only adverbs between ("the spokeswoman later said"). */
  private cueRightAfter(offset: number): boolean {
    const cue = this.cuesIn(offset, Math.min(this.text.length, offset + 40))[0];
    return !!cue && !cue.after && cue.start === this.skipAdverbs(offset, cue.start);
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
    if (subject?.mention?.type === 'person' || subject?.kind === 'name') return subject;
    // "A letter from Okonkwo arrived. Okonkwo was also unhappy.": a surname typed as a place by its context
    if (subject?.mention && mayBeSurname(subject.mention)) return subject;
    // "She wanted to see the paintings. “…”": a pronoun for one person, resolved as the attribution's would be
    const pronoun = subject?.kind === 'pronoun' ? PRONOUNS.get(this.text.slice(subject.start, subject.end).toLowerCase()) : undefined;
    return pronoun?.refersTo === 'person' && pronoun.number === 'singular' ? subject : null;
  }

  /** "McDermott sent out the following message on Twitter:": a sentence ending in a colon, spoken by its subject. */
  private introducedByColon(from: number, colonEnd: number): Subject | null {
    if (!this.text.slice(from, colonEnd).trimEnd().endsWith(':')) return null;
    const start = this.windowStart(colonEnd - 1, null, from);
    return this.authorOfUtterance(start, colonEnd) ?? this.sentenceSubject(start, colonEnd) ?? this.describedUtterance(start, colonEnd)
      ?? this.nameOpeningClause(start, colonEnd);
  }

  /**
   * "Okonkwo sent out the following message:": the capitalised words opening a sentence that introduces a quote with
   * a colon, before its lower-case verb, when the entity stage named nobody there (a surname never introduced).
   */
  private nameOpeningClause(from: number, to: number): Subject | null {
    const tokens = this.tokensFrom(from, to);
    let k = 0;
    while (k < tokens.length && k < 3 && mayBeName(tokens[k].word) && !this.byStart.has(tokens[k].start)) k++;
    if (!k || k >= tokens.length || !/^\p{Ll}+$/u.test(tokens[k].word)) return null;
    const verb = tokens[k].word;
    if (DETERMINERS.has(verb) || MODIFIER_PREPOSITIONS.has(verb) || PHRASE_STOPS.has(verb) || CONJUNCTIONS.includes(verb) || BOUNDARIES.has(verb)) return null;
    return { start: tokens[0].start, end: tokens[k - 1].end, kind: 'name' };
  }

  /** "The group's message ended with:", "The judge had advice:": a subject that is a role, a group or something written. */
  private describedUtterance(from: number, to: number): Subject | null {
    const subject = this.subjectAt(from);
    if (!subject || subject.end >= to || subject.kind === 'pronoun' || subject.kind === 'mention') return null;
    if (subject.kind === 'role') return subject;
    const phrase = this.withoutVerb(subject, to);
    const head = /([\p{L}-]+)$/u.exec(this.text.slice(phrase.start, phrase.end))?.[1].toLowerCase() ?? '';
    return UTTERANCE_NOUNS.has(head) || GROUP_NOUNS.has(head) ? phrase : null;
  }

  /** "Below is a statement by Francesca Grifo, director …:": the name after "statement by", "message from". */
  private authorOfUtterance(from: number, to: number): Subject | null {
    const clause = this.text.slice(from, to);
    UTTERANCE_BY.lastIndex = 0;
    for (let m = UTTERANCE_BY.exec(clause); m; m = UTTERANCE_BY.exec(clause)) {
      if (!UTTERANCE_NOUNS.has(m[1].toLowerCase())) continue;
      const mention = this.byStart.get(from + m.index + m[0].length);
      if (mention && (mention.type === 'person' || mention.type === 'organization')) return { start: mention.start, end: mention.end, kind: 'mention', mention };
    }
    return null;
  }

  /** The named subject of the sentence at `from`, after an opening phrase ("In typical fashion, she …"); "It was" names nobody. */
  private sentenceSubject(from: number, to: number): Subject | null {
    const opening = /^[^,;:“”"]{1,60},\s*/.exec(this.text.slice(from, to));
    const starts = opening ? [from, from + opening[0].length] : [from];
    // "Why did she want to attend?": the subject after the question word and its auxiliary
    const question = /^\s*([\p{L}]+)\s+([\p{L}]+)\s+/u.exec(this.text.slice(from, Math.min(to, from + 40)));
    if (question && QUESTION_WORDS.has(question[1].toLowerCase()) && CUES.adverbs.has(question[2].toLowerCase())) starts.push(from + question[0].length);
    for (const at of starts) {
      const found = this.subjectAt(at);
      // "Okonkwo was also unhappy.": a name the entity stage missed, not a phrase
      const subject = found?.kind === 'phrase' ? this.unrecognisedNameAt(found.start) ?? found : found;
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
    // "…," the BBC quoted Marsh as saying: the person quoted, not the one quoting
    for (const cue of cues) {
      const quotedAs = CUES.gerunds.has(cue.word) ? this.quotedAs(cue.start, lead) : null;
      if (quotedAs) return quotedAs;
    }
    for (const cue of cues) {
      if (cue.after) {
        const named = this.subjectAt(cue.end);
        if (named) return named;
        continue;
      }
      if (CUES.gerunds.has(cue.word)) continue;
      // "…" by agencies, argued the NRDC: the speaker inverted after a comma at the end of the quote's sentence
      if (!CUES.neverInverted.has(cue.word) && /,\s*$/.test(text.slice(lead, cue.start))) {
        const inverted = this.invertedAtClauseEnd(cue.end, limit);
        if (inverted) return inverted;
      }
      const subject = this.subjectEndingAt(cue.start, lead);
      // the clause right after the quote, or after the rest of its sentence: "…enduring defeat" of the IS group, Tillerson told
      // or after words that describe the speaker: "…," team member Rodaba Noori told
      if (subject && CLAUSE_BEFORE_SUBJECT.test(text.slice(lead, subject.start))) return subject;
    }
    return null;
  }

  /** The speaker right after an inverted cue when it ends its clause: a name, a role or a phrase with a determiner, not "Tuesday". */
  private invertedAtClauseEnd(cueEnd: number, limit: number): Subject | null {
    const subject = this.subjectAt(cueEnd);
    if (!subject || subject.kind === 'pronoun' || subject.end > limit) return null;
    if (subject.kind === 'phrase') {
      const first = /^[\p{L}]+/u.exec(this.text.slice(subject.start, subject.end))?.[0].toLowerCase() ?? '';
      if (!DETERMINERS.has(first) && !GROUP_NOUNS.has(first)) return null;
    }
    return /^\s*(?:[,;.!?]|$)/.test(this.text.slice(subject.end, limit + 1)) ? subject : null;
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
      // "The judge had advice for anyone who …:": the phrase up to its verb
      if (named && named.start === clauseStart) return named.kind === 'phrase' ? this.withoutVerb(named, headEnd) : named;
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
        const own = /,\s*$/.test(text.slice(from, cue.start)) ? null : this.subjectEndingAt(cue.start, from) ?? this.utteranceRightBefore(cue.start, from);
        if (own && (own.kind !== 'phrase' || text.slice(own.start, own.end).split(/\s+/).length <= MAX_GERUND_SUBJECT_WORDS)) return own;
        const sentenceSubject = this.subjectAt(from);
        // "It was thirty years before he broke cover, admitting:": the person the sentence is about, not "It"
        const expletive = sentenceSubject?.kind === 'pronoun' && PRONOUNS.get(text.slice(sentenceSubject.start, sentenceSubject.end).toLowerCase())?.refersTo === 'organization';
        const person = expletive ? this.lastPersonWithin(sentenceSubject!.end, cue.start) : null;
        if (person) return person;
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
      if (subject) return subject.kind === 'pronoun' ? this.reportingSubject(cues[k - 1], subject, from) ?? subject : subject;
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
      // "Bergström, a nurse, was angry, but stressed that": a name the entity stage missed, opening the sentence
      const opening = this.unrecognisedNameAt(from);
      if (opening && opening.end <= lastCue.start) return opening;
    }
    return null;
  }

  /** "John Key said he believes …": the person named by the cue that reports the pronoun's clause. */
  private reportingSubject(outerCue: Cue | undefined, pronoun: Subject, floor: number): Subject | null {
    if (!outerCue || outerCue.after || CUES.gerunds.has(outerCue.word)) return null;
    if (!/^\s*(?:that\s+)?$/.test(this.text.slice(outerCue.end, pronoun.start))) return null;
    const outer = this.subjectEndingAt(outerCue.start, floor);
    return outer?.kind === 'mention' ? outer : null;
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
    // two more characters, for the pause some cues need after them ("I'm like, “"), but only cues ending by `to`
    const window = this.text.slice(from, Math.min(this.text.length, to + 2));
    const found: Cue[] = [];
    CUE_PATTERN.lastIndex = 0;
    for (let m = CUE_PATTERN.exec(window); m; m = CUE_PATTERN.exec(window)) found.push({ start: from + m.index, end: from + m.index + m[0].length, word: m[0].replace(/\s+/g, ' '), after: false });
    AFTER_PATTERN.lastIndex = 0;
    for (let m = AFTER_PATTERN.exec(window); m; m = AFTER_PATTERN.exec(window)) {
      const cue = { start: from + m.index, end: from + m.index + m[0].length, word: m[0].toLowerCase(), after: true };
      for (let k = found.length - 1; k >= 0; k--) if (found[k].start < cue.end && cue.start < found[k].end) found.splice(k, 1);
      found.push(cue);
    }
    return found.filter((cue) => cue.end <= to && !this.isQuoted(cue.start)).sort((a, b) => a.start - b.start);
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
    return between.split(/\s+/).every(isAdverb) ? to : from;
  }

  /** One to three capitalised words from `offset` on that are names the entity stage missed, followed by no other capitalised word. */
  private unrecognisedNameAt(offset: number): Subject | null {
    this.namesInside ??= namesInsideSentences(this.text);
    const tokens = this.tokensFrom(offset, Math.min(this.text.length, offset + 80));
    let k = 0;
    while (k < tokens.length && k < 3 && isUnrecognisedName(tokens[k].word, this.namesInside)) k++;
    if (!k || (k < tokens.length && /^\p{Lu}/u.test(tokens[k].word))) return null;
    return { start: tokens[0].start, end: tokens[k - 1].end, kind: 'name' };
  }

  /** One to three capitalised words ending at `end` that are names the entity stage missed. */
  private unrecognisedNameEndingAt(end: number): Subject | null {
    this.namesInside ??= namesInsideSentences(this.text);
    const tokens = this.tokensFrom(Math.max(this.bodyStart, end - 80), end);
    let k = tokens.length;
    while (k > 0 && tokens.length - k < 3 && isUnrecognisedName(tokens[k - 1].word, this.namesInside)) k--;
    if (k === tokens.length || (k > 0 && /^\p{Lu}/u.test(tokens[k - 1].word))) return null;
    return { start: tokens[k].start, end: tokens[tokens.length - 1].end, kind: 'name' };
  }

  /** The speaker named from `offset` on: a mention, a pronoun, a role ("the president") or a descriptive phrase. */
  subjectAt(offset: number): Subject | null {
    const { text } = this;
    let i = offset;
    while (i < text.length && /[ \t\u00a0]/.test(text[i])) i++;
    const mention = this.byStart.get(i);
    if (mention) {
      // "Microsoft spokesman Frank Shaw", "Republican Senator Bob Corker": the person the organization qualifies
      const qualified = mention.type === 'person' ? null : this.ownedPerson(mention) ?? this.describedPerson(this.tokensFrom(mention.end, Math.min(text.length, mention.end + 80)), true);
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
    // 'stressed that “…”': a determiner with no noun after it names nobody ("said one" does)
    const only = tokens[0].word.toLowerCase();
    if (end === tokens[0].end && DETERMINERS.has(only) && !STANDALONE_DETERMINERS.has(only)) return null;
    return { start: i, end, kind: 'phrase' };
  }

  /** "quoted Marsh as saying": the subject between a `passiveSpeakers` cue ("quoted") and "as" before an -ing cue. */
  private quotedAs(gerundStart: number, floor: number): Subject | null {
    const as = /\s+as\s+$/.exec(this.text.slice(Math.max(floor, gerundStart - 8), gerundStart));
    if (!as) return null;
    const subject = this.subjectEndingAt(gerundStart - as[0].length, floor);
    if (!subject) return null;
    const verb = /([\p{L}]+)\s+$/u.exec(this.text.slice(Math.max(floor, subject.start - 20), subject.start))?.[1].toLowerCase() ?? '';
    // "quoted Marsh as saying", "reported Marsh as saying"
    return CUES.passiveSpeakers.includes(verb) || CUES.formSet.has(verb) ? subject : null;
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
    // "I'm like,": the subject before a contracted "be"
    if (/\p{L}['’]$/u.test(text.slice(Math.max(floor, end - 2), end))) end--;
    if (this.isPassive(offset, floor)) return null;
    // adverbs and auxiliaries: "he also said", "Obama has repeatedly warned"
    for (;;) {
      const m = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(floor, end - 30), end));
      if (!m || !isAdverb(m[1]) || PRONOUNS.has(m[1].toLowerCase())) break;
      end -= m[0].length;
      while (end > floor && /\s/.test(text[end - 1])) end--;
    }
    while (end > floor && /[ \t\u00a0]/.test(text[end - 1])) end--;
    // "Cole (pictured) said", "Cole – who has led the campaign since 2019 – said": an aside is skipped
    const aside = ASIDE_BEFORE.exec(text.slice(Math.max(floor, end - MAX_ASIDE), end));
    if (aside) {
      end -= aside[0].length;
      while (end > floor && /[ \t\u00a0]/.test(text[end - 1])) end--;
    }
    // "a sign that said", "Reed, who describes himself as": the phrase before the relative pronoun
    const relativePronoun = RELATIVE_PRONOUN.exec(text.slice(Math.max(floor, end - 8), end));
    if (relativePronoun) {
      let at = end - relativePronoun[0].length;
      while (at > floor && /[ \t\u00a0,]/.test(text[at - 1])) at--;
      const subject = at > floor ? this.subjectEnding(at, floor) : null;
      if (subject && subject.kind !== 'pronoun') return subject;
    }
    // "An engineer who worked on the patch said": the phrase before the relative clause, not "the patch"
    const relative = this.beforeRelativeClause(end, floor);
    if (relative) return relative;
    // "An official looked at her and said": the subject of the first verb
    const conjoined = this.subjectOfConjoinedVerb(end, floor);
    if (conjoined) return conjoined;
    const direct = this.subjectEnding(end, floor);
    if (direct) return direct;
    if (text[end - 1] === ',') {
      // "Grassley, Republican of Iowa, said"; "Cynthia Thompson, curator … at the University of Arkansas, Fayetteville, said"
      // "Her spokesman, Bill McAllister, said": the person named in the apposition
      let last = end - 1;
      while (last > floor && /\s/.test(text[last - 1])) last--;
      const apposed = this.byEnd.get(last);
      if (apposed?.type === 'person' && /,\s*$/.test(text.slice(Math.max(floor, apposed.start - 3), apposed.start))) return { start: apposed.start, end: apposed.end, kind: 'mention', mention: apposed };
      // "The engineer in charge, Okonkwo, said": a name the entity stage missed, in apposition
      const apposedName = apposed ? null : this.unrecognisedNameEndingAt(last);
      if (apposedName && apposedName.start > floor && /,\s*$/.test(text.slice(Math.max(floor, apposedName.start - 3), apposedName.start))) return apposedName;
      let fallback: Subject | null = null;
      for (let comma = text.lastIndexOf(',', end - 2), tries = 0; comma > floor && comma >= end - 200 && tries < 4; comma = text.lastIndexOf(',', comma - 1), tries++) {
        if (/[“”"()]/.test(text.slice(comma, end))) break;
        let at = comma;
        while (at > floor && /\s/.test(text[at - 1])) at--;
        const subject = this.subjectEnding(at, floor);
        if (subject?.mention?.type === 'person' || subject?.kind === 'name') return subject;
    // "A letter from Okonkwo arrived. Okonkwo was also unhappy.": a surname typed as a place by its context
    if (subject?.mention && mayBeSurname(subject.mention)) return subject;
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

  /** The subject of the sentence when "and" or "but" joins the cue to an earlier verb: "The spokesman declined to comment but said". */
  private subjectOfConjoinedVerb(end: number, floor: number): Subject | null {
    const conjunction = CONJOINED_VERB.exec(this.text.slice(Math.max(floor, end - 4), end));
    if (!conjunction) return null;
    const conjunctionStart = end - conjunction[0].length;
    const opening = /^\s*[^,;:“”"]{1,60},\s*/.exec(this.text.slice(floor, conjunctionStart));
    for (const at of opening ? [floor, floor + opening[0].length] : [floor]) {
      const subject = this.subjectAt(at);
      if (subject && subject.end < conjunctionStart && !/[,;:“”"]/.test(this.text.slice(subject.end, conjunctionStart))) {
        return subject.kind === 'phrase' ? this.withoutVerb(subject, end) : subject;
      }
    }
    return null;
  }

  /**
   * A phrase read forwards up to the verb after it: "The old farmer shook his head" is "The old farmer". The verb is
   * the first lower-case word after the head noun that a determiner, preposition or conjunction follows.
   */
  private withoutVerb(phrase: Subject, to: number): Subject {
    const tokens = this.tokensFrom(phrase.start, to);
    const joins = (word: string) => DETERMINERS.has(word) || MODIFIER_PREPOSITIONS.has(word) || PHRASE_STOPS.has(word) || CONJUNCTIONS.includes(word) || PRONOUNS.has(word);
    for (let k = 1; k + 1 < tokens.length && tokens[k].end <= phrase.end; k++) {
      // "Police had a message": an auxiliary ends the phrase even right after its head
      if (AUXILIARIES.has(tokens[k].word)) return { ...phrase, end: tokens[k - 1].end };
      if (k < 2) continue;
      const previous = tokens[k - 1].word.toLowerCase();
      if (!/^\p{Ll}+$/u.test(tokens[k].word) || DETERMINERS.has(previous) || MODIFIER_PREPOSITIONS.has(previous)) continue;
      if (joins(tokens[k + 1].word.toLowerCase())) return { ...phrase, end: tokens[k - 1].end };
    }
    return phrase;
  }

  /** "We get emails saying": a bare utterance noun, singular or plural, right before an -ing cue. */
  private utteranceRightBefore(cueStart: number, floor: number): Subject | null {
    const noun = /(?<![\p{L}’'-])(\p{Ll}+?)(s?)\s+$/u.exec(this.text.slice(Math.max(floor, cueStart - 30), cueStart));
    if (!noun || !UTTERANCE_NOUNS.has(noun[1] + (UTTERANCE_NOUNS.has(noun[1]) ? '' : noun[2]))) return null;
    const start = cueStart - noun[0].length;
    return { start, end: start + noun[1].length + noun[2].length, kind: 'phrase' };
  }

  /** The speaker before "who" or "whose" when a relative clause without commas runs up to `end`. */
  private beforeRelativeClause(end: number, floor: number): Subject | null {
    const clause = RELATIVE_CLAUSE.exec(this.text.slice(Math.max(floor, end - 160), end));
    if (!clause) return null;
    let at = end - clause[0].length;
    while (at > floor && /[ \t\u00a0]/.test(this.text[at - 1])) at--;
    if (at <= floor) return null;
    const subject = this.subjectEnding(at, floor);
    return subject && subject.kind !== 'pronoun' ? subject : null;
  }

  private subjectEnding(end: number, floor: number): Subject | null {
    const { text } = this;
    const mention = this.byEnd.get(end);
    if (mention && mention.start >= floor) {
      // "Edward Alden of the Council on Foreign Relations said": the person, not the organization
      const qualified = this.qualifiedBy(mention, floor);
      if (qualified) return qualified;
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
    // "One said:", "Another added": a determiner alone right before its cue speaks
    if (words.length === 1 && STANDALONE_DETERMINERS.has(last)) return { start: words[0].start, end: words[0].end, kind: 'phrase' };
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

  /** "Microsoft's Frank Shaw": the person named right after an organization's possessive. */
  private ownedPerson(mention: EntityMention): Subject | null {
    const mark = /^['’]s?[ \t]+/.exec(this.text.slice(mention.end, mention.end + 4));
    const person = mark ? this.byStart.get(mention.end + mark[0].length) : undefined;
    return person?.type === 'person' ? { start: person.start, end: person.end, kind: 'mention', mention: person } : null;
  }

  /** "Cornyn's statement": the phrase, spoken for the owner when it names something written or said. */
  private possessor(mention: EntityMention): Subject | null {
    const after = this.text.slice(mention.end, mention.end + 60);
    const owned = /^['’]s?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(after);
    if (!owned) return null;
    const words = owned[1].split(/\s+/);
    let kept = 0;
    for (const word of words) { if (BOUNDARIES.has(word) || CUES.formSet.has(word) || CUES.beforePause.has(word)) break; kept++; }
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

  /** The last person named, or "he"/"she" written, inside [start, end). */
  private lastPersonWithin(start: number, end: number): Subject | null {
    let best: Subject | null = null;
    for (let k = firstStartingAt(this.inOrder, start); k < this.inOrder.length && this.inOrder[k].start < end; k++) {
      const mention = this.inOrder[k];
      if (mention.type === 'person' && mention.end <= end) best = { start: mention.start, end: mention.end, kind: 'mention', mention };
    }
    const words = /[\p{L}]+/gu;
    const slice = this.text.slice(start, end);
    for (let m = words.exec(slice); m; m = words.exec(slice)) {
      const pronoun = PRONOUNS.get(m[0].toLowerCase());
      if (pronoun?.refersTo === 'person' && pronoun.number === 'singular' && (!best || start + m.index > best.start)) best = { start: start + m.index, end: start + m.index + m[0].length, kind: 'pronoun' };
    }
    return best;
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

  /**
   * The person or description an organization or place qualifies: "Edward Alden of the Council …", over a chain of
   * names ("Janet Reeves of the Institute for Fiscal Studies", however the names are split). A name read as a person
   * yields only to a person it qualifies ("Janet Reeves from the University of Leeds").
   */
  private qualifiedBy(mention: EntityMention, floor: number, depth = 0): Subject | null {
    const before = this.text.slice(Math.max(floor, mention.start - 20), mention.start);
    const link = /\s([\p{L}]+)\s+(?:the\s+)?$/u.exec(before);
    if (!link || !MODIFIER_PREPOSITIONS.has(link[1].toLowerCase())) return null;
    const at = mention.start - (before.length - link.index);
    const owner = this.byEnd.get(at);
    if (owner && owner.start >= floor) {
      if (owner.type === 'person') return { start: owner.start, end: owner.end, kind: 'mention', mention: owner };
      const further = depth < MAX_QUALIFIER_CHAIN ? this.qualifiedBy(owner, floor, depth + 1) : null;
      if (further) return further;
    }
    const phrase = this.subjectEnding(at, floor);
    if (!phrase || phrase.kind === 'pronoun') return null;
    if (mention.type !== 'person') return phrase;
    // "a spokeswoman for Mayor Karen Holt said": someone described by the person, not the person
    return phrase.kind === 'role' || phrase.kind === 'phrase' ? { start: phrase.start, end: mention.end, kind: 'phrase' } : null;
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

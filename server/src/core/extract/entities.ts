import type { EntityMention, ExtractionContext } from '../types';
import { tokenize, type Token } from './entities/tokens';
import { findDrafts, type Draft } from './entities/chunker';
import { CALENDAR, DEMONYMS, DIRECTIONS, FEMALE_NAMES, FEMALE_TITLES, MODEL_CODE_AFTER, NOT_ENTITIES, ORG_SUFFIXES, OTHER_HEADS, PLACES, PRODUCT_LINES, WORK_AFTER, WORK_BEFORE } from './entities/lexicon';
import type { EntityRecogniser, RecognisedSpan } from './entities/recogniser';
import { hintsFromDrafts, type RuleHint } from './entities/rule-hints';
import { widenName } from './entities/boundaries';
import { fullNameSurnames, namesPublication, ruleContextTyper, type ContextTyper } from './entities/context-typing';
import { ruleClusterer, type DocumentClusterer } from './entities/clustering';

/**
 * The entity stage's parts after recognition: typing by context and clustering within the document (linking across
 * documents is the workspace index's). Each can be replaced on its own.
 */
export interface EntityStages {
  typer: ContextTyper;
  clusterer: DocumentClusterer;
}

export const RULE_STAGES: EntityStages = { typer: ruleContextTyper, clusterer: ruleClusterer };

/**
 * Named people, organizations and places, with short forms joined to their fullest name.
 * Mentions of one entity share `id` (a document-local key until the workspace index links documents) and
 * `canonical` (the fullest name in the document); a person's title is kept in `title` and inside the span.
 */
export function extractEntities(context: ExtractionContext, recogniser: EntityRecogniser | null = null, stages: EntityStages = RULE_STAGES): EntityMention[] {
  const { text } = context;
  const lowerWords = new Set<string>();
  const tokens = tokenize(text, context.bodyStart, context.noise, lowerWords);
  let drafts = findDrafts({ text, tokens, lowerWords });
  stages.typer.typeDrafts(drafts, text, lowerWords);
  if (recogniser) {
    drafts = adoptRecognised(drafts, recognisedSpans(recogniser, context, hintsFromDrafts(drafts, tokens)), tokens, context.text);
    stages.typer.settle(drafts, text, lowerWords);
  }
  const clusters = stages.clusterer.cluster(drafts, text);
  const mentions: EntityMention[] = [];
  for (const draft of drafts) {
    const group = clusters.get(draft)!;
    if (group.type === 'other' && !draft.known) continue;
    const mention: EntityMention = {
      start: draft.start, end: draft.end, text: text.slice(draft.start, draft.end), type: group.type, id: group.id, canonical: group.canonical,
    };
    if (draft.title) mention.title = draft.title;
    mentions.push(mention);
  }
  return mentions;
}

/**
 * Products and works are not person, organization or place: a name written after a work's common noun ("the film
 * Titanic", "season 3 of Breaking Bad") or before a word for a part of one ("the Doctor Who episode"), a name
 * followed by a model code ("Galaxy S4"), or one of two words or more that ends in a product-line word ("MacBook Pro").
 */
function isWorkOrProduct(text: string, start: number, end: number, name: readonly string[]): boolean {
  if (WORK_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return true;
  const after = text.slice(end, end + 24);
  if (WORK_AFTER.test(after) || MODEL_CODE_AFTER.test(after)) return true;
  // A name that goes on after the product-line word ("National Air and Space Museum") is not a product's.
  return name.length > 1 && PRODUCT_LINES.has(name[name.length - 1]) && !DEMONYMS.has(name[name.length - 2]) && !PLACES.candidates(name[name.length - 2])
    && !/^\s+(?:and|&)\s/.test(after);
}

/** "Iraqi", "Palestinians", "AUSTRALIAN", "Central Asian": a nationality or group word, maybe after a direction. */
function isGroupWord(name: readonly string[]): boolean {
  for (let i = 0; i + 1 < name.length; i++) if (!DIRECTIONS.has(name[i])) return false;
  let last = name[name.length - 1];
  if (/^\p{Lu}+$/u.test(last)) last = last[0] + last.slice(1).toLowerCase();
  return DEMONYMS.has(last) || last.endsWith('s') && DEMONYMS.has(last.slice(0, -1));
}

/** The recogniser's spans of the document body, leaving out those that touch scraping noise. */
function recognisedSpans(recogniser: EntityRecogniser, context: ExtractionContext, hints: readonly RuleHint[]): RecognisedSpan[] {
  const spans = recogniser.recognise(context.text, context.bodyStart, context.text.length, hints);
  if (!context.noise.length) return spans;
  const noise = [...context.noise].sort((a, b) => a.start - b.start);
  let k = 0;
  return spans.filter((span) => {
    while (k < noise.length && noise[k].end <= span.start) k++;
    return !(k < noise.length && noise[k].start < span.end);
  });
}

/** A recognised span at least this confident types its entity firmly (outvotes weak mentions when clustering). */
const STRONG = 0.8;
/** Below this confidence, a type the word lists are sure of wins over the model's. */
const OVERRIDE_BELOW = 0.9;
const WEEKDAYS = new Set([...CALENDAR].filter((word) => word.endsWith('day')));
const NUMBERED_WORD = /^\p{N}+\p{L}+$/u;
const PLURAL_NAME_WORD = /^\p{Lu}\p{Ll}+s$/u;

/**
 * The recogniser decides which spans are names and their types; the rule chunker's drafts still bring what no
 * model learns: known aliases (ISIL = Daesh), and the title written before a person's name.
 */
function adoptRecognised(drafts: Draft[], spans: RecognisedSpan[], tokens: Token[], text: string): Draft[] {
  const out: Draft[] = [];
  // Title-case headlines are not what the model learnt from: there the chunker's drafts, checked against the body, stay.
  const inHeadline = (d: Draft) => tokens[d.tokenIndex]?.headline === true;
  const known = drafts.filter((d) => d.known || inHeadline(d));
  const others = drafts.filter((d) => !d.known && !inHeadline(d));
  let t = 0;
  let k = 0;
  let o = 0;
  const covered = new Uint8Array(others.length);
  let midSentence: Set<string> | undefined;
  // The end of the last name widened past its span: a later span inside it is part of it.
  let widenedEnd = 0;
  for (const span of spans) {
    if (span.start < widenedEnd) continue;
    while (k < known.length && known[k].end <= span.start) k++;
    if (k < known.length && known[k].start < span.end) {
      // A span run into a known name ("Pentagon Spokesperson Peter Cook"): the rules' reading of it stands.
      while (o < others.length && others[o].end <= span.start) o++;
      for (let j = o; j < others.length && others[j].start < span.end; j++) {
        const other = others[j];
        if (!covered[j] && other.end <= span.end && !known.some((x) => x.start < other.end && other.start < x.end)) { out.push(other); covered[j] = 1; }
      }
      continue;
    }
    while (t < tokens.length && tokens[t].end <= span.start) t++;
    const name: string[] = [];
    let first = -1;
    let last = -1;
    for (let j = t; j < tokens.length && tokens[j].start < span.end; j++) {
      if (tokens[j].end > span.end + 1 || tokens[j].start < span.start) continue;
      if (first < 0) first = j;
      last = j;
      name.push(tokens[j].text);
    }
    if (!name.length || tokens[first].headline) continue;
    // "Brian Nichols Saturday": a weekday the model ran into the name is not part of it.
    while (name.length > 1 && WEEKDAYS.has(name[name.length - 1])) { name.pop(); last--; }
    // Nationality and group words ("Iraqi", "Palestinians") name no person, organization or place, and neither does
    // an abbreviation of a common noun ("charged with DWI", "an MRI scan") that the model reads as a name's shape.
    if (isGroupWord(name) || name.length === 1 && NOT_ENTITIES.has(name[0])) continue;
    // "Maria Lopez of Lakeville": a person's name ends before "of"; what follows is where the person is from or
    // works, a name of its own (else the town becomes the person's alias in every document).
    const whereFrom = span.type === 'person' ? nameAfterOf(name, first, tokens, others, o) : null;
    if (whereFrom) { name.length = whereFrom.tokenIndex - first - (tokens[whereFrom.tokenIndex - 1].text === 'the' ? 2 : 1); last = first + name.length - 1; }
    // "Philadelphia 76ers": a name word that starts with digits continues the name.
    while (last + 1 < tokens.length && tokens[last + 1].joined && NUMBERED_WORD.test(tokens[last + 1].text) && tokens[last + 1].line === tokens[last].line) {
      last++;
      name.push(tokens[last].text);
    }
    // "San Diego Chargers": a place's name and a plural name word after it name a team.
    let teamOfPlace = false;
    const next = tokens[last + 1];
    if (span.type === 'place' && next && next.joined && next.line === tokens[last].line && PLURAL_NAME_WORD.test(next.text) && !isGroupWord([next.text])) {
      last++;
      name.push(next.text);
      teamOfPlace = true;
    }
    // The span starts and ends where the chunker's tokens do, so both read a name alike.
    // A name just before may be the first words of a coordinated organization's name ("U.S. Fish" and "Wildlife Service").
    const previous = out.length ? out[out.length - 1] : null;
    const joinable = previous && previous.type !== 'person' && !previous.title && span.type === 'organization' && /^\s+(?:and|&)\s+$/.test(text.slice(previous.end, tokens[first].start));
    const widened = widenName(text, tokens[first].start, tokens[last].end, span.type, name, previous ? (joinable ? previous.start : previous.end) : 0);
    if (joinable && widened.start <= previous.start) out.pop();
    if (widened.before.length || widened.after.length) name.splice(0, name.length, ...widened.before, ...name, ...widened.after);
    const end = widened.end;
    while (o < others.length && others[o].end <= span.start) o++;
    // Laws, prizes, events and programmes ("Endangered Species Act", "Super Bowl") are things, not names of these types.
    const thing = name.length > 1 && OTHER_HEADS.has(name[name.length - 1].toLowerCase()) || isWorkOrProduct(text, widened.start, end, name);
    const draft: Draft = { start: widened.start, end, type: thing ? 'other' : teamOfPlace ? 'organization' : span.type, strong: teamOfPlace || span.confidence >= STRONG, name, tokenIndex: first, confidence: span.confidence };
    let ruleSpans = 0;
    for (let j = o; j < others.length && others[j].start < span.end; j++) {
      const other = others[j];
      if (other.end <= span.start) continue;
      ruleSpans++;
      // The chunker's person with a title: the title stays in the span, as the contract writes it, and what the
      // model ran into the title from is a name of its own ("U.S." in "U.S. Defense Secretary Ashton Carter").
      if (other.title && other.end === draft.end && span.type === 'person' && other.start !== draft.start) {
        if (other.start > draft.start) {
          for (let m = o; m < j; m++) if (others[m].start >= draft.start && others[m].end <= other.start) out.push(others[m]);
        }
        draft.start = other.start;
        draft.title = other.title;
        draft.name = other.name;
        draft.tokenIndex = other.tokenIndex;
      }
      if (other.start === draft.start && other.end === draft.end) {
        if (other.gazetteer) draft.gazetteer = other.gazetteer;
        // Where the model hesitates, the type the word lists give a name decides ("Tyler Hansbrough": a given name).
        if (other.strong && other.type !== 'other' && other.type !== draft.type && span.confidence < OVERRIDE_BELOW) draft.type = other.type;
        // A town or school read as a sports team from its context ("victory over Evansville"): the model sees no scores.
        if (other.sportsTeam) { draft.type = 'organization'; draft.strong = true; draft.sportsTeam = true; draft.team = other.team; }
      }
    }
    // A lone first word of a sentence that the rules saw no name in, and that the document never capitalises
    // elsewhere, is an ordinary word ("Shares fell on Tuesday").
    if (!ruleSpans && name.length === 1 && tokens[first].sentenceStart && !(midSentence ??= capitalisedMidSentence(tokens)).has(name[0])) continue;
    out.push(draft);
    if (whereFrom) out.push(whereFrom);
    covered.fill(1, o, Math.max(o, coveredUntil(others, o, Math.max(span.end, draft.end))));
    widenedEnd = whereFrom?.end ?? draft.end;
  }
  // Three classes the training data leaves out, kept from the rules where the model found nothing: acronyms
  // ("IBF", "NFL"), plural team names ("the Saints"), which its sources label as group words, and towns or schools
  // written as teams ("beat Evansville 70-61"), which it reads without the scores.
  // And a lone surname of a person the document names in full ("Kilroy-Silk" after "Robert Kilroy-Silk").
  const surnames = fullNameSurnames(out);
  others.forEach((d, j) => {
    if (covered[j]) return;
    if (d.type === 'organization' && !isGroupWord(d.name) && (d.name.length === 1 && tokens[d.tokenIndex].upper || PLURAL_NAME_WORD.test(d.name[d.name.length - 1]) || d.sportsTeam || namesPublication(d, text))) out.push(d);
    else if (d.name.length === 1 && d.type !== 'place' && surnames.has(d.name[0])) out.push({ ...d, type: 'person' });
  });
  out.push(...known);
  out.sort((a, b) => a.start - b.start);
  teamsReadAsPeople(out);
  return out;
}

/**
 * "Creighton Bluejays" read as a person from its given name: a name ending in a plural name word that the document
 * also writes alone as an organization ("the Bluejays") is that organization.
 */
function teamsReadAsPeople(drafts: Draft[]): void {
  const loneOrganizations = new Set<string>();
  for (const d of drafts) if (d.name.length === 1 && d.type === 'organization') loneOrganizations.add(d.name[0]);
  for (const d of drafts) {
    const last = d.name[d.name.length - 1];
    if (d.type === 'person' && !d.title && !d.known && d.name.length > 1 && PLURAL_NAME_WORD.test(last) && loneOrganizations.has(last)) {
      d.type = 'organization';
      d.strong = true;
    }
  }
}

/**
 * The name after "of" (or "of the") in a person's span of two words or more before it ("Maria Lopez of Lakeville"):
 * the rules' draft of exactly those words when there is one, else a place, or an organization when its last word
 * is one an organization's name ends with. `name` is the span's words from token `first`; `rules` the drafts in order
 * of start, of which those from index `from` are looked at (no copy per span: a long document has many).
 */
function nameAfterOf(name: readonly string[], first: number, tokens: Token[], rules: readonly Draft[], fromRule: number): Draft | null {
  const of = name.indexOf('of');
  if (of < 2) return null;
  const from = of + (name[of + 1] === 'the' ? 2 : 1);
  if (from >= name.length || !tokens[first + from].cap) return null;
  const start = tokens[first + from].start;
  const end = tokens[first + name.length - 1].end;
  for (let j = fromRule; j < rules.length && rules[j].start <= start; j++) {
    const rule = rules[j];
    if (rule.start === start && rule.end === end && rule.type !== 'person') return rule;
  }
  const words = name.slice(from);
  const type = ORG_SUFFIXES.has(words[words.length - 1].toLowerCase()) ? 'organization' : 'place';
  return { start, end, type, strong: true, name: words, tokenIndex: first + from };
}

/** The words the document writes capitalised away from sentence starts and headlines. */
function capitalisedMidSentence(tokens: Token[]): Set<string> {
  const words = new Set<string>();
  for (const token of tokens) if (token.cap && !token.sentenceStart && !token.headline) words.add(token.text);
  return words;
}

/** Index after the last of `others` (from `from`) that starts before `end`. */
function coveredUntil(others: Draft[], from: number, end: number): number {
  let j = from;
  while (j < others.length && others[j].start < end) j++;
  return j;
}

/** Pronoun agreement helper for quotes: is this person known to be female (title or given name)? */
export function looksFemale(mention: EntityMention): boolean {
  if (mention.title && (FEMALE_TITLES.has(mention.title.split(' ')[0].toLowerCase()) || mention.title.endsWith('woman'))) return true;
  const first = mention.canonical.split(' ')[0];
  return FEMALE_NAMES.has(first);
}


export type { Token };

/** The rule chunker's names of a text (no recogniser): what the recogniser is given as evidence, and learns from. */
export function ruleHints(text: string): RuleHint[] {
  const lowerWords = new Set<string>();
  const tokens = tokenize(text, 0, [], lowerWords);
  const drafts = findDrafts({ text, tokens, lowerWords });
  RULE_STAGES.typer.typeDrafts(drafts, text, lowerWords);
  return hintsFromDrafts(drafts, tokens);
}

import type { EntityMention, EntityType, ExtractionContext } from '../types';
import { tokenize, type Token } from './entities/tokens';
import { findDrafts, isFirstName, type Draft } from './entities/chunker';
import { DEMONYMS, MODEL_CODE_AFTER, OTHER_HEADS, PRODUCT_LINES, WORK_AFTER, WORK_BEFORE, FEMALE_NAMES, NAME_SUFFIXES, NICKNAMES, ORG_SUFFIXES, PARTICLES, PLACES, STATE_ABBREVIATIONS } from './entities/lexicon';
import { entityIdFor } from '../index/cross-entities';
import type { EntityRecogniser, RecognisedSpan } from './entities/recogniser';
import { hintsFromDrafts, type RuleHint } from './entities/rule-hints';

/**
 * Named people, organizations and places, with short forms joined to their fullest name.
 * Mentions of one entity share `id` (a document-local key until the workspace index links documents) and
 * `canonical` (the fullest name in the document); a person's title is kept in `title` and inside the span.
 */
export function extractEntities(context: ExtractionContext, recogniser: EntityRecogniser | null = null): EntityMention[] {
  const { text } = context;
  const lowerWords = new Set<string>();
  const tokens = tokenize(text, context.bodyStart, context.noise, lowerWords);
  let drafts = findDrafts({ text, tokens, lowerWords });
  typeByContext(drafts, text);
  if (recogniser) drafts = adoptRecognised(drafts, recognisedSpans(recogniser, context, hintsFromDrafts(drafts, tokens)), tokens, context.text);
  const clusters = cluster(drafts, text);
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
  for (const span of spans) {
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
    // Nationality and group words ("Iraqi", "Palestinians") name no person, organization or place.
    if (name.length === 1 && (DEMONYMS.has(name[0]) || name[0].endsWith('s') && DEMONYMS.has(name[0].slice(0, -1)))) continue;
    // "Philadelphia 76ers": a name word that starts with digits continues the name.
    while (last + 1 < tokens.length && tokens[last + 1].joined && NUMBERED_WORD.test(tokens[last + 1].text) && tokens[last + 1].line === tokens[last].line) {
      last++;
      name.push(tokens[last].text);
    }
    // The span starts and ends where the chunker's tokens do, so both read a name alike.
    const end = tokens[last].end;
    while (o < others.length && others[o].end <= span.start) o++;
    // Laws, prizes, events and programmes ("Endangered Species Act", "Super Bowl") are things, not names of these types.
    const thing = name.length > 1 && OTHER_HEADS.has(name[name.length - 1].toLowerCase()) || isWorkOrProduct(text, tokens[first].start, end, name);
    const draft: Draft = { start: tokens[first].start, end, type: thing ? 'other' : span.type, strong: span.confidence >= STRONG, name, tokenIndex: first, confidence: span.confidence };
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
      }
    }
    // A lone first word of a sentence that the rules saw no name in, and that the document never capitalises
    // elsewhere, is an ordinary word ("Shares fell on Tuesday").
    if (!ruleSpans && name.length === 1 && tokens[first].sentenceStart && !(midSentence ??= capitalisedMidSentence(tokens)).has(name[0])) continue;
    out.push(draft);
    covered.fill(1, o, Math.max(o, coveredUntil(others, o, span.end)));
  }
  // Two classes the training data leaves out, kept from the rules where the model found nothing: acronyms
  // ("IBF", "NFL") and plural team names ("the Saints"), which its sources label as group words.
  // And a lone surname of a person the document names in full ("Kilroy-Silk" after "Robert Kilroy-Silk").
  const surnames = new Set<string>();
  for (const d of out) if (d.type === 'person' && d.name.length > 1) surnames.add(d.name[d.name.length - 1]);
  others.forEach((d, j) => {
    if (covered[j]) return;
    if (d.type === 'organization' && (d.name.length === 1 && tokens[d.tokenIndex].upper || PLURAL_NAME_WORD.test(d.name[d.name.length - 1]))) out.push(d);
    else if (d.name.length === 1 && d.type !== 'place' && surnames.has(d.name[0])) out.push({ ...d, type: 'person' });
  });
  out.push(...known);
  out.sort((a, b) => a.start - b.start);
  return out;
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
  if (mention.title && /^(Mrs|Ms|Miss|Queen|Princess|Lady|Dame|Sister)\b|woman$/.test(mention.title)) return true;
  const first = mention.canonical.split(' ')[0];
  return FEMALE_NAMES.has(first);
}

const PLACE_BEFORE = /\b(?:in|at|near|from|outside|across|into|toward|towards|through|around|of|to)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+)?$/;
const PERSON_AFTER = /^(?:['’]s)?\s*(?:,\s*(?:who|whose|\d{1,3},)|\s(?:said|says|told|added|wrote|asked|explained|insisted|admitted|died|was born)\b)/;
const PLACE_AFTER = /^,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)/;

// Sports reports name teams by their town or school ("a 91-73 victory over Evansville", "games against Detroit and
// Carolina", "North Carolina (10-0)"): in a text with scores and game words, such a name is the team.
const SCORE = /\b\d{1,3}-\d{1,3}\b/;
const GAME_WORDS = /\b(?:games?|season|coach|scored|playoffs?|basketball|football|baseball|hockey|soccer|league|quarterback|touchdowns?|innings?|rebounds|tournament)\b/;
const TEAM_BEFORE = /(?:\b(?:wins?|victory|victories|loss|losses|defeat|upset|rout)\s+(?:over|against|to|at)|\b(?:beat|beats|beating|defeated|defeating|outlasted|edged|routed|whipped|against|vs\.?|versus|hosts|hosted|hosting|faces|faced|facing|lost\s+to|losing\s+to|host)|\bwins?\s+at|\bloss\s+at)\s+(?:(?:the|visiting|host|No\.\s*\d+|\d+th-ranked|unbeaten|ranked)\s+)*$/;
const TEAM_AFTER = /^(?:['’]s)?(?:\s*\(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)|\s+\d{1,3}-\d{1,3}\b|\s+(?:basketball|football|baseball|hockey|soccer|defenders|players|fans|coach|head\s+coach|quarterback|offense|defense|team|squad|outlasted|beat|defeated|routed|edged)\b)/;

/** Marks town and school names used as sports teams; true when the text reads as a sports report. */
function typeTeams(drafts: Draft[], text: string): void {
  if (!SCORE.test(text) || !GAME_WORDS.test(text)) return;
  const surnames = new Set<string>();
  for (const draft of drafts) if (draft.name.length > 1 && draft.type === 'person') surnames.add(draft.name[draft.name.length - 1]);
  let previous: Draft | null = null;
  let previousTeam = false;
  for (const draft of drafts) {
    const candidate = !draft.known && (draft.gazetteer ? draft.type === 'place' : draft.type === 'other' || draft.type === 'place' && !draft.strong)
      && draft.name.length <= 3 && !draft.title && !surnames.has(draft.name[draft.name.length - 1]);
    let team = false;
    if (candidate) {
      const before = text.slice(Math.max(0, draft.start - 40), draft.start);
      const after = text.slice(draft.end, draft.end + 30);
      const coordinated = previousTeam && /^(?:,\s*|\s+(?:and|or)\s+)$/.test(text.slice(previous!.end, draft.start));
      if (TEAM_BEFORE.test(before) || TEAM_AFTER.test(after) || coordinated) {
        draft.type = 'organization';
        draft.strong = true;
        // Only a town's name needs telling apart from the town; "Colts" alone is already the team.
        if (draft.gazetteer) draft.team = true;
        team = true;
      }
    }
    previous = draft;
    previousTeam = team;
  }
}

/** Types the single capitalised words that carry no lexical evidence, from the words around them. */
function typeByContext(drafts: Draft[], text: string): void {
  typeTeams(drafts, text);
  for (const draft of drafts) {
    if (draft.known || draft.team) continue;
    if (draft.type === 'person' && !draft.strong && draft.name.length > 1) {
      if (/\b(?:in|at|near|from|outside|across|into|toward|towards|through|around)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, draft.start - 20), draft.start))) draft.type = 'place';
      continue;
    }
    if (draft.type !== 'other') continue;
    const before = text.slice(Math.max(0, draft.start - 40), draft.start);
    const after = text.slice(draft.end, draft.end + 40);
    const place = PLACE_AFTER.exec(after);
    if (place && (STATE_ABBREVIATIONS.has(place[1]) || PLACES.candidates(place[1].split(' ')[0]))) draft.type = 'place';
    else if (PERSON_AFTER.test(after)) draft.type = 'person';
    else if (PLACE_BEFORE.test(before) && !/\bof\s+$/.test(before)) draft.type = 'place';
  }
}

interface Group { id: string; canonical: string; type: EntityType; members: Draft[] }

const INITIAL = /^\p{Lu}\.?$/u;
const DOTTED_INITIAL = /^\p{Lu}\.$/u;

function surnameOf(name: string[]): string {
  let i = name.length - 1;
  while (i > 0 && (NAME_SUFFIXES.has(name[i]) || INITIAL.test(name[i]))) i--;
  return normalize(name[i]);
}

function normalize(word: string): string {
  let lower = word.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function firstKey(word: string): string {
  const lower = normalize(word);
  return NICKNAMES.get(lower) ?? lower;
}

function acronymOf(name: string[]): string {
  let out = '';
  for (const word of name) {
    for (const part of word.split('-')) {
      if (!part || PARTICLES.has(part.toLowerCase()) || part === 'and' || part === 'the' || part === 'of' || part === '&') continue;
      if (/^\p{Lu}/u.test(part)) out += part[0];
    }
  }
  return out;
}

function nameKey(draft: Draft): string {
  return (draft.team ? 'team:' : '') + (draft.gazetteer ?? draft.name.join(' ')).toLowerCase();
}

/** A one-word name that may be the short form of a longer one ("Ortiz", "Colts"); places and teams are not. */
function isLoneWord(draft: Draft): boolean {
  return draft.name.length === 1 && !draft.gazetteer && !draft.team;
}

/** Joins the mentions of one entity inside the document. Returns each draft's group. */
function cluster(drafts: Draft[], text: string): Map<Draft, Group> {
  const parent = drafts.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const union = (a: number, b: number) => { const ra = find(a); const rb = find(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); };

  const byKnown = new Map<string, number>();
  const byName = new Map<string, number>();
  const joinBySpelling = (i: number) => {
    const key = nameKey(drafts[i]);
    const seen = byName.get(key);
    if (seen === undefined) byName.set(key, i); else union(seen, i);
  };
  const fullPeople: number[] = [];
  drafts.forEach((draft, i) => {
    if (draft.known) {
      const seen = byKnown.get(draft.known.id);
      if (seen === undefined) byKnown.set(draft.known.id, i); else union(seen, i);
      return;
    }
    // A lone word waits: each "Ortiz" joins the full name it is nearest to, and only the lone words that
    // join no full name are joined by their spelling (else "Ortiz" would chain Jerry, Rosa and Chela Ortiz).
    if (isLoneWord(draft)) return;
    joinBySpelling(i);
    if (draft.type === 'person' && draft.name.length > 1) fullPeople.push(i);
  });

  // Full names of one person written differently: "Ash Carter" / "Ashton Carter", "W. Mark Felt" / "Mark Felt":
  // the same surname and the same given name (initials aside, nicknames folded) join, the first of each key.
  const byPersonKey = new Map<string, number>();
  for (const i of fullPeople) {
    const name = drafts[i].name;
    const given = name.find((w) => !DOTTED_INITIAL.test(w));
    if (!given) continue;
    const key = `${surnameOf(name)} ${firstKey(given)}`;
    const seen = byPersonKey.get(key);
    if (seen === undefined) byPersonKey.set(key, i); else union(seen, i);
  }

  // Aliases introduced in the text: "X, also known as Y", "X (Y)" for an acronym Y.
  for (let i = 0; i + 1 < drafts.length; i++) {
    const between = text.slice(drafts[i].end, drafts[i + 1].start);
    if (/^(?:['’]s)?,?\s+(?:also\s+known\s+as|aka|a\.k\.a\.|known\s+as|alias)\s+$/i.test(between) && drafts[i].type === 'person') {
      union(i, i + 1);
      drafts[i + 1].type = 'person';
    } else if (/^\s*\($/.test(between) && text[drafts[i + 1].end] === ')' && /^\p{Lu}{2,}/u.test(drafts[i + 1].name[0])
      && drafts[i].name.length > 1) union(i, i + 1);
  }

  // Short forms: a surname or given name alone, a prefix of a longer name, an acronym of a longer name.
  // Long names are indexed by surname, given name, prefix, last word and acronym.
  const index = new Map<string, number[]>();
  const put = (key: string, i: number) => { const list = index.get(key); if (list) list.push(i); else index.set(key, [i]); };
  drafts.forEach((d, i) => {
    if (d.name.length < 2 || d.gazetteer) return;
    if (d.type === 'person') {
      put(`s:${surnameOf(d.name)}`, i);
      put(`f:${normalize(d.name[0])}`, i);
      put(`sf:${surnameOf(d.name)} ${firstKey(d.name[0])}`, i);
    } else {
      let prefix = '';
      for (let k = 0; k < d.name.length - 1; k++) { prefix += (k ? ' ' : '') + normalize(d.name[k]); put(`p:${prefix}`, i); }
      if (d.type === 'organization' && PLACES.candidates(d.name[0])) put(`t:${surnameOf(d.name)}`, i);
      put(`a:${acronymOf(d.name)}`, i);
    }
  });
  // For a key's list and a name length: the nearest position at or before / at or after each position whose name is longer.
  const longerByKey = new Map<string, { atOrBefore: Int32Array; atOrAfter: Int32Array }>();
  const longerNames = (key: string, list: number[], length: number) => {
    const cacheKey = `${length} ${key}`;
    let found = longerByKey.get(cacheKey);
    if (!found) {
      found = { atOrBefore: new Int32Array(list.length), atOrAfter: new Int32Array(list.length) };
      for (let p = 0, last = -1; p < list.length; p++) { if (drafts[list[p]].name.length > length) last = p; found.atOrBefore[p] = last; }
      for (let p = list.length - 1, last = -1; p >= 0; p--) { if (drafts[list[p]].name.length > length) last = p; found.atOrAfter[p] = last; }
      longerByKey.set(cacheKey, found);
    }
    return found;
  };
  drafts.forEach((draft, i) => {
    if (draft.known || draft.gazetteer && draft.name.length > 1 && !draft.team) return;
    const single = draft.name.length === 1 ? normalize(draft.name[0]) : null;
    const candidates: Array<[number, number]> = [];
    // Under one key only the nearest longer name on each side can score best (nearness falls with distance; the
    // lists are in text order), so only those two are candidates: a long text has thousands of names per key.
    const consider = (key: string, score: number) => {
      const list = index.get(key);
      if (!list) return;
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (drafts[list[middle]].start < draft.start) low = middle + 1; else high = middle;
      }
      const nearest = longerNames(key, list, draft.name.length);
      let before = low > 0 ? nearest.atOrBefore[low - 1] : -1;
      // Of names starting at the same offset, the first in the list wins a tie, as when all were scored.
      for (let p = before - 1; before >= 0 && p >= 0 && drafts[list[p]].start === drafts[list[before]].start; p--) {
        if (drafts[list[p]].name.length > draft.name.length) before = p;
      }
      if (before >= 0) candidates.push([list[before], score]);
      const after = low < list.length ? nearest.atOrAfter[low] : -1;
      if (after >= 0) candidates.push([list[after], score]);
    };
    const personOk = !(draft.type !== 'person' && draft.type !== 'other' && draft.strong);
    if (personOk && single) {
      consider(`s:${single}`, 3);
      if (isFirstName(draft.name[0])) consider(`f:${single}`, 2);
    } else if (personOk && draft.type === 'person') consider(`sf:${surnameOf(draft.name)} ${firstKey(draft.name[0])}`, 3);
    if (!(draft.type === 'person' && draft.title)) {
      // A person's full name is never the short form of an organization or place built around it
      // ("Robert Kilroy-Silk" and "the Robert Kilroy-Silk Party").
      if ((!draft.gazetteer || draft.team) && !(draft.type === 'person' && draft.name.length > 1)) consider(`p:${draft.name.map(normalize).join(' ')}`, 2);
      if (single && !ORG_SUFFIXES.has(single)) consider(`t:${single}`, 2);
      const bare = draft.name[0].replace(/[-.]/g, '');
      if (single && /^\p{Lu}{2,}$/u.test(bare)) consider(`a:${bare}`, 3);
    }
    let best = -1;
    let bestScore = 0;
    for (const [j, score] of candidates) {
      if (j === i) continue;
      const d = drafts[j];
      // Prefer the nearest preceding long name.
      const near = d.start < draft.start ? 1 / (1 + draft.start - d.start) : 1 / (1 + 10 * (d.start - draft.start));
      if (score + near > bestScore) { bestScore = score + near; best = j; }
    }
    if (best >= 0) union(best, i);
    else if (!draft.known && isLoneWord(draft)) joinBySpelling(i);
  });

  const groups = new Map<number, Group>();
  const result = new Map<Draft, Group>();
  drafts.forEach((draft, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { id: '', canonical: '', type: 'other', members: [] }));
    group.members.push(draft);
    result.set(draft, group);
  });
  for (const group of groups.values()) {
    const known = group.members.find((d) => d.known)?.known;
    let best = group.members[0];
    for (const draft of group.members) {
      if (draft.name.length > best.name.length || draft.name.length === best.name.length && draft.name.join(' ').length > best.name.join(' ').length) best = draft;
    }
    const gazetteer = group.members.find((d) => d.gazetteer)?.gazetteer;
    group.canonical = known?.name ?? (best.gazetteer && best.name.length === 1 ? best.gazetteer : best.name.join(' ').replace(/ - /g, ' '));
    if (gazetteer && !known && best.gazetteer) group.canonical = gazetteer;
    group.id = known?.id ?? entityIdFor(group.canonical);
    // A team named after its town keeps an id of its own: "Detroit" the team is not Detroit the city.
    if (!known && group.members.every((d) => d.team)) group.id += '-team';
    group.type = known?.type ?? groupType(group.members, best);
  }
  return result;
}

function groupType(members: Draft[], best: Draft): EntityType {
  if (best.strong && best.type !== 'other') return best.type;
  const votes = new Map<EntityType, number>();
  for (const member of members) {
    if (member.type === 'other') continue;
    votes.set(member.type, (votes.get(member.type) ?? 0) + (member.strong ? 3 : 1));
  }
  let type: EntityType = best.type;
  let count = 0;
  for (const [t, c] of votes) if (c > count) { type = t; count = c; }
  return type;
}

export type { Token };

/** The rule chunker's names of a text (no recogniser): what the recogniser is given as evidence, and learns from. */
export function ruleHints(text: string): RuleHint[] {
  const lowerWords = new Set<string>();
  const tokens = tokenize(text, 0, [], lowerWords);
  const drafts = findDrafts({ text, tokens, lowerWords });
  typeByContext(drafts, text);
  return hintsFromDrafts(drafts, tokens);
}

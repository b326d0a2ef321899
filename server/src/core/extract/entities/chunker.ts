// Capitalisation chunking: known names and gazetteer places first, then runs of capitalised words,
// split at titles, nationality adjectives and sentence-initial common words, then typed by lexicons and context.
import type { EntityType } from '../../types';
import contextData from '../../data/entities-context.json';
import type { Token } from './tokens';
import {
  CALENDAR, DEMONYMS, DIRECTIONS, NAME_SUFFIXES, OTHER_HEADS, FEMALE_NAMES, KNOWN, LEGAL_FORMS, MALE_NAMES, MEDIA_BEFORE_PLACE, NOT_ENTITIES, ORG_PREFIXES, ORG_SUFFIXES, ORG_WORDS, PARTICLES,
  PLACE_FEATURES, PLACE_PREFIXES, PLACES, ROLE_NOUNS, STARTERS, STATE_ABBREVIATIONS, TITLES, type KnownEntity,
} from './lexicon';

export interface Draft {
  start: number;
  end: number;
  type: EntityType;
  /** The type comes from a lexicon or a name pattern, not from a default. */
  strong: boolean;
  title?: string;
  /** The name without its title, as tokens. */
  name: string[];
  known?: KnownEntity;
  gazetteer?: string;
  /** A town name of the gazetteer used as a sports team ("victory over Evansville"): an entity apart from the town. */
  team?: boolean;
  /** Typed as a sports team from its context (a town's, a school's or a club's name). */
  sportsTeam?: boolean;
  tokenIndex: number;
  /** The recogniser's confidence in this span (0..1), when the span is the recogniser's. */
  confidence?: number;
}

const CONNECTORS = new Set<string>(contextData.nameConnectors.words);
const WEAK_TITLES = new Set<string>(contextData.weakTitles.words);
const SHORT_ALIAS = /^[A-Z]{2,3}$/;
const PLURAL_GROUP = /^\p{Lu}\p{Ll}+s$/u;
const SPEECH_AFTER = new RegExp(`^\\s+(?:${contextData.speechVerbsAfter.words.join('|')})\\b`);

function nameLike(token: Token): boolean {
  return token.cap || token.particle;
}

/** "76ers" after "Philadelphia": a name word that starts with digits, only inside a run. */
const NUMBERED = /^\p{N}+\p{L}+$/u;

export function isFirstName(word: string): boolean {
  return MALE_NAMES.has(word) || FEMALE_NAMES.has(word);
}

export interface ChunkerInput { text: string; tokens: Token[]; lowerWords: Set<string> }

export function findDrafts({ text, tokens, lowerWords }: ChunkerInput): Draft[] {
  const n = tokens.length;
  const consumed = new Uint8Array(n);
  const drafts: Draft[] = [];
  let spelledOut: Set<number> | null = null;

  // Evidence: words written capitalised where capitals do not come from the sentence or a headline.
  const evidence = new Set<string>();
  for (const token of tokens) {
    if ((token.cap || token.particle) && !token.sentenceStart && !token.headline) evidence.add(token.text.toLowerCase());
  }

  // Pass A: known aliases and gazetteer places.
  for (let i = 0; i < n; i++) {
    const token = tokens[i];
    if (!nameLike(token) && !CONNECTORS.has(token.text) && token.text !== 'dpa') continue;
    const known = matchPhrase(KNOWN, tokens, i, text);
    const headlineWord = known && token.headline && known.length === 1 && lowerWords.has(token.text.toLowerCase());
    // "Microsoft Corp.": the known company with its legal form written after it.
    const legal = known?.value.type === 'organization' && tokens[i + known.length]?.joined && LEGAL_FORMS.has(tokens[i + known.length].text) ? 1 : 0;
    if (known && !headlineWord && acceptShortAlias(tokens, i, known.length) && (legal || !longerOrgName(tokens, i + known.length, known.value.type))) {
      const last = tokens[i + known.length - 1 + legal];
      let titleStart = i;
      if (known.value.type === 'person' && token.joined) {
        for (let k = i - 1; k >= Math.max(0, i - 5) && !consumed[k]; k--) {
          if (tokens[k + 1] && !tokens[k + 1].joined) break;
          if (titleRunEnd(tokens, k, i) === i) titleStart = k;
        }
      }
      drafts.push({ start: tokens[titleStart].start, end: last.end, type: known.value.type, strong: true, name: tokenTexts(tokens, i, i + known.length),
        known: known.value, tokenIndex: i, title: titleStart < i ? text.slice(tokens[titleStart].start, tokens[i - 1].end) : undefined });
      consumed.fill(1, titleStart, i + known.length + legal);
      i += known.length - 1 + legal;
      continue;
    }
    if (!nameLike(token)) continue;
    const place = matchPhrase(PLACES, tokens, i, text);
    if (place) {
      const after = i + place.length;
      const next = tokens[after];
      const prev = tokens[i - 1];
      // "Radio Sweden": a broadcaster's word right before a place's name names the broadcaster.
      if (prev && !consumed[i - 1] && token.joined && prev.line === token.line && MEDIA_BEFORE_PLACE.has(prev.text) && !(next && next.joined && nameLike(next))) {
        drafts.push({ start: prev.start, end: tokens[after - 1].end, type: 'organization', strong: true, name: tokenTexts(tokens, i - 1, after), tokenIndex: i - 1 });
        consumed.fill(1, i - 1, after);
        i = after - 1;
        continue;
      }
      const inside = !!prev && place.length === 1 && !token.upper && !token.text.includes('.') && token.joined && !consumed[i - 1] && nameLike(prev) && !prev.standalone && !token.standalone && !STARTERS.has(prev.text)
        && !DEMONYMS.has(prev.text) && !CALENDAR.has(prev.text) && !TITLES.candidates(prev.text) && !DIRECTIONS.has(prev.text) && prev.line === token.line
        && !(prev.sentenceStart && !evidence.has(prev.text.toLowerCase()));
      const runsOn = next && next.joined && (nameLike(next) || /^\p{N}+\p{L}+$/u.test(next.text)) && !next.standalone && !tokens[after - 1].standalone && !tokens[after - 1].possessive
        && titleRunEnd(tokens, after) === after && !matchPhrase(PLACES, tokens, after, text) && !matchPhrase(KNOWN, tokens, after, text)
        && !CALENDAR.has(next.text);
      const continuesAsName = runsOn || longerOrgName(tokens, after, 'organization') || (next && next.joined && !nameLike(next) && CONNECTORS.has(next.text) && next.text !== '&' && tokens[after + 1]?.cap);
      // "Senator Jordan said": a title right before a one-word place's name makes the word a person's name.
      let titleStart = i;
      if (prev && place.length === 1 && token.joined && !token.upper && prev.line === token.line && !continuesAsName) {
        for (let k = i - 1; k >= Math.max(0, i - 4) && !consumed[k]; k--) if (titleRunEnd(tokens, k, i) === i) titleStart = k;
      }
      if (titleStart < i) {
        drafts.push({ start: tokens[titleStart].start, end: token.end, type: 'person', strong: true, name: [token.text], tokenIndex: i,
          title: text.slice(tokens[titleStart].start, prev.end) });
        consumed.fill(1, titleStart, after);
        continue;
      }
      if (!continuesAsName && !inside) {
        const last = tokens[after - 1];
        drafts.push({ start: token.start, end: last.end, type: 'place', strong: true, name: tokenTexts(tokens, i, after), gazetteer: place.value, tokenIndex: i });
        consumed.fill(1, i, after);
        i = after - 1;
      }
    }
  }

  // Pass B: capitalised runs.
  for (let i = 0; i < n; i++) {
    if (consumed[i] || !nameLike(tokens[i])) continue;
    let j = i + 1;
    while (j < n && !consumed[j]) {
      const token = tokens[j];
      const previous = tokens[j - 1];
      if (!token.joined || previous.standalone || token.standalone || token.line !== previous.line) break;
      if (nameLike(token) || (/^\p{N}+\p{L}+$/u.test(token.text) && j > i)) { j++; continue; }
      if (CONNECTORS.has(token.text)) {
        let k = j + 1;
        if (token.text === 'of' && tokens[k]?.text === 'the' && tokens[k].joined) k++;
        const after = tokens[k];
        if (after && !consumed[k] && after.joined && nameLike(after) && !after.standalone && !CALENDAR.has(after.text)) { j = k + 1; continue; }
      }
      break;
    }
    const chunk: number[] = [];
    for (let k = i; k < j; k++) chunk.push(k);
    i = j - 1;
    if (tokens[chunk[0]].headline) {
      // In a headline only words the body also writes as names count.
      let run: number[] = [];
      const titled = new Set<number>();
      for (let c = 0; c < chunk.length; c++) {
        const end = titleRunEnd(tokens, chunk[c], chunk[chunk.length - 1] + 1);
        if (end > chunk[c] && evidence.has(tokens[end]?.text.toLowerCase() ?? '')) for (let k = chunk[c]; k < end; k++) titled.add(k);
      }
      for (let c = 0; c < chunk.length; c++) {
        const k = chunk[c];
        const token = tokens[k];
        // A given name and the capitalised word after it are a person's name ("Marla Quenby Checks Out"), unless the
        // body writes that word in lower case.
        const afterGivenName = run.length > 0 && run[run.length - 1] === k - 1 && isFirstName(tokens[k - 1].text) && !lowerWords.has(token.text.toLowerCase());
        const good = (evidence.has(token.text.toLowerCase()) || titled.has(k) || token.upper && !token.shout && !NOT_ENTITIES.has(token.text)
          || isFirstName(token.text) && c + 1 < chunk.length && tokens[chunk[c + 1]].cap || afterGivenName) && !STARTERS.has(token.text)
          && !CALENDAR.has(token.text);
        if (good || (run.length && (CONNECTORS.has(token.text) || token.text === 'the'))) run.push(k);
        else { if (run.length) splitChunk(run, true); run = []; }
      }
      if (run.length) splitChunk(run, true);
    } else {
      // "Capt. Tom Tennant of the Woodburn Police Department": a person, then an organization.
      const of = chunk.findIndex((k, c) => c > 1 && tokens[k].text === 'of');
      if (of > 0 && (titleRunEnd(tokens, chunk[0], chunk[of]) > chunk[0] && titleRunEnd(tokens, chunk[0], chunk[of]) < chunk[of]
        || isFirstName(tokens[chunk[0]].text)) && titleRunEnd(tokens, chunk[0], chunk[chunk.length - 1] + 1) <= chunk[of]) {
        splitChunk(chunk.slice(0, of), false);
        let rest = of + 1;
        if (tokens[chunk[rest]]?.text === 'the') rest++;
        if (rest < chunk.length) splitChunk(chunk.slice(rest), false);
      } else splitChunk(chunk, false);
    }
  }

  function splitChunk(chunk: number[], fromHeadline: boolean): void {
    let a = 0;
    let b = chunk.length;
    while (b > a && !nameLike(tokens[chunk[b - 1]]) && !(b - a > 1 && NUMBERED.test(tokens[chunk[b - 1]].text))) b--;
    while (a < b) {
      const token = tokens[chunk[a]];
      if (!nameLike(token) || STARTERS.has(token.text) || CALENDAR.has(token.text) || NOT_ENTITIES.has(token.text)) { a++; continue; }
      if (a === 0 && token.sentenceStart && !fromHeadline && !evidence.has(token.text.toLowerCase()) && !isFirstName(token.text) && !DEMONYMS.has(token.text)
        && titleRunEnd(tokens, chunk[a]) === chunk[a] && !(b - a === 1 && SPEECH_AFTER.test(text.slice(token.end, token.end + 12))) && (b - a === 1 || lowerWords.has(token.text.toLowerCase()) || /(?:ing|ed|ly)$/.test(token.text))) { a++; continue; }
      break;
    }
    let i = a;
    while (i < b) {
      const token = tokens[chunk[i]];
      if (!nameLike(token) || CALENDAR.has(token.text) || STARTERS.has(token.text) && i === a) { i++; continue; }
      if (DEMONYMS.has(token.text)) {
        const last = tokens[chunk[b - 1]].text.toLowerCase();
        if (b - i > 1 && ORG_SUFFIXES.has(last)) { emitGeneric(chunk.slice(i, b)); return; }
        i++;
        continue;
      }
      const titleEnd = titleRunIn(chunk, i, b);
      if (titleEnd > i) {
        let k = titleEnd;
        while (k < b && !CALENDAR.has(tokens[chunk[k]].text)) k++;
        if (k > titleEnd) {
          const nameTokens = chunk.slice(titleEnd, k);
          const last = tokens[nameTokens[nameTokens.length - 1]].text.toLowerCase();
          if (ORG_SUFFIXES.has(last) || PLACE_FEATURES.has(last)) emitGeneric(chunk.slice(i, k));
          else {
            const first = tokens[chunk[i]];
            const lastTitle = tokens[chunk[titleEnd - 1]];
            const nameStart = tokens[nameTokens[0]];
            drafts.push({ start: first.start, end: tokens[chunk[k - 1]].end, type: 'person', strong: true,
              title: text.slice(first.start, lastTitle.end), name: nameTokens.map((x) => tokens[x].text), tokenIndex: nameTokens[0] });
            void nameStart;
          }
        }
        i = k;
        continue;
      }
      let k = i + 1;
      while (k < b) {
        const t = tokens[chunk[k]];
        if (CALENDAR.has(t.text)) break;
        const end = titleRunIn(chunk, k, b);
        if (end > k && end < b && (end - k > 1 || !WEAK_TITLES.has(t.text.toLowerCase().replace(/\.$/, '')))) break;
        k++;
      }
      let e = k;
      while (e > i && !nameLike(tokens[chunk[e - 1]]) && !(e - i > 1 && NUMBERED.test(tokens[chunk[e - 1]].text))) e--;
      // "Philadelphia 76ers President and General Manager Ed Stefanski": the title before "and" is not part of the name.
      if (e === b && e - i > 1 && /^\s+and\s+\p{Lu}/u.test(text.slice(tokens[chunk[e - 1]].end, tokens[chunk[e - 1]].end + 6))) {
        for (let t = e - 1; t > i; t--) {
          if (titleRunEnd(tokens, chunk[t], chunk[e - 1] + 1) === chunk[e - 1] + 1 && !CONNECTORS.has(tokens[chunk[t - 1]].text)) { e = t; break; }
        }
      }
      if (e > i) emitGeneric(chunk.slice(i, e));
      i = k;
    }
  }

  function titleRunIn(chunk: number[], from: number, to: number): number {
    const end = titleRunEnd(tokens, chunk[from], chunk[to - 1] + 1);
    // The run must stay inside this chunk and leave a name after it.
    const run = end - chunk[from];
    return run > 0 && from + run < to ? from + run : from;
  }

  function emitGeneric(indices: number[]): void {
    if (!indices.length) return;
    const first = tokens[indices[0]];
    const last = tokens[indices[indices.length - 1]];
    const words = indices.map((x) => tokens[x].text);
    if (titleRunEnd(tokens, indices[0], indices[indices.length - 1] + 1) === indices[indices.length - 1] + 1) return;
    if (words.length === 1 && (NOT_ENTITIES.has(words[0]) || words[0].length < 2 || /^\p{N}/u.test(words[0]) || STARTERS.has(words[0]))) return;
    if (words.length === 1 && first.upper && spelledOutInLowerCase(words[0])) return;
    // "Coroner Gary Hargrove", "Englishman Robert Buckley": a word before a given name and a surname is what the
    // person is, not part of the name; a plural one is the team or group the person belongs to ("Chargers Jamal
    // Williams"), a name of its own. A word with a capital inside ("LuAnn", "DeShawn") is a given name the lists lack.
    if (words.length >= 3 && isFirstName(words[1]) && !isFirstName(words[0]) && !/^\p{Lu}\.$/u.test(words[0]) && !CONNECTORS.has(words[1])
      && !/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(words[0])) {
      if (PLURAL_GROUP.test(words[0]) && !DEMONYMS.has(words[0].slice(0, -1)) && !ROLE_NOUNS.has(words[0].toLowerCase().slice(0, -1))) {
        drafts.push({ start: first.start, end: first.end, type: 'organization', strong: false, name: [words[0]], tokenIndex: indices[0] });
        drafts.push({ start: tokens[indices[1]].start, end: last.end, type: 'person', strong: true, name: words.slice(1), tokenIndex: indices[1] });
      } else drafts.push({ start: first.start, end: last.end, type: 'person', strong: true, title: words[0], name: words.slice(1), tokenIndex: indices[1] });
      return;
    }
    const typed = typeGeneric(words, indices);
    drafts.push({ start: first.start, end: last.end, type: typed.type, strong: typed.strong, name: words, tokenIndex: indices[0] });
  }

  /** "BPC" after "building partner capacity": an abbreviation of common words, not a name. */
  function spelledOutInLowerCase(acronym: string): boolean {
    const letters = acronym.replace(/[^A-Z]/g, '');
    if (letters.length < 2 || letters.length > 6) return false;
    spelledOut ??= lowerCaseInitials(text, acronymCodes(tokens));
    return spelledOut.has(initialsCode(letters.toLowerCase()));
  }

  function typeGeneric(words: string[], indices: number[]): { type: EntityType; strong: boolean } {
    const lower = words.map((w) => w.toLowerCase());
    const last = lower[lower.length - 1];
    const many = words.length > 1;
    const before = text.slice(Math.max(0, tokens[indices[0]].start - 4), tokens[indices[0]].start);
    if (many && OTHER_HEADS.has(last)) return { type: 'other', strong: true };
    if (many && last === 'state' && PLACES.candidates(words[0])) return { type: 'organization', strong: true };
    if (many && (ORG_SUFFIXES.has(last) || ORG_PREFIXES.has(lower[0]) && lower[1] === 'of')) return { type: 'organization', strong: true };
    if (many && (PLACE_FEATURES.has(last) || PLACE_PREFIXES.has(lower[0]))) return { type: 'place', strong: true };
    if (many && matchPhrase(PLACES, tokens, indices[0], text)) {
      return { type: /s$/.test(words[words.length - 1]) || /^\p{N}/u.test(words[words.length - 1]) ? 'organization' : 'place', strong: true };
    }
    if (many && isFirstName(words[0]) && !ORG_WORDS.has(last)) return { type: 'person', strong: true };
    if (many && (PARTICLES.has(lower[0]) || indices.some((x) => tokens[x].particle))) return { type: 'person', strong: true };
    if (/(?:^|[^\p{L}])[Tt]he $/u.test(before) && !isFirstName(words[0])) return { type: 'organization', strong: false };
    if (many && DIRECTIONS.has(words[0])) return { type: 'place', strong: false };
    if (!many) {
      if (tokens[indices[0]].upper && !tokens[indices[0]].shout) return { type: 'organization', strong: false };
      if (ORG_SUFFIXES.has(last)) return { type: 'organization', strong: false };
      return { type: 'other', strong: false };
    }
    if (lower.some((w) => ORG_WORDS.has(w))) return { type: 'organization', strong: false };
    if (words.every((w) => /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u.test(w) || /^\p{Lu}\.$/u.test(w) || NAME_SUFFIXES.has(w) || PARTICLES.has(w.toLowerCase()))
      && words.length <= 4) {
      return { type: lower.some((w) => lowerWords.has(w)) ? 'other' : 'person', strong: false };
    }
    return { type: 'organization', strong: false };
  }

  drafts.sort((x, y) => x.start - y.start);
  return drafts;
}

/**
 * The initials of every run of two to six lower-case words joined by one blank or hyphen ("building partner
 * capacity" gives "bp", "bpc", "pc"), computed once per text, each as initialsCode of its letters; only those
 * `wanted` are kept (a long text has millions of others).
 */
function lowerCaseInitials(text: string, wanted: Set<number>): Set<number> {
  const initials = new Set<number>();
  const WORD = /\w+/g;
  // The run's initials as letter codes (1..26), the last six at most.
  const run: number[] = [];
  let previousEnd = -2;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const lowerOnly = /^[a-z]+$/.test(match[0]);
    const linked = match.index === previousEnd + 1 && (text[previousEnd] === ' ' || text[previousEnd] === '-');
    previousEnd = match.index + match[0].length;
    if (!lowerOnly) { run.length = 0; continue; }
    if (!linked) run.length = 0;
    run.push(match[0].charCodeAt(0) - 96);
    if (run.length > 6) run.shift();
    let code = 0;
    let scale = 1;
    for (let k = run.length - 1; k >= 0; k--) {
      code += run[k] * scale;
      scale *= 27;
      if (k <= run.length - 2 && wanted.has(code)) initials.add(code);
    }
  }
  return initials;
}

/** The initialsCode of the capitals of every all-capitals token with two to six of them: what spelledOutInLowerCase may ask. */
function acronymCodes(tokens: readonly Token[]): Set<number> {
  const codes = new Set<number>();
  for (const token of tokens) {
    if (!token.upper) continue;
    const letters = token.text.replace(/[^A-Z]/g, '');
    if (letters.length >= 2 && letters.length <= 6) codes.add(initialsCode(letters.toLowerCase()));
  }
  return codes;
}

/** A word of lower-case letters a-z as one number (base 27, no letter is 0, so no two words share one). */
function initialsCode(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i++) code = code * 27 + (word.charCodeAt(i) - 96);
  return code;
}

function tokenTexts(tokens: Token[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(tokens[i].text);
  return out;
}

/** Longest phrase of `table` starting at token i, its words separated by blanks (or a spaced dash) on one line. */
function matchPhrase<T>(table: { candidates(first: string): Array<{ tokens: string[]; value: T }> | undefined; fold(t: string): string },
  tokens: Token[], i: number, text: string): { length: number; value: T } | null {
  const candidates = table.candidates(tokens[i].text);
  if (!candidates) return null;
  outer: for (const phrase of candidates) {
    if (i + phrase.tokens.length > tokens.length) continue;
    for (let k = 1; k < phrase.tokens.length; k++) {
      const token = tokens[i + k];
      if (table.fold(token.text) !== phrase.tokens[k]) continue outer;
      const previous = tokens[i + k - 1];
      if (previous.possessive || token.line !== previous.line) continue outer;
      if (!token.joined && !/^[ \u00a0]*[-–—][ \u00a0]*$/.test(text.slice(previous.end, token.start))) continue outer;
    }
    return { length: phrase.tokens.length, value: phrase.value };
  }
  return null;
}

/** "U.S. Central Command Public Affairs": a known organization followed by more name words ending in an organization word. */
function longerOrgName(tokens: Token[], after: number, type: EntityType): boolean {
  if (type !== 'organization') return false;
  let j = after;
  while (j < tokens.length && tokens[j].joined && nameLike(tokens[j]) && !tokens[j - 1].standalone && !tokens[j].standalone && !tokens[j - 1].possessive) j++;
  return j > after && ORG_SUFFIXES.has(tokens[j - 1].text.toLowerCase()) && titleRunEnd(tokens, after) === after;
}

/** A two- or three-letter capital alias ("IS", "UN") inside an all-capitals line is a word, not a name. */
function acceptShortAlias(tokens: Token[], i: number, length: number): boolean {
  if (length !== 1 || !SHORT_ALIAS.test(tokens[i].text)) return true;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  const shouting = (t: Token | undefined) => !!t && t.line === tokens[i].line && t.upper && !KNOWN.candidates(t.text);
  return !(tokens[i].joined && shouting(previous)) && !(next?.joined && shouting(next));
}

/** End (exclusive token index) of the run of title phrases starting at token i, or i when none. */
export function titleRunEnd(tokens: Token[], i: number, limit = tokens.length): number {
  let j = i;
  while (j < limit) {
    const candidates = TITLES.candidates(tokens[j].text);
    if (!candidates) break;
    let matched = 0;
    for (const phrase of candidates) {
      if (j + phrase.tokens.length > limit) continue;
      let ok = true;
      for (let k = 0; k < phrase.tokens.length && ok; k++) {
        const token = tokens[j + k];
        if (token.text.toLowerCase() !== phrase.tokens[k] || (k > 0 && !token.joined) || !token.cap && k === 0) ok = false;
      }
      if (ok) { matched = phrase.tokens.length; break; }
    }
    if (!matched) break;
    j += matched;
    if (j < limit && !tokens[j].joined) break;
  }
  return j;
}

export { STATE_ABBREVIATIONS };

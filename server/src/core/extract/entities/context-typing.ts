// Typing by context: the words around a name decide the type the name alone does not (a town used as a sports
// team, "X, who", "in X"). The entity stage receives a ContextTyper, so that other typing can take its place.
import contextData from '../../data/entities-context.json';
import type { Draft } from './chunker';
import { isFirstName } from './chunker';
import { DIRECTIONS, NAME_SUFFIXES, ORG_SUFFIXES, ORG_WORDS, PLACE_FEATURES, PLACE_GIVEN_NAMES, PLACES, STATE_ABBREVIATIONS } from './lexicon';

export interface ContextTyper {
  /**
   * Retypes the drafts of `text` (in text order) from the words around them; may mark town names as teams.
   * `lowerWords` are the words the text writes in lower case.
   */
  typeDrafts(drafts: Draft[], text: string, lowerWords: ReadonlySet<string>): void;
  /** Retypes the drafts once the recogniser's spans are in, from the document's other names. */
  settle(drafts: Draft[], text: string, lowerWords: ReadonlySet<string>): void;
}

/** Alternatives of a regular expression for a list of phrases: special characters escaped, any spaces between words. */
export function phraseAlternatives(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+')).join('|');
}

const PLACE_PREPOSITIONS = phraseAlternatives(contextData.placePrepositions);
/** "in", "from" ... right before a name, after which a person-looking name is a place. */
const PLACE_PREPOSITION_BEFORE = new RegExp(`\\b(?:${PLACE_PREPOSITIONS})\\s+(?:the\\s+)?$`);
const PLACE_BEFORE = new RegExp(`\\b(?:${PLACE_PREPOSITIONS}|${phraseAlternatives(contextData.placePrepositionsOfUnknown)})\\s+(?:the\\s+)?(?:[A-Z][\\w.-]*\\s+)?$`);
const PERSON_AFTER = new RegExp(`^(?:['’]s)?\\s*(?:,\\s*(?:${phraseAlternatives(contextData.personRelativesAfter)}|\\d{1,3},)|\\s(?:${phraseAlternatives(contextData.personVerbsAfter)})\\b)`);
const PLACE_AFTER = /^,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)/;

// Sports reports name teams by their town or school ("a 91-73 victory over Evansville", "games against Detroit and
// Carolina", "North Carolina (10-0)"): in a text with scores and game words, such a name is the team.
const sports = contextData.sports;
const SCORE = /\b\d{1,3}-\d{1,3}\b/;
const GAME_WORD_LIST: readonly string[] = sports.gameWords;
const TEAM_BEFORE = new RegExp(`(?:\\b(?:${phraseAlternatives(sports.resultNouns)})\\s+(?:${phraseAlternatives(sports.resultPrepositions)})|\\b(?:${phraseAlternatives(sports.verbsBefore)}))`
  + `\\s+(?:(?:${phraseAlternatives(sports.qualifiersBefore)}|No\\.\\s*\\d+|\\d+th-ranked)\\s+)*$`);
/** "top-ranked North Carolina", "No. 5 seed Indiana State": a rank before a name in a sports report. */
const TEAM_RANK_BEFORE = new RegExp(`(?:\\b(?:${phraseAlternatives(sports.rankBefore)})|\\bNo\\.\\s*\\d+(?:\\s+seed)?|\\b\\d+(?:st|nd|rd|th)-ranked)\\s+$`, 'i');
const TEAM_AFTER = new RegExp(`^(?:['’]s)?(?:\\s*\\(\\d{1,2}-\\d{1,2}(?:-\\d{1,2})?\\)|\\s+\\d{1,3}-\\d{1,3}\\b|\\s+(?:${phraseAlternatives(sports.wordsAfter)})\\b)`);

/** A score and a game word, or three different game words ("basketball", "season", "coach"). */
function readsAsSportsReport(text: string, words: ReadonlySet<string>): boolean {
  let count = 0;
  for (const word of GAME_WORD_LIST) if (words.has(word) && ++count >= 3) return true;
  return count > 0 && SCORE.test(text);
}

/**
 * Marks town and school names used as sports teams, when the text reads as a sports report. With `people`, the
 * candidates are instead the lone words the model read as a person who is nobody of the document (no full name ends
 * with it, not a given name): a school or club named after someone ("Harwick's all-time leading scorer"). That
 * runs after the model, so that the rules' hints to it stay as they were.
 */
function typeTeams(drafts: Draft[], text: string, words: ReadonlySet<string>, people = false): void {
  if (!readsAsSportsReport(text, words)) return;
  const surnames = new Set<string>();
  for (const draft of drafts) if (draft.name.length > 1 && draft.type === 'person') surnames.add(draft.name[draft.name.length - 1]);
  let previous: Draft | null = null;
  let previousTeam = false;
  for (const draft of drafts) {
    const kind = people ? draft.type === 'person' && draft.name.length === 1 && !draft.gazetteer && !isFirstName(draft.name[0])
      : draft.gazetteer ? draft.type === 'place' : draft.type === 'other' || draft.type === 'place' && !draft.strong;
    const candidate = !draft.known && kind && draft.name.length <= 3 && !draft.title && !surnames.has(draft.name[draft.name.length - 1]);
    let team = false;
    if (candidate) {
      const before = text.slice(Math.max(0, draft.start - 40), draft.start);
      const after = text.slice(draft.end, draft.end + 30);
      const coordinated = previousTeam && /^(?:,\s*|\s+(?:and|or)\s+)$/.test(text.slice(previous!.end, draft.start));
      if (TEAM_BEFORE.test(before) || TEAM_RANK_BEFORE.test(before) || TEAM_AFTER.test(after) || coordinated) {
        draft.type = 'organization';
        draft.strong = true;
        draft.sportsTeam = true;
        // Only a town's name needs telling apart from the town; "Colts" alone is already the team.
        if (draft.gazetteer) draft.team = true;
        team = true;
      }
    }
    previous = draft;
    previousTeam = team;
  }
}

/**
 * A report that once writes a town or school as a team means the team by its other mentions too ("North Carolina's
 * career scoring record"), except where a place preposition says the place ("in Chapel Hill").
 */
function spreadTeams(drafts: Draft[], text: string, surnames: ReadonlySet<string>): void {
  const teams = new Map<string, boolean>();
  for (const draft of drafts) if (draft.sportsTeam) teams.set(draft.name.join(' '), teams.get(draft.name.join(' ')) || !!draft.team);
  if (!teams.size) return;
  for (const draft of drafts) {
    const town = teams.get(draft.name.join(' '));
    if (draft.sportsTeam || town === undefined || draft.known || draft.title || draft.type === 'person' && (draft.name.length > 1 || surnames.has(draft.name[0]))) continue;
    if (PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, draft.start - 20), draft.start))) continue;
    draft.type = 'organization';
    draft.strong = true;
    draft.sportsTeam = true;
    if (town) draft.team = true;
  }
}

/**
 * A lone word that is the surname of a person the document names in full is that person ("Hansbrough" after
 * "Tyler Hansbrough"), whatever a model reading the word alone made of it; places of the gazetteer stay places.
 */
function typeSurnames(drafts: Draft[], surnames: ReadonlySet<string>): void {
  for (const draft of drafts) {
    if (draft.name.length !== 1 || draft.type === 'person' || draft.known || draft.gazetteer || draft.team || !surnames.has(draft.name[0])) continue;
    draft.type = 'person';
  }
}

/**
 * "of Schenectady, N.Y.": a lone word the model took for a person, followed by a state or country, is the town there,
 * unless it is the surname of someone the document names in full.
 */
function typeTownsOfStates(drafts: Draft[], text: string, surnames: ReadonlySet<string>): void {
  for (const draft of drafts) {
    if (draft.type !== 'person' || draft.name.length !== 1 || draft.known || draft.title || surnames.has(draft.name[0])) continue;
    const place = PLACE_AFTER.exec(text.slice(draft.end, draft.end + 40));
    if (place && (STATE_ABBREVIATIONS.has(place[1]) || PLACES.candidates(place[1].split(' ')[0]))) draft.type = 'place';
  }
}

/**
 * "Georgia Lang said": two words the model took for a place, the first a given name that is also a place's name and
 * the second a name word that is no place, no place's feature ("Street", "Park") and no organization's word, are a
 * person, unless a place preposition comes before them.
 */
function typeGivenNamesOfPlaces(drafts: Draft[], text: string): void {
  for (const draft of drafts) {
    if (draft.type !== 'place' || draft.name.length !== 2 || draft.known || draft.gazetteer || draft.team) continue;
    const [given, surname] = draft.name;
    if (!PLACE_GIVEN_NAMES.has(given) && !isFirstName(given)) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(surname) || PLACES.candidates(surname) || DIRECTIONS.has(surname)) continue;
    const lower = surname.toLowerCase();
    if (PLACE_FEATURES.has(lower) || ORG_SUFFIXES.has(lower) || ORG_WORDS.has(lower)) continue;
    if (PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, draft.start - 20), draft.start))) continue;
    draft.type = 'person';
  }
}

const TOWN_BEFORE = new RegExp(`\\b(?:${phraseAlternatives(contextData.townBefore.words)})\\s+$`);

/**
 * "checked into a clinic in Vista Serena": a name of two or three words the model took for a person, written after a
 * word that puts a town there ("in", "near", "nearby"), is the town when its first word is no given name and the document never
 * writes its last word alone (a person named once in full is named again by surname).
 */
function typeTownsAfterPrepositions(drafts: Draft[], text: string): void {
  let lone: Set<string> | null = null;
  for (const draft of drafts) {
    if (draft.type !== 'person' || draft.name.length < 2 || draft.name.length > 3 || draft.known || draft.title || isFirstName(draft.name[0])) continue;
    if (!TOWN_BEFORE.test(text.slice(Math.max(0, draft.start - 12), draft.start))) continue;
    lone ??= new Set(drafts.filter((d) => d.name.length === 1).map((d) => d.name[0]));
    if (lone.has(draft.name[draft.name.length - 1])) continue;
    draft.type = 'place';
  }
}

/** The surnames of the people a document names in full ("Comeaux" of "Arcade Joseph Comeaux Jr."). */
export function fullNameSurnames(drafts: readonly Draft[]): Set<string> {
  const surnames = new Set<string>();
  for (const draft of drafts) {
    if (draft.type !== 'person' || draft.name.length < 2) continue;
    let last = draft.name.length - 1;
    while (last > 0 && NAME_SUFFIXES.has(draft.name[last])) last--;
    surnames.add(draft.name[last]);
  }
  return surnames;
}

const ORGANIZATION_HEAD_AFTER = new RegExp(`^\\s+(?:${phraseAlternatives(contextData.organizationHeadsAfter.words)})\\b`);
const PLURAL_WORD = /^\p{Lu}\p{Ll}+s$/u;
const PUBLICATION_NOUN_AFTER = new RegExp(`^\\s+(?:${phraseAlternatives(contextData.publicationNounsAfter.words)})\\b`);

/** "Crowd magazine": a name before a publication's common noun is the publication's. */
export function namesPublication(draft: Draft, text: string): boolean {
  return !draft.known && PUBLICATION_NOUN_AFTER.test(text.slice(draft.end, draft.end + 16));
}

/**
 * A person's name before "administration" names the government ("the Bush administration"); in a sports report, a
 * lone plural word that names no person of the document is a team ("Chargers' Jackson arrested").
 */
function typeOrganizationsByContext(drafts: Draft[], text: string, words: ReadonlySet<string>, surnames: ReadonlySet<string>): void {
  const sportsReport = GAME_WORD_LIST.some((word) => words.has(word));
  for (const draft of drafts) {
    if (draft.known || draft.type !== 'person' || draft.title) continue;
    if (ORGANIZATION_HEAD_AFTER.test(text.slice(draft.end, draft.end + 16))) draft.type = 'organization';
    else if (sportsReport && draft.name.length === 1 && PLURAL_WORD.test(draft.name[0]) && !surnames.has(draft.name[0]) && !isFirstName(draft.name[0])) {
      draft.type = 'organization';
      draft.strong = true;
    }
  }
}

/** The rule typing: teams in sports reports, then single capitalised words without lexical evidence. */
export const ruleContextTyper: ContextTyper = {
  typeDrafts(drafts: Draft[], text: string, lowerWords: ReadonlySet<string>): void {
    typeTeams(drafts, text, lowerWords);
    for (const draft of drafts) {
      if (draft.known || draft.team) continue;
      if (namesPublication(draft, text)) { draft.type = 'organization'; draft.strong = true; continue; }
      if (draft.type === 'person' && !draft.strong && draft.name.length > 1) {
        if (PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, draft.start - 20), draft.start))) draft.type = 'place';
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
  },
  settle(drafts: Draft[], text: string, lowerWords: ReadonlySet<string>): void {
    const surnames = fullNameSurnames(drafts);
    typeTeams(drafts, text, lowerWords, true);
    spreadTeams(drafts, text, surnames);
    typeSurnames(drafts, surnames);
    typeTownsOfStates(drafts, text, surnames);
    typeTownsAfterPrepositions(drafts, text);
    typeGivenNamesOfPlaces(drafts, text);
    typeOrganizationsByContext(drafts, text, lowerWords, surnames);
  },
};

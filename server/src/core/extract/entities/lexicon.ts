// Loads the entity data files (server/src/core/data/entities-*.json) into fast lookup structures.
import titlesData from '../../data/entities-titles.json';
import placesData from '../../data/entities-places.json';
import knownData from '../../data/entities-known.json';
import namesData from '../../data/entities-names.json';
import wordsData from '../../data/entities-words.json';
import abbreviations from '../../data/abbreviations.json';
import contextData from '../../data/entities-context.json';
import type { EntityType } from '../../types';

/** A multi-word phrase, as the token texts the tokenizer produces for it. */
export interface Phrase<T> { tokens: string[]; value: T }

/** Phrases indexed by their first token; candidates sorted longest first. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  constructor(private readonly foldCase: boolean) {}
  add(tokens: string[], value: T): void {
    if (!tokens.length) return;
    const key = this.fold(tokens[0]);
    let list = this.byFirst.get(key);
    if (!list) this.byFirst.set(key, (list = []));
    if (list.some((p) => p.tokens.length === tokens.length && p.tokens.every((t, i) => this.fold(t) === this.fold(tokens[i])))) return;
    list.push({ tokens: tokens.map((t) => this.fold(t)), value });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
  }
  candidates(first: string): Phrase<T>[] | undefined {
    return this.byFirst.get(this.fold(first));
  }
  fold(text: string): string {
    return this.foldCase ? text.toLowerCase() : text;
  }
}

/** Splits a phrase written in a data file the way the tokenizer splits text (dots and hyphens stay inside words). */
export function phraseTokens(phrase: string): string[] {
  return phrase.split(/\s+/).filter((t) => t && t !== '-' && t !== '–');
}

export interface KnownEntity { id: string; name: string; type: EntityType }

const lowerSet = (items: readonly string[]) => new Set(items.map((s) => s.toLowerCase()));

export const TITLES = new PhraseTable<true>(true);
for (const phrase of titlesData.phrases) TITLES.add(phraseTokens(phrase), true);
export const FEMALE_TITLES = lowerSet(titlesData.female);
export const HONORIFICS = lowerSet(titlesData.honorifics);
export const ROLE_NOUNS = lowerSet(titlesData.roleNouns);

/** Known entities (aliases, case-sensitive) and gazetteer places (case-sensitive, with an all-capitals variant). */
export const KNOWN = new PhraseTable<KnownEntity>(false);
for (const entity of knownData.entities) {
  const known: KnownEntity = { id: entity.id, name: entity.name, type: entity.type as EntityType };
  for (const alias of entity.aliases) KNOWN.add(phraseTokens(alias), known);
}
export const PLACES = new PhraseTable<string>(false);
const placeNames: string[] = [...placesData.countries, ...placesData.usStates, ...placesData.regions, ...placesData.cities];
for (const name of placeNames) {
  PLACES.add(phraseTokens(name), name);
  if (/\s/.test(name)) PLACES.add(phraseTokens(name.toUpperCase()), name);
}
for (const [alias, name] of Object.entries(placesData.abbreviations)) PLACES.add(phraseTokens(alias), name);
for (const [abbreviation, state] of Object.entries(placesData.stateAbbreviations)) PLACES.add([abbreviation], state);
export const STATE_ABBREVIATIONS = new Set(Object.keys(placesData.stateAbbreviations));
export const PLACE_FEATURES = lowerSet(placesData.featureWords.filter((w) => !/\s/.test(w)));
export const PLACE_PREFIXES = lowerSet(placesData.featurePrefixes);
export const ORG_SUFFIXES = lowerSet(knownData.orgSuffixes.filter((w) => !/\s/.test(w)));
export const ORG_PREFIXES = lowerSet(knownData.orgPrefixes.map((p) => p.split(' ')[0]));
/** A broadcaster's word before a country's or region's name ("Radio Sweden", "TV Asahi"): the two name a broadcaster. */
export const MEDIA_BEFORE_PLACE = new Set(knownData.mediaBeforePlace);
export const ORG_WORDS = lowerSet(knownData.orgWords);
export const LEGAL_FORMS = new Set(knownData.legalForms.words);

export const MALE_NAMES = new Set(namesData.male);
export const FEMALE_NAMES = new Set(namesData.female);
/** Given names that are also places' names ("Georgia", "Paris"): kept apart from the gender lists the model reads. */
export const PLACE_GIVEN_NAMES = new Set(namesData.placeGivenNames);
export const NICKNAMES = new Map<string, string>(Object.entries(namesData.nicknames).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
export const PARTICLES = lowerSet(namesData.particles);
export const PARTICLE_PREFIX = new RegExp(`^(?:${namesData.particlePrefixes.map((p) => p.slice(0, -1)).join('|')})[-‐]\\p{Lu}`, 'u');
export const NAME_SUFFIXES = new Set(namesData.suffixes);

export const DEMONYMS = new Set(wordsData.demonyms);
export const STARTERS = new Set(wordsData.starters);
/** Month and weekday words, also as capitals write them ("FEB", "MONDAY" in a dateline). */
export const CALENDAR = new Set(wordsData.calendar.flatMap((word) => [word, word.toUpperCase(), word.replace(/\.$/, '').toUpperCase()]));
export const NOT_ENTITIES = new Set(wordsData.notEntities);
export const HEADLINE_LOWER = new Set(wordsData.headlineLower);
export const OTHER_HEADS = lowerSet(wordsData.otherHeads);
export const DIRECTIONS = new Set(wordsData.directions);

const alternatives = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** A work's common noun right before its title ("the film Titanic", "season 3 of Breaking Bad"). */
export const WORK_BEFORE = new RegExp(`\\b(?:(?:${alternatives(wordsData.works.before)})|(?:${alternatives(wordsData.works.beforeOf)})(?:\\s+\\p{N}+)?\\s+of|(?:${alternatives(wordsData.works.beforeNumberOf)})\\s+\\p{N}+\\s+of)\\s+$`, 'iu');
/** A word after a work's title ("the Doctor Who episode"). */
export const WORK_AFTER = new RegExp(`^['’]?s?\\s+(?:${alternatives(wordsData.works.after)})\\b`, 'iu');
/** A model code right after a product's name: capitals then digits in one short word ("Galaxy S4", "Airbus A380"). */
export const MODEL_CODE_AFTER = /^ \p{Lu}{1,3}\p{N}{1,4}\p{Ll}?(?![\p{L}\p{N}])/u;
export const PRODUCT_LINES = new Set(wordsData.works.productLines);

/** Words whose trailing dot belongs to them: titles, initials, state and other abbreviations. */
export const DOTTED = new Set<string>([
  ...abbreviations,
  ...titlesData.phrases.flatMap((p) => p.split(/\s+/)).filter((w) => w.endsWith('.')).map((w) => w.slice(0, -1)),
  ...Object.keys(placesData.stateAbbreviations).map((w) => w.slice(0, -1)),
  ...placesData.featureWords.filter((w) => w.endsWith('.')).map((w) => w.slice(0, -1)),
]);

/** Lower-case words the chunker looks at (connectors, words inside known names and titles); others are not kept as tokens. */
export const KEPT_LOWER = new Set<string>(['the', 'and', ...contextData.nameConnectors.words,
  ...[...knownData.entities.flatMap((e) => e.aliases), ...titlesData.phrases].flatMap((p) => phraseTokens(p)).filter((w) => /^[a-z]/.test(w))]);

// Speakers' names the entity stage mistyped or missed: a given name and a surname typed as a place or an organization
// ("Georgia Lang", "Austin Hale"), a one-word name typed by its context alone ("a letter from Okonkwo"), and capitalised
// words a text writes inside its sentences that no word list knows (a surname never introduced by a full name).
import type { EntityMention } from '../../types';
import places from '../../data/entities-places.json';
import known from '../../data/entities-known.json';
import words from '../../data/entities-words.json';
import stopwords from '../../data/stopwords.json';
import names from '../../data/entities-names.json';
import { FEMALE_NAMES, MALE_NAMES } from './lexicon';

/** Words that make a name a place's or an organization's ("Victoria Station", "Jordan Valley", "Charlotte Bank"). */
const NOT_IN_A_PERSON_NAME: ReadonlySet<string> = new Set([
  ...places.featureWords, ...places.naturalFeatureWords, ...places.featurePrefixes, ...places.countries, ...places.usStates,
  ...places.regions, ...places.cities, ...known.orgSuffixes, ...known.orgWords, ...words.otherHeads, ...words.demonyms,
  ...words.calendar, ...words.directions,
].flatMap((name) => name.split(/\s+/)).map((word) => word.toLowerCase()));

/** Names of known organizations and places, and name particles ("Al Arabiya" is no given name and surname). */
const KNOWN_NAMES: ReadonlySet<string> = new Set(known.entities.filter((entity) => entity.type !== 'person').flatMap((entity) => [entity.name, ...entity.aliases]).map((name) => name.toLowerCase()));
const PARTICLES: ReadonlySet<string> = new Set(names.particles.map((particle) => particle.toLowerCase()));

const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}’'-]*\p{Ll}$/u;

/** Whether a mention typed otherwise is written as a person's name: a given name, then one or two capitalised words. */
export function writtenAsPersonName(mention: EntityMention): boolean {
  if (mention.type === 'person') return true;
  if (mention.type !== 'place' && mention.type !== 'organization') return false;
  const parts = mention.text.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => CAPITALISED_WORD.test(part))) return false;
  const given = parts[0].toLowerCase();
  if (PARTICLES.has(given) || KNOWN_NAMES.has(mention.text.trim().toLowerCase())) return false;
  if (!FEMALE_NAMES.has(given) && !MALE_NAMES.has(given)) return false;
  return parts.slice(1).every((part) => !NOT_IN_A_PERSON_NAME.has(part.toLowerCase()));
}

/**
 * The mentions, with every mention of an entity written once as a person's name typed as a person ("Lang" after
 * "Georgia Lang"), for reading attributions; the entities themselves are unchanged.
 */
export function asSpeakers(mentions: readonly EntityMention[]): EntityMention[] {
  const people = new Set(mentions.filter((mention) => mention.type !== 'person' && writtenAsPersonName(mention)).map((mention) => mention.id));
  if (!people.size) return [...mentions];
  return mentions.map((mention) => (mention.type !== 'person' && people.has(mention.id) ? { ...mention, type: 'person' } : mention));
}

/** Capitalised words that are no name however they are written: sentence starters, function words, days, demonyms. */
const NEVER_A_NAME: ReadonlySet<string> = new Set([
  ...words.starters, ...words.calendar, ...words.demonyms, ...words.directions, ...words.notEntities, ...stopwords,
].map((word) => word.toLowerCase()));

const NAME_WORD = /^\p{Lu}\p{Ll}[\p{Ll}’'-]*$/u;
/** A capitalised word written inside a sentence, after a lower-case word or a comma: "met Okonkwo on Friday". */
const INSIDE_SENTENCE = /(?<=(?:(?<![\p{L}’'-])\p{Ll}[\p{Ll}’'-]*|\p{L}+,)[ \t]+)\p{Lu}\p{Ll}[\p{Ll}’'-]*(?![\p{L}’'-])/gu;

/** A capitalised word before a description in apposition: "Kessler, a nurse at the clinic,". */
const BEFORE_APPOSITION = /(?<![\p{L}’'-])\p{Lu}\p{Ll}[\p{Ll}’'-]*(?=,[ \t]+(?:a|an|the)[ \t]+\p{Ll})/gu;

/**
 * The capitalised words a text writes inside its sentences (lower case), that no word list knows as a common word:
 * a surname the entity stage missed ("Okonkwo") is one, "The" or "Tuesday" is not. Sentence-initial words are left
 * out, since any word is capitalised there, unless a description in apposition follows them.
 */
export function namesInsideSentences(text: string): ReadonlySet<string> {
  const found = new Set<string>();
  for (const m of [...text.matchAll(INSIDE_SENTENCE), ...text.matchAll(BEFORE_APPOSITION)]) {
    const lower = m[0].toLowerCase();
    if (!NEVER_A_NAME.has(lower)) found.add(lower);
  }
  return found;
}

/** Whether `word` may be a name the entity stage missed: capitalised, and written capitalised inside a sentence too. */
export function isUnrecognisedName(word: string, names: ReadonlySet<string>): boolean {
  return NAME_WORD.test(word) && names.has(word.toLowerCase());
}

/** Whether a capitalised word may be a name at all: not a sentence starter, function word, day or demonym. */
export function mayBeName(word: string): boolean {
  return NAME_WORD.test(word) && !NEVER_A_NAME.has(word.toLowerCase());
}

/**
 * Whether a one-word mention typed as a place or organization is no place or organization any list knows: typed by
 * its context alone ("a letter from Okonkwo"), it may be a surname.
 */
export function mayBeSurname(mention: EntityMention): boolean {
  if (mention.type !== 'place' && mention.type !== 'organization') return false;
  const word = mention.text.trim();
  return CAPITALISED_WORD.test(word) && !NOT_IN_A_PERSON_NAME.has(word.toLowerCase()) && !KNOWN_NAMES.has(word.toLowerCase()) && mayBeName(word);
}

// The gender of the people a document names, from their titles and given names, for resolving "he" and "she".
import type { EntityMention } from '../../types';
import { FEMALE_ENDINGS, FEMALE_NAMES, FEMALE_TITLES, MALE_NAMES, MALE_TITLES, type Gender } from './lexicon';

function fromTitle(title: string | undefined): Gender | null {
  if (!title) return null;
  for (const word of title.toLowerCase().replace(/\./g, '').split(/\s+/)) {
    if (FEMALE_TITLES.has(word)) return 'female';
    if (MALE_TITLES.has(word)) return 'male';
  }
  return null;
}

function fromGivenName(canonical: string): Gender | null {
  const words = canonical.split(/\s+/);
  if (words.length < 2) return null;
  const given = words[0].toLowerCase().replace(/\.$/, '');
  if (given.length < 2) return null;
  if (FEMALE_NAMES.has(given)) return 'female';
  if (MALE_NAMES.has(given)) return 'male';
  return FEMALE_ENDINGS.some((ending) => given.endsWith(ending)) ? 'female' : null;
}

/** The gender of each person (by mention id): a title written with any of its mentions, else the given name. */
export function personGenders(text: string, mentions: readonly EntityMention[]): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  const people = mentions.filter((m) => m.type === 'person');
  for (const mention of people) {
    const titled = fromTitle(mention.title) ?? fromTitle(text.slice(Math.max(0, mention.start - 12), mention.start).trim().split(/\s+/).pop());
    if (titled && !genders.has(mention.id)) genders.set(mention.id, titled);
  }
  for (const mention of people) {
    if (genders.has(mention.id)) continue;
    const named = fromGivenName(mention.canonical);
    if (named) genders.set(mention.id, named);
  }
  return genders;
}

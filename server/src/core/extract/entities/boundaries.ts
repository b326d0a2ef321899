// Boundaries a model reading tokens one by one gets wrong in classes: numbered roads ("State Route 94",
// "117th Street") and organizations whose name coordinates two words ("Fish and Wildlife Service").
import contextData from '../../data/entities-context.json';
import type { EntityType, Span } from '../../types';
import { phraseAlternatives } from './context-typing';
import { ORG_SUFFIXES, STARTERS } from './lexicon';

const ROAD_BEFORE_NUMBER = new Set(contextData.numberedRoads.beforeNumber);
const STREET_AFTER_ORDINAL = new Set(contextData.numberedRoads.afterOrdinal);
const NUMBER_AFTER = /^ (\p{N}{1,4}\p{Lu}?)(?![\p{L}\p{N}])/u;
const ORDINAL_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{N}{1,4}(?:st|nd|rd|th)) $/u;
const COORDINATOR = phraseAlternatives(contextData.coordinatedOrganizations.coordinators);
// The coordinated word may follow up to two capitalised words of the name ("U.S. Fish and Wildlife Service").
const COORDINATED_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}.])((?:\\p{Lu}[\\p{L}.]* ){0,2}\\p{Lu}\\p{Ll}+) (?:${COORDINATOR}) $`, 'u');
const COORDINATED_AFTER = new RegExp(`^ (?:${COORDINATOR}) (\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}]| \\p{Lu})`, 'u');
const FOR_OF = /\s(?:for|of)\s/;

export interface WidenedName extends Span { before: string[]; after: string[] }

/**
 * The span [start, end) of a recognised name of `type` whose words are `name`, widened over a road's number or
 * ordinal and over a coordinated organization word; `before`/`after` are the words added. `taken` is the end of the
 * previous name: a word already in a name is not taken again.
 */
export function widenName(text: string, start: number, end: number, type: EntityType, name: readonly string[], taken: number): WidenedName {
  const result: WidenedName = { start, end, before: [], after: [] };
  const last = name[name.length - 1];
  if (type === 'place') {
    const number = ROAD_BEFORE_NUMBER.has(last) ? NUMBER_AFTER.exec(text.slice(end, end + 8)) : null;
    if (number) { result.end = end + 1 + number[1].length; result.after.push(number[1]); }
    const ordinal = STREET_AFTER_ORDINAL.has(name[0]) ? ORDINAL_BEFORE.exec(text.slice(Math.max(0, start - 8), start)) : null;
    if (ordinal && start - 1 - ordinal[1].length >= taken) { result.start = start - 1 - ordinal[1].length; result.before.push(ordinal[1]); }
  } else if (type === 'organization') {
    if (ORG_SUFFIXES.has(last.toLowerCase())) {
      const before = COORDINATED_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
      const words = before ? before[1].split(' ') : [];
      while (words.length > 1 && STARTERS.has(words[0])) words.shift();
      const run = words.join(' ');
      const at = before ? start - before[0].length + before[0].indexOf(before[1]) + before[1].length - run.length : -1;
      if (before && at >= taken && !/[.!?]\s*$/.test(text.slice(Math.max(0, at - 3), at)) && at > 0) {
        result.start = at;
        result.before.push(...words, text.slice(at + run.length + 1, start - 1));
      }
    } else if (FOR_OF.test(text.slice(start, end))) {
      const after = COORDINATED_AFTER.exec(text.slice(end, end + 30));
      if (after) { result.end = end + after[0].length; result.after.push(text.slice(end + 1, end + after[0].length - after[1].length - 1), after[1]); }
    }
  }
  return result;
}

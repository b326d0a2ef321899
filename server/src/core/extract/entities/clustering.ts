// Clustering within a document: joins the mentions of one entity (short forms, surnames, acronyms, aliases written
// in the text, "Mr. Carter") and names each group by its fullest name. The entity stage receives a
// DocumentClusterer, so that other clustering can take its place.
import type { EntityType } from '../../types';
import contextData from '../../data/entities-context.json';
import { entityIdFor } from '../../index/cross-entities';
import { isFirstName, type Draft } from './chunker';
import { phraseAlternatives } from './context-typing';
import { NAME_SUFFIXES, NICKNAMES, ORG_SUFFIXES, PARTICLES, PLACES } from './lexicon';

/** The mentions of one entity in a document. */
export interface EntityGroup {
  /** A document-local key until the workspace index links documents. */
  id: string;
  /** The fullest name in the document. */
  canonical: string;
  type: EntityType;
  members: Draft[];
}

export interface DocumentClusterer {
  /** Each draft's group; drafts are in text order. May retype a draft an alias joins to a person. */
  cluster(drafts: Draft[], text: string): Map<Draft, EntityGroup>;
}

const TOWN_BEFORE = new RegExp(`\\b(?:${phraseAlternatives(contextData.townBefore.words)})\\s+$`);
/** "in Palmer", "Wasilla, Alaska": a lone word written as a town's name. */
function readsAsTown(draft: Draft, text: string): boolean {
  return (TOWN_BEFORE.test(text.slice(Math.max(0, draft.start - 12), draft.start))
    || PLACE_AFTER.test(text.slice(draft.end, draft.end + 24)));
}
const PLACE_AFTER = /^,\s+\p{Lu}/u;

const ALIAS_BETWEEN = new RegExp(`^(?:['’]s)?,?\\s+(?:${phraseAlternatives(contextData.aliasCues.phrases)})\\s+$`, 'i');

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

/** The rule clustering: spellings, person keys, aliases written in the text, then short forms to their nearest long name. */
export const ruleClusterer: DocumentClusterer = { cluster };

function cluster(drafts: Draft[], text: string): Map<Draft, EntityGroup> {
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
    if (ALIAS_BETWEEN.test(between) && drafts[i].type === 'person') {
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
      // A person may go by the second given name: "Ray Dunmore Jr." is short for "Ellis Ray Dunmore Jr.".
      const second = d.name[1];
      if (d.name.length > 2 && !INITIAL.test(second) && normalize(second) !== surnameOf(d.name)) put(`sf:${surnameOf(d.name)} ${firstKey(second)}`, i);
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
    // A place's name read as an organization ("North Carolina" the team, "Jacksonville" the club) is the short form
    // of an organization named after the place, like a team's.
    const placeAsOrganization = !!draft.gazetteer && draft.type === 'organization' && !draft.known;
    if (draft.known || draft.gazetteer && draft.name.length > 1 && !draft.team && !placeAsOrganization) return;
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
      if ((!draft.gazetteer || draft.team || placeAsOrganization) && !(draft.type === 'person' && draft.name.length > 1) && !(single && readsAsTown(draft, text))) {
        consider(`p:${draft.name.map(normalize).join(' ')}`, 2);
      }
      if (single && !ORG_SUFFIXES.has(single)) consider(`t:${single}`, 2);
      const bare = draft.name[0].replace(/[-.]/g, '');
      if (single && /^\p{Lu}{2,}$/u.test(bare)) consider(`a:${bare}`, 3);
    }
    let best = -1;
    let bestScore = 0;
    for (const [j, score] of candidates) {
      if (j === i) continue;
      const d = drafts[j];
      if (placeAsOrganization && !draft.team && d.type !== 'organization') continue;
      // Prefer the nearest preceding long name.
      const near = d.start < draft.start ? 1 / (1 + draft.start - d.start) : 1 / (1 + 10 * (d.start - draft.start));
      if (score + near > bestScore) { bestScore = score + near; best = j; }
    }
    if (best >= 0) union(best, i);
    else if (!draft.known && isLoneWord(draft)) joinBySpelling(i);
  });

  const groups = new Map<number, EntityGroup>();
  const result = new Map<Draft, EntityGroup>();
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

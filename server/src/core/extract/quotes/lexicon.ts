// Loads the quote data files (server/src/core/data/quotes-*.json, given-name-genders.json) into lookup structures.
import cues from '../../data/quotes-cues.json';
import speakers from '../../data/quotes-speakers.json';
import nonQuotes from '../../data/quotes-non-quotes.json';
import givenNames from '../../data/given-name-genders.json';
import abbreviations from '../../data/abbreviations.json';
import entityNames from '../../data/entities-names.json';

export type Gender = 'male' | 'female';
export interface PronounInfo { gender: string; number: string; refersTo: 'person' | 'organization' | 'none' }

const VOWELS = /[aeiou]/;

/** The forms of a base verb: base, third person, past (and past participle), -ing form. */
export function inflect(base: string, irregular: Readonly<Record<string, readonly string[]>>, doubled: ReadonlySet<string>): { forms: string[]; gerund: string } {
  const [head, ...rest] = base.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const given = irregular[head];
  let forms: string[];
  let gerund: string;
  if (given) {
    forms = [head, ...given];
    gerund = given.find((form) => form.endsWith('ing')) ?? `${head}ing`;
  } else {
    const stem = doubled.has(head) ? head + head[head.length - 1] : head;
    const third = /(?:s|sh|ch|x|z|o)$/.test(head) ? `${head}es` : /[^aeiou]y$/.test(head) ? `${head.slice(0, -1)}ies` : `${head}s`;
    const past = head.endsWith('e') ? `${head}d` : /[^aeiou]y$/.test(head) ? `${head.slice(0, -1)}ied` : `${stem}ed`;
    gerund = head.endsWith('ie') ? `${head.slice(0, -2)}ying`
      : head.endsWith('e') && !head.endsWith('ee') && VOWELS.test(head.slice(0, -1)) ? `${head.slice(0, -1)}ing` : `${stem}ing`;
    forms = [head, third, past, gerund];
  }
  return { forms: forms.map((form) => form + tail), gerund: gerund + tail };
}

export interface CueLexicon {
  /** Every form of every cue verb, lower case, longest first. */
  forms: string[];
  formSet: ReadonlySet<string>;
  /** -ing forms: they continue an attribution made earlier in the sentence. */
  gerunds: ReadonlySet<string>;
  /** Forms of verbs whose object is the listener. */
  addressee: ReadonlySet<string>;
  /** Forms of the addressee verbs that name the listener even right after a quote ('"…," told reporters'). */
  neverInverted: ReadonlySet<string>;
  after: readonly string[];
  adverbs: ReadonlySet<string>;
  /** Words ending in -ly that are nouns, never adverbs ("the family said"). */
  lyNouns: ReadonlySet<string>;
  /** Forms of "be" that make the cue after them passive. */
  passive: ReadonlySet<string>;
  /** Passive cues whose subject is still the speaker ("was quoted as saying"). */
  passiveSpeakers: readonly string[];
  dashes: readonly string[];
  /** Forms that are cues only right before a comma or a colon ("I'm like, “…”", "the website states:"); the nouns among them are not in `forms`. */
  beforePause: ReadonlySet<string>;
}

function buildCues(): CueLexicon {
  const doubled = new Set(cues.doubled);
  const irregular = cues.irregular as Record<string, string[]>;
  const forms = new Set<string>();
  const gerunds = new Set<string>();
  const addressee = new Set<string>();
  const addresseeBases = new Set(cues.addressee);
  const neverInverted = new Set<string>();
  const neverInvertedBases = new Set(cues.neverInverted);
  const nounLike = new Set(cues.nounLike);
  const pauseBases = new Set(cues.beforePause);
  const beforePause = new Set<string>();
  for (const verb of cues.verbs) {
    const inflected = inflect(verb, irregular, doubled);
    // "a report", "the reports": a verb that is also a noun is a cue only in its past and -ing forms
    const usable = nounLike.has(verb) ? inflected.forms.slice(2) : inflected.forms;
    // "the website states, “…”": the third person of a verb that is also a noun is a cue only before a pause
    if (nounLike.has(verb)) beforePause.add(inflected.forms[1]);
    for (const form of usable) {
      forms.add(form);
      if (addresseeBases.has(verb)) addressee.add(form);
      if (neverInvertedBases.has(verb)) neverInverted.add(form);
      if (pauseBases.has(verb)) beforePause.add(form);
    }
    gerunds.add(inflected.gerund);
  }
  return {
    forms: [...forms].sort((a, b) => b.length - a.length),
    formSet: forms,
    gerunds, addressee, neverInverted,
    after: cues.after,
    adverbs: new Set(cues.adverbs),
    lyNouns: new Set(cues.lyNouns),
    passive: new Set(cues.passive),
    passiveSpeakers: cues.passiveSpeakers,
    dashes: cues.dashes,
    beforePause,
  };
}

export const CUES = buildCues();

/** A word that may stand between a speaker and its cue, as written: a listed adverb, or a lower-case -ly word ("reluctantly", not "Kelly"). */
export function isAdverb(written: string): boolean {
  const lower = written.toLowerCase();
  if (CUES.adverbs.has(lower)) return true;
  return written.length >= 5 && /^\p{Ll}+ly$/u.test(written) && !CUES.lyNouns.has(written);
}
export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map(Object.entries(speakers.pronouns as Record<string, PronounInfo>));
export const DETERMINERS: ReadonlySet<string> = new Set(speakers.determiners);
export const AUXILIARIES: ReadonlySet<string> = new Set(speakers.auxiliaries);
export const STANDALONE_DETERMINERS: ReadonlySet<string> = new Set(speakers.standaloneDeterminers);
export const GROUP_NOUNS: ReadonlySet<string> = new Set(speakers.groupNouns);
export const ROLE_DETERMINERS: readonly string[] = speakers.roleDeterminers;
export const DEFINITE_DETERMINERS: ReadonlySet<string> = new Set(speakers.definiteDeterminers);
export const CONJUNCTIONS: readonly string[] = speakers.conjunctions;
export const QUESTION_WORDS: ReadonlySet<string> = new Set(speakers.questionWords);
export const PHRASE_STOPS: ReadonlySet<string> = new Set(speakers.phraseStops);
export const BOUNDARIES: ReadonlySet<string> = new Set(speakers.boundaries);
export const MODIFIER_PREPOSITIONS: ReadonlySet<string> = new Set(speakers.modifierPrepositions);
export const UTTERANCE_NOUNS: ReadonlySet<string> = new Set(speakers.utteranceNouns);
export const FEMALE_TITLES: ReadonlySet<string> = new Set(speakers.femaleTitles);
export const MALE_TITLES: ReadonlySet<string> = new Set(speakers.maleTitles);
export const FEMALE_ENDINGS: readonly string[] = speakers.femaleEndings;
const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());
/** Given names, lower case: the open lists, and the recogniser's own lists (entities-names.json). */
export const FEMALE_NAMES: ReadonlySet<string> = new Set([...givenNames.female.split(' '), ...lower(entityNames.female)]);
export const MALE_NAMES: ReadonlySet<string> = new Set([...givenNames.male.split(' '), ...lower(entityNames.male)].filter((name) => !FEMALE_NAMES.has(name)));

/** "Image: NASA." closing a short paragraph with no marks: an image caption. */
export const CAPTION_CREDIT = new RegExp(`(?:^|\\s)(?:${(nonQuotes.captionCredits as string[]).join('|')}):\\s*[^\\n:]{1,80}$`);
export const SCARE_MARKERS: readonly string[] = nonQuotes.scareMarkers;
export const TITLE_MARKERS: ReadonlySet<string> = new Set(nonQuotes.titleMarkers);
export const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(nonQuotes.titleSmallWords);
export const MINIMUM_WORDS: number = nonQuotes.minimumWords;
export const FRAGMENT_WORDS: number = nonQuotes.fragmentWords;
export const TITLE_WORDS: number = nonQuotes.titleWords;
export const ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviations);

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** Any cue form, as a whole word (lower case: "States" in "United States" is no cue). */
const cueForm = (form: string) => CUES.beforePause.has(form) ? `${escape(form)}(?=\\s*[,:])` : escape(form);
const patternForms = [...new Set([...CUES.forms, ...CUES.beforePause])].sort((a, b) => b.length - a.length);
export const CUE_PATTERN = new RegExp(`(?<![\\w-])(?:${patternForms.map(cueForm).join('|')})(?![\\w-])`, 'g');
export const AFTER_PATTERN = new RegExp(`(?<![\\w-])(?:${CUES.after.map(escape).join('|')})(?![\\w-])`, 'gi');
export const SCARE_BEFORE = new RegExp(`(?<![\\w-])(?:${SCARE_MARKERS.map(escape).join('|')})[\\s,:]*$`, 'i');

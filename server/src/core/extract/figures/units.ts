// What follows a number: percent, a currency name, a physical unit (with rates: "$350 per kg", "miles an hour").

import type { FigureKind } from '../../types';
import * as L from './lexicon';
import { isAlnumAt, isLetterAt, isLetterCode, plainWordAt, skipSpace, type UnitMatchWord } from './text';

export interface UnitMatch {
  kind: FigureKind;
  unit: string;
  end: number;
  /** A currency name that can take minor units after it ("3 dollars 50 cents"). */
  currencyName?: boolean;
  group?: string;
}

// "5 t of grain"; "66 Ma ago", "3 h ago": only a time goes before "ago"
const END_OF_PHRASE = /[ \t]*(?:$|[.,;:)\]/!?\n]|of\b|ago\b)/y;

function endsPhrase(text: string, pos: number): boolean {
  END_OF_PHRASE.lastIndex = pos;
  return END_OF_PHRASE.test(text);
}

/** A power glued to a length or time abbreviation: "s2", "cm3", "s-1", "m²". */
const POWER_SUFFIX = /(?:([23²³])|(-1|⁻¹))(?![\p{L}\p{N}])/uy;
const POWER_GROUPS = new Set(['length', 'time']);

/** An abbreviation at `at` exactly as written ("km", "%", "°C", "km/h"), longest first; a glued power makes it "square", "cubic" or "inverse". */
export function abbreviationAt(text: string, at: number, attached: boolean): { entry: L.UnitEntry; end: number } | null {
  const max = Math.min(L.LONGEST_ABBREVIATION, text.length - at);
  for (let length = max; length > 0; length--) {
    const candidate = text.substr(at, length);
    const entry = L.UNIT_ABBREVIATIONS.get(candidate);
    if (!entry) continue;
    const end = at + length;
    const lastCode = candidate.charCodeAt(length - 1);
    if (L.AMBIGUOUS_ABBREVIATIONS.has(candidate) && !attached && !endsPhrase(text, end)) continue;
    const powered = POWER_GROUPS.has(entry.group) && isLetterCode(lastCode) ? poweredAt(text, entry, end) : null;
    if (powered) return powered;
    if ((isLetterCode(lastCode) || (lastCode >= 48 && lastCode <= 57)) && isAlnumAt(text, end)) continue;
    return { entry, end };
  }
  return denominatorAbbreviationAt(text, at, true);
}

/** The unit with the power glued after it at `end` ("s2" is a square second), or null. */
function poweredAt(text: string, entry: L.UnitEntry, end: number): { entry: L.UnitEntry; end: number } | null {
  POWER_SUFFIX.lastIndex = end;
  const power = POWER_SUFFIX.exec(text);
  if (!power) return null;
  const prefix = power[2] ? 'inverse' : /[2²]/.test(power[1]) ? 'square' : 'cubic';
  const group = prefix === 'inverse' || entry.group === 'time' ? 'rate' : prefix === 'square' ? 'area' : 'volume';
  return { entry: { unit: `${prefix} ${entry.unit}`, group }, end: end + power[0].length };
}

/** "s" in "m/s" or "s-1": a unit written only as a denominator, alone (`powerRequired` false) or with a glued power. */
function denominatorAbbreviationAt(text: string, at: number, powerRequired: boolean): { entry: L.UnitEntry; end: number } | null {
  for (const [abbreviation, entry] of L.DENOMINATOR_ABBREVIATIONS) {
    if (!text.startsWith(abbreviation, at)) continue;
    const end = at + abbreviation.length;
    const powered = poweredAt(text, entry, end);
    if (powered) return powered;
    if (!powerRequired && !isAlnumAt(text, end)) return { entry, end };
  }
  return null;
}

/** Up to three words from `at`, joined by single spaces or hyphens as written. */
function wordsAt(text: string, at: number): UnitMatchWord[] {
  const words: UnitMatchWord[] = [];
  let pos = at;
  for (let i = 0; i < 3; i++) {
    const word = plainWordAt(text, pos);
    if (!word) break;
    words.push({ ...word, joined: i === 0 ? word.lower : `${words[i - 1].joined}${text[pos - 1] === '-' ? '-' : ' '}${word.lower}` });
    const next = skipSpace(text, word.end);
    if (next > word.end) pos = next;
    else if ((text[word.end] === '-' || text[word.end] === '.') && isLetterAt(text, word.end + 1)) pos = word.end + 1;
    else break;
  }
  return words;
}

/** A unit name or currency name (lower case, up to three words) at `at`. */
export function namedUnitAt(text: string, at: number): { entry?: L.UnitEntry; currency?: string; phrase: string; end: number } | null {
  const words = wordsAt(text, at);
  for (let n = words.length; n > 0; n--) {
    const phrase = words[n - 1].joined;
    const currency = L.CURRENCY_NAMES.get(phrase);
    if (currency) return { currency, phrase, end: words[n - 1].end };
    const entry = L.UNIT_NAMES.get(phrase);
    if (entry) return { entry, phrase, end: words[n - 1].end };
  }
  return null;
}

/** A unit that can follow "per" or "/" ("hour", "kg", "day", "square metre"). */
function denominatorAt(text: string, at: number): { entry: L.UnitEntry; end: number } | null {
  const abbreviation = abbreviationAt(text, at, true) ?? denominatorAbbreviationAt(text, at, false);
  if (abbreviation) return abbreviation;
  const named = namedUnitAt(text, at);
  return named?.entry ? { entry: named.entry, end: named.end } : null;
}

/** " per hour", "/min", " an hour" after a unit. */
export function rateAt(text: string, pos: number, group: string | undefined): { unit: string; end: number } | null {
  const at = skipSpace(text, pos);
  if (text[at] === '/') {
    const denominator = denominatorAt(text, skipSpace(text, at + 1));
    return denominator ? { unit: denominator.entry.unit, end: denominator.end } : null;
  }
  if (at === pos) return null;
  const word = plainWordAt(text, at);
  if (!word) return null;
  if (word.lower === 'per') {
    const denominator = denominatorAt(text, skipSpace(text, word.end));
    return denominator ? { unit: denominator.entry.unit, end: denominator.end } : perWordAt(text, skipSpace(text, word.end));
  }
  if ((word.lower === 'a' || word.lower === 'an') && group && L.ARTICLE_RATE_GROUPS.has(group)) {
    const denominator = denominatorAt(text, skipSpace(text, word.end));
    // "$500 a week"; not "$1.17 billion a year earlier", where the year dates the sum.
    if (denominator && denominator.entry.group === 'time' && !RELATIVE_AFTER.test(text.slice(denominator.end, denominator.end + 16))) return { unit: denominator.entry.unit, end: denominator.end };
  }
  return null;
}

const RELATIVE_AFTER = /^[ \t]+(?:earlier|later|ago|before|after|on|from)\b/i;

/** "capita", "share", "night": a rate's denominator that is not a unit, after "per". */
function perWordAt(text: string, at: number): { unit: string; end: number } | null {
  const word = plainWordAt(text, at);
  const unit = word ? L.PER_WORDS.get(word.lower) : undefined;
  return word && unit ? { unit, end: word.end } : null;
}

/**
 * The unit right after a number ending at `pos`. `scaled`: a scale word came before ("361 million pounds" is money,
 * "25 pounds" weight). `hyphen`: the number is joined by a hyphen ("3-inch").
 */
export function unitAfter(text: string, pos: number, scaled: boolean): UnitMatch | null {
  let at = pos;
  let attached = true;
  if ((text[at] === '-' || text[at] === '‑') && isLetterAt(text, at + 1)) at++;
  else {
    at = skipSpace(text, pos);
    attached = at === pos;
  }
  const abbreviation = abbreviationAt(text, at, attached);
  let match: UnitMatch | null = null;
  if (abbreviation) {
    match = { kind: abbreviation.entry.group === 'percent' ? 'percent' : 'quantity', unit: abbreviation.entry.unit, end: abbreviation.end, group: abbreviation.entry.group };
  } else {
    const symbol = L.CURRENCY_SYMBOLS.get(text[at]);
    if (symbol && (attached || !isLetterAt(text, at + 1))) return { kind: 'money', unit: symbol, end: at + 1 };
    const codeWord = plainWordAt(text, at);
    if (codeWord && L.CURRENCY_CODES.has(codeWord.text)) return { kind: 'money', unit: L.CURRENCY_CODES.get(codeWord.text)!, end: codeWord.end };
    const named = namedUnitAt(text, at);
    if (!named) return null;
    if (named.currency) return { kind: 'money', unit: named.currency, end: named.end, currencyName: true };
    const entry = named.entry!;
    if (L.AMBIGUOUS_POUNDS.has(named.phrase)) {
      // "361 million pounds" is sterling; "25 pounds" and "6 million pounds of materiel" are weight.
      const next = plainWordAt(text, skipSpace(text, named.end));
      if (scaled && !(next && next.lower === 'of')) return { kind: 'money', unit: 'GBP', end: named.end, currencyName: true };
    }
    match = { kind: entry.group === 'percent' ? 'percent' : 'quantity', unit: entry.unit, end: named.end, group: entry.group };
  }
  if (match.group === 'length') {
    const power = plainWordAt(text, skipSpace(text, match.end));
    const prefix = power ? L.POWER_WORDS.get(power.lower) : undefined;
    if (power && prefix) match = { ...match, unit: `${prefix} ${match.unit}`, end: power.end, group: prefix === 'square' ? 'area' : 'volume' };
  }
  if (match.kind === 'quantity') {
    const rate = rateAt(text, match.end, match.group);
    if (rate && !match.unit.includes(' per ')) return { ...match, unit: `${match.unit} per ${rate.unit}`, end: rate.end };
  }
  return match;
}

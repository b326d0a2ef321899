// Small character and word helpers over the document text, by offset (no slicing on the hot path).

export function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLetterAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isLetterCode(text.charCodeAt(index));
}

export function isDigitAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isDigitCode(text.charCodeAt(index));
}

export function isAlnumAt(text: string, index: number): boolean {
  return isLetterAt(text, index) || isDigitAt(text, index);
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/** Offset of the first character at or after `pos` that is not a space within the line. */
export function skipSpace(text: string, pos: number): number {
  while (pos < text.length && isSpaceCode(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Offset just after the last non-space character before `pos` (within the line). */
export function skipSpaceBack(text: string, pos: number, limit: number): number {
  while (pos > limit && isSpaceCode(text.charCodeAt(pos - 1))) pos--;
  return pos;
}

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
}

const PLAIN_WORD = /[A-Za-z\u00C0-\u024F]+/y;
/** A word with inner hyphens and apostrophes: "mid-level", "ISIL’s". */
const COMPOUND_WORD = /[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?(?:-[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?)*['’]?/y;

/** The letters-only word starting exactly at `pos`, if any. */
export function plainWordAt(text: string, pos: number): Word | null {
  PLAIN_WORD.lastIndex = pos;
  const match = PLAIN_WORD.exec(text);
  if (!match) return null;
  return { start: pos, end: pos + match[0].length, text: match[0], lower: match[0].toLowerCase() };
}

export function compoundWordAt(text: string, pos: number): Word | null {
  COMPOUND_WORD.lastIndex = pos;
  const match = COMPOUND_WORD.exec(text);
  if (!match) return null;
  return { start: pos, end: pos + match[0].length, text: match[0], lower: match[0].toLowerCase() };
}

/** The word that ends right before `pos` (spaces skipped), with dots kept ("No.", "u.s."). */
export function wordBefore(text: string, pos: number, limit: number): Word | null {
  const end = skipSpaceBack(text, pos, limit);
  let start = end;
  while (start > limit) {
    const code = text.charCodeAt(start - 1);
    if (isLetterCode(code) || code === 46 /* . */ || code === 35 /* # */) start--;
    else break;
  }
  if (start === end) return null;
  if (end - start === 1 && text[start] === '.') {
    // tokenized text: "oct . 13" reads as "oct."
    const word = wordBefore(text, start, limit);
    if (word && word.end < start && /^[A-Za-z]+$/.test(word.text)) return { ...word, end, text: `${word.text}.`, lower: `${word.lower}.` };
  }
  const raw = text.slice(start, end);
  return { start, end, text: raw, lower: raw.toLowerCase() };
}

/** Is `phrase` (lower case, single spaces) written right before `pos`, on word boundaries? Returns its start. */
export function phraseBefore(text: string, pos: number, phrase: string, limit: number): number {
  let end = skipSpaceBack(text, pos, limit);
  if (end === pos && isLetterCode(phrase.charCodeAt(phrase.length - 1))) return -1; // needs a space before the number
  for (let i = phrase.length - 1; i >= 0; i--) {
    const want = phrase.charCodeAt(i);
    if (want === 32) {
      const before = skipSpaceBack(text, end, limit);
      if (before === end) return -1;
      end = before;
      continue;
    }
    if (end <= limit) return -1;
    let got = text.charCodeAt(end - 1);
    if (got >= 65 && got <= 90) got += 32;
    if (got !== want) return -1;
    end--;
  }
  if (isLetterCode(phrase.charCodeAt(0)) && isLetterAt(text, end - 1)) return -1;
  return end;
}

/** Is `phrase` (lower case) written at `pos`, ending on a word boundary? Returns its end. */
export function phraseAt(text: string, pos: number, phrase: string): number {
  let at = pos;
  for (let i = 0; i < phrase.length; i++) {
    const want = phrase.charCodeAt(i);
    if (want === 32) {
      const after = skipSpace(text, at);
      if (after === at) return -1;
      at = after;
      continue;
    }
    let got = text.charCodeAt(at);
    if (got >= 65 && got <= 90) got += 32;
    if (got !== want) return -1;
    at++;
  }
  if (isLetterCode(phrase.charCodeAt(phrase.length - 1)) && isLetterAt(text, at)) return -1;
  return at;
}

export interface UnitMatchWord extends Word {
  /** The words up to this one, lower case, joined as written (space or hyphen). */
  joined: string;
}

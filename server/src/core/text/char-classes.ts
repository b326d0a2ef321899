// Unicode classes of characters, for tokenizers that read text by hand instead of with /\p{…}/u expressions
// (which were a large share of the time of the entity stage).
export const LETTER = 1, MARK = 2, NUMBER = 4, SPACE = 8;
const CLASSIFIED = 16;
/** The classes of each BMP code point, filled in on first sight (a fixed property of the character, not state). */
const BMP_CLASSES = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  return (/\p{L}/u.test(character) ? LETTER : 0) | (/\p{M}/u.test(character) ? MARK : 0) | (/\p{N}/u.test(character) ? NUMBER : 0) | (/\s/u.test(character) ? SPACE : 0);
}

/** LETTER (\p{L}), MARK (\p{M}), NUMBER (\p{N}) and SPACE (\s) bits of a code point. */
export function classOf(codePoint: number): number {
  if (codePoint >= 0x10000) return classify(codePoint);
  let classes = BMP_CLASSES[codePoint];
  if (classes === 0) BMP_CLASSES[codePoint] = classes = classify(codePoint) | CLASSIFIED;
  return classes;
}

/** The code point at `at` of text[0, to), as a /u expression reads it (a surrogate pair cut by `to` is a lone surrogate). */
export function codePointAt(text: string, at: number, to: number = text.length): number {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff && at + 1 < to ? text.codePointAt(at)! : unit;
}

/** UTF-16 units of a code point. */
export function unitsOf(codePoint: number): number {
  return codePoint >= 0x10000 ? 2 : 1;
}

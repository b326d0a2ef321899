export interface FrontMatter {
  fields: Record<string, string>;
  /** Offset of the first character after the closing `---` line. */
  end: number;
  /** Lines that are not `key: value`, reported rather than guessed at. */
  problems: string[];
}

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /^---[ \t]*(\r\n|\r|\n|$)/m;

/** Reads YAML front matter of flat `key: value` pairs, the only shape the contract defines. */
export function readFrontMatter(text: string): FrontMatter | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return null;
  const block = rest.slice(0, closing.index);
  const fields: Record<string, string> = {};
  const problems: string[] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) { problems.push(line); continue; }
    fields[pair[1].toLowerCase()] = unquote(pair[2].trim());
  }
  return { fields, end: opening[0].length + closing.index + closing[0].length, problems };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

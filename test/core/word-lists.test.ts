import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

// One source for each word list: the dates and figures lists live in server/src/core/data/*.json, each file has a
// JSON schema (data/schemas/), and the code reads every list in it (a list nobody reads is a second, dead copy).

const ROOT = [process.cwd(), join(__dirname, '..', '..')].find((dir) => existsSync(join(dir, 'server', 'src', 'core', 'data')))!;
const DATA = join(ROOT, 'server', 'src', 'core', 'data');
const FILES = ['dates-lexicon', 'dates-rules', 'figures-numbers', 'figures-qualifiers', 'figures-currencies', 'figures-units', 'figures-nouns', 'measure-synonyms'];
/** Read as a whole (every entry is an example or a family), not list by list. */
const READ_WHOLE = new Set(['dates-rules', 'measure-synonyms']);

function sources(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith('.ts')) out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}
const CODE = sources(join(ROOT, 'server', 'src'));

/**
 * The names a data file is read under, with the code that can read it: the importing file, and every file for a
 * name it re-exports whole ("export const lexicon = data;").
 */
function importers(file: string, code = CODE): Array<{ alias: string; text: string }> {
  const found: Array<{ alias: string; text: string }> = [];
  for (const source of code) {
    const match = new RegExp(`import\\s+(\\w+)\\s+from\\s+'[./]*(?:\\.\\./)*(?:server/src/core/)?data/${file}\\.json'`).exec(source.text);
    if (!match) continue;
    found.push({ alias: match[1], text: source.text });
    for (const reexport of source.text.matchAll(new RegExp(`export const (\\w+) = ${match[1]};`, 'g'))) {
      for (const other of code) found.push({ alias: reexport[1], text: other.text });
    }
  }
  return found;
}

/** The lists of a data file: its top-level keys, and the keys one level down in a group that has a comment. */
function listPaths(data: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'comment' || key === '$schema') continue;
    const group = value && typeof value === 'object' && !Array.isArray(value) && 'comment' in value ? Object.keys(value).filter((k) => k !== 'comment') : null;
    if (group && group.length > 1) for (const inner of group) paths.push(`${key}.${inner}`);
    else paths.push(key);
  }
  return paths;
}

for (const file of FILES) {
  const data = JSON.parse(readFileSync(join(DATA, `${file}.json`), 'utf8'));
  test(`${file}.json follows its JSON schema`, () => {
    const schema = JSON.parse(readFileSync(join(DATA, 'schemas', `${file}.schema.json`), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 5)));
  });
  test(`${file}.json: the code reads every list`, () => {
    // The rule examples are read by their test; the other files by the extractors.
    const users = file === 'dates-rules' ? importers(file, sources(join(ROOT, 'test'))) : importers(file);
    assert.ok(users.length > 0, `nothing imports ${file}.json`);
    if (READ_WHOLE.has(file)) return;
    const unused = listPaths(data).filter((path) => !users.some(({ alias, text }) =>
      new RegExp(`\\b${alias}\\.${path.replace(/\./g, '\\.')}(?![\\w$])`).test(text)));
    assert.deepEqual(unused, [], `lists of ${file}.json that no code reads`);
  });
}

test('month and weekday names are written once, in dates-lexicon.json', () => {
  const months = /\b(?:january|february|september|october|november|december)\b/i;
  const inline = CODE.filter((source) => /(?:extract\/(?:dates|figures)|index\/figure-groups)/.test(source.path.replace(/\\/g, '/')))
    .filter((source) => source.text.split('\n').map((line) => line.replace(/\/\/.*$/, ''))
      .some((line) => !/^\s*(?:\*|\/\*)/.test(line) && months.test(line) && /['"`][^'"`]*\b(?:january|february|september|october|november|december)\b/i.test(line)));
  assert.deepEqual(inline.map((source) => source.path), []);
});

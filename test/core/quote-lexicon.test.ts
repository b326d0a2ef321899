import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { CUES, CUE_PATTERN, inflect } from '../../server/src/core/extract/quotes/lexicon';

function findRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'corroborate') return dir;
    if (path.dirname(dir) === dir) throw new Error('no repository root above ' + from);
  }
}
const ROOT = findRoot(__dirname);
const DATA = path.join(ROOT, 'server', 'src', 'core', 'data');
const QUOTE_DATA = ['quotes-cues', 'quotes-speakers', 'quotes-non-quotes', 'given-name-genders'];
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8'));

test('every quote data file matches its JSON schema', () => {
  const ajv = new Ajv({ allErrors: true });
  for (const name of QUOTE_DATA) {
    const validate = ajv.compile(readJson(`${name}.schema.json`));
    assert.ok(validate(readJson(`${name}.json`)), `${name}.json: ${ajv.errorsText(validate.errors)}`);
  }
});

test('every list of the quote data files is read by the quote code', () => {
  const folder = path.join(ROOT, 'server', 'src', 'core', 'extract', 'quotes');
  const source = fs.readdirSync(folder).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(folder, f), 'utf8')).join('\n');
  for (const name of QUOTE_DATA) {
    for (const key of Object.keys(readJson(`${name}.json`)).filter((k) => k !== '$schema' && k !== 'comment')) {
      assert.match(source, new RegExp(`\\.${key}\\b`), `${name}.json "${key}" is not used`);
    }
  }
});

test('cue verbs inflect by rule, with irregular and doubled forms from the data', () => {
  const irregular = { say: ['says', 'said', 'saying'], go: ['goes', 'went', 'going', 'gone'] };
  const doubled = new Set(['admit']);
  assert.deepEqual(inflect('gush', irregular, doubled).forms, ['gush', 'gushes', 'gushed', 'gushing']);
  assert.deepEqual(inflect('implore', irregular, doubled).forms, ['implore', 'implores', 'implored', 'imploring']);
  assert.deepEqual(inflect('testify', irregular, doubled).forms, ['testify', 'testifies', 'testified', 'testifying']);
  assert.deepEqual(inflect('admit', irregular, doubled).forms, ['admit', 'admits', 'admitted', 'admitting']);
  assert.deepEqual(inflect('agree', irregular, doubled).forms, ['agree', 'agrees', 'agreed', 'agreeing']);
  assert.deepEqual(inflect('blurt out', irregular, doubled).forms, ['blurt out', 'blurts out', 'blurted out', 'blurting out']);
  assert.deepEqual(inflect('go on to say', irregular, doubled).forms, ['go on to say', 'goes on to say', 'went on to say', 'going on to say', 'gone on to say']);
});

test('the cue lexicon: verbs that are nouns count only in their past and -ing forms; lower case only', () => {
  for (const form of ['fumed', 'gushed', 'implored', 'blurted out', 'emailed', 'went on to say', 'told', 'reads']) assert.ok(CUES.formSet.has(form), form);
  for (const form of ['report', 'reports', 'text', 'post']) assert.ok(!CUES.formSet.has(form), form);
  assert.ok(CUES.formSet.has('reported') && CUES.gerunds.has('adding') && CUES.addressee.has('told'));
  CUE_PATTERN.lastIndex = 0;
  assert.equal(CUE_PATTERN.test('the United States will'), false);
});

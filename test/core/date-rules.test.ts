import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { DateExtractor, type TracedDate } from '../../server/src/core/extract/dates';
import { RULES } from '../../server/src/core/extract/dates/rules';
import examples from '../../server/src/core/data/dates-rules.json';
import schema from '../../server/src/core/data/schemas/dates-rules.schema.json';

// Every date rule carries examples (server/src/core/data/dates-rules.json). Each rule must make the expected
// mentions of its own examples, and each rule must be needed: without it, one of its examples reads differently.

interface Example { text: string; date: string | null; expect: Array<{ span: string; value: string }> }
const byRule = examples.rules as Record<string, { examples: Example[] }>;
const read = (extractor: DateExtractor, example: Example): TracedDate[] =>
  extractor.extract({ text: example.text, documentDate: example.date, bodyStart: 0, noise: [] });
const show = (found: TracedDate[]) => JSON.stringify(found.map((f) => [f.mention.text, f.mention.value, f.rules.join('+')]));

test('the rule examples follow their JSON schema', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(examples), JSON.stringify(validate.errors));
});

test('every rule has examples, and every example names a rule that exists', () => {
  const names = RULES.map((rule) => rule.name);
  assert.equal(new Set(names).size, names.length, 'rule names are unique');
  assert.deepEqual(names.filter((name) => !byRule[name]), [], 'rules without examples');
  assert.deepEqual(Object.keys(byRule).filter((name) => !names.includes(name)), [], 'examples of rules that do not exist');
});

const full = new DateExtractor(RULES);
for (const rule of RULES) {
  test(`date rule ${rule.name}: reads its own examples, and is needed for them`, () => {
    const own = byRule[rule.name]?.examples ?? [];
    assert.ok(own.length > 0, `${rule.name} has no examples`);
    const without = new DateExtractor(RULES.filter((other) => other !== rule));
    let needed = false;
    for (const example of own) {
      const found = read(full, example);
      for (const expected of example.expect) {
        const hit = found.find((f) => f.mention.text === expected.span && f.mention.value === expected.value);
        assert.ok(hit, `${JSON.stringify(example.text)}: expected ${expected.span} = ${expected.value}, found ${show(found)}`);
        assert.ok(hit.rules.includes(rule.name), `${JSON.stringify(example.text)}: ${expected.span} was made by ${hit.rules.join('+')}, not ${rule.name}`);
      }
      const ablated = read(without, example);
      if (example.expect.some((expected) => !ablated.some((f) => f.mention.text === expected.span && f.mention.value === expected.value))) needed = true;
    }
    assert.ok(needed, `without ${rule.name} every one of its examples still reads the same: the rule is redundant or its examples do not show it`);
  });
}

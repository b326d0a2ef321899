import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyzeDocument } from '../../server/src/core/analyze';
import { entityIdFor, linkEntities } from '../../server/src/core/index/cross-entities';

const seeds = () => readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()
  .map((f) => analyzeDocument(`seeds/${f}`, readFileSync(`seeds/${f}`, 'utf8')));

test('entityIdFor makes readable slugs', () => {
  assert.equal(entityIdFor('John Kerry'), 'john-kerry');
  assert.equal(entityIdFor('Abd al-Rahman Mustafa al-Qaduli'), 'abd-al-rahman-mustafa-al-qaduli');
  assert.equal(entityIdFor('U.S. Central Command'), 'u-s-central-command');
});

test('seeds: one id per real-world entity across documents', () => {
  const documents = seeds();
  const table = linkEntities(documents);
  const ids = (path: string, name: RegExp) => new Set(documents.find((d) => d.path.includes(path))!.entities.filter((m) => name.test(m.text)).map((m) => m.id));
  assert.deepEqual(ids('000_', /Kerry/), new Set(['john-kerry']));
  assert.deepEqual(ids('001_', /Kerry/), new Set(['john-kerry']));
  assert.deepEqual(ids('001_', /Carter/), new Set(['ashton-carter']));
  assert.deepEqual(ids('002_', /Carter/), new Set(['ashton-carter']));
  for (const document of documents) assert.deepEqual(ids(document.path, /^(ISIL|IS|Islamic State.*)$/), new Set(['isil']), document.path);
  const carter = table.find((e) => e.id === 'ashton-carter')!;
  assert.equal(carter.name, 'Ashton Carter');
  assert.equal(carter.documents, 2);
  assert.ok(carter.aliases.includes('Ash Carter'));
  assert.ok(carter.titles.includes('Defense Secretary'));
  assert.equal(table.find((e) => e.id === 'isil')!.documents, 5);
});

test('quote speakers follow the linked ids, and linking again gives the same ids', () => {
  const documents = seeds();
  linkEntities(documents);
  const speakers = () => documents.flatMap((d) => d.quotes.map((q) => q.speaker?.id ?? null));
  const first = speakers();
  const carterQuotes = documents.find((d) => d.path.includes('001_'))!.quotes.filter((q) => q.speaker?.name === 'Ashton Carter');
  assert.ok(carterQuotes.length >= 3);
  assert.ok(carterQuotes.every((q) => q.speaker!.id === 'ashton-carter'));
  const ids = documents.flatMap((d) => d.entities.map((m) => m.id));
  const table = linkEntities(documents);
  assert.deepEqual(documents.flatMap((d) => d.entities.map((m) => m.id)), ids);
  assert.deepEqual(speakers(), first);
  const known = new Set(table.map((e) => e.id));
  assert.ok(first.every((id) => id === null || known.has(id)));
});

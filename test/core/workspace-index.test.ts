import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { StoryIndex } from '../../server/src/core/index/stories';
import { EntityLinker, sortedEntities, type LinkResult } from '../../server/src/core/index/cross-entities';
import { analyzeDocument } from '../../server/src/core/analyze';
import { toContractOutput } from '../../server/src/core/contract';
import { provenanceContract } from '../../server/src/core/index/provenance';
import type { groupFigures } from '../../server/src/core/index/figure-groups';
import type { DocumentAnalysis } from '../../server/src/core/types';
import { parseCorrections } from '../../server/src/core/corrections';
import { diagnoseDocument, NearMissIndex, StringSets } from '../../server/src/core/features/diagnostics';
import { repoRoot, seedPath, SEEDS } from '../support/repo';
import * as path from 'node:path';

const seedTexts = Object.values(SEEDS).map((name) => ({ key: name, text: fs.readFileSync(seedPath(name), 'utf8') }));

function snapshot(index: WorkspaceIndex): string {
  return JSON.stringify(toContractOutput(index.all(), index.crossDocument(), []));
}

function rebuild(texts: Map<string, string>, corrections = parseCorrections('{}').corrections): string {
  const fresh = new WorkspaceIndex();
  fresh.setCorrections(corrections);
  for (const [key, text] of texts) fresh.set(key, text);
  return snapshot(fresh);
}

/** The core loaded again from its compiled files, with module state of its own. */
function freshCore(): { WorkspaceIndex: typeof WorkspaceIndex; toContractOutput: typeof toContractOutput; diagnoseDocument: typeof diagnoseDocument;
  provenanceContract: typeof provenanceContract; groupFigures: typeof groupFigures } {
  const coreFolder = path.dirname(require.resolve('../../server/src/core/analyze'));
  const saved = new Map<string, NodeJS.Module>();
  for (const [file, module] of Object.entries(require.cache)) {
    if (module && file.startsWith(coreFolder + path.sep)) { saved.set(file, module); delete require.cache[file]; }
  }
  try {
    return {
      WorkspaceIndex: require('../../server/src/core/index/workspace-index').WorkspaceIndex,
      toContractOutput: require('../../server/src/core/contract').toContractOutput,
      diagnoseDocument: require('../../server/src/core/features/diagnostics').diagnoseDocument,
      provenanceContract: require('../../server/src/core/index/provenance').provenanceContract,
      groupFigures: require('../../server/src/core/index/figure-groups').groupFigures,
    };
  } finally {
    for (const [file, module] of saved) require.cache[file] = module;
  }
}

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
}

test('after any sequence of edits, adds, deletes and renames, the incremental index equals a rebuild', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const next = random(seed);
    const index = new WorkspaceIndex();
    const texts = new Map<string, string>();
    for (let step = 0; step < 25; step++) {
      const choice = next();
      const source = seedTexts[Math.floor(next() * seedTexts.length)];
      const keys = [...texts.keys()];
      const key = keys[Math.floor(next() * keys.length)];
      if (choice < 0.35 || !key) {
        texts.set(source.key, source.text);
        index.set(source.key, source.text);
      } else if (choice < 0.7) {
        const text = texts.get(key)!;
        const at = Math.floor(next() * text.length);
        const edited = `${text.slice(0, at)}${next() < 0.5 ? ' More than 70 countries joined on May 6, 2015. ' : ''}${text.slice(at + Math.floor(next() * 40))}`;
        texts.set(key, edited);
        index.set(key, edited);
      } else if (choice < 0.85) {
        texts.delete(key);
        index.delete(key);
      } else {
        const renamed = `renamed-${step}-${key}`;
        texts.set(renamed, texts.get(key)!);
        texts.delete(key);
        index.delete(key);
        index.set(renamed, texts.get(renamed)!);
      }
      // Read the cross-document view between steps, as the server does, so stale caches would show.
      if (step % 3 === 0) index.crossDocument();
    }
    assert.equal(snapshot(index), rebuild(texts), `sequence ${seed}`);
    // The rebuild runs in a fresh copy of the core modules: it shares no cache, not even a module-level one.
    const separate = freshCore();
    assert.notEqual(separate.WorkspaceIndex, WorkspaceIndex);
    const fresh = new separate.WorkspaceIndex();
    for (const [key, text] of texts) fresh.set(key, text);
    assert.equal(snapshot(index), JSON.stringify(separate.toContractOutput(fresh.all(), fresh.crossDocument(), [])), `sequence ${seed}, separate modules`);
    for (const key of texts.keys()) {
      // Diagnostics read workspace-wide indexes that are updated, not rebuilt, between views.
      assert.deepEqual(diagnoseDocument(index.get(key)!, index.crossDocument()),
        separate.diagnoseDocument(fresh.get(key)!, fresh.crossDocument()), `diagnostics of ${key}, sequence ${seed}`);
    }
  }
});

test('corrections: a document date re-dates the document; changing corrections equals a rebuild with them', () => {
  const index = new WorkspaceIndex();
  const texts = new Map(seedTexts.map(({ key, text }) => [key, text]));
  for (const [key, text] of texts) index.set(key, text);
  assert.equal(index.get(SEEDS.tillerson)!.metadata.date.source, 'none');
  const { corrections, problems } = parseCorrections(JSON.stringify({ documentDates: { [SEEDS.tillerson]: '2018-02-13' } }));
  assert.deepEqual(problems, []);
  index.setCorrections(corrections);
  assert.deepEqual(index.get(SEEDS.tillerson)!.metadata.date, { value: '2018-02-13', source: 'correction' });
  assert.equal(snapshot(index), rebuild(texts, corrections));
  index.setCorrections(parseCorrections('{}').corrections);
  assert.equal(index.get(SEEDS.tillerson)!.metadata.date.source, 'none');
  assert.equal(snapshot(index), rebuild(texts));
});

test('corrections files with bad content give clear problems and no corrections', () => {
  assert.match(parseCorrections('{ "documentDates": ').problems[0], /^not valid JSON/);
  assert.deepEqual(parseCorrections('{"documentDates": {"a.txt": "13 Feb"}}').problems, ['/documentDates/a.txt must match pattern "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$"']);
  assert.deepEqual(parseCorrections('{"colour": "red"}').problems, ["(top level) must NOT have additional properties ('colour')"]);
  assert.deepEqual(parseCorrections('[]').problems, ['(top level) must be object']);
  assert.deepEqual(parseCorrections('').problems, []);
});

test('corrections: figures the user separates leave their group; figures the user joins form one', () => {
  const index = new WorkspaceIndex();
  for (const { key, text } of seedTexts) index.set(key, text);
  const airstrikes = index.crossDocument().figureGroups.find((group) => group.members.some((member) => member.text.includes('3,700')));
  assert.ok(airstrikes, 'no group holds the 3,700 airstrikes');
  const separate = airstrikes.members.map(({ path, text }) => ({ path, text }));
  const { corrections } = parseCorrections(JSON.stringify({ figures: { separate: [separate] } }));
  index.setCorrections(corrections);
  assert.ok(!index.crossDocument().figureGroups.some((group) => group.members.some((member) => member.text.includes('3,700'))));
  const { corrections: joined } = parseCorrections(JSON.stringify({ figures: { join: [separate] } }));
  index.setCorrections(joined);
  const group = index.crossDocument().figureGroups.find((candidate) => candidate.members.some((member) => member.text.includes('3,700')));
  assert.equal(group?.members.length, separate.length);
});

test('the near-miss index finds exactly the spellings within two edits that a comparison with every spelling finds', () => {
  const next = random(12);
  const words = [...new Set(seedTexts.flatMap(({ text }) => text.match(/\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+)*/gu) ?? []))];
  const spellings = new Set(words);
  // Variants one and two edits away (a letter dropped, doubled or changed), as sources misspell names.
  for (const word of words.slice(0, 150)) {
    let variant = word;
    for (let edit = 0; edit < 1 + Math.floor(next() * 2); edit++) {
      const at = Math.floor(next() * variant.length);
      const choice = next();
      variant = choice < 0.33 ? variant.slice(0, at) + variant.slice(at + 1) : choice < 0.66 ? variant.slice(0, at) + variant[at] + variant.slice(at) : `${variant.slice(0, at)}x${variant.slice(at + 1)}`;
    }
    spellings.add(variant);
  }
  const index = new NearMissIndex(6);
  for (const spelling of spellings) index.add(spelling);
  const removed = [...spellings].filter((_, position) => position % 7 === 0);
  for (const spelling of removed) index.remove(spelling);
  const present = [...spellings].filter((spelling) => !removed.includes(spelling));
  let pairs = 0;
  for (const query of present) {
    const expected = present.filter((other) => other !== query && other.length >= 6 && editDistance(query, other) <= 2).sort();
    pairs += expected.length;
    assert.deepEqual(index.near(query).sort(), expected, query);
  }
  assert.ok(pairs > 100, `only ${pairs} near pairs: the test would prove little`);
});

test('a set of strings kept as one string while it holds one keeps its order and size as it grows and shrinks', () => {
  const sets = new StringSets();
  sets.add('k', 'b');
  sets.add('k', 'b');
  assert.equal(sets.sizeOf('k'), 1);
  sets.add('k', 'a');
  sets.add('k', 'c');
  assert.deepEqual([...sets.valuesOf('k')], ['b', 'a', 'c']);
  sets.delete('k', 'a');
  sets.delete('k', 'b');
  assert.deepEqual([...sets.valuesOf('k')], ['c']);
  assert.ok(sets.has('k', 'c') && !sets.has('k', 'b'));
  sets.add('k', 'd');
  assert.deepEqual([...sets.valuesOf('k')], ['c', 'd']);
  sets.delete('k', 'c');
  sets.delete('k', 'd');
  assert.equal(sets.sizeOf('k'), 0);
  assert.deepEqual([...sets.valuesOf('k')], []);
});

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Real articles of three ECB+ topics from ../shared, unrelated to the seeds' story, or none when it is not there. */
function otherStories(): Array<{ key: string; text: string }> {
  const folder = [path.resolve(repoRoot(), '..', 'shared'), path.resolve(repoRoot(), '..', '..', 'shared')]
    .map((shared) => path.join(shared, 'eval', 'datasets', 'ecbplus-dev', 'docs')).find((candidate) => fs.existsSync(candidate));
  if (!folder) return [];
  return fs.readdirSync(folder).sort().filter((name) => /^(1|10|12)_[1-4]ecb/.test(name))
    .map((name) => ({ key: name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

test('documents outside a view\'s affected set keep the diagnostics they had under the view before', (context) => {
  const others = otherStories();
  if (others.length < 6) { context.skip('../shared/eval/datasets/ecbplus-dev is not there'); return; }
  // Names of the seeds respelled, copied between documents and deleted, so spellings cross one and two documents.
  const names = [...new Set([...seedTexts, ...otherStories()].flatMap(({ text }) => text.match(/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}{3,}/gu) ?? []))];
  let checked = 0;
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const next = random(seed);
    const index = new WorkspaceIndex();
    // As the server does: affected sets are kept from the first view on.
    assert.equal(index.takeAffected(), null);
    const texts = new Map<string, string>();
    for (const { key, text } of [...seedTexts, ...others]) { texts.set(key, text); index.set(key, text); }
    let view = index.crossDocument();
    let before = new Map(index.keys().map((key) => [key, JSON.stringify(diagnoseDocument(index.peek(key)!, view))]));
    for (let step = 0; step < 12; step++) {
      const keys = [...texts.keys()];
      const key = keys[Math.floor(next() * keys.length)];
      const choice = next();
      if (choice < 0.2) {
        // A figure: it may join, leave or split a group of figures.
        const text = texts.get(key)!;
        const at = Math.floor(next() * text.length);
        texts.set(key, `${text.slice(0, at)} More than ${Math.floor(next() * 90) + 10} countries joined on May 6, 2015. ${text.slice(at + Math.floor(next() * 30))}`);
      } else if (choice < 0.5) {
        const name = names[Math.floor(next() * names.length)];
        const at = Math.floor(next() * name.length);
        const spelled = next() < 0.5 ? name : name.slice(0, at) + name.slice(at + 1);
        const text = texts.get(key)!;
        const offset = text.indexOf('.', Math.floor(next() * text.length)) + 1 || text.length;
        texts.set(key, `${text.slice(0, offset)} ${spelled} said the talks went on.${text.slice(offset)}`);
      } else if (choice < 0.75) {
        texts.set(`copy-${step}-${key}`, texts.get(key)!);
      } else if (texts.size > 2) {
        texts.delete(key);
        index.delete(key);
      }
      for (const [name, text] of texts) index.set(name, text);
      view = index.crossDocument();
      const after = new Map(index.keys().map((name) => [name, JSON.stringify(diagnoseDocument(index.peek(name)!, view))]));
      assert.ok(view.affected, 'a text change gives an affected set');
      for (const [name, diagnostics] of after) {
        if (view.affected.has(name) || !before.has(name)) continue;
        checked++;
        assert.equal(diagnostics, before.get(name), `${name} changed outside the affected set (sequence ${seed}, step ${step})`);
      }
      before = after;
    }
  }
  assert.ok(checked > 50, `only ${checked} unaffected documents checked`);
});

/** B-cubed F1 of one grouping of documents against another. */
function bCubed(groups: readonly string[][], against: readonly string[][]): number {
  const groupOf = (all: readonly string[][]) => new Map(all.flatMap((members) => members.map((path) => [path, new Set(members)] as const)));
  const mine = groupOf(groups), theirs = groupOf(against);
  let precision = 0, recall = 0;
  for (const [path, members] of mine) {
    const other = theirs.get(path)!;
    const shared = [...members].filter((member) => other.has(member)).length;
    precision += shared / members.size;
    recall += shared / other.size;
  }
  precision /= mine.size;
  recall /= mine.size;
  return (2 * precision * recall) / (precision + recall);
}

test('over 29 real articles, after edits, adds, deletes and renames with effects across documents, the incremental view equals a rebuild in a core that shares no state', (context) => {
  const others = otherStories();
  if (others.length < 6) { context.skip('../shared/eval/datasets/ecbplus-dev is not there'); return; }
  const sources = [...seedTexts, ...others];
  // Sentences that change other documents' entity ids (a full name for a short one, a middle name), join figure groups
  // and quote a speaker another document quotes.
  const insertions = [
    ' W. Mark Felt spoke to Obama on Monday. ', ' William Mark Felt met Barack Obama in Washington. ',
    ' More than 70 countries joined on May 6, 2015. ', ' Carter said the coalition trained 7,400 Iraqi forces. ',
    ' "We will not stop until ISIL is defeated," Ashton Carter said. ', ' The Colts beat Indianapolis 23-17, officials in Palmer said. ',
  ];
  const separate = freshCore();
  for (const seed of [1, 2, 3, 4]) {
    const next = random(seed);
    const index = new WorkspaceIndex();
    const texts = new Map<string, string>();
    for (const { key, text } of sources) { texts.set(key, text); index.set(key, text); }
    index.crossDocument();
    for (let step = 0; step < 16; step++) {
      const keys = [...texts.keys()];
      const key = keys[Math.floor(next() * keys.length)];
      const choice = next();
      if (choice < 0.45) {
        const text = texts.get(key)!;
        const at = text.indexOf('.', Math.floor(next() * text.length)) + 1 || text.length;
        const inserted = insertions[Math.floor(next() * insertions.length)];
        texts.set(key, next() < 0.7 ? `${text.slice(0, at)}${inserted}${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + Math.floor(next() * 200))}`);
      } else if (choice < 0.65) {
        // A copy: shared text, and every entity of the copied document in one more document.
        texts.set(`copy-${step}-${key}`, texts.get(key)!);
      } else if (choice < 0.85) {
        if (texts.size > 14) { texts.delete(key); index.delete(key); }
      } else {
        texts.set(`renamed-${step}-${key}`, texts.get(key)!);
        texts.delete(key);
        index.delete(key);
      }
      for (const [name, text] of texts) index.set(name, text);
      if (step % 2 === 0) index.crossDocument();
    }
    const view = index.crossDocument();
    const fresh = new separate.WorkspaceIndex();
    for (const [key, text] of texts) fresh.set(key, text);
    const freshView = fresh.crossDocument();
    const label = `sequence ${seed}`;
    // Entity linking: every mention's id and type, every quote speaker's id, the entity table.
    const linked = (documents: readonly DocumentAnalysis[]) => JSON.stringify(documents.map((document) =>
      [document.path, document.entities.map(({ id, type }) => `${id}|${type}`), document.quotes.map((quote) => quote.speaker?.id ?? null)]));
    assert.equal(linked(index.all()), linked(fresh.all()), `${label}: linked ids`);
    assert.deepEqual(view.entities, freshView.entities, `${label}: entity table`);
    for (const entity of freshView.entities.slice(0, 40)) {
      assert.deepEqual([...view.lookup.mentionsOf(entity.id)].map(([path, mentions]) => [path, mentions.map((mention) => mention.start)]),
        [...freshView.lookup.mentionsOf(entity.id)].map(([path, mentions]) => [path, mentions.map((mention) => mention.start)]), `${label}: mentions of ${entity.id}`);
    }
    // Shared text, provenance groups and misquotes.
    const paths = index.keys();
    assert.equal(JSON.stringify(provenanceContract(view.provenance, paths)), JSON.stringify(separate.provenanceContract(freshView.provenance, paths)), `${label}: provenance`);
    // Figure groups: those a full grouping of the same documents gives, with the same stories.
    assert.equal(JSON.stringify(view.figureGroups), JSON.stringify(separate.groupFigures(fresh.all(), undefined, view.stories.storyOf)), `${label}: figure groups`);
    // Stories are placed one by one after a change (weights from the last full grouping): they cover every
    // document once and stay close to a fresh grouping.
    const storyPaths = view.stories.stories.flatMap((story) => story.documents);
    assert.deepEqual([...storyPaths].sort(), paths, `${label}: every document in one story`);
    const agreement = bCubed(view.stories.stories.map((story) => story.documents), freshView.stories.stories.map((story) => story.documents));
    assert.ok(agreement >= 0.85, `${label}: stories agree with a fresh grouping at B-cubed ${agreement.toFixed(3)}`);
  }
});

test('a view built in steps for diagnostics indexes shared text and quotes a document a step, so the first diagnosis does not do it all at once', async () => {
  const index = new WorkspaceIndex();
  const copies = 12;
  for (let copy = 0; copy < copies; copy++) for (const { key, text } of seedTexts) index.set(`${copy}-${key}`, text);
  index.takeAffected();
  let pauses = 0;
  const view = await index.crossDocumentInSteps(() => { pauses++; });
  assert.ok(view);
  // Shared-text and quote indexes, one step per document each, besides linking, stories and figure groups.
  assert.ok(pauses >= copies * seedTexts.length, `${pauses} pauses for ${copies * seedTexts.length} documents`);
  // Diagnosing then finds both indexes current: the same findings as a view built at once.
  const atOnce = new WorkspaceIndex();
  for (const key of index.keys()) atOnce.set(key, index.textOf(key)!);
  const key = `0-${SEEDS.obama}`;
  assert.deepEqual(diagnoseDocument(view.lookup.documentsByPath.get(key)!, view), diagnoseDocument(atOnce.get(key)!, atOnce.crossDocument()));
});

test('a view rebuilt after an edit yields between its stories and figure buckets, and requests read the last view meanwhile', async () => {
  const index = new WorkspaceIndex();
  for (let copy = 0; copy < 6; copy++) for (const { key, text } of seedTexts) index.set(`${copy}-${key}`, text);
  index.takeAffected();
  const before = await index.crossDocumentInSteps(() => undefined);
  assert.ok(before);
  const edited = `0-${SEEDS.obama}`;
  index.set(edited, `${index.textOf(edited)!}\nMore follows.`);
  let pauses = 0;
  let readMeanwhile: unknown = null;
  const view = await index.crossDocumentInSteps(() => { if (++pauses === 4) readMeanwhile = index.builtView(); });
  assert.ok(view);
  // Linking, tables and the rest are a handful of steps; stories and figure buckets add one step each.
  assert.ok(pauses > view.stories.stories.length, `${pauses} pauses for ${view.stories.stories.length} stories`);
  assert.equal(readMeanwhile, before);
});

test('a view build dropped part way through its stories or figure groups gives, once built, what an unbroken build gives', async () => {
  const keys = [0, 1, 2].flatMap((copy) => seedTexts.map(({ key, text }) => ({ key: `${copy}-${key}`, text })));
  const edit = (text: string, round: number) => `${text}\nUpdate ${round}: 12 percent more, said Barack Obama.`;
  const first = `0-${SEEDS.obama}`, second = `1-${SEEDS.obama}`;
  const reference = new WorkspaceIndex();
  for (const { key, text } of keys) reference.set(key, text);
  reference.crossDocument();
  // How many pauses an edit build makes, to drop builds at points spread over all of them.
  reference.set(first, edit(reference.textOf(first)!, 0));
  let total = 0;
  await reference.crossDocumentInSteps(() => { total++; });
  assert.ok(total > 10, `${total} pauses`);
  for (let dropAt = 1; dropAt < total; dropAt += Math.max(1, Math.floor(total / 12))) {
    const index = new WorkspaceIndex();
    for (const { key, text } of keys) index.set(key, text);
    index.crossDocument();
    index.set(first, edit(index.textOf(first)!, 0));
    let pauses = 0;
    const dropped = await index.crossDocumentInSteps(() => { if (++pauses === dropAt) index.set(second, edit(index.textOf(second)!, 1)); });
    assert.equal(dropped, null, `dropped at pause ${dropAt}`);
    const resumed = await index.crossDocumentInSteps(() => undefined);
    assert.ok(resumed);
    const atOnce = new WorkspaceIndex();
    for (const key of index.keys()) atOnce.set(key, index.textOf(key)!);
    assert.equal(snapshot(index), snapshot(atOnce), `dropped at pause ${dropAt} of ${total}`);
  }
});

test('cold entity linking yields every few dozen documents, and an update dropped part way is finished by the next one: the links of a fresh linker', () => {
  const seeds = seedTexts.map(({ key, text }) => analyzeDocument(key, text));
  const analyses = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]
    .flatMap((copy) => seeds.map((analysis) => ({ ...analysis, path: `${copy}-${analysis.path}` })));
  const pausesOf = (steps: Generator<void, unknown, void>) => { let pauses = 0; while (!steps.next().done) pauses++; return pauses; };
  const cold = pausesOf(new EntityLinker().updateSteps(analyses));
  // Summarizing the documents alone pauses at least once every 64 of them; settling the signatures pauses too.
  assert.ok(cold >= Math.floor(analyses.length / 64) + 1, `${cold} pauses for ${analyses.length} documents`);
  // Next: one document edited, one removed.
  const edited = analyses.filter((analysis) => analysis.path !== `3-${SEEDS.kerry}`).map((analysis) => analysis.path !== `0-${SEEDS.obama}` ? analysis
    : { ...analyzeDocument(analysis.path, `${seedTexts.find(({ key }) => key === SEEDS.obama)!.text}\nUpdate: Barack Obama met John Kerry.`) });
  const shown = (result: LinkResult, documents: readonly { path: string }[]) =>
    JSON.stringify([sortedEntities(result.records), documents.map(({ path }) => result.linkedByPath.get(path))]);
  const fresh = shown(new EntityLinker().update(edited), edited);
  for (let dropAt = 1; dropAt < cold; dropAt += Math.max(1, Math.floor(cold / 12))) {
    const linker = new EntityLinker();
    const steps = linker.updateSteps(analyses);
    for (let pause = 0; pause < dropAt; pause++) steps.next();
    const result = linker.update(edited);
    assert.equal(shown(result, edited), fresh, `dropped at pause ${dropAt} of ${cold}`);
    // No update's result was taken before: every document is linked anew, the dropped update's too.
    assert.ok(edited.every(({ path }) => result.relinked.has(path)), `relinked after a drop at pause ${dropAt}`);
  }
});

test('a cold view build dropped part way through entity linking gives, once built, what an unbroken build gives', async () => {
  const keys = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((copy) => seedTexts.map(({ key, text }) => ({ key: `${copy}-${key}`, text })));
  const edited = `0-${SEEDS.obama}`;
  const reference = new WorkspaceIndex();
  for (const { key, text } of keys) reference.set(key, text);
  const linking = pausesOfLinking(reference);
  assert.ok(linking > 2, `${linking} pauses in linking`);
  for (let dropAt = 1; dropAt <= linking; dropAt += Math.max(2, Math.ceil(linking / 4))) {
    const index = new WorkspaceIndex();
    for (const { key, text } of keys) index.set(key, text);
    let pauses = 0;
    const dropped = await index.crossDocumentInSteps(() => { if (++pauses === dropAt) index.set(edited, `${index.textOf(edited)!}\nUpdate: Barack Obama met John Kerry.`); });
    assert.equal(dropped, null, `dropped at pause ${dropAt}`);
    const resumed = await index.crossDocumentInSteps(() => undefined);
    assert.ok(resumed);
    const atOnce = new WorkspaceIndex();
    for (const key of index.keys()) atOnce.set(key, index.textOf(key)!);
    assert.equal(snapshot(index), snapshot(atOnce), `dropped at pause ${dropAt} of ${linking} in linking`);
  }
});

/** How many times linking the index's documents from nothing pauses. */
function pausesOfLinking(index: WorkspaceIndex): number {
  const steps = new EntityLinker().updateSteps(index.keys().map((key) => analyzeDocument(key, index.textOf(key)!)));
  let pauses = 0;
  while (!steps.next().done) pauses++;
  return pauses;
}

test('a full story regroup yields within its similarity model and clustering, and one dropped part way then finished gives a fresh grouping', () => {
  const index = new WorkspaceIndex();
  for (let copy = 0; copy < 4; copy++) for (const { key, text } of seedTexts) index.set(`${copy}-${key}`, text);
  const documents = [...index.crossDocument().lookup.documentsByPath.values()];
  const pausesOf = (steps: Generator<void, unknown, void>) => { let pauses = 0; while (!steps.next().done) pauses++; return pauses; };
  const stories = new StoryIndex();
  const full = pausesOf(stories.groupSteps(documents));
  // Grouped again unchanged: one step per story and nothing fresh. A full regroup adds one per fresh story's dates,
  // and its similarity model and clustering steps on top.
  const unchanged = pausesOf(stories.groupSteps(documents));
  assert.ok(full - 2 * unchanged >= 5, `${full} pauses for a full regroup, ${unchanged} unchanged`);
  const shown = (view: ReturnType<StoryIndex['group']>) => JSON.stringify([view.stories, [...view.approximateDates]]);
  const fresh = shown(new StoryIndex().group(documents));
  for (let dropAt = 1; dropAt < full; dropAt += Math.max(1, Math.floor(full / 10))) {
    const dropped = new StoryIndex();
    const steps = dropped.groupSteps(documents);
    for (let pause = 0; pause < dropAt; pause++) steps.next();
    assert.equal(shown(dropped.group(documents)), fresh, `dropped at pause ${dropAt} of ${full}`);
  }
});

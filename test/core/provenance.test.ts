import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { readCredits } from '../../server/src/core/index/provenance';
import { analyzeDocument } from '../../server/src/core/analyze';
import { lensesFor } from '../../server/src/core/features/lenses';
import { hoverAt } from '../../server/src/core/features/hover';
import { toContractOutput } from '../../server/src/core/contract';
import { seedPath, SEEDS } from '../support/repo';

const seed = (name: string) => fs.readFileSync(seedPath(name), 'utf8');

function workspace(extra: Record<string, string> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, seed(name));
  for (const [name, text] of Object.entries(extra)) index.set(name, text);
  return index;
}

/** The CENTCOM seed's coalition paragraphs run again by another outlet under its own headline. */
function republishedCentcom(): string {
  const centcom = seed(SEEDS.centcom);
  const copied = centcom.slice(centcom.indexOf('U.S. Central Command last week hosted'), centcom.indexOf('A dozen countries are also involved'));
  return `Coalition planners meet in Florida\n\nOfficers from dozens of countries gathered in Tampa this spring, a spokesman told reporters.\n\n${copied}\n`;
}

test('on the seeds, each document is its own source; 004 credits a reporter and two agencies, 002 and 003 a byline and publisher', () => {
  const index = workspace();
  const provenance = index.crossDocument().provenance;
  assert.deepEqual(provenance.groups().map((group) => group.documents), Object.values(SEEDS).sort().map((name) => [name]));
  const credits = (name: string) => provenance.creditsOf(name).map(({ kind, name: who, agency }) => ({ kind, name: who, agency }));
  assert.deepEqual(credits(SEEDS.tillerson), [
    { kind: 'reporting', name: 'Rikard Jozwiak', agency: false },
    { kind: 'reporting', name: 'dpa', agency: true },
    { kind: 'reporting', name: 'Reuters', agency: true },
  ]);
  const tillerson = seed(SEEDS.tillerson);
  assert.deepEqual(provenance.creditsOf(SEEDS.tillerson).map((credit) => tillerson.slice(credit.start, credit.end)), ['Rikard Jozwiak in Brussels', 'dpa', 'Reuters']);
  assert.deepEqual(credits(SEEDS.centcom), [{ kind: 'publisher', name: 'U.S. Central Command', agency: false }, { kind: 'byline', name: 'John Redfield', agency: false }]);
  assert.deepEqual(credits(SEEDS.obama).map((credit) => credit.kind).sort(), ['byline', 'publisher']);
  assert.deepEqual(credits(SEEDS.kerry), []);
  // 000 and 002 share no text: the 10,000 airstrikes they both give are two independent reports.
  assert.deepEqual(provenance.passagesOf(SEEDS.kerry).filter((passage) => passage.otherPath === SEEDS.obama), []);
  assert.deepEqual(provenance.corroboration([SEEDS.kerry, SEEDS.obama], SEEDS.kerry), { independentSources: 1, copies: 0 });
});

test('a republished passage puts the copy in its source\'s group; lenses and hovers count it as a copy, not an independent source', () => {
  const index = workspace({ 'copy.txt': republishedCentcom() });
  const view = index.crossDocument();
  const group = view.provenance.groupOf('copy.txt');
  assert.deepEqual(group?.documents, [SEEDS.centcom, 'copy.txt']);
  assert.equal(group?.links[0].reason, 'shared-text');
  assert.equal(group?.label, 'U.S. Central Command');
  const copy = index.get('copy.txt')!;
  const lens = lensesFor(copy, view).find((candidate) => candidate.title.startsWith('Also reported by'));
  assert.match(lens?.title ?? '', /^Also reported by 2 independent sources and 1 copy \(/);
  const at = copy.text.indexOf('3,700');
  const links = { location: () => 'loc', separateFigures: () => 'sep', showTimeline: () => 'tl' };
  const hover = hoverAt(copy, at, view, links)!;
  assert.match(hover.markdown, /Also reported by 2 independent sources and 1 copy/);
  assert.match(hover.markdown, /\| provenance \|/);
  assert.match(hover.markdown, /\| this document \|.*\| U\.S\. Central Command \(source-\d\) \|/);
  // In the contract: the figure group counts three independent sources among four documents.
  const output = toContractOutput(index.all(), view, []);
  const airstrikes = output.figureGroups.find((candidate) => candidate.members.some((member) => member.path === 'copy.txt'));
  assert.equal(new Set(airstrikes?.members.map((member) => member.path)).size, 4);
  assert.equal(airstrikes?.independentSources, 3);
  assert.ok(output.provenance.sharedPassages.some((passage) => passage.path === 'copy.txt' && passage.otherPath === SEEDS.centcom));
  assert.equal(output.documents.find((document) => document.path === 'copy.txt')?.provenanceGroup, group?.id);
});

test('groups can be limited to a subset of documents (one story)', () => {
  const index = workspace({ 'copy.txt': republishedCentcom() });
  const provenance = index.crossDocument().provenance;
  assert.deepEqual(provenance.groups(['copy.txt', SEEDS.kerry]).map((group) => group.documents), [[SEEDS.kerry], ['copy.txt']]);
});

test('wire datelines, contributed reporting and statements are credits; the same agency\'s wire copy is one source', () => {
  const first = 'Strikes continue\n\nBAGHDAD (AP) — Coalition aircraft struck targets near Mosul overnight, officials said on Sunday.\n\nReuters contributed to this report.\n';
  const second = 'Raids near Mosul\n\nBAGHDAD (AP) — Iraqi troops advanced on two villages south of the city, according to a statement from the Joint Operations Command.\n';
  const index = workspace({ 'wire-1.txt': first, 'wire-2.txt': second });
  const provenance = index.crossDocument().provenance;
  assert.deepEqual(provenance.groupOf('wire-1.txt')?.documents, ['wire-1.txt', 'wire-2.txt']);
  assert.equal(provenance.groupOf('wire-1.txt')?.links[0].reason, 'same-agency');
  assert.equal(provenance.groupOf('wire-1.txt')?.label, 'Associated Press');
  const kinds = (document: string) => readCredits(analyzeDocument(document, document === first ? first : second))
    .map((credit) => `${credit.kind}:${credit.name}`);
  assert.deepEqual(kinds(first), ['agency:Associated Press', 'contributed:Reuters']);
  assert.deepEqual(kinds(second), ['agency:Associated Press', 'statement:Joint Operations Command']);
});

test('two reports quoting the same speech are not copies of each other', () => {
  const obama = seed(SEEDS.obama);
  const from = obama.indexOf('“Every day, our air campaign');
  const speech = obama.slice(from, obama.indexOf('\n', from));
  const index = workspace({ 'speech.txt': `Obama on the campaign\n\nThe president spoke after a security meeting on Thursday evening in Washington.\n\n${speech}\n` });
  const provenance = index.crossDocument().provenance;
  assert.ok(provenance.passagesOf('speech.txt').length > 0);
  assert.deepEqual(provenance.groupOf('speech.txt')?.documents, ['speech.txt']);
});

test('after edits that make and undo a copy, the groups equal those of a fresh index', () => {
  const index = workspace();
  const copy = republishedCentcom();
  const steps = [copy, 'Coalition planners meet in Florida\n\nA short note about the weather in Tampa this week, written by our own desk.\n', copy, `${copy}\nOne more line.\n`];
  for (const text of steps) {
    index.set('copy.txt', text);
    const fresh = workspace({ 'copy.txt': text });
    assert.deepEqual(index.crossDocument().provenance.groups(), fresh.crossDocument().provenance.groups());
  }
  assert.deepEqual(index.crossDocument().provenance.groupOf('copy.txt')?.documents, [SEEDS.centcom, 'copy.txt']);
});

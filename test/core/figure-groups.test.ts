import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { seedPath, SEEDS } from '../support/repo';

function seedIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, fs.readFileSync(seedPath(name), 'utf8'));
  return index;
}

const membersOf = (index: WorkspaceIndex, id: string) =>
  index.crossDocument().figureGroups.find((group) => group.id === id)?.members.map((member) => `${member.path.slice(0, 3)} ${member.text}`);

test('Coalition airstrikes: 000, 002 and 003 report one measure, which changed over time', () => {
  const index = seedIndex();
  const group = index.crossDocument().figureGroups.find((candidate) => candidate.id === 'coalition-airstrikes');
  assert.ok(group, index.crossDocument().figureGroups.map((candidate) => candidate.id).join(', '));
  assert.equal(group.measure, 'Coalition airstrikes');
  assert.deepEqual(group.members.map((member) => `${member.path.slice(0, 3)} ${member.text} ${member.date}`),
    ['003 more than 3,700 airstrikes 2015-05-06', '000 Some 10,000 Coalition airstrikes null', '002 more than 10,000 strikes null']);
  assert.equal(group.verdict, 'changed-over-time');
});

test('coalition size: 60 countries in 003 and more than 70 in 004, and no other country count', () => {
  assert.deepEqual(membersOf(seedIndex(), 'countries'), ['003 60 countries', '004 More than 70 countries']);
});

test('forces trained: the coalition programmes of 000 and 003 are one measure; NATO\'s trainees in 004 are not', () => {
  const index = seedIndex();
  const forces = membersOf(index, 'iraqi-forces');
  assert.ok(forces?.includes('000 nearly 20,000 regular Iraqi and Peshmerga soldiers'));
  assert.ok(forces?.includes('003 about 7,400 Iraqi forces'));
  const grouped = index.crossDocument().figureGroups.flatMap((group) => group.members.map((member) => member.text));
  assert.ok(!grouped.includes('more than 5,000 Iraqi military personnel'));
  assert.ok(!grouped.includes('10,000 police officers'));
});

test('percentages of different things do not group', () => {
  const grouped = seedIndex().crossDocument().figureGroups.flatMap((group) => group.members.map((member) => member.text));
  assert.ok(!grouped.includes('more than 90 percent'));
  assert.ok(!grouped.includes('more than 40 percent'));
});

test('the same value for the same date from two sources is consistent; different values for one date conflict', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'WASHINGTON, May 6, 2015 - The coalition has carried out 3,700 airstrikes against ISIL.');
  index.set('b.txt', 'LONDON, May 6, 2015 - Allied aircraft flew some 3,650 airstrikes against ISIL so far.');
  assert.equal(index.crossDocument().figureGroups[0]?.verdict, 'consistent');
  index.set('b.txt', 'LONDON, May 6, 2015 - Allied aircraft flew some 5,200 airstrikes against ISIL so far.');
  const [group] = index.crossDocument().figureGroups;
  assert.equal(group.verdict, 'conflict');
  assert.match(group.reason, /same date \(2015-05-06\)/);
});

test('unrelated documents change no group: with four "Nothing much happened" files added, 000\'s 10,000 stays with the airstrikes', () => {
  const index = seedIndex();
  for (const n of [1, 2, 3, 4]) index.set(`x${n}.txt`, `Nothing much happened in town on the day, the report said ${n * 7}.\n`);
  assert.deepEqual(membersOf(index, 'coalition-airstrikes'), ['003 more than 3,700 airstrikes', '000 Some 10,000 Coalition airstrikes', '002 more than 10,000 strikes']);
});

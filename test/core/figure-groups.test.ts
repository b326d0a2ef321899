import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { seedPath, SEEDS } from '../support/repo';
import { parseCorrections } from '../../server/src/core/corrections';
import { withFiguresApart } from '../../server/src/core/features/correction-edits';

function seedIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, fs.readFileSync(seedPath(name), 'utf8'));
  return index;
}

const membersOf = (index: WorkspaceIndex, id: string) =>
  index.crossDocument().figureGroups.find((group) => group.id === id)?.members.map((member) => `${member.path.slice(0, 3)} ${member.text}`);

test('Coalition airstrikes: 000, 002 and 003 report one measure; with 000 and 002 undated, nobody can tell change from conflict', () => {
  const index = seedIndex();
  const group = index.crossDocument().figureGroups.find((candidate) => candidate.id === 'coalition-airstrikes');
  assert.ok(group, index.crossDocument().figureGroups.map((candidate) => candidate.id).join(', '));
  assert.equal(group.measure, 'Coalition airstrikes');
  assert.deepEqual(group.members.map((member) => `${member.path.slice(0, 3)} ${member.text} ${member.date}`),
    ['003 more than 3,700 airstrikes 2015-05-06', '000 Some 10,000 Coalition airstrikes null', '002 more than 10,000 strikes null']);
  assert.equal(group.verdict, 'cannot-tell');
  assert.match(group.reason, /2 of 3 reports give no date/);
});

test('coalition size: 60 countries in 003 and more than 70 in 004, and no other country count', () => {
  const index = seedIndex();
  assert.deepEqual(membersOf(index, 'countries-joined'), ['003 60 countries', '004 More than 70 countries']);
  assert.equal(index.crossDocument().figureGroups.length, 3);
  assert.ok(index.crossDocument().figureGroups.every((group) => group.verdict === 'cannot-tell'));
});

test('forces trained: the coalition programmes of 000 and 003 are one measure; NATO\'s trainees in 004 are not', () => {
  const index = seedIndex();
  const forces = membersOf(index, 'iraqi-forces-trained');
  assert.ok(forces?.includes('000 nearly 20,000 regular Iraqi and Peshmerga soldiers'));
  assert.ok(forces?.includes('003 about 7,400 Iraqi forces'));
  const grouped = index.crossDocument().figureGroups.flatMap((group) => group.members.map((member) => member.text));
  assert.ok(!grouped.includes('more than 5,000 Iraqi military personnel'));
  assert.ok(!grouped.includes('10,000 police officers'));
  // 2,800 "currently in training" beside 7,400 who "completed the training", in one document on one day: another measure.
  assert.ok(!grouped.includes('approximately 2,800'));
  assert.equal(index.crossDocument().figureGroups.find((group) => group.id === 'iraqi-forces-trained')?.measure, 'Iraqi forces trained');
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

test('values that differ on different dates changed over time; one document never changes over time with itself', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'QESHM, Iran, Nov. 27, 2005 - The earthquake killed at least three people, officials said.');
  index.set('b.txt', 'TEHRAN, Iran, Nov. 28, 2005 - The quake killed 10 people and injured 70 people on the island.');
  const groups = index.crossDocument().figureGroups;
  const killed = groups.find((group) => group.members.some((member) => member.text === '10 people'));
  assert.deepEqual(killed?.members.map((member) => member.text), ['at least three people', '10 people']);
  assert.equal(killed?.verdict, 'changed-over-time');
  assert.equal(killed?.measure, 'People killed');
  // The injured are another measure: "70 people" joins no group of the killed.
  assert.ok(!groups.some((group) => group.members.some((member) => member.text === '70 people') && group.members.length > 1));
});

test('people and percent alone are no measure: figures that say nothing of what happened are not compared', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'PARIS, Sept. 9, 2013 - About 200 people gathered in the square. Prices rose 5 percent.');
  index.set('b.txt', 'PARIS, Sept. 9, 2013 - Some 40 people watched from the windows. Sales fell 30 percent.');
  assert.deepEqual(index.crossDocument().figureGroups, []);
});

test('a figure with no date beside a dated one that differs: the verdict says it cannot tell', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'QESHM, Iran, Nov. 27, 2005 - The earthquake killed at least three people, officials said.');
  index.set('b.txt', 'The quake killed 10 people on the island, officials said.');
  const [group] = index.crossDocument().figureGroups;
  assert.equal(group?.verdict, 'cannot-tell');
  assert.match(group.reason, /no date/);
});

test('dated values that differ beside an undated one that agrees with both: changed over time, read from the dated reports', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'QESHM, Iran, Nov. 27, 2005 - The earthquake killed 100 people, officials said.');
  index.set('b.txt', 'TEHRAN, Iran, Nov. 28, 2005 - The quake killed 116 people, officials said on the island.');
  index.set('c.txt', 'The quake killed 108 people, officials said.');
  const group = index.crossDocument().figureGroups.find((candidate) => candidate.members.length === 3);
  assert.equal(group?.verdict, 'changed-over-time');
  assert.match(group!.reason, /From “100 people” \(2005-11-27\) to “116 people” \(2005-11-28\)/);
});

// Issue 17: what a figure counts beyond its noun. Invented game reports (no development-set sentence).
const textsOf = (index: WorkspaceIndex) => index.crossDocument().figureGroups.map((group) => group.members.map((member) => `${member.path} ${member.text}`));

test('whose count: two players in one sentence, each clause its own; a "she" is the player named just before', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'OMAHA, March 8, 2013 - Marta Lindqvist scored 12 points off the bench and Ines Okafor had 9 points for the Owls.');
  index.set('b.txt', 'OMAHA, March 8, 2013 - Ines Okafor finished with 12 points for the Owls.');
  index.set('c.txt', 'OMAHA, March 8, 2013 - Marta Lindqvist came off the bench for the Owls.\nShe scored 12 points.');
  const groups = textsOf(index);
  assert.deepEqual(groups, [['a.txt 12 points', 'c.txt 12 points']]);
});

test('a rate, a margin and an increment are other measures than a total of the same noun', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'OMAHA, March 8, 2013 - Ines Okafor is averaging 15 points per game for the Owls, who led by 15 points at the half.');
  index.set('b.txt', 'OMAHA, March 8, 2013 - Ines Okafor scored 15 points for the Owls on the night.');
  assert.deepEqual(textsOf(index), []);
  index.set('c.txt', 'OMAHA, March 8, 2013 - The judge gave Okafor two additional life sentences.');
  index.set('d.txt', 'OMAHA, March 8, 2013 - The judge gave Okafor two life sentences.');
  assert.ok(!textsOf(index).some((members) => members.some((member) => member.startsWith('c.txt'))));
});

test('a number in a model name ("AK 47 rifles") is no count, and one document\'s exact values that differ are two measures', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'MUMBAI, Nov. 11, 2011 - The navy seized six AK 47 rifles from the pirates. The ship has seized 2,117 rounds so far, and 2,129 rounds in all.');
  index.set('b.txt', 'MUMBAI, Nov. 11, 2011 - Sailors seized 14 AK 47 rifles from the pirates. The ship has seized 2,117 rounds so far.');
  const groups = textsOf(index);
  assert.ok(!groups.flat().some((member) => /rifles/.test(member)), JSON.stringify(groups));
  assert.ok(!groups.some((members) => members.includes('a.txt 2,117 rounds') && members.includes('a.txt 2,129 rounds')), JSON.stringify(groups));
});

test('whose offer: two teams\' offers of one story are two measures; a season average written after a list is a rate', () => {
  const index = new WorkspaceIndex();
  index.set('a.txt', 'BOSTON, Dec. 15, 2008 - The Red Sox have offered first baseman Karl Brandt an eight-year, $200 million contract.');
  index.set('b.txt', 'BOSTON, Dec. 15, 2008 - The Nationals have offered first baseman Karl Brandt an eight-year, $160 million contract.');
  index.set('c.txt', 'BOSTON, Dec. 15, 2008 - The Red Sox offered Karl Brandt an eight-year deal worth $180 million, a report said.');
  const offers = textsOf(index);
  assert.ok(!offers.some((members) => members.includes('b.txt $160 million') && members.length > 1), JSON.stringify(offers));
  const games = new WorkspaceIndex();
  games.set('a.txt', 'OMAHA, March 8, 2013 - Ines Okafor scored 23 points for the Owls on the night.');
  games.set('b.txt', 'OMAHA, April 25, 2013 - Her coach said Ines Okafor\'s 23 points and eight rebounds a game will help the Owls next season.');
  assert.deepEqual(textsOf(games), []);
});

test('members picked to leave a group leave it; the others stay one group ("These are different measures…")', () => {
  const index = seedIndex();
  const written = withFiguresApart(null, [{ path: SEEDS.obama, text: 'more than 10,000 strikes' }],
    [{ path: SEEDS.centcom, text: 'more than 3,700 airstrikes' }, { path: SEEDS.kerry, text: 'Some 10,000 Coalition airstrikes' }]);
  assert.ok('text' in written);
  const { corrections, problems } = parseCorrections(written.text);
  assert.deepEqual(problems, []);
  assert.equal(corrections.figures.separate.length, 2, 'one pair for each member that stays');
  index.setCorrections(corrections);
  assert.deepEqual(membersOf(index, 'coalition-airstrikes'), ['003 more than 3,700 airstrikes', '000 Some 10,000 Coalition airstrikes']);
  // Written again, the same pairs are not repeated.
  const again = withFiguresApart(written.text, [{ path: SEEDS.obama, text: 'more than 10,000 strikes' }], [{ path: SEEDS.kerry, text: 'Some 10,000 Coalition airstrikes' }]);
  assert.ok('text' in again && parseCorrections(again.text).corrections.figures.separate.length === 2);
});

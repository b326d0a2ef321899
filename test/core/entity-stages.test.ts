import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { extractEntities, RULE_STAGES, type EntityStages } from '../../server/src/core/extract/entities';
import { shippedRecogniser } from '../../server/src/core/extract/entities/shipped-model';
import type { EntityGroup } from '../../server/src/core/extract/entities/clustering';
import type { Draft } from '../../server/src/core/extract/entities/chunker';
import type { ExtractionContext } from '../../server/src/core/types';

const entitiesOf = (text: string) => analyzeDocument('a.txt', text).entities.map((m) => `${m.text}|${m.type}|${m.id}`);
const contextOf = (text: string): ExtractionContext => ({ text, documentDate: null, bodyStart: 0, noise: [] });

test('in a sports report a town read as a team from its context stays the team, in its other mentions too', () => {
  const text = 'Marquette beat Evansville 70-61 on Saturday night in the conference tournament. '
    + 'The crowd cheered as Evansville cut the lead to two late in the second half. Jordan Mills scored 21 points for Marquette.';
  const mentions = entitiesOf(text);
  assert.ok(mentions.includes('Marquette|organization|marquette'), mentions.join(' '));
  assert.equal(mentions.filter((m) => m.startsWith('Evansville|organization')).length, 2, mentions.join(' '));
  assert.ok(!mentions.some((m) => m.startsWith('Evansville|person') || m.startsWith('Marquette|person')), mentions.join(' '));
});

test('in a sports report a lone plural name that is nobody of the document is the team, not a person', () => {
  const text = "Chargers' Mitchell arrested after crash\nSan Diego Chargers linebacker Dwayne Mitchell was arrested on Sunday, the team said. "
    + 'The Chargers play the Raiders next week in their final game of the season.';
  assert.ok(entitiesOf(text).includes('Chargers|organization|chargers'), entitiesOf(text).join(' '));
});

test("a person's name before 'administration' names the government", () => {
  assert.deepEqual(entitiesOf('The rules were written under the Clinton administration and kept by later ones.'), ['Clinton|organization|clinton']);
});

test('a lone word written as a town is not the short form of the longer name that starts with it', () => {
  const text = 'A fire destroyed the Kenwood Baptist Church on Sunday. Firefighters in Kenwood said the Kenwood Baptist Church could not be saved.';
  const ids = analyzeDocument('a.txt', text).entities.map((m) => `${m.text}|${m.id}`);
  assert.deepEqual(ids, ['Kenwood Baptist Church|kenwood-baptist-church', 'Kenwood|kenwood', 'Kenwood Baptist Church|kenwood-baptist-church']);
});

test('typing by context and clustering come through EntityStages: another clusterer replaces the rules', () => {
  const text = 'Officer Ray Pullman testified on Monday. Pullman told the court he saw the car.';
  const rules = extractEntities(contextOf(text), shippedRecogniser());
  assert.equal(new Set(rules.map((m) => m.id)).size, 1, 'the rules join the surname to the full name');
  const apart: EntityStages = {
    ...RULE_STAGES,
    clusterer: {
      cluster(drafts: Draft[]) {
        return new Map(drafts.map((d, i): [Draft, EntityGroup] => [d, { id: `m${i}`, canonical: d.name.join(' '), type: d.type, members: [d] }]));
      },
    },
  };
  const separate = extractEntities(contextOf(text), shippedRecogniser(), apart);
  assert.deepEqual(separate.map((m) => m.id), ['m0', 'm1']);
  let typed = 0;
  extractEntities(contextOf(text), shippedRecogniser(), { ...RULE_STAGES, typer: { typeDrafts: () => { typed++; }, settle: () => { typed++; } } });
  assert.equal(typed, 2, 'the typer runs before and after recognition');
});

test('a numbered road and an organization coordinating two words keep their whole name', () => {
  const text = 'Williams was pulled over on State Route 94 near the Fish and Wildlife Service office, the Central Commission for '
    + 'Elections and Referenda said, at 97th Avenue and 117th Street.';
  assert.deepEqual(analyzeDocument('a.txt', text).entities.map((m) => `${m.text}|${m.type}`), [
    'State Route 94|place', 'Fish and Wildlife Service|organization', 'Central Commission for Elections and Referenda|organization',
    '97th Avenue|place', '117th Street|place',
  ]);
});

test("a place's name with a plural name word after it is a team; a lone word before a state is a town", () => {
  assert.deepEqual(analyzeDocument('a.txt', 'San Diego Chargers defensive tackle Jamal Williams was arrested in San Diego.').entities.map((m) => `${m.text}|${m.type}`),
    ['San Diego Chargers|organization', 'Jamal Williams|person', 'San Diego|place']);
  assert.deepEqual(analyzeDocument('a.txt', 'Vishwanand Subryan, 23, of Schenectady, N.Y., was charged.').entities.map((m) => `${m.text}|${m.type}`),
    ['Vishwanand Subryan|person', 'Schenectady|place', 'N.Y.|place']);
});

test('in a sports report a rank before a school makes it the team', () => {
  const text = 'Top-ranked Gonzaga rallied late in the game and the coach praised the defense after the 80-71 win. Gonzaga plays again on Sunday.';
  assert.deepEqual(entitiesOf(text), ['Gonzaga|organization|gonzaga', 'Gonzaga|organization|gonzaga']);
});

test('an abbreviation of a common noun and a nationality word in capitals are no names', () => {
  const text = 'AN ESTONIAN sailor was rescued off Harwick on Monday.\nA driver was charged with DWI after the crash, and the sailor underwent an MRI at Harwick General Hospital.';
  const found = entitiesOf(text);
  assert.ok(!found.some((m) => /^(?:ESTONIAN|DWI|MRI)\|/.test(m)), found.join(' '));
  assert.ok(found.includes('Harwick General Hospital|organization|harwick-general-hospital'), found.join(' '));
  // An abbreviation that names an organization stays one.
  assert.deepEqual(entitiesOf('He became the fifth NBA head coach to be fired this season.'), ['NBA|organization|nba']);
});

test('a person’s name ends before "of": the town after it is a place, not the person’s alias', () => {
  const text = 'The woman was identified as Ruthanne Marie Kessler of Dunmore. Police in Dunmore said the crash happened at night.';
  assert.deepEqual(entitiesOf(text), [
    'Ruthanne Marie Kessler|person|ruthanne-marie-kessler', 'Dunmore|place|dunmore', 'Dunmore|place|dunmore',
  ]);
});

test('a known company with its legal form written after it is the known company', () => {
  assert.deepEqual(entitiesOf('Google Inc. said on Monday that the update was late. Google apologised.'),
    ['Google Inc.|organization|google', 'Google|organization|google']);
});

test('in a title-case headline a given name takes the capitalised word after it; a dateline month in capitals is no name', () => {
  const text = 'Karen Quenby Checks Out Of Rehab To Check Into Another Centre\n2 P.M. FEB. 4, 2013\nThe actress has left the clinic. Karen is finding it hard, a friend said, and she checks in again on Monday.';
  assert.deepEqual(entitiesOf(text), ['Karen Quenby|person|karen-quenby', 'Karen|person|karen-quenby']);
});

test('an organization coordinating two words keeps the words of its name before them', () => {
  const text = 'Officials of the U.S. Fish and Wildlife Service reviewed the rule. Scientists at the Caldera Geology and Mining Institute said the lake was safe.';
  assert.deepEqual(analyzeDocument('a.txt', text).entities.map((m) => `${m.text}|${m.type}`),
    ['U.S. Fish and Wildlife Service|organization', 'Caldera Geology and Mining Institute|organization']);
});

test('a name read as a person from its given name is the team when the document writes its plural last word alone as one', () => {
  const text = 'No. 1 Carson Herons 65, No. 9 Drake Bulldogs 53\nThe top-seeded Herons beat Drake on Friday before a Carson crowd. The Herons play again on Saturday.';
  const found = entitiesOf(text);
  assert.ok(found.includes('Carson Herons|organization|carson-herons'), found.join(' '));
  assert.ok(!found.some((m) => m.includes('|person|')), found.join(' '));
});

test('a name before a publication’s common noun is an organization', () => {
  assert.deepEqual(entitiesOf('Talking to Crowd magazine, her representative said she was fine.'), ['Crowd|organization|crowd']);
});

test("a person's name without its first given name is the same person as the full name ('Ellis Ray Dunmore Jr.' / 'Ray Dunmore Jr.')", () => {
  const text = 'Ellis Ray Dunmore Jr. walked out of the county jail on Monday after a guard left a door unlocked. '
    + 'Deputies said Ray Dunmore Jr. was seen near a bus station two hours later. Dunmore was caught that evening.';
  const mentions = analyzeDocument('a.txt', text).entities.filter((m) => m.type === 'person');
  assert.ok(mentions.length >= 2, mentions.map((m) => m.text).join(' '));
  assert.equal(new Set(mentions.map((m) => m.id)).size, 1, mentions.map((m) => `${m.text}|${m.id}`).join(' '));
});

test("in a sports report a school's name before 's all-time is the team, in its other mentions too", () => {
  const text = 'Marcus Hale scored 31 points on Saturday and became Harwick’s all-time leading scorer in a 77-70 win in the conference tournament. '
    + 'Harwick got 12 rebounds from its bench, and the crowd stayed long after the game.';
  const mentions = entitiesOf(text);
  assert.equal(mentions.filter((m) => m.startsWith('Harwick|organization')).length, 2, mentions.join(' '));
});

test("a place's name read as an organization is the short form of the organization named after the place", () => {
  const text = 'The Wolves lost to the Phoenix Falcons, 20-13, in the football game on Sunday. '
    + 'By beating the Wolves, Phoenix’ record rose to 9-5 and they locked up a playoff spot. A pass was picked off for a Phoenix touchback.';
  const mentions = entitiesOf(text);
  const town = mentions.filter((m) => m.startsWith('Phoenix|organization'));
  assert.ok(town.length >= 1, mentions.join(' '));
  assert.ok(town.every((m) => m.endsWith('|phoenix-falcons')), mentions.join(' '));
});

test("a name the model reads as a person after 'nearby' is the town when it starts with no given name and its last word is never alone", () => {
  const text = 'The singer left the clinic on Monday and drove to nearby Cielo Grande to check in as a patient, her manager said.';
  const mentions = entitiesOf(text);
  assert.ok(mentions.some((m) => m.startsWith('Cielo Grande|place')), mentions.join(' '));
});

test("a given name that is also a place's name, before a surname that is no place, names a person", () => {
  assert.deepEqual(entitiesOf('Georgia Lang, a council member, said she agreed.'), ['Georgia Lang|person|georgia-lang']);
  assert.deepEqual(entitiesOf('The team trained in Victoria Park all week.'), ['Victoria Park|place|victoria-park']);
});

test("a broadcaster's word before a country's name names the broadcaster", () => {
  assert.deepEqual(entitiesOf('Radio Sweden reported the outcome.'), ['Radio Sweden|organization|radio-sweden']);
  assert.deepEqual(entitiesOf('The news was on Radio Sweden on Monday.'), ['Radio Sweden|organization|radio-sweden']);
});

test("a title before a one-word place's name makes the word a person's name, with the title", () => {
  const mentions = analyzeDocument('a.txt', 'Senator Jordan said the vote would pass. Jordan left after it.').entities.map((m) => `${m.text}|${m.type}|${m.id}|${m.title ?? ''}`);
  assert.deepEqual(mentions, ['Senator Jordan|person|jordan|Senator', 'Jordan|person|jordan|']);
  assert.deepEqual(entitiesOf('The President of Georgia spoke.'), ['Georgia|place|georgia']);
});

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
  assert.equal(entityIdFor('U.S. Central Command'), 'us-central-command');
  assert.equal(entityIdFor('U.S. Geological Survey'), entityIdFor('US Geological Survey')); // dotted initials are one spelling
});

test('seeds: one id per real-world entity across documents', () => {
  const { entities: table, documents } = linkEntities(seeds());
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

test('quote speakers follow the linked ids, linking again gives the same ids, and the analyses stay as they were', () => {
  const analyses = seeds();
  const localIds = JSON.stringify(analyses.map((d) => [d.entities.map((m) => [m.id, m.type]), d.quotes.map((q) => q.speaker?.id ?? null)]));
  const documents = linkEntities(analyses).documents;
  const speakers = (linked: typeof documents) => linked.flatMap((d) => d.quotes.map((q) => q.speaker?.id ?? null));
  const first = speakers(documents);
  const carterQuotes = documents.find((d) => d.path.includes('001_'))!.quotes.filter((q) => q.speaker?.name === 'Ashton Carter');
  assert.ok(carterQuotes.length >= 3);
  assert.ok(carterQuotes.every((q) => q.speaker!.id === 'ashton-carter'));
  const ids = documents.flatMap((d) => d.entities.map((m) => m.id));
  const again = linkEntities(analyses);
  const table = again.entities;
  assert.deepEqual(again.documents.flatMap((d) => d.entities.map((m) => m.id)), ids);
  assert.deepEqual(speakers(again.documents), first);
  // Cross-document ids live in the linked copies: the analyses keep their document-local ids and types.
  assert.equal(JSON.stringify(analyses.map((d) => [d.entities.map((m) => [m.id, m.type]), d.quotes.map((q) => q.speaker?.id ?? null)])), localIds);
  assert.notDeepEqual(analyses.flatMap((d) => d.entities.map((m) => m.id)), ids);
  const known = new Set(table.map((e) => e.id));
  assert.ok(first.every((id) => id === null || known.has(id)));
});

const doc = (path: string, text: string) => analyzeDocument(path, text);
/** The ids the mentions whose text matches `name` carry after linking. */
const linkedIds = (documents: ReturnType<typeof doc>[], name: RegExp) =>
  new Set(documents.flatMap((d) => d.entities.filter((m) => name.test(m.text)).map((m) => m.id)));

test('name variants join across documents: nicknames, a first initial before the middle name, a known person by surname', () => {
  const documents = [
    doc('a.txt', 'The 76ers fired coach Maurice Cheeks on Saturday. Cheeks had a 25-34 record.\n\nWilliam Mark Felt died in Santa Rosa.'),
    doc('b.txt', 'Mo Cheeks was fired by the team, officials said.\n\nW. Mark Felt Sr. was the FBI official known as Deep Throat. Felt was 95.'),
    doc('c.txt', 'President-elect Barack Obama named his team on Monday.'),
    doc('d.txt', 'The plan, Obama said, will take years.'),
  ];
  const linked = linkEntities(documents).documents;
  const idsOf = (name: RegExp) => linkedIds(linked, name);
  assert.deepEqual(idsOf(/Cheeks/), new Set(['maurice-cheeks']));
  assert.equal(idsOf(/Felt/).size, 1);
  assert.deepEqual(idsOf(/Obama/), new Set(['barack-obama']));
});

test('a team named after its town is not the town, and joins the full team name', () => {
  const documents = [
    doc('a.txt', 'The Indianapolis Colts won 31-24 at home this season, and the Colts coach was pleased.'),
    doc('b.txt', 'The Chargers beat Indianapolis 23-17 in the playoff game.'),
    doc('c.txt', 'Indianapolis is the capital of Indiana.'),
  ];
  const linked = linkEntities(documents).documents;
  const ids = (path: string) => linked.find((d) => d.path === path)!.entities.filter((m) => m.text.startsWith('Indianapolis')).map((m) => `${m.type}|${m.id}`);
  assert.deepEqual(ids('a.txt'), ['organization|indianapolis-colts']);
  assert.deepEqual(ids('b.txt'), ['organization|indianapolis-colts']);
  assert.deepEqual(ids('c.txt'), ['place|indianapolis']);
});

test('short and variant spellings join across documents: a team by its last words, Mt./Mount, Centre/Center, a site name', () => {
  const documents = [
    doc('a.txt', 'The Boston Red Sox signed the pitcher. He stayed at the Harlan Treatment Centre near Mt. Ardley, TMZ.com reported.'),
    doc('b.txt', 'The Red Sox said the deal was done. The Harlan Treatment Center is in the valley below Mount Ardley, TMZ said.'),
  ];
  const linked = linkEntities(documents).documents;
  const idsOf = (name: RegExp) => linkedIds(linked, name);
  assert.deepEqual(idsOf(/Red Sox/), new Set(['boston-red-sox']));
  assert.equal(idsOf(/Harlan/).size, 1);
  assert.equal(idsOf(/Ardley/).size, 1);
  assert.equal(idsOf(/TMZ/).size, 1);
});

test('a natural feature without its feature word, and a place by its last two words, join the longer place name', () => {
  const documents = [
    doc('a.txt', 'The cable was cut on the floor of the Mediterranean Sea. Climbers fell from Aoraki Mount Tarrant on Sunday.'),
    doc('b.txt', 'Ships in the Mediterranean were slowed. Rescuers reached Mount Tarrant at dawn, and a team in York waited.'),
    doc('c.txt', 'The storm hit New York on Monday.'),
  ];
  const linked = linkEntities(documents).documents;
  const idsOf = (name: RegExp) => linkedIds(linked, name);
  assert.deepEqual(idsOf(/Mediterranean/), new Set(['mediterranean-sea']));
  assert.equal(idsOf(/Mount Tarrant/).size, 1);
  assert.notDeepEqual(idsOf(/^York$/), idsOf(/^New York$/));
});

test('nicknames and spellings of a given name join; different given names with one surname do not', () => {
  const documents = [
    doc('a.txt', 'Kathryn Jenkin was found at her home. Her husband John Jenkin was arrested.'),
    doc('b.txt', 'Katie Jenkin, 31, had two children. John Jenkin denies the charge.'),
  ];
  const linked = linkEntities(documents).documents;
  const idsOf = (name: RegExp) => linkedIds(linked, name);
  assert.equal(idsOf(/^(Kathryn|Katie) Jenkin$/).size, 1);
  assert.equal(idsOf(/^John Jenkin$/).size, 1);
  assert.notDeepEqual(idsOf(/^John Jenkin$/), idsOf(/^Katie Jenkin$/));
});

test('linking again, and after one document\'s analysis is replaced, gives the ids of a fresh link', () => {
  const ids = (analyses: ReturnType<typeof seeds>) => linkEntities(analyses).documents.map((d) => [d.entities.map((m) => m.id), d.quotes.map((q) => q.speaker?.id ?? null)]);
  const edited = (documents: ReturnType<typeof seeds>, index: number, extra: string) => {
    const document = documents[index];
    documents[index] = analyzeDocument(document.path, `${readFileSync(document.path, 'utf8')}${extra}`);
  };
  const documents = seeds();
  const first = linkEntities(documents).entities;
  for (let i = 0; i < 3; i++) assert.deepEqual(linkEntities(documents).entities, first);
  const fresh = seeds();
  assert.deepEqual(linkEntities(fresh).entities, first);
  assert.deepEqual(ids(documents), ids(fresh));

  // The workspace index replaces a document's analysis when its text changes, and links again.
  const extra = '\n\nMo Cheeks and W. Mark Felt met Obama. "We will win," Ash Carter said.\n';
  edited(documents, 1, extra);
  const relinked = linkEntities(documents).entities;
  const freshEdited = seeds();
  edited(freshEdited, 1, extra);
  assert.deepEqual(relinked, linkEntities(freshEdited).entities);
  assert.deepEqual(ids(documents), ids(freshEdited));
  assert.notDeepEqual(relinked, first);

  // And back: the other documents' mentions still start from their own local ids.
  edited(documents, 1, '');
  assert.deepEqual(linkEntities(documents).entities, first);
  assert.deepEqual(ids(documents), ids(fresh));
});

test('one name typed differently in two documents takes the type most of its mentions have, and gets its own back when linked alone', () => {
  const documents = [
    doc('a.txt', 'Farmers in Palmer, Alaska, sold their milk to the creamery. The town of Palmer has 6,000 people.\n'),
    doc('b.txt', 'Rescuers searched the hills near Palmer on Tuesday, officials in Palmer said.\n'),
    doc('c.txt', 'Palmer welcomed the news. The mayor said Palmer would rebuild.\n'),
  ];
  const palmer = (d: ReturnType<typeof doc>) => d.entities.filter((m) => m.text === 'Palmer');
  const before = documents.map((d) => palmer(d).map((m) => m.type));
  // The documents disagree before linking (else the test shows nothing).
  assert.ok(new Set(before.flat()).size > 1, `types before linking: ${JSON.stringify(before)}`);
  const counts = new Map<string, number>();
  for (const type of before.flat()) counts.set(type, (counts.get(type) ?? 0) + 1);
  const most = [...counts].sort((x, y) => y[1] - x[1])[0][0];

  const { entities: table, documents: linked } = linkEntities(documents);
  const entity = table.find((e) => e.id === palmer(linked[0])[0].id)!;
  assert.equal(entity.type, most);
  assert.deepEqual(new Set(linked.flatMap((d) => palmer(d).map((m) => `${m.id}|${m.type}`))), new Set([`${entity.id}|${most}`]));

  // Linked on its own, the odd document's mentions are typed as its own analysis typed them.
  const odd = documents.findIndex((_, i) => before[i].some((type) => type !== most));
  assert.deepEqual(palmer(linkEntities([documents[odd]]).documents[0]).map((m) => m.type), before[odd]);
});

test('a lone surname joins the full name of the documents it shares entities with, not the one of another story', () => {
  const documents = [
    doc('a.txt', 'Running back Tyrell Banks scored twice as the New Orleans Saints beat the Carolina Panthers 28-14 on Sunday.\n\nTyrell Banks ran for 120 yards. Tyrell Banks said the Saints played well.'),
    doc('b.txt', 'The New Orleans Saints rested Tyrell Banks in practice. Tyrell Banks is expected to start against the Carolina Panthers.'),
    doc('c.txt', 'The New Orleans Saints held on against the Carolina Panthers, and Banks said the team was tired.'),
    doc('d.txt', 'Senator Margaret Banks of Ohio proposed a new farm bill in Congress on Tuesday, the Agriculture Department said.'),
    doc('e.txt', 'Banks told Congress that the Agriculture Department would pay for the farm bill.'),
  ];
  const linked = linkEntities(documents).documents;
  const idsIn = (path: string) => linkedIds(linked.filter((d) => d.path === path), /^Banks$/);
  assert.deepEqual(idsIn('c.txt'), new Set(['tyrell-banks']));
  assert.deepEqual(idsIn('e.txt'), new Set(['margaret-banks']));
  assert.equal(linked.find((d) => d.path === 'e.txt')!.entities.find((m) => m.text === 'Banks')!.type, 'person');
});

test('a team named by its town joins the full team name of the documents it shares entities with, whichever names start alike', () => {
  const documents = [
    doc('a.txt', 'The Memphis Grizzlies beat the Utah Jazz 101-95 on Friday. Ja Morant scored 30 points for the Memphis Grizzlies.'),
    doc('b.txt', 'Memphis beat the Utah Jazz 99-90 on Sunday as Ja Morant scored 28 points.'),
    doc('c.txt', 'The Memphis Housing Authority said on Monday that 300 homes in Shelby County would be rebuilt.'),
  ];
  const linked = linkEntities(documents).documents;
  assert.equal(documents[1].entities.find((m) => m.text === 'Memphis')?.id, 'memphis-team', 'the town is typed a team locally');
  assert.deepEqual(linkedIds(linked, /Memphis(?! Housing)/), new Set(['memphis-grizzlies']));
  assert.deepEqual(linkedIds(linked, /Memphis Housing/), new Set(['memphis-housing-authority']));
});

test('a full personal name keeps its entity a person when the lone surnames joined to it were typed otherwise', () => {
  const documents = [
    doc('a.txt', 'President George W. Bush signed the energy bill in Washington on Monday. George W. Bush said the bill would cut imports.'),
    doc('b.txt', 'The Bush administration defended the energy bill on Tuesday. Officials of the Bush administration met in Washington.'),
    doc('c.txt', 'Critics of the Bush administration said in Washington that the energy bill favoured oil companies.'),
  ];
  const linked = linkEntities(documents);
  const lone = linked.documents.flatMap((d) => d.entities.filter((m) => /^Bush$/.test(m.text)));
  assert.ok(lone.length >= 2, `lone "Bush" mentions found: ${lone.length}`);
  const ids = new Set(lone.map((m) => m.id));
  const entity = linked.entities.find((e) => ids.has(e.id) && /George W\. Bush/.test(e.name));
  assert.ok(entity, `the lone "Bush" joins George W. Bush: ${JSON.stringify([...ids])}`);
  assert.equal(entity.type, 'person');
});

test('a company written with its legal form in one document and without it in another is one entity', () => {
  const { documents } = linkEntities([
    analyzeDocument('a.txt', 'Zentravia Corp. (NASDAQ: ZNTV) released a security patch for its software on Tuesday.'),
    analyzeDocument('b.txt', 'Zentravia Windows users should install the patch, and Zentravia said attacks were rare.'),
    analyzeDocument('c.txt', 'Shares of Zentravia rose after the Zentravia Office update.'),
  ]);
  const ids = (path: string) => documents.find((d) => d.path === path)!.entities.map((m) => `${m.text}|${m.id}`);
  assert.deepEqual(ids('a.txt'), ['Zentravia Corp.|zentravia-corp']);
  assert.deepEqual(ids('b.txt'), ['Zentravia|zentravia-corp']);
  assert.ok(ids('c.txt').includes('Zentravia Office|zentravia-office'), ids('c.txt').join(' '));
});

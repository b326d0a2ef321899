import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { inlayHints } from '../../server/src/core/features/inlay-hints';
import { attributions, quotesOf } from './quote-helpers';

const speakersOf = (text: string) => attributions(text).map(([, written]) => written);

test('appositions and modifiers between the speaker and the cue are skipped', () => {
  assert.deepEqual(speakersOf('Senator Chuck Grassley, Republican of Iowa, said, “The bill will not pass this year.”'), ['Senator Chuck Grassley']);
  assert.deepEqual(speakersOf('“The tariffs will hurt farmers first,” said Edward Alden of the Council on Foreign Relations.'), ['Edward Alden']);
  assert.deepEqual(speakersOf('“We will build it and they will pay,” said Donald Trump as he dined with donors in Florida.'), ['Donald Trump']);
  assert.deepEqual(speakersOf('“The river rose by two metres in an hour,” Maria Lopez, a farmer who lives near the dam, told reporters.'), ['Maria Lopez']);
  assert.deepEqual(speakersOf('Her spokesman, Bill McAllister, said, “The governor has faith in the investigators.”'), ['Bill McAllister']);
  assert.deepEqual(speakersOf('“He should be considered armed and dangerous,” said sheriff’s spokesman Steve Whitmore.'), ['Steve Whitmore']);
  assert.deepEqual(speakersOf('“We just have to get the next one,” New Orleans coach Sean Payton said.'), ['Sean Payton']);
  assert.deepEqual(speakersOf('“The patch will ship next week,” said Microsoft spokesman Frank Shaw.'), ['Frank Shaw']);
  assert.deepEqual(speakersOf('“It is too early to see a trend,” said the vice president and chief financial officer Jim Morgan.'), ['Jim Morgan']);
  assert.deepEqual(attributions('“He is innocent,” said the lawyer for John Smith.').map(([, , id]) => id), [null]);
});

test('a speaker after the cue may be a description with the name in apposition', () => {
  assert.deepEqual(speakersOf('“Leave your homes now,” implored the fire chief, Robert King, as the water rose.'), ['Robert King']);
  assert.deepEqual(speakersOf('“The vote was rigged,” fumed Reed’s deputy, Anna Cole.'), ['Anna Cole']);
  assert.deepEqual(speakersOf('“A new era begins,” declared the chairman of the council, Peter Hale.'), ['Peter Hale']);
  // "told" right after a quote would name the listener: no speaker is read there
  assert.deepEqual(speakersOf('Mary Leeds left early. “We will appeal,” told reporters outside.').map((s) => s === 'reporters'), [false]);
});

test('a descriptive speaker read forwards ends with its sentence', () => {
  const text = 'Talks ended.\n\n“Nobody wants war,” according to a statement from the ministry.\n\nJohn Kerry met Anne Morel for an hour.';
  assert.deepEqual(speakersOf(text), ['a statement from the ministry']);
  assert.deepEqual(speakersOf('“It is over,” according to the agency. Kerry then left the room.'), ['the agency']);
});

test('"X quoted Y as saying" names Y', () => {
  assert.deepEqual(speakersOf('The BBC quoted Kevin Marsh as saying “we will consider our options carefully.”'), ['Kevin Marsh']);
});

test('an unattributed quote after a sentence led by a pronoun or a question about a person is that person\'s', () => {
  assert.deepEqual(speakersOf('Mary Jones travelled from Leeds to see the show. She wanted to see the paintings. “It is Warhol. He is a legend.”'), ['She']);
  assert.deepEqual(speakersOf('Mary Jones said she had been stuck at work. Why did she so badly want to attend? “It is Warhol. He is a legend.”'), ['she']);
});

test('"quoting X", a possessor\'s description followed by a name, and a phrase after "of" name the speaker', () => {
  const text = 'According to Yonhap news agency, quoting North Korea\'s main news agency Korean Central News Agency, the army is ready to “fight a war at any moment”.';
  assert.deepEqual(speakersOf(text), ['Korean Central News Agency']);
  // the head before "of", not the phrase after it ("its own web traffic statistics")
  const [speaker] = speakersOf('PC World’s recent analysis of its own web traffic statistics concluded, “Usually, Internet Explorer is second.”');
  assert.ok(speaker?.startsWith('PC World'), String(speaker));
});

test('a descriptive speaker read backwards leaves out a sentence-initial adverb or preposition', () => {
  assert.deepEqual(speakersOf('Sam Lee met the officials. Then my lawyer told them, “Your rules are illegal and unfair.”'), ['my lawyer']);
  assert.deepEqual(speakersOf('Talks failed. Later the company said: “We will not raise our offer again.”'), ['the company']);
});

test('cue verbs come from a broad lexicon, in any inflection, phrasal ones included', () => {
  const cases: Array<[string, string]> = [
    ['“This is the best season we have ever had,” gushed Tom Baker.', 'Tom Baker'],
    ['“Please stay indoors until the storm passes,” Anna Weber implored.', 'Anna Weber'],
    ['“They lied to us for months,” fumed Peter Novak.', 'Peter Novak'],
    ['Then David Moss blurted out: “I never signed that contract.”', 'David Moss'],
    ['“The figures were wrong from the start,” she emailed after Laura Stein read the report.', 'she'],
    ['Mark Evans praised the staff. He went on to say, “Nobody here has worked less than sixty hours a week.”', 'He'],
    ['“The line will open in spring,” the minister insists.', 'the minister'],
  ];
  for (const [text, speaker] of cases) assert.deepEqual(speakersOf(text), [speaker], text);
});

test('a question or an exclamation in marks takes the attribution after it', () => {
  assert.deepEqual(speakersOf('Tom Baker met the mayor. “Why would anyone build a road there?” he asked.'), ['he']);
  assert.deepEqual(speakersOf('“Stop the trucks now!” shouted Anna Weber from the gate.'), ['Anna Weber']);
});

test('"X said", "said X", "according to X", "X told Y" (X, never Y), "X: “…”" and "Name, Outlet: “…”"', () => {
  assert.deepEqual(attributions('“We will appeal the ruling,” Mary Leeds said.')[0].slice(1), ['Mary Leeds', 'mary-leeds']);
  assert.deepEqual(speakersOf('“We will appeal the ruling,” said Mary Leeds.'), ['Mary Leeds']);
  assert.deepEqual(speakersOf('The plant will close in June, according to Rachel Moore. “It is simply too old to run,” according to Rachel Moore.'), ['Rachel Moore']);
  assert.deepEqual(speakersOf('Mary Leeds told CNN, “We will appeal the ruling as soon as we can.”'), ['Mary Leeds']);
  assert.deepEqual(speakersOf('Mary Leeds told CNN: “We will appeal the ruling as soon as we can.”'), ['Mary Leeds']);
  assert.deepEqual(speakersOf('Ahmed Karimi: “The border stayed closed for the whole week.”'), ['Ahmed Karimi']);
  assert.deepEqual(speakersOf('Paul Green, The Daily Herald: “The council ignored every warning it was given.”'), ['Paul Green']);
  assert.deepEqual(speakersOf('Asked about the delay, base commander Bill Bodie: “We do not have to turn the page yet.”'), ['Bill Bodie']);
});

test('a cue in the passive names its agent, not its subject; "was quoted as saying" names its subject', () => {
  assert.deepEqual(speakersOf('Tom Baker was told by the police: “You must leave the building at once.”'), ['the police']);
  assert.deepEqual(speakersOf('Car sales in the US are predicted to fall. “Car makers are pulling every lever,” the report added.'), ['the report']);
  assert.deepEqual(speakersOf('Jane Park was quoted as saying, “It was a complete surprise to all of us.”'), ['Jane Park']);
});

test('a descriptive speaker keeps its own words and id null', () => {
  const cases: Array<[string, string]> = [
    ['“Our products are safe and always have been,” the company said in a statement.', 'the company'],
    ['A spokesman said, “The minister has no plans to resign over the matter.”', 'A spokesman'],
    ['The letter reads, “Your application was refused because the form was incomplete.”', 'The letter'],
    ['A village resident told AP: “The water came into the houses in the middle of the night.”', 'A village resident'],
    ['Mayor Tom Baker opened the bridge. A spokesman said, “The toll will be dropped next year.”', 'A spokesman'],
    ['Police said: “The fire is being treated as suspicious and the road is closed.”', 'Police'],
  ];
  for (const [text, speaker] of cases) {
    const [[, written, id]] = attributions(text);
    assert.deepEqual([written, id], [speaker, null], text);
  }
});

test('"he" and "she" resolve to the nearest person of their gender; otherwise to nobody', () => {
  const male = 'John Barnes met Petrina Holdsworth at the station. “The trains are late every single day,” he said.';
  assert.deepEqual(attributions(male).map(([, w, id]) => [w, id]), [['he', 'john-barnes']]);
  const female = 'John Barnes met Petrina Holdsworth at the station. “The trains are late every single day,” she said.';
  assert.deepEqual(attributions(female).map(([, w, id]) => [w, id]), [['she', 'petrina-holdsworth']]);
  const nobody = 'Petrina Holdsworth arrived at the station. “The trains are late every single day,” he said.';
  assert.deepEqual(attributions(nobody).map(([, w, id]) => [w, id]), [['he', null]]);
  const titled = 'Mrs. Jordan Blake met Mr. Robin Hale. “We signed the lease on Monday morning,” she said.';
  assert.deepEqual(attributions(titled).map(([, , id]) => id), ['jordan-blake']);
  const unnamed = 'Mayor Anna Weber visited the store. A police spokeswoman said the roads were open again. She added: “The store will open on Monday morning.”';
  assert.deepEqual(attributions(unnamed).map(([, w, id]) => [w, id]), [['She', null]]);
  const plural = 'Mary Leeds met the parents. “We want the school to stay open next year,” they said.';
  assert.deepEqual(attributions(plural).map(([, w, id]) => [w, id]), [['they', null]]);
});

test('a quote split by its attribution, or running over paragraphs, is one speaker\'s and its later pieces continue', () => {
  const split = '“The road is closed,” said Karen Holt, “and it will stay closed until Friday.”';
  const pieces = quotesOf(split);
  assert.deepEqual(pieces.map((q) => [split.slice(q.speaker!.start, q.speaker!.end), q.continues ?? false]), [['Karen Holt', false], ['Karen Holt', true]]);
  const sentences = '“The road is closed,” said Karen Holt. “It will stay closed until Friday.”';
  assert.deepEqual(quotesOf(sentences).map((q) => q.continues ?? false), [false, true]);
  const paragraphs = 'Karen Holt said:\n\n“The road is closed for the repairs.\n\n“It will stay closed until Friday.”\n\nThe mayor disagreed. “That is far too long for the shops,” said Tim Ross.';
  const chain = quotesOf(paragraphs);
  assert.deepEqual(chain.map((q) => [q.speaker?.id ?? null, q.continues ?? false]), [['karen-holt', false], ['karen-holt', true], ['tim-ross', false]]);
  const narrative = '“The road is closed,” said Karen Holt. The council met on Tuesday and then it voted twice on the budget for next year. “It will stay closed until Friday,” she added.';
  assert.deepEqual(quotesOf(narrative).map((q) => q.continues ?? false), [false, false]);
  const adding = '“The road is closed,” Karen Holt told reporters, adding that “nobody will get through before Friday.”';
  assert.deepEqual(quotesOf(adding).map((q) => [adding.slice(q.speaker!.start, q.speaker!.end), q.continues ?? false]), [['Karen Holt', false], ['Karen Holt', false]]);
});

test('a sentence ending in a colon introduces its subject\'s words', () => {
  assert.deepEqual(speakersOf('In typical fashion, she released a jokey response to the award: “I am so excited to be hosting again.”'), ['she']);
  assert.deepEqual(speakersOf('Shortly before noon, Doug McDermott sent out the following message on Twitter:\n\n“I will be returning to Creighton for my senior year.”'), ['Doug McDermott']);
  assert.deepEqual(speakersOf('It was a long wait for the verdict:\n\n“We are very relieved that it is finally over.”'), [null]);
});

test('a stray mark at the end of a line continues nothing', () => {
  const text = 'Mary Leeds spoke first. “The vote is over,” she said. The result is final “\n“This campaign stood out for its openness,” an election official told reporters.';
  assert.deepEqual(quotesOf(text).map((q) => [text.slice(q.speaker!.start, q.speaker!.end), q.continues ?? false]), [['she', false], ['an election official', false]]);
});

test('an unattributed quote opening a paragraph is the previous paragraph\'s speaker', () => {
  const text = '“The results surprised us,” Professor Alan Reed said.\n\n“We expected far fewer cases in the north of the country.”';
  assert.deepEqual(attributions(text).map(([, w]) => w), ['Professor Alan Reed', 'Professor Alan Reed']);
  const about = 'Senator Bob Corker was also unhappy about the vote.\n\n“We were about three words away from a deal.”';
  assert.deepEqual(attributions(about).map(([, w]) => w), ['Senator Bob Corker']);
  const quotedCue = 'Tom Baker called it “a long war, in which Anna Weber said nothing at all.”\n\n“It is not over yet.”';
  assert.deepEqual(attributions(quotedCue).map(([, w]) => w), ['Tom Baker', 'Tom Baker']);
  const unrelated = 'The bridge was closed for the whole week.\n\n“We were about three words away from a deal.”';
  assert.deepEqual(attributions(unrelated).map(([, w]) => w), [null]);
});

test('titles of works, scare quotes, nicknames, single terms and markup attributes are not quotes', () => {
  const text = 'She wrote the book "Scarne on Card Tricks" in 1950. The so-called "peace dividend" never came. '
    + 'Boxer Kevin "The Mauler" Smith won. He was granted "parole" last year. '
    + '<blockquote class="twitter-tweet" data-lang="en" id="tweet-4411" author="@maria_l Maria Lopez"><p>hi</p></blockquote> '
    + 'The team named their robot "Robogee the Great". Podcasts are "free as in beer" here. '
    + '“This is a real quote from a real speaker,” Mary Leeds said.';
  assert.deepEqual(quotesOf(text).map((q) => q.text), ['“This is a real quote from a real speaker,”']);
});

test('single curly marks, as British news writes quotes; apostrophes and quotes inside double marks are no marks', () => {
  const text = '‘We don’t accept the council’s decision,’ said Mary Leeds. “It is a ‘final’ offer that nobody can accept,” her lawyer said. Tom Baker said: ‘The parents’ views were ignored.’';
  assert.deepEqual(attributions(text).map(([q, w]) => [q, w]), [
    ['‘We don’t accept the council’s decision,’', 'Mary Leeds'],
    ['“It is a ‘final’ offer that nobody can accept,”', 'her lawyer'],
    ['‘The parents’ views were ignored.’', 'Tom Baker'],
  ]);
});

test('a short phrase in marks counts as a quote inside reported speech', () => {
  const text = 'Mary Leeds said the delay was “simply not acceptable” and called for an inquiry.';
  assert.deepEqual(attributions(text), [['“simply not acceptable”', 'Mary Leeds', 'mary-leeds']]);
  const two = 'Mary Leeds said the plan was “simply not acceptable” and “a betrayal of trust”.';
  assert.deepEqual(attributions(two).map(([q, , id]) => [q, id]), [['“simply not acceptable”', 'mary-leeds'], ['“a betrayal of trust”', 'mary-leeds']]);
});

test('an inlay hint names the person a pronoun resolves to, and shows nothing for an unresolved one', () => {
  const text = 'Petrina Holdsworth arrived at the station. “The trains are late every single day,” he said. John Barnes waited. “It is worse in winter,” he said.';
  const document = analyzeDocument('hints.txt', text);
  const hints = inlayHints(document, { start: 0, end: text.length }, { dates: false, speakers: true });
  assert.deepEqual(hints.map((hint) => [text.slice(hint.offset - 2, hint.offset), hint.label]), [['he', 'John Barnes']]);
});

test('inlay hints read the pronouns from the quote data: "it" names the organization it resolves to', () => {
  const text = 'The European Commission ruled on Tuesday. “The merger would harm buyers across the union,” it said.';
  const document = analyzeDocument('hints.txt', text);
  const hints = inlayHints(document, { start: 0, end: text.length }, { dates: false, speakers: true });
  assert.deepEqual(hints.map((hint) => [text.slice(hint.offset - 2, hint.offset), hint.label]), [['it', 'European Commission']]);
});

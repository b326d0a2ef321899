import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDates } from '../../server/src/core/extract/dates';
import { inferDocumentDate } from '../../server/src/core/extract/date-inference';
import { analyzeDocument } from '../../server/src/core/analyze';
import { buildTimeline } from '../../server/src/core/index/timeline';
import type { DateMention, Span } from '../../server/src/core/types';

// Run from the project root (the bundled test lives elsewhere), or from its source folder.
const SEEDS_DIR = [join(process.cwd(), 'seeds'), join(__dirname, '..', '..', 'seeds')].find((dir) => existsSync(dir))!;
const seed = (name: string) => readFileSync(join(SEEDS_DIR, name), 'utf8');

function run(text: string, documentDate: string | null, noise: Span[] = [], bodyStart = 0): DateMention[] {
  return extractDates({ text, documentDate, bodyStart, noise });
}
/** [text, value] pairs, in order. */
const pairs = (mentions: DateMention[]) => mentions.map((m) => [m.text, m.value]);
const one = (text: string, documentDate: string | null) => {
  const found = run(text, documentDate);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}: ${JSON.stringify(pairs(found))}`);
  return found[0];
};

function readSeed(prefix: string): string {
  const names = ['000_c30909410dccb984.txt', '001_9db23b1dc76ea43b.txt', '002_4dfe93347b0ca329.txt', '003_a8a8b5ddc81d522f.txt', '004_3200b12363fb0499.txt'];
  return seed(names.find((n) => n.startsWith(prefix))!);
}

test('seed 003 (dated 2015-05-06): Tuesday and last week resolve against the document date', () => {
  const text = readSeed('003');
  const found = run(text, '2015-05-06');
  const tuesday = found.find((d) => d.text === 'Tuesday')!;
  assert.equal(tuesday.value, '2015-05-05');
  assert.equal(tuesday.type, 'date');
  assert.equal(tuesday.resolution, 'relative to the document date (2015-05-06)');
  assert.equal(text.slice(tuesday.start, tuesday.end), 'Tuesday');
  assert.equal(text.indexOf('Tuesday that'), tuesday.start);
  const lastWeek = found.find((d) => d.text === 'last week')!;
  assert.equal(lastWeek.value, '2015-W18');
  const dateline = found.find((d) => d.text === 'May 6, 2015' && d.start === text.indexOf('May 6, 2015 -'))!;
  assert.equal(dateline.value, '2015-05-06');
  assert.equal(dateline.resolution, 'absolute');
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
});

test('seed 004 (undated): partial dates stay unresolved and infer no document date', () => {
  const text = readSeed('004');
  const found = run(text, null);
  assert.deepEqual(pairs(found), [
    ['February 13', 'XXXX-02-13'], ['2014', '2014'], ['February 13', 'XXXX-02-13'], ['February 14-15', 'XXXX-02-14'],
    ['July', 'XXXX-07'], ['Years', 'PXY'], ['2004', '2004'],
  ]);
  const years = found.find((d) => d.text === 'Years')!;
  assert.equal(years.start, text.indexOf('Years of experience'));
  assert.equal(years.type, 'duration');
  assert.equal(found[0].start, text.indexOf('February 13'));
  assert.equal(found[0].resolution, 'unresolved: the document has no date');
  assert.equal(inferDocumentDate(found), null);
});

test('seed 000: media player timestamps are not dates; "last May" stays unresolved without a date', () => {
  const text = readSeed('000');
  const found = run(text, null);
  assert.ok(!found.some((d) => /0:0/.test(d.text)), JSON.stringify(pairs(found)));
  // Without the noise finder, the repeated teaser paragraph is read twice.
  // "now" and "currently" are TimeML PRESENT_REF (ANNOTATION.md); the pipeline drops the one in the media-player noise.
  assert.deepEqual(pairs(found), [
    ['recent months', 'PXM'], ['recent months', 'PXM'], ['currently', 'PRESENT_REF'], ['last May', 'XXXX-05'], ['now', 'PRESENT_REF'],
  ]);
  assert.ok(found[0].resolution.startsWith('approximate'));
  assert.equal(inferDocumentDate(found), null);
  assert.deepEqual(run('0:00 0:03:35 0:00', '2016-02-18'), []);
});

test('seed 001 (dated 2016-02-18): durations, months and approximate periods', () => {
  const text = readSeed('001');
  // The document's date closes a photo caption, so the document is of that day or later ("in March" is 2016-03).
  const found = extractDates({ text, documentDate: '2016-02-18', documentDateIsEarliest: true, bodyStart: 0, noise: [] });
  // A vague quantity keeps its unit and an X for the number (TimeML "PXW"); "right now" is PRESENT_REF.
  assert.deepEqual(pairs(found), [
    ['Feb. 18, 2016', '2016-02-18'], ['The last few weeks', 'PXW'], ['The last few weeks', 'PXW'], ['currently', 'PRESENT_REF'],
    ['March', '2016-03'], ['earlier this year', '2016'], ['right now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'],
  ]);
  assert.equal(found[1].type, 'duration');
  assert.equal(found[1].start, text.indexOf('The last few weeks'));
  assert.ok(found.find((d) => d.text === 'earlier this year')!.resolution.startsWith('approximate'));
});

test('seed 002 (undated): yesterday evening and last week keep X placeholders', () => {
  const found = run(readSeed('002'), null);
  const evening = found.find((d) => d.text === 'yesterday evening')!;
  assert.equal(evening.type, 'time');
  assert.equal(evening.value, 'XXXX-XX-XXTEV');
  assert.equal(found.find((d) => d.text === 'last week')!.value, 'XXXX-WXX');
  assert.equal(found.find((d) => d.text === 'Every day')!.type, 'set');
  assert.equal(inferDocumentDate(found), null);
  // "now" is PRESENT_REF; other deictic adverbs ("recently", "in recent times") are not dates.
  assert.deepEqual(pairs(found), [
    ['yesterday evening', 'XXXX-XX-XXTEV'], ['now', 'PRESENT_REF'], ['Every day', 'P1D'], ['now', 'PRESENT_REF'], ['last week', 'XXXX-WXX'],
  ]);
});

test('relative days and parts of the day', () => {
  assert.equal(one('Obama said yesterday evening that', '2015-05-06').value, '2015-05-05TEV');
  assert.equal(one('He spoke Tuesday morning.', '2015-05-06').value, '2015-05-05TMO');
  assert.equal(one('It rained last night.', '2015-05-06').value, '2015-05-05TNI');
  assert.equal(one('We leave tomorrow.', '2015-05-06').value, '2015-05-07');
  assert.equal(one('The talks will resume on Friday.', '2015-05-06').value, '2015-05-08');
  assert.equal(one('The talks ended on Friday.', '2015-05-06').value, '2015-05-01');
  assert.equal(one('He spoke Tuesday.', null).value, 'XXXX-WXX-2');
  assert.equal(one('We met last Friday.', '2015-05-06').value, '2015-05-01');
  assert.equal(one('They meet next Monday.', '2015-05-06').value, '2015-05-11');
});

test('weeks, months, years and seasons relative to the document date', () => {
  assert.equal(one('He arrived last week.', '2015-05-06').value, '2015-W18');
  assert.equal(one('He arrives next week.', '2015-05-06').value, '2015-W20');
  assert.equal(one('killed since last May', '2016-03-01').value, '2015-05');
  assert.equal(one('It opened in March.', '2015-05-06').value, '2015-03');
  assert.equal(one('It opened in March.', null).value, 'XXXX-03');
  assert.equal(one('earlier this year', '2015-05-06').value, '2015');
  assert.equal(one('earlier this month', '2015-05-06').resolution.slice(0, 11), 'approximate');
  assert.equal(one('She left last year.', '2015-05-06').value, '2014');
  assert.equal(one('this summer', '2015-05-06').value, '2015-SU');
  assert.equal(one('We met this weekend.', '2015-05-06').value, '2015-W19-WE');
  assert.equal(one('two years ago', '2015-05-06').value, '2013');
  assert.equal(one('three days ago', '2015-05-06').value, '2015-05-03');
  assert.equal(one('last week', null).value, 'XXXX-WXX');
  assert.equal(one('the last quarter', '2015-05-06').type, 'duration');
  assert.equal(one('last quarter', '2015-05-06').value, '2015-Q1');
});

test('absolute dates in common forms', () => {
  assert.equal(one('on May 6, 2015, officials said', null).value, '2015-05-06');
  assert.equal(one('on 13 February 2013', null).value, '2013-02-13');
  assert.equal(one('Dec. 31 , 1994', null).value, '1994-12-31');
  assert.equal(one('the 4th of July, 1995', null).value, '1995-07-04');
  assert.equal(one('in April 2011', null).value, '2011-04');
  assert.equal(one('on 2015-05-06', null).value, '2015-05-06');
  assert.equal(one('on 5/3/2018', null).value, '2018-05-03');
  assert.equal(one('The coalition formed in 2014.', null).value, '2014');
  assert.equal(one('in the 1990s', null).value, '199');
  assert.equal(one('Tuesday, December 9, 2008', null).value, '2008-12-09');
  assert.equal(one('February 13', '2018-02-20').value, '2018-02-13');
  assert.equal(one('February 13', null).value, 'XXXX-02-13');
  assert.equal(one('Feb 29', '2017-03-22').value, 'XXXX-02-29');
});

test('times, durations and sets', () => {
  assert.equal(one('at 10:30 a.m. on Tuesday', '2015-05-06').value, '2015-05-05T10:30');
  assert.equal(one('tomorrow at 8am', '2015-05-06').value, '2015-05-07T08');
  assert.equal(one('a meeting at 3pm', '2015-05-06').value, 'T15');
  assert.deepEqual(pairs(run("Let's meet one in the morning together", null)), [['one in the morning', 'T01']]);
  assert.deepEqual(pairs(run("I'll take the one in the morning", null)), [['in the morning', 'TMO']]);
  const weeks = one('over the last few weeks', '2015-05-06');
  assert.deepEqual([weeks.text, weeks.type, weeks.value], ['the last few weeks', 'duration', 'PXW']);
  assert.deepEqual(pairs(run('in the past few weeks', '2015-05-06')), [['the past few weeks', 'PXW']]);
  assert.deepEqual(pairs(run('for several days', null)), [['several days', 'PXD']]);
  assert.deepEqual(pairs(run('a couple of months', null)), [['a couple of months', 'P2M']]);
  assert.deepEqual(pairs(run('They have waited for years.', null)), [['years', 'PXY']]);
  assert.deepEqual(pairs(run('after decades of war', null)), [['decades', 'PXDE']]);
  assert.deepEqual(pairs(run('2,000 years of history', null)), []);
  assert.deepEqual(pairs(run('a few years ago', '2015-05-06')), [['a few years ago', 'PAST_REF']]);
  assert.deepEqual(pairs(run('the last two quarters', '2015-05-06')), [['the last two quarters', 'P6M']]);
  assert.equal(one('for three years', null).value, 'P3Y');
  assert.equal(one('It lasted 90 minutes.', null).value, 'PT90M');
  const tuesdays = one('They meet every Tuesday.', '2015-05-06');
  assert.deepEqual([tuesdays.type, tuesdays.value], ['set', 'XXXX-WXX-2']);
  assert.equal(one('a weekly meeting', null).value, 'P1W');
});

test('deictic adverbs other than the present are not dates; the present is PRESENT_REF (TimeML)', () => {
  for (const phrase of ['recently', 'so far', 'anytime', 'at the same time', 'in recent times', 'lately', 'in the past']) {
    assert.deepEqual(run(`They are ${phrase} fighting.`, '2015-05-06'), [], phrase);
  }
  for (const phrase of ['now', 'right now', 'currently', 'at present', 'at the moment', 'nowadays']) {
    assert.deepEqual(pairs(run(`They are ${phrase} fighting.`, '2015-05-06')), [[phrase, 'PRESENT_REF']], phrase);
  }
  assert.deepEqual(run('Now that the war is over, they left.', '2015-05-06'), []);
  assert.deepEqual(pairs(run('three days from now', '2015-05-06')), [['three days from now', '2015-05-09']]);
});

test('numbers that are not dates', () => {
  assert.deepEqual(run('More than 2000 troops and 1500 police arrived.', '2015-05-06'), []);
  assert.deepEqual(run('It cost $12 and rose 6.45 percent.', '2015-05-06'), []);
  assert.deepEqual(run('More than 3,700 airstrikes and 10,000 strikes', '2015-05-06'), []);
  assert.deepEqual(run('It may rain. March on, they said.', '2015-05-06'), []);
  assert.deepEqual(run('https://example.com/a/2014-3?id=1687-4', null), []);
  assert.deepEqual(run('Person of the Year', '2015-05-06'), []);
});

test('fractions, spelled numbers and decimals are not dates', () => {
  for (const text of ['1/4', '3/4', '-4/5', '2  1/4', 'a 1/4 mile paved oval', 'A mouse can get through a 1/4 inch gap',
    'sold 3/4 of the shares', 'about 1/40 of the wavelength']) {
    assert.deepEqual(pairs(run(text, null)), [], text);
  }
  for (const text of ['two hundred and two thousand', '1 over twenty-one', '1 over one hundred and twenty one',
    'per cent of twenty-two', 'three quarters', 'five and a quarter', 'one hundred and three quarters', '2000 over 3']) {
    assert.deepEqual(pairs(run(text, null)), [], text);
  }
  for (const text of ['a size of 2.123 pm.', 'is at 1,500,000 kilometres', 'net fell 2 % or $ 1.40 a share',
    'I want a gallon of beer, and 3 to 4 L of wine', 'zones are quite high, from 7 to 10, as shown below']) {
    assert.deepEqual(pairs(run(text, null)), [], text);
  }
  // The same shapes with what makes them dates.
  assert.deepEqual(pairs(run('2/29', null)), [['2/29', 'XXXX-02-29']]);
  assert.deepEqual(pairs(run('We meet on 1/4.', null)), [['1/4', 'XXXX-01-04']]);
  assert.deepEqual(pairs(run('Friday 3/4', null)), [['Friday 3/4', 'XXXX-03-04']]);
  assert.deepEqual(pairs(run('They left in nineteen ninety six and came back in two thousand and fifteen', null)),
    [['nineteen ninety six', '1996'], ['two thousand and fifteen', '2015']]);
  assert.deepEqual(pairs(run('profits fell for three quarters', '2015-05-06')), [['three quarters', 'P9M']]);
  assert.deepEqual(pairs(run('In 2000 over 300 people left.', null)), [['2000', '2000']]);
  assert.deepEqual(pairs(run('It arrived at 2.13 am.', null)), [['2.13 am', 'T02:13']]);
  // A full stop is not part of the span; the period of an abbreviation is.
  assert.deepEqual(pairs(run('He has lost his pen 7 times since Monday.', null)), [['Monday', 'XXXX-WXX-1']]);
  assert.deepEqual(pairs(run('They met at 10:30 a.m.', null)), [['10:30 a.m.', 'T10:30']]);
  assert.deepEqual(pairs(run('They met on Tues.', null)), [['Tues.', 'XXXX-WXX-2']]);
});

test('noise spans and the body start are respected; offsets are UTF-16', () => {
  const text = 'News | May 6, 2015\n\n“Tuesday” 😀 on May 7, 2015 they met.';
  const noise = [{ start: 0, end: 18 }];
  const found = run(text, '2015-05-06', noise);
  assert.deepEqual(pairs(found), [['Tuesday', '2015-05-05'], ['May 7, 2015', '2015-05-07']]);
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  const withBody = run(text, '2015-05-06', [], text.indexOf('“'));
  assert.equal(withBody.length, 2);
  assert.equal(withBody[1].start, text.indexOf('May 7'));
});

test('PRESENT_REF is a date mention but stays off the timeline', () => {
  const analysis = analyzeDocument('x.txt', '---\ndate: 2015-05-06\n---\nThe army is now in Ramadi. It took the city on Tuesday.\n');
  assert.deepEqual(analysis.dates.map((d) => [d.text, d.type, d.value]), [['now', 'date', 'PRESENT_REF'], ['Tuesday', 'date', '2015-05-05']]);
  assert.deepEqual(buildTimeline([analysis]).map((event) => event.date), ['2015-05-05']);
});

test('both ends of a range of years', () => {
  assert.deepEqual(pairs(run('The 2009-2010 season was long.', null)), [['2009', '2009'], ['2010', '2010']]);
  assert.deepEqual(pairs(run('In the 2009-10 season he scored.', null)), [['2009', '2009'], ['10', '2010']]);
});

test('the end of a range placed by tense alone comes after its start; a rescheduled date may come first', () => {
  assert.deepEqual(pairs(run('The festival runs from Monday to Wednesday.', '2015-03-10')), [['Monday', '2015-03-09'], ['Wednesday', '2015-03-11']]);
  assert.deepEqual(pairs(run('Sales between November and January fell.', '2015-10-10')), [['November', '2014-11'], ['January', '2015-01']]);
  assert.deepEqual(pairs(run('Sales between January and May rose, the firm said.', '2015-03-10')), [['January', '2015-01'], ['May', '2015-05']]);
  assert.deepEqual(pairs(run('The talks ran from Friday to Monday.', '2015-03-10')), [['Friday', '2015-03-06'], ['Monday', '2015-03-09']]);
  assert.deepEqual(pairs(run('The vote was moved from Wednesday to Monday.', '2015-03-13')), [['Wednesday', '2015-03-11'], ['Monday', '2015-03-09']]);
  assert.deepEqual(pairs(run('Output fell from May to last March.', '2015-06-10')), [['May', '2015-05'], ['last March', '2015-03']]);
});

test('tense places a month or weekday without a year', () => {
  assert.equal(one('The vote was held in July.', '2015-03-10').value, '2014-07');
  assert.equal(one('The vote will be held in July.', '2015-03-10').value, '2015-07');
  assert.equal(one('The vote will be held in February.', '2015-03-10').value, '2016-02');
  assert.equal(one('The vote was postponed until Saturday.', '2015-05-06').value, '2015-05-09');
  assert.equal(one("I'll go back Tuesday.", '2015-05-06').value, '2015-05-12');
  // a regular past after a noun subject or a name, not only after a pronoun; not an adjective after "the"
  assert.equal(one('In December, the minister resigned.', '2015-03-10').value, '2014-12');
  assert.equal(one('In July the new plant opened.', '2015-03-10').value, '2014-07');
  assert.equal(one('Smith resigned in November.', '2015-03-10').value, '2014-11');
  // a past participle the date modifies, whatever the rest of the sentence says; not a passive infinitive
  assert.equal(one('The bill, introduced in January, is expected to pass.', '2015-03-10').value, '2015-01');
  assert.equal(one('The bill, introduced in April, is expected to pass.', '2015-03-10').value, '2014-04');
  assert.equal(one('The bill needs to be introduced in January.', '2015-03-10').value, '2015-01');
  assert.equal(one('A ruling is expected in February and will be final.', '2015-03-10').value, '2016-02');
  // an irregular past, with no subject pronoun or determiner before it
  assert.equal(one('Government troops withdrew in July.', '2015-03-10').value, '2014-07');
  assert.equal(one('Thousands fled in November.', '2015-03-10').value, '2014-11');
  assert.equal(one('The expected vote is in July.', '2015-03-10').value, '2015-07');
  // a scheduled end in the present tense looks ahead, as a scheduled start does
  assert.equal(one('Voting closes at 8pm on Sunday.', '2015-05-06').value, '2015-05-10T20');
  // the full stop of an abbreviation ends no sentence, so the tense before it still counts ("3 p.m.", "Jan.", "U.S.")
  assert.equal(one('The meeting starts at 3 p.m. local time on Thursday.', '2015-03-10').value, '2015-03-12T15');
  assert.equal(one('The U.S. team will play on Friday.', '2015-03-10').value, '2015-03-13');
  assert.equal(one('On Jan. 12 the court will rule.', '2015-03-10').value, '2016-01-12');
  // ... unless a capitalized function word starts the next sentence, which then neither takes the tense nor joins the date
  assert.equal(one('The talks were held in the U.S. The final round is in July.', '2015-03-10').value, '2015-07');
  assert.deepEqual(pairs(run('The meeting ended at 5 p.m. On Friday, the team will play.', '2015-03-10')), [['5 p.m.', 'T17'], ['Friday', '2015-03-13']]);
  assert.deepEqual(pairs(run('Checks into rehab Fri., May. 3, 2013 11:45 AM PDT', null)), [['Fri., May. 3, 2013 11:45 AM PDT', '2013-05-03T11:45']]);
  // a clock time and weekday confirmed by the calendar date after them
  assert.deepEqual(pairs(run('The Falcons will face the Saints at 8 p.m. Saturday, Jan. 15 at the Georgia Dome.', '2011-01-05')), [['8 p.m. Saturday, Jan. 15', '2011-01-15T20']]);
  // a date closing a photo caption, or inferred from a dated mention, is the earliest the document can be: a past
  // month after it keeps its year; a dateline dates the document itself
  const caption = 'Islamic State fighters sit on a pickup truck while being held as prisoners by fighters of the Syrian Democratic Forces near Ash Shaddadi, Hasakah province, Syria, Feb. 18, 2016.';
  const story = '\n\nLeaders were killed by U.S. forces in March.\n';
  const captioned = analyzeDocument('x.txt', `Momentum builds\n\n${caption}${story}`);
  assert.equal(captioned.metadata.date.value, '2016-02-18');
  assert.equal(captioned.dates.find((d) => d.text === 'March')?.value, '2016-03');
  const inferred = analyzeDocument('x.txt', `Momentum builds\n\nThe raid came on Thursday, Feb. 18, 2016, officials said.${story}`);
  assert.deepEqual(inferred.metadata.date, { value: '2016-02-18', source: 'inferred' });
  assert.equal(inferred.dates.find((d) => d.text === 'March')?.value, '2016-03');
  const datelined = analyzeDocument('x.txt', `Momentum builds\n\nFeb. 18, 2016${story}`);
  assert.equal(datelined.metadata.date.value, '2016-02-18');
  assert.equal(datelined.dates.find((d) => d.text === 'March')?.value, '2015-03');
  // a duration before "earlier" is no date without an anchor
  const earlier = one('About a month earlier, the army withdrew.', '2015-05-06');
  assert.deepEqual([earlier.type, earlier.value], ['duration', 'P1M']);
});

test('a document naming more years than a call takes arguments still gets its inferred date', () => {
  const weekdayDate = { start: 0, end: 26, text: 'Tuesday, December 9, 2008', value: '2008-12-09', type: 'date', resolution: 'absolute' } as DateMention;
  const year = { start: 30, end: 34, text: '2008', value: '2008', type: 'date', resolution: 'absolute' } as DateMention;
  // A 20 MB article names hundreds of thousands of years; spreading them into Math.max overflowed the stack.
  const dates = [weekdayDate, ...Array.from({ length: 300_000 }, () => year)];
  assert.equal(inferDocumentDate(dates), '2008-12-09');
  assert.equal(inferDocumentDate([weekdayDate, { ...year, text: '2012', value: '2012' }]), null);
});

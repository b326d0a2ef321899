import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeDocument } from '../../server/src/core/analyze';
import { readFrontMatter } from '../../server/src/core/text/front-matter';
import { splitSentences } from '../../server/src/core/text/sentences';
import { seedPath, SEEDS } from '../support/repo';

const seed = (name: string) => fs.readFileSync(seedPath(name), 'utf8');

test('front matter gives title, date, publisher, author and url, and the body starts after it', () => {
  const text = '---\ntitle: "Talks resume"\ndate: 2016-02-12\nsource: Example Wire\nurl: https://example.org/a\nauthor: Ann Lee\n---\nTalks resumed on Tuesday.\n';
  const document = analyzeDocument('a.txt', text);
  assert.equal(document.metadata.title, 'Talks resume');
  assert.deepEqual(document.metadata.date, { value: '2016-02-12', source: 'front-matter' });
  assert.equal(document.metadata.publisher, 'Example Wire');
  assert.equal(document.metadata.author, 'Ann Lee');
  assert.equal(document.metadata.url, 'https://example.org/a');
  assert.equal(text.slice(document.metadata.bodyStart), 'Talks resumed on Tuesday.\n');
});

test('front matter with CRLF line ends and a malformed line is still read, the bad line reported', () => {
  const frontMatter = readFrontMatter('---\r\ndate: 2015-05-06\r\nthis is not a pair\r\n---\r\nBody');
  assert.ok(frontMatter);
  assert.equal(frontMatter.fields.date, '2015-05-06');
  assert.deepEqual(frontMatter.problems, ['this is not a pair']);
  assert.equal(readFrontMatter('---\ndate: 2015-05-06\nno closing line'), null);
});

test('the dateline dates 003 and its headline is the title; its byline names the author and publisher', () => {
  const document = analyzeDocument(SEEDS.centcom, seed(SEEDS.centcom));
  assert.equal(document.metadata.date.value, '2015-05-06');
  assert.equal(document.metadata.date.source, 'text');
  assert.equal(document.metadata.title, 'ISIL losing ground, forced into defensive position, CJTF-OIR official says');
  assert.equal(document.metadata.author, 'John Redfield');
  assert.equal(document.metadata.publisher, 'U.S. Central Command');
});

test('000 has no date in its text and stays undated; its title is the headline, not the menu', () => {
  const document = analyzeDocument(SEEDS.kerry, seed(SEEDS.kerry));
  assert.deepEqual(document.metadata.date, { value: null, source: 'none' });
  assert.equal(document.metadata.title, 'Kerry on Winning the Fight Against ISIL');
});

test('002 names its publisher through its archive notice and its author through the closing credit', () => {
  const document = analyzeDocument(SEEDS.obama, seed(SEEDS.obama));
  assert.equal(document.metadata.publisher, 'U.S. Department of Defense');
  assert.equal(document.metadata.author, 'Jim Garamone');
  assert.equal(document.metadata.title, 'Counter-ISIL Campaign Continues, President Says');
});

test('004 keeps "With reporting by" as a credit, not as noise', () => {
  const text = seed(SEEDS.tillerson);
  const document = analyzeDocument(SEEDS.tillerson, text);
  const credit = document.metadata.credits.find((span) => span.text.startsWith('With reporting by'));
  assert.ok(credit);
  assert.ok(!document.noise.some((noise) => noise.start <= credit.start && credit.start < noise.end));
});

test('noise in 000: furniture, player widget, timestamps, layout markers and repeated lines; article text untouched', () => {
  const text = seed(SEEDS.kerry);
  const document = analyzeDocument(SEEDS.kerry, text);
  const flagged = document.noise.map((noise) => `${noise.reason}:${text.slice(noise.start, noise.end)}`);
  for (const line of ['Accessibility links', 'Breaking News', 'please wait', 'No media source currently available', '0:00 0:03:35 0:00',
    'Direct link', 'XS', 'SM', 'MD', 'LG']) assert.ok(flagged.includes(`boilerplate:${line}`), `${line} not flagged`);
  assert.equal(flagged.filter((entry) => entry === 'duplicate:Kerry on Winning the Fight Against ISIL').length, 1);
  assert.equal(flagged.filter((entry) => entry === 'duplicate:Some 10,000 Coalition airstrikes assisted in making these victories possible.').length, 2);
  assert.ok(flagged.includes('duplicate:In recent months, the strategy to ultimately defeat ISIL has begun to reap rewards.'));
  const paragraph = text.indexOf('Some 10,000 Coalition airstrikes assisted in making these victories possible. These sorties');
  assert.ok(!document.noise.some((noise) => noise.start <= paragraph && paragraph < noise.end), 'the full paragraph was flagged');
  assert.equal(document.noise.length, 14);
});

test('noise in 002 and 003: government banners and the archive notice', () => {
  for (const name of [SEEDS.obama, SEEDS.centcom]) {
    const text = seed(name);
    const document = analyzeDocument(name, text);
    const flagged = document.noise.map((noise) => text.slice(noise.start, noise.end));
    assert.ok(flagged.some((line) => line.startsWith('An official website of the United States')), name);
    assert.ok(flagged.some((line) => line.startsWith('A lock (')), name);
  }
});

test('empty, whitespace-only and CRLF documents analyse without error', () => {
  assert.equal(analyzeDocument('e.txt', '').noise.length, 0);
  assert.equal(analyzeDocument('w.txt', ' \n\n\t').metadata.title, null);
  const crlf = analyzeDocument('c.txt', 'Accessibility links\r\n\r\nA headline\r\n\r\nSome text here.\r\n');
  assert.equal(crlf.metadata.title, 'A headline');
  assert.equal(crlf.text.slice(crlf.noise[0].start, crlf.noise[0].end), 'Accessibility links');
});

test('sentences split at full stops but not after titles, initials or U.S.', () => {
  const text = 'Brig. Gen. Thomas Weidley spoke. U.S. forces left on Feb. 18. Then "We go," he said.\n\nNew paragraph';
  const sentences = splitSentences(text).map((span) => text.slice(span.start, span.end));
  assert.deepEqual(sentences, ['Brig. Gen. Thomas Weidley spoke.', 'U.S. forces left on Feb. 18.', 'Then "We go," he said.', 'New paragraph']);
});

// Page tops below are copied from ECB+ development documents (CC-BY 3.0), shortened.
const page = (url: string | null, ...lines: string[]) => `${url ? `---\nurl: "${url}"\n---\n` : ''}${lines.join('\n')}\n`;
const dateOf = (text: string) => analyzeDocument('p.txt', text).metadata.date;

test('the timestamp under the headline dates the page, not a background date in the body', () => {
  const quake = page(null, 'Strong quake hits Aceh', 'July 03, 2013 6:22AM',
    'In September 2009 a major earthquake killed more than 1,100 people in West Sumatra.', 'The quake struck on Tuesday.');
  assert.deepEqual(dateOf(quake), { value: '2013-07-03', source: 'text', span: { start: quake.indexOf('July 03'), end: quake.indexOf('July 03') + 'July 03, 2013'.length } });
  for (const [line, value] of [['First Published: June 13, 2013 4:59 PM EDT', '2013-06-13'], ['UPDATED 3:09 AM EST Dec 19, 2008', '2008-12-19'],
    ['26 September 2013, 10:00 (GMT+05:00)', '2013-09-26'], ['Published: 2012.08.08 09:01 AM', '2012-08-08'], ['Sat Nov 12 2011, 01:19 hrs', '2011-11-12'],
    ['Last updated 13:26 14/09/2013', '2013-09-14'], ['Article posted on 08.07.2012', '2012-07-08'], ['FOR IMMEDIATE RELEASE July 13, 2009', '2009-07-13'],
    ['Washington D.C., Jul 13, 2009/02:00 pm (CNA)', '2009-07-13'], ['(March 20, 2007) --', '2007-03-20'], ['Sunday, November 27-2005 at 16:12', '2005-11-27']]) {
    assert.equal(dateOf(page(null, 'A headline', line, 'Police said on Monday that 12 people had died.')).value, value, line);
  }
});

test('a date in the url dates the page when no line does, and picks the reading of an ambiguous numeric date', () => {
  assert.deepEqual(dateOf(page('http://www.alaskapublic.org/2012/08/07/matanuska-maid-building-burns-down/', 'Matanuska Maid building burns down', 'A fire destroyed the building.')),
    { value: '2012-08-07', source: 'front-matter' });
  assert.equal(dateOf(page('http://articles.latimes.com/2005/jun/26/local/me-deputy26', 'Suspect found', 'Police found him.')).value, '2005-06-26');
  assert.equal(dateOf(page('http://www.presstelegram.com/technology/20070503/judge-sentences', 'Sentenced', 'The judge spoke.')).value, '2007-05-03');
  assert.equal(dateOf(page('http://news4allz.blogspot.nl/2010/09/kraft-shooting.html', 'Kraft shooting', '11/09/2010', 'She was charged.')).value, '2010-09-11');
  assert.equal(dateOf(page(null, 'Kraft shooting', '11/09/2010', 'She was charged.')).value, '2010-11-09');
  // A month and day without a year is kept for the story to place.
  const yearless = dateOf(page('http://bigstory.ap.org/article/klitschko-retains-belts', 'KLITSCHKO RETAINS BELTS', 'Jul. 7 5:59 PM EDT', 'Klitschko won.'));
  assert.equal(yearless.value, null);
  assert.equal(yearless.monthDay, '07-07');
});

test('an inferred date never comes from background history; a full date with its right weekday may date the page', () => {
  assert.deepEqual(dateOf(page(null, 'Felt dies at 95', 'Felt revealed in May 2005 that he was Deep Throat.', 'The break-in happened on June 17, 1972.')),
    { value: null, source: 'none' });
  assert.equal(dateOf(page(null, 'Reid in rehab', 'The actress checked in on Tuesday, December 9, 2008, her publicist said.')).value, '2008-12-09');
  // The weekday is wrong for that day: not read as the day reported.
  assert.equal(dateOf(page(null, 'Reid in rehab', 'The actress checked in on Monday, December 9, 2008, her publicist said.')).value, null);
});

test('titles are never a timestamp, a dateline or a clock time; a headline asking a question is the title', () => {
  const title = (...lines: string[]) => analyzeDocument('t.txt', page(null, ...lines)).metadata.title;
  assert.equal(title('21 July 2013 Last updated at 11:11 GMT', 'Waitrose fire in Wellington town centre tackled', 'Crews tackled a blaze.'),
    'Waitrose fire in Wellington town centre tackled');
  assert.equal(title('11 November 2011 Last updated at 12:41 GMT', 'Pirates foiled', 'The navy said.'), 'Pirates foiled');
  assert.equal(title('8:24am:', 'Sox make offer', 'The Red Sox made an offer.'), 'Sox make offer');
  assert.equal(title('Arson in Alaska–A Palin “Pattern”?', 'November 20, 2012', 'There is an old saying.'), 'Arson in Alaska–A Palin “Pattern”?');
  assert.equal(title('Will the coalition hold?', 'Leaders met on Monday.'), 'Will the coalition hold?');
});

test('a weekday date is history when the document names a later year', () => {
  assert.equal(dateOf(page(null, 'Felt dies', 'The break-in was reported on Tuesday, Oct. 10, 1972, by the Post.', 'He revealed his role on May 31, 2005.')).value, null);
});

test('seed 001 is dated by the date closing its long photo caption', () => {
  assert.deepEqual(analyzeDocument(SEEDS.momentum, seed(SEEDS.momentum)).metadata.date.value, '2016-02-18');
});

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

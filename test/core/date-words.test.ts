import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEX_CODE, calendarDateInWords, dateInWords, periodOf } from '../../server/src/core/features/date-words';
import type { TimexType } from '../../server/src/core/types';

// [value, type, text as written, article date, words, placed on the calendar]
const CASES: Array<[string, TimexType, string, string | null, string, boolean]> = [
  ['2015-05-05', 'date', 'Tuesday', '2015-05-06', 'Tuesday 5 May 2015', true],
  ['2015-05', 'date', 'last May', '2016-03-15', 'May 2015', true],
  ['2015-W18', 'date', 'last week', '2015-05-06', 'the week of 27 April – 3 May 2015', true],
  ['2013-W30-WE', 'date', 'the weekend', '2013-07-22', 'the weekend of 27–28 July 2013', true],
  ['2016-02-25TEV', 'time', 'yesterday evening', '2016-02-26', 'the evening of Thursday 25 February 2016', true],
  ['2008-12-15T07:35', 'time', 'December 15th, 2008, 7:35 am', null, '7:35 a.m. on Monday 15 December 2008', true],
  ['2015-Q2', 'date', 'the second quarter', '2015-08-01', 'the second quarter of 2015', true],
  ['193', 'date', 'the 1930s', null, 'the 1930s', true],
  ['2013-FA', 'date', 'fall', '2013-09-15', 'autumn 2013', true],
  ['XXXX-WXX-2', 'date', 'Tuesday', null, 'a Tuesday (week unknown)', false],
  ['XXXX-05', 'date', 'last May', null, 'May (year unknown)', false],
  ['XXXX-02-13', 'date', 'February 13', null, '13 February (year unknown)', false],
  ['XXXX-XX-XXTEV', 'time', 'yesterday evening', null, 'an evening (date unknown: the article is undated)', false],
  ['XXXX-WXX', 'date', 'last week', null, 'a week (unknown: the article is undated)', false],
  ['PXM', 'duration', 'recent months', null, 'a few months before the article', false],
  ['PXW', 'duration', 'The last few weeks', '2016-02-18', 'a few weeks before the article (18 February 2016)', false],
  ['PT15S', 'duration', '15 seconds', null, '15 seconds', false],
  ['P1D', 'set', 'Every day', null, 'every day', false],
  ['XXXX-WXX-7', 'set', 'Sundays', null, 'every Sunday', false],
  ['PAST_REF', 'date', 'a few months ago', null, 'the past', false],
  ['T08:24', 'time', '8:24am', null, '8:24 a.m. (day not given)', false],
  ['2016-02-30', 'date', 'February 30', '2016-03-01', 'no such day (2016-02-30)', false],
];

test('TIMEX3 values read as words, placed only when nothing is unknown', () => {
  for (const [value, type, text, article, words, placed] of CASES) {
    assert.deepEqual(dateInWords(value, type, text, article), { words, placed }, `${value} ("${text}")`);
  }
});

test('no words hold a TIMEX3 code, save the impossible day quoted as written', () => {
  for (const [value, type, text, article, words] of CASES) {
    if (value !== '2016-02-30') assert.doesNotMatch(dateInWords(value, type, text, article).words, TIMEX_CODE, `${value} -> ${words}`);
  }
  assert.match('PXM', TIMEX_CODE);
  assert.match('XXXX-05', TIMEX_CODE);
  assert.match('2015-W18', TIMEX_CODE);
  assert.doesNotMatch('6 May 2015 (from the text) · 27 entities', TIMEX_CODE);
});

test('calendar values and periods', () => {
  assert.equal(calendarDateInWords('2016-02-18'), '18 February 2016');
  assert.equal(calendarDateInWords('2016-02'), 'February 2016');
  assert.equal(calendarDateInWords('2016'), '2016');
  const week = periodOf('2015-W18')!;
  assert.equal(new Date(week.start).toISOString().slice(0, 10), '2015-04-27');
  assert.equal((week.end - week.start) / 86_400_000, 7);
  const winter = periodOf('2016-WI')!;
  assert.equal(new Date(winter.start).toISOString().slice(0, 10), '2015-12-01');
  assert.equal(periodOf('PXM'), null);
});

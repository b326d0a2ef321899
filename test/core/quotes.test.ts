import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractEntities } from '../../server/src/core/extract/entities';
import { extractQuotes } from '../../server/src/core/extract/quotes';
import type { ExtractionContext, Quote } from '../../server/src/core/types';

function quotesOf(text: string, noise: ExtractionContext['noise'] = []): Quote[] {
  const context: ExtractionContext = { text, documentDate: null, bodyStart: 0, noise };
  return extractQuotes(context, extractEntities(context));
}
const speakerText = (text: string, quote: Quote) => (quote.speaker ? text.slice(quote.speaker.start, quote.speaker.end) : null);

test('a quote split by its attribution is two quotes with one speaker, named after and before', () => {
  const text = 'Part of that strategy worked. “It is fair to say,” said Secretary of State John Kerry, “that our unity is all making a difference.”';
  const quotes = quotesOf(text);
  assert.deepEqual(quotes.map((q) => q.text), ['“It is fair to say,”', '“that our unity is all making a difference.”']);
  for (const quote of quotes) {
    assert.equal(speakerText(text, quote), 'Secretary of State John Kerry');
    assert.deepEqual([quote.speaker!.id, quote.speaker!.name], ['john-kerry', 'John Kerry']);
  }
});

test('"he said" resolves to the nearest person; the next quote in the paragraph keeps the speaker', () => {
  const text = 'The United States will do all in its power, Obama said. “At the same time, there will be no cease-fire,” he said. “We remain relentless.”';
  const quotes = quotesOf(text);
  assert.equal(quotes.length, 2);
  for (const quote of quotes) {
    assert.equal(speakerText(text, quote), 'he');
    assert.equal(quote.speaker!.name, 'Obama');
  }
});

test('"the president said" is the person titled President; "the NATO chief added" the nearest person', () => {
  const text = 'President Barack Obama said yesterday it was so.\n\n“It could save lives,” the president said.\n\nStoltenberg said that he expected more.\n\n"Years of experience have taught us," the NATO chief added.';
  const quotes = quotesOf(text);
  assert.deepEqual(quotes.map((q) => [speakerText(text, q), q.speaker?.name]), [['the president', 'Barack Obama'], ['the NATO chief', 'Stoltenberg']]);
});

test('straight marks, partial quotes, cue verbs before the quote, single quotes inside double, scare quotes', () => {
  const text = 'Brig. Gen. Thomas Weidley told Al Arabiya in a TV interview Tuesday that "ISIL represents a threat." '
    + 'He said fighters had lost ground, but he added that the militia "remains a serious threat." '
    + 'Leaders were killed, including so-called “minister of war” Abu Omar al-Shishani. '
    + '“If implemented -- and that’s a significant ‘if’ -- this could work,” the spokesman said.';
  const quotes = quotesOf(text);
  assert.deepEqual(quotes.map((q) => q.text), ['"ISIL represents a threat."', '"remains a serious threat."', '“If implemented -- and that’s a significant ‘if’ -- this could work,”']);
  assert.equal(speakerText(text, quotes[0]), 'Brig. Gen. Thomas Weidley');
  assert.equal(quotes[0].speaker!.id, 'thomas-weidley');
  assert.equal(speakerText(text, quotes[1]), 'he');
  assert.equal(quotes[1].speaker!.name, 'Thomas Weidley');
  assert.equal(speakerText(text, quotes[2]), 'the spokesman');
});

test('a quote running over paragraphs is one piece per paragraph, the later ones continue; a term in marks is no quote; noise is skipped', () => {
  const text = 'He wrote nothing.\n\n“The first paragraph goes on\n\n“and the second one ends here.”\n\nNobody knows “what happened” there.\n\n“Noise quote”';
  const noiseStart = text.lastIndexOf('“Noise');
  const quotes = quotesOf(text, [{ start: noiseStart, end: text.length }]);
  assert.deepEqual(quotes.map((q) => [q.text, q.continues ?? false]), [['“The first paragraph goes on', false], ['“and the second one ends here.”', true]]);
});

test('seed 004: the headline quote after "Tillerson:" and the pronoun speakers', () => {
  const text = readFileSync('seeds/004_3200b12363fb0499.txt', 'utf8');
  const quotes = quotesOf(text);
  assert.equal(quotes[0].text, '\'Enduring Defeat\'');
  assert.equal(speakerText(text, quotes[0]), 'Tillerson');
  assert.deepEqual(quotes.map((q) => q.speaker?.id), ['rex-tillerson', 'rex-tillerson', 'rex-tillerson', 'rex-tillerson', 'rex-tillerson', 'jens-stoltenberg']);
  assert.ok(quotes.every((q) => text.slice(q.start, q.end) === q.text));
});

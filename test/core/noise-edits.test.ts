import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { noiseLineDeletions } from '../../server/src/core/features/noise-edits';

const without = (text: string, spans: Array<{ start: number; end: number }>) =>
  [...spans].reverse().reduce((rest, span) => rest.slice(0, span.start) + rest.slice(span.end), text);

// Lone-CR texts wait for the line reading of issue 13 (their noise is not found yet).
for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
  test(`deleting scraped lines leaves one blank line between paragraphs (${name})`, () => {
    const lines = ['Accessibility links', '', 'Breaking News', '', 'Kerry on winning the fight', '', '',
      'please wait', '', 'No media source currently available', '', 'The minister said on Tuesday that the talks went well.', '',
      'Share this article', ''];
    const text = lines.join(eol);
    const document = analyzeDocument('file:///a.txt', text);
    const furniture = document.noise.map((span) => text.slice(span.start, span.end));
    assert.ok(furniture.includes('please wait') && furniture.includes('Accessibility links'), JSON.stringify(furniture));
    const after = without(text, noiseLineDeletions(document));
    const blankRun = new RegExp(`(${eol.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}[ \\t]*){3,}`);
    assert.doesNotMatch(after, blankRun, JSON.stringify(after));
    assert.ok(after.includes('The minister said on Tuesday'), JSON.stringify(after));
    assert.ok(!after.startsWith(eol), JSON.stringify(after));
  });
}

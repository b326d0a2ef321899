// Text drawn from a document stays text in hover markdown: a quote or a title holding an image, a link, HTML or a
// command link renders as the characters written, never as an element, in another hover that shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess, copyOfSeeds, positionOf, startWithSeedsOpen, stopAndRemove } from './server-process';
import { SEEDS } from '../support/repo';

// markdown-it stands in for VS Code's renderer, with raw HTML allowed: the hardest reading of the markdown.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(markdown: string): string };
const renderer = new MarkdownIt({ html: true, linkify: false }) as InstanceType<typeof MarkdownIt> & { validateLink(url: string): boolean };
renderer.validateLink = () => true; // VS Code opens file: links, which markdown-it refuses by default

/** Each short enough to show whole in a hover's list of quotes (80 characters). */
const PAYLOADS = ['![pixel](https://example.invalid/pixel.png)', '<img src=x onerror=alert(1)> <b>bold</b> &amp;',
  '[run](command:workbench.action.terminal.new)', '[site](https://example.invalid/) | cell | `code` $(alert)'];
/** Titles are shortened to 40 characters in hovers. */
const TITLE_PAYLOAD = '![p](https://e.invalid/p.png)<b>b</b>';

let server: ServerProcess;
let folder: string;
const file = (name: string) => path.join(folder, name);

before(async () => {
  folder = copyOfSeeds();
  // A quote by Obama holding the payload, before his other quotes in 002; and a title holding it in 003.
  const obama = fs.readFileSync(file(SEEDS.obama), 'utf8');
  const firstQuote = obama.lastIndexOf('\n', obama.indexOf('“If implemented')) + 1;
  const quotes = PAYLOADS.map((payload) => `“${payload},” Obama said.\n\n`).join('');
  fs.writeFileSync(file(SEEDS.obama), `${obama.slice(0, firstQuote)}${quotes}${obama.slice(firstQuote)}`);
  const centcom = fs.readFileSync(file(SEEDS.centcom), 'utf8');
  fs.writeFileSync(file(SEEDS.centcom), `---\ntitle: "${TITLE_PAYLOAD} ISIL losing ground"\n---\n${centcom}`);
  server = new ServerProcess();
  await startWithSeedsOpen(server, folder);
});

after(() => stopAndRemove(server, folder));

/** What a hover renders to: its elements' tags and links. */
function rendered(markdown: string): { html: string; tags: string[]; links: string[] } {
  const html = renderer.render(markdown);
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((match) => match[1]!.toLowerCase());
  const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!);
  return { html, tags, links };
}

async function hoverMarkdown(name: string, needle: string): Promise<string> {
  const uri = pathToFileURL(file(name)).toString();
  await server.diagnosticsFor(uri);
  const at = positionOf(fs.readFileSync(file(name), 'utf8'), needle);
  const hover = await server.hover(uri, { line: at.line, character: at.character + 2 });
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

function assertInert(markdown: string, what: string): void {
  const { html, tags, links } = rendered(markdown);
  assert.ok(markdown.length > 0, `${what}: no hover`);
  for (const tag of ['img', 'b', 'script', 'code']) assert.ok(!tags.includes(tag), `${what}: renders a <${tag}>:\n${html}`);
  for (const link of links) {
    assert.match(link, /^(file:|command:corroborate\.(showTimeline|separateFigures)\?)/, `${what}: a link the document wrote: ${link}\n${html}`);
  }
}

test('a quote holding an image, links, HTML and a command link shows them as text in the speaker\'s other quote hover', async () => {
  const markdown = await hoverMarkdown(SEEDS.obama, 'This remains a difficult fight');
  assert.match(markdown, /other quotes/);
  assertInert(markdown, 'quote hover');
  const { html } = rendered(markdown);
  for (const written of ['![pixel](https://example.invalid/pixel.png)', '&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt; &amp;amp;',
    '[run](command:workbench.action.terminal.new)', '[site](https://example.invalid/) | cell | `code` $(alert)']) {
    assert.ok(html.includes(written), `shown as written: ${written}\n${html}`);
  }
});

test('a title holding the same payload stays text in a figure hover of another document', async () => {
  const markdown = await hoverMarkdown(SEEDS.kerry, '10,000 Coalition airstrikes assisted in making these victories possible. These sorties');
  assert.match(markdown, /003/);
  assertInert(markdown, 'figure hover');
  const { html, links } = rendered(markdown);
  assert.ok(links.some((link) => link.startsWith('file:')), 'the hover still links to the other sources');
  assert.ok(html.includes('![p](https://e.invalid/p.png)&lt;b&gt;b&lt;/b&gt;'), `the title is shown as written:\n${html}`);
});

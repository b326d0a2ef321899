#!/usr/bin/env node
// npm run bench:speed — how fast the analysis core reads news text on one core, and what it holds in memory.
// Runs the compiled core (out/, from `npm run build`) in this process: no server, no I/O in the timed part.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { random, seedParagraphs, makeDocument, repoRoot } from './corpus.mjs';

const require = createRequire(import.meta.url);
const core = (file) => require(path.join(repoRoot(), 'out', 'server', 'src', 'core', file));
const { analyzeDocument } = core('analyze.js');
const { WorkspaceIndex } = core('index/workspace-index.js');
const { nonEmptyLines } = core('text/lines.js');
const { findNoise } = core('extract/noise.js');
const extractors = {
  'lines and noise': (context) => findNoise(nonEmptyLines(context.text, context.bodyStart)),
  dates: core('extract/dates.js').extractDates,
  figures: core('extract/figures.js').extractFigures,
  entities: core('extract/entities.js').extractEntities,
  quotes: core('extract/quotes.js').extractQuotes,
  // The entity recogniser's own share of "entities" (the line above times the rules only).
  recogniser: (context) => core('extract/entities/shipped-model.js').shippedRecogniser().recognise(context.text, context.bodyStart, context.text.length),
};

// npm run bench:speed [BYTES | FOLDER]: a generated corpus of BYTES (default 5 MB), or every .txt/.md of FOLDER.
const argument = process.argv[2];
const documents = [];
let bytes = 0;
let corpus;
if (argument && fs.existsSync(argument) && fs.statSync(argument).isDirectory()) {
  for (const name of fs.readdirSync(argument).filter((file) => /\.(txt|md)$/.test(file)).sort()) {
    const text = fs.readFileSync(path.join(argument, name), 'utf8');
    documents.push(text);
    bytes += Buffer.byteLength(text);
  }
  corpus = `${documents.length} files of ${argument}`;
} else {
  const targetBytes = Number(argument ?? 5_000_000);
  const next = random(11);
  const paragraphs = seedParagraphs();
  while (bytes < targetBytes) {
    const text = makeDocument(next, paragraphs, 4000, documents.length);
    documents.push(text);
    bytes += Buffer.byteLength(text);
  }
  corpus = `${documents.length} generated articles`;
}
const megabytes = bytes / 1e6;

/** The best of three timed passes after a warm-up: the least disturbed by other work on the machine. */
function time(label, run) {
  run();
  let seconds = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = process.hrtime.bigint();
    run();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(`${label.padEnd(34)} ${seconds.toFixed(3).padStart(7)} s  ${(megabytes / seconds).toFixed(2).padStart(7)} MB/s`);
  return seconds;
}

console.log(`corpus: ${corpus}, ${megabytes.toFixed(2)} MB (node ${process.version}, one thread)`);
time('analyzeDocument (whole core)', () => { for (const [i, text] of documents.entries()) analyzeDocument(`d${i}.txt`, text); });
const analyses = documents.map((text, i) => analyzeDocument(`d${i}.txt`, text));
for (const [name, extract] of Object.entries(extractors)) {
  time(`  ${name} alone`, () => {
    for (const analysis of analyses) {
      const context = { text: analysis.text, documentDate: analysis.metadata.date.value, bodyStart: analysis.metadata.bodyStart, noise: analysis.noise };
      if (name === 'figures') extract(context, analysis.dates);
      else if (name === 'quotes') extract(context, analysis.entities);
      else extract(context);
    }
  });
}
const index = new WorkspaceIndex();
const started = process.hrtime.bigint();
for (const [i, text] of documents.entries()) index.set(`d${i}.txt`, text);
index.crossDocument();
const indexSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const heap = process.memoryUsage().heapUsed / 1e6;
console.log(`${'workspace index, cross-document'.padEnd(34)} ${indexSeconds.toFixed(3).padStart(7)} s  ${(megabytes / indexSeconds).toFixed(2).padStart(7)} MB/s`);
console.log(`heap in use with the index built: ${heap.toFixed(0)} MB for ${megabytes.toFixed(1)} MB of text; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

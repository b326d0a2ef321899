#!/usr/bin/env node
// npm run bench:size [--max MB] [--only one-line|many-lines] — analysis time against document size, 0.1 to 20 MB,
// for a one-line article (no line break at all, as some scrapers save) and a many-line one (paragraphs of the seeds).
// Runs the compiled core (out/, from `npm run build`) in this process. Prints seconds and MB/s per size and the
// growth exponent between consecutive sizes (1 is linear); exits non-zero when a 20 MB document takes over 10 s
// or the time grows clearly faster than the size (exponent over 1.3 between the two largest sizes).
import { createRequire } from 'node:module';
import path from 'node:path';
import { random, seedParagraphs, repoRoot } from './corpus.mjs';

const require = createRequire(import.meta.url);
const { analyzeDocument } = require(path.join(repoRoot(), 'out', 'server', 'src', 'core', 'analyze.js'));

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const largest = Number(option('--max', 20));
const only = option('--only', null);
const SIZES_MB = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20].filter((size) => size <= largest);
const TARGET_SECONDS_AT_20_MB = 10;
const LARGEST_EXPONENT = 1.3;

/** Seed paragraphs in a random order with their numbers varied, up to the size (built in linear time). */
function article(megabytes, shape) {
  const next = random(7);
  const paragraphs = seedParagraphs();
  const parts = ['Report on the campaign\n\nWASHINGTON, May 5, 2015 - '];
  for (let length = 0; length < megabytes * 1e6;) {
    const paragraph = paragraphs[Math.floor(next() * paragraphs.length)]
      .replace(/\d{1,3}(,\d{3})+|\d+/g, (number) => String(Math.max(1, Math.round(Number(number.replace(/,/g, '')) * (0.5 + next())))));
    parts.push(`${paragraph}\n\n`);
    length += paragraph.length + 2;
  }
  const text = parts.join('');
  return shape === 'one-line' ? text.replace(/\s*\n\s*/g, ' ') : text;
}

let failed = false;
for (const shape of ['one-line', 'many-lines']) {
  if (only && only !== shape) continue;
  console.log(`${shape}: size (MB)   seconds     MB/s   exponent`);
  let previous = null;
  for (const megabytes of SIZES_MB) {
    const text = article(megabytes, shape);
    const start = process.hrtime.bigint();
    analyzeDocument('bench.txt', text);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const exponent = previous ? Math.log(seconds / previous.seconds) / Math.log(megabytes / previous.megabytes) : null;
    console.log(`${String(megabytes).padStart(14)} ${seconds.toFixed(2).padStart(9)} ${(megabytes / seconds).toFixed(2).padStart(8)} ${exponent === null ? '' : exponent.toFixed(2).padStart(10)}`);
    if (megabytes === 20 && seconds > TARGET_SECONDS_AT_20_MB) { failed = true; console.log(`  missed: 20 MB in ${seconds.toFixed(1)} s, target <= ${TARGET_SECONDS_AT_20_MB} s`); }
    if (megabytes === SIZES_MB.at(-1) && exponent !== null && previous.seconds > 0.5 && exponent > LARGEST_EXPONENT) {
      failed = true;
      console.log(`  missed: time grows as size^${exponent.toFixed(2)} between the two largest sizes, target <= ${LARGEST_EXPONENT}`);
    }
    previous = { megabytes, seconds };
  }
}
process.exit(failed ? 1 : 0);

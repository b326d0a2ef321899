#!/usr/bin/env node
// npm run bench:size [--max MB] [--only one-line|many-lines] — analysis time against document size, 0.1 to 20 MB,
// for a one-line article (no line break at all, as some scrapers save) and a many-line one, both made of real news
// articles (bench/real-corpus.mjs: the shared datasets' texts) one after another.
// Runs the compiled core (out/, from `npm run build`) in this process. Prints CPU seconds of this one-threaded process
// (on a machine shared with other work, wall time measures the others too; wall time is printed beside it), MB/s and
// the growth exponent between consecutive sizes (1 is linear); exits non-zero when a 20 MB document takes over 10 CPU
// seconds or the time grows clearly faster than the size (exponent over 1.3 between the two largest sizes).
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { repoRoot } from './corpus.mjs';
import { temporaryRealCorpus } from './real-corpus.mjs';

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
/** Articles drawn from the real-text corpus (about 3 MB); larger sizes repeat them. */
const POOL_DOCUMENTS = 1500;

/** Real news: the articles of bench/real-corpus.mjs (the shared datasets' texts, names and numbers varied per copy). */
function realArticles() {
  const { folder, names } = temporaryRealCorpus(POOL_DOCUMENTS);
  try {
    return names.map((name) => fs.readFileSync(path.join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Articles of the pool one after another, up to the size (built in linear time); the pool repeats past its end. */
function article(megabytes, shape) {
  const parts = [];
  for (let length = 0, index = 0; length < megabytes * 1e6; index++) {
    const text = pool[index % pool.length];
    parts.push(`${text}\n\n`);
    length += text.length + 2;
  }
  const text = parts.join('');
  return shape === 'one-line' ? text.replace(/\s*\n\s*/g, ' ') : text;
}

const pool = realArticles();

let failed = false;
for (const shape of ['one-line', 'many-lines']) {
  if (only && only !== shape) continue;
  console.log(`${shape}: size (MB)  CPU seconds    MB/s   exponent   wall seconds`);
  let previous = null;
  for (const megabytes of SIZES_MB) {
    const text = article(megabytes, shape);
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    analyzeDocument('bench.txt', text);
    const cpu = process.cpuUsage(cpuStart);
    const seconds = (cpu.user + cpu.system) / 1e6;
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const exponent = previous ? Math.log(seconds / previous.seconds) / Math.log(megabytes / previous.megabytes) : null;
    console.log(`${String(megabytes).padStart(14)} ${seconds.toFixed(2).padStart(12)} ${(megabytes / seconds).toFixed(2).padStart(7)} ${(exponent === null ? '' : exponent.toFixed(2)).padStart(10)} ${wall.toFixed(2).padStart(14)}`);
    if (megabytes === 20 && seconds > TARGET_SECONDS_AT_20_MB) { failed = true; console.log(`  missed: 20 MB in ${seconds.toFixed(1)} CPU s, target <= ${TARGET_SECONDS_AT_20_MB} s`); }
    if (megabytes === SIZES_MB.at(-1) && exponent !== null && previous.seconds > 0.5 && exponent > LARGEST_EXPONENT) {
      failed = true;
      console.log(`  missed: time grows as size^${exponent.toFixed(2)} between the two largest sizes, target <= ${LARGEST_EXPONENT}`);
    }
    previous = { megabytes, seconds };
  }
}
process.exit(failed ? 1 : 0);

// Builds benchmark corpora from the seeds: documents made of seed paragraphs in a shuffled order, with the
// figures and dates varied, so every document is different but reads like the news it is made from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function repoRoot() {
  let folder = path.dirname(new URL(import.meta.url).pathname);
  while (!fs.existsSync(path.join(folder, 'package.json'))) folder = path.dirname(folder);
  return folder;
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function random(seed) {
  let state = seed >>> 0;
  return () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 4294967296; };
}

export function seedParagraphs() {
  const folder = path.join(repoRoot(), 'seeds');
  return fs.readdirSync(folder).sort().flatMap((name) => fs.readFileSync(path.join(folder, name), 'utf8').split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 80);
}

/** One generated article of about `bytes` bytes. */
export function makeDocument(next, paragraphs, bytes, index) {
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const year = 2014 + Math.floor(next() * 5);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  let text = `Report ${index} on the campaign\n\nWASHINGTON, ${months[month - 1]} ${day}, ${year} - `;
  while (Buffer.byteLength(text) < bytes) {
    const paragraph = paragraphs[Math.floor(next() * paragraphs.length)]
      .replace(/\d{1,3}(,\d{3})+|\d+/g, (number) => String(Math.max(1, Math.round(Number(number.replace(/,/g, '')) * (0.5 + next())))));
    text += `${paragraph}\n\n`;
  }
  return text;
}

/** Writes `count` documents into a new temporary folder; `sizeOf(i)` gives each one's size in bytes. */
export function writeCorpus(count, sizeOf, seed = 7) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-corpus-'));
  const next = random(seed);
  const paragraphs = seedParagraphs();
  for (let index = 0; index < count; index++) {
    fs.writeFileSync(path.join(folder, `doc-${String(index).padStart(4, '0')}.txt`), makeDocument(next, paragraphs, sizeOf(index), index));
  }
  return folder;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** $CORROBORATE_EVAL_DIR, else the first shared/eval beside the repository or one of its parents (worktrees). */
export function findEvalDir(root) {
  if (process.env.CORROBORATE_EVAL_DIR) return path.resolve(process.env.CORROBORATE_EVAL_DIR);
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'eval');
    if (fs.existsSync(path.join(candidate, 'score.mjs'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(root, '..', 'shared', 'eval');
  }
}

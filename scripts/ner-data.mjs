// The ner-train data (../shared/ner-train) as the recogniser's training script and benchmark read it:
// documents of BIO-tagged sentences, the rule chunker's hints on a text rebuilt from the tokens, exact span scores.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { TAGS } = require(path.join(root, 'out/server/src/core/extract/entities/features.js'));
const modelTokens = require(path.join(root, 'out/server/src/core/extract/entities/model-tokens.js'));
const entities = require(path.join(root, 'out/server/src/core/extract/entities.js'));
const ruleHintsModule = require(path.join(root, 'out/server/src/core/extract/entities/rule-hints.js'));

/** ../shared/ner-train next to the repository (or next to the folder holding a worktree). */
export function findData() {
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'ner-train');
    if (fs.existsSync(path.join(candidate, 'train.jsonl'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

/** Documents of a .jsonl file, sentences kept in order; a stray I-X after another type becomes B-X. */
export function readDocuments(file) {
  const docs = [];
  const byKey = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const key = `${row.source}\u0000${row.doc}`;
    let doc = byKey.get(key);
    if (!doc) { doc = { key, words: [], sentences: [], gold: [] }; byKey.set(key, doc); docs.push(doc); }
    const from = doc.words.length;
    let previous = 0;
    row.tokens.forEach((token, i) => {
      let tag = TAG_INDEX.get(row.tags[i]) ?? 0;
      if (tag !== 0 && tag % 2 === 0 && previous !== tag && previous !== tag - 1) tag -= 1;
      doc.words.push(token);
      doc.gold.push(tag);
      previous = tag;
    });
    doc.sentences.push({ from, to: doc.words.length, headline: modelTokens.isHeadline(row.tokens.map((text) => ({ text })), 0, row.tokens.length) });
  }
  for (const doc of docs) {
    doc.gold = Uint8Array.from(doc.gold);
    doc.hints = ruleHintsOf(doc);
  }
  return docs;
}

const NO_SPACE_BEFORE = new Set(["'s", "’s", "n't", ',', '.', ':', ';', ')', '!', '?', '%', "'", '-']);
const NO_SPACE_AFTER = new Set(['(', '$', '-']);

/** The rule chunker's hints for a training document, run on a text rebuilt from its tokens (a sentence a line). */
function ruleHintsOf(doc) {
  let text = '';
  const spans = [];
  doc.sentences.forEach((s, n) => {
    if (n) text += '\n';
    for (let i = s.from; i < s.to; i++) {
      const word = doc.words[i];
      if (i > s.from && !NO_SPACE_BEFORE.has(word) && !NO_SPACE_AFTER.has(doc.words[i - 1])) text += ' ';
      spans.push({ start: text.length, end: text.length + word.length });
      text += word;
    }
  });
  return ruleHintsModule.hintCodes(entities.ruleHints(text), spans);
}

function spans(tags, from, to) {
  const out = [];
  let open = null;
  for (let i = from; i <= to; i++) {
    const tag = i < to ? tags[i] : 0;
    if (open && (tag === 0 || tag % 2 === 1 || tag !== open.type * 2)) { out.push(`${open.start}:${i}:${open.type}`); open = null; }
    if (tag % 2 === 1) open = { start: i, type: (tag + 1) >> 1 };
  }
  return out;
}

const TYPE_NAMES = ['', 'PER', 'ORG', 'LOC'];

/** Exact span P/R/F1, overall and by type, of predicted tags against gold over all sentences. */
export function score(docs, predicted) {
  const counts = { all: [0, 0, 0] };
  for (const name of TYPE_NAMES.slice(1)) counts[name] = [0, 0, 0];
  docs.forEach((doc, d) => {
    for (const s of doc.sentences) {
      const gold = new Set(spans(doc.gold, s.from, s.to));
      const pred = spans(predicted[d], s.from, s.to);
      for (const p of pred) {
        const type = TYPE_NAMES[Number(p.split(':')[2])];
        counts.all[1]++; counts[type][1]++;
        if (gold.has(p)) { counts.all[0]++; counts[type][0]++; }
      }
      for (const g of gold) { counts.all[2]++; counts[TYPE_NAMES[Number(g.split(':')[2])]][2]++; }
    }
  });
  const out = {};
  for (const [name, [tp, np, ng]] of Object.entries(counts)) {
    const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
    out[name] = { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  }
  return out;
}


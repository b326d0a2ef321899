#!/usr/bin/env node
// Builds the provenance development set (see README.md beside this file) from the open texts in ../shared:
// ECB+ development documents (real news, several reports per story) for passages and independent reports,
// GUM Wikinews documents for quote material, and ../shared/ner-train for person names and filler sentences.
//
//   node bench/provenance-dev/build.mjs [--seed N] [--out DIR]
//
// The same seed always gives the same set. Odd seeds draw on the odd-numbered ECB+ topics, even seeds on the
// even-numbered ones, so seed 1 (tuned on) and seed 2 (held out) share no text. ../shared is found beside the
// repository, or as the parent of $CORROBORATE_EVAL_DIR (as bench/quality.mjs finds the scorer).
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const words = JSON.parse(fs.readFileSync(path.join(here, 'words.json'), 'utf8'));

export function sharedRoot() {
  let folder = here;
  while (!fs.existsSync(path.join(folder, 'package.json'))) folder = path.dirname(folder);
  if (process.env.CORROBORATE_EVAL_DIR) return path.resolve(process.env.CORROBORATE_EVAL_DIR, '..');
  return path.resolve(folder, '..', 'shared');
}

function random(seed) {
  let state = (seed * 2654435761) >>> 0;
  return () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 4294967296; };
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text) => text.toLowerCase().match(WORD) ?? [];

/** Body sentences of an ECB+ or GUM document: one line each, real sentences only. */
function sentencesOf(text) {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/\n+|(?<=[.!?])\s+(?=[A-Z“"])/).map((line) => line.trim())
    .filter((line) => /^[A-Z]/.test(line) && /[.!?]$/.test(line) && wordsOf(line).length >= 8 && wordsOf(line).length <= 45);
}

const noQuotes = (sentence) => !/["“”]/.test(sentence);

/** Exact 8-word sequences: a check independent of the detector, to keep only truly independent source pairs. */
function eightGrams(text) {
  const list = wordsOf(text);
  const grams = new Set();
  for (let i = 0; i + 8 <= list.length; i++) grams.add(list.slice(i, i + 8).join(' '));
  return grams;
}

function loadSources(seed) {
  const root = sharedRoot();
  const ecbFolder = path.join(root, 'eval', 'datasets', 'ecbplus-dev', 'docs');
  const parity = seed % 2;
  const ecb = fs.readdirSync(ecbFolder).sort().filter((name) => Number(name.split('_')[0]) % 2 === parity)
    .map((name) => ({ name, story: name.replace(/^(\d+)_\d+(ecb(?:plus)?)\.txt$/, '$1$2'), text: fs.readFileSync(path.join(ecbFolder, name), 'utf8') }))
    .map((doc) => ({ ...doc, sentences: sentencesOf(doc.text) }));
  const gumFolder = path.join(root, 'eval', 'datasets', 'gum-quotes', 'docs');
  const gum = fs.readdirSync(gumFolder).sort().filter((_, index) => index % 2 === parity)
    .map((name) => ({ name, text: fs.readFileSync(path.join(gumFolder, name), 'utf8') })).map((doc) => ({ ...doc, sentences: sentencesOf(doc.text) }));
  const names = new Set();
  const fillerSentences = new Map();
  for (const line of fs.readFileSync(path.join(root, 'ner-train', 'train.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const { doc, tokens, tags } = JSON.parse(line);
    const sentence = detokenize(tokens);
    if (/^[A-Z]/.test(sentence) && /[.!?]$/.test(sentence) && !/["“”]/.test(sentence) && wordsOf(sentence).length >= 8 && wordsOf(sentence).length <= 40) {
      fillerSentences.set(doc, [...(fillerSentences.get(doc) ?? []), sentence]);
    }
    for (let i = 0; i < tokens.length; i++) {
      if (tags[i] !== 'B-PER') continue;
      let j = i + 1;
      while (j < tokens.length && tags[j] === 'I-PER') j++;
      const name = tokens.slice(i, j);
      if (name.length === 2 && name.every((token) => /^[A-Z][a-z]{2,}$/.test(token))) names.add(name.join(' '));
    }
  }
  // Filler documents: four sentences of one ner-train document each, every other document for each parity.
  const fillers = [...fillerSentences].filter(([, sentences]) => sentences.length >= 4).sort(([a], [b]) => a.localeCompare(b))
    .filter((_, index) => index % 2 === parity).map(([doc, sentences]) => ({ name: `ner-train:${doc}`, sentences, text: sentences.join(' ') }));
  return { ecb, gum, fillers, names: [...names].sort() };
}

/** Tokens back to text: no space before closing punctuation or after an opening bracket. */
function detokenize(tokens) {
  return tokens.join(' ').replace(/ ([,.;:!?%)\]}]|'s\b|n't\b)/g, '$1').replace(/([([{$]) /g, '$1').replace(/ - /g, '-');
}

const SYNONYMS = new Map();
for (const [a, b] of words.synonyms) { SYNONYMS.set(a, b); SYNONYMS.set(b, a); }
const DROPPED = new Set(words.dropped);
const AUXILIARIES = new Set(words.auxiliaries);

/** Light edits: about one per 12 words (a word dropped, swapped for a synonym, a number changed, punctuation). */
function lightlyEdit(sentence, next) {
  let tokens = sentence.split(' ');
  const edits = Math.max(1, Math.floor(tokens.length / 12));
  for (let e = 0; e < edits; e++) {
    const choice = next();
    const at = 1 + Math.floor(next() * (tokens.length - 2));
    const word = tokens[at];
    const bare = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (choice < 0.3 && DROPPED.has(bare)) tokens.splice(at, 1);
    else if (choice < 0.6 && SYNONYMS.has(bare)) tokens[at] = word.replace(new RegExp(bare, 'i'), SYNONYMS.get(bare));
    else if (choice < 0.8 && /\d/.test(sentence)) tokens = tokens.map((token) => token.replace(/\d+/, (n) => String(Number(n) + 1)));
    else if (/,$/.test(word)) tokens[at] = word.slice(0, -1);
    else tokens.splice(at, 1);
  }
  return tokens.join(' ');
}

/** A rewrite: words swapped for synonyms, small words dropped, one word in five moved back by one. */
function rewrite(sentence, next) {
  const text = sentence.replace(/[.!?]$/, '');
  const out = [];
  for (const token of text.split(' ')) {
    const bare = token.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const roll = next();
    if (SYNONYMS.has(bare) && roll < 0.9) out.push(SYNONYMS.get(bare));
    else if (DROPPED.has(bare) && roll < 0.7) continue;
    else if (roll < 0.2 && out.length) out.splice(out.length - 1, 0, token);
    else out.push(token);
  }
  const rewritten = out.join(' ');
  return `${rewritten.charAt(0).toUpperCase()}${rewritten.slice(1)}.`;
}

/** Word-level edit distance, the yardstick of a rewrite (the detector measures word pairs, not this). */
function wordEdits(a, b) {
  const x = wordsOf(a);
  const y = wordsOf(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length] / Math.max(x.length, y.length);
}

/** A rewrite changes at least half of the sentence's words (by word edit distance); rewritten again until it does. */
function paraphrase(sentence, next) {
  let text = rewrite(sentence, next);
  for (let round = 0; round < 4 && wordEdits(sentence, text) < 0.5; round++) text = rewrite(text, next);
  return wordEdits(sentence, text) < 0.5 ? null : text;
}

/** Quote alterations: the kinds a misquote detector must tell apart. */
const QUOTE_ALTERATIONS = {
  negation(quote) {
    if (/\bnot\b/.test(quote)) return quote.replace(/\s*\bnot\b/, '');
    const tokens = quote.split(' ');
    const at = tokens.findIndex((token, index) => index > 0 && AUXILIARIES.has(token.toLowerCase()));
    return at < 0 ? null : [...tokens.slice(0, at + 1), 'not', ...tokens.slice(at + 1)].join(' ');
  },
  number(quote) {
    return /\d/.test(quote) ? quote.replace(/\d+(?:,\d{3})*/, (n) => String(Number(n.replace(/,/g, '')) * 2 + 3)) : null;
  },
  name(quote, next, names) {
    const tokens = quote.split(' ');
    const at = tokens.findIndex((token, index) => index > 0 && /^[A-Z][a-z]{2,}[,.]?$/.test(token) && !/[.!?]$/.test(tokens[index - 1]));
    if (at < 0) return null;
    const other = names[Math.floor(next() * names.length)].split(' ')[1];
    return [...tokens.slice(0, at), tokens[at].replace(/^[A-Za-z]+/, other), ...tokens.slice(at + 1)].join(' ');
  },
  'dropped-word'(quote) {
    const tokens = quote.split(' ');
    const at = tokens.findIndex((token, index) => index > 1 && index < tokens.length - 2 && /^[a-z]{4,}$/.test(token) && !['not', 'never', 'none', 'nothing'].includes(token));
    return at < 0 ? null : [...tokens.slice(0, at), ...tokens.slice(at + 1)].join(' ');
  },
  'punctuation-case'(quote) {
    const changed = quote.replace(/, /g, ' -- ').replace(/\b([a-z])([a-z]{3,})\b/, (_, first, rest) => `${first.toUpperCase()}${rest.toUpperCase()}`);
    return changed === quote ? `${quote.replace(/\.$/, '')}!` : changed;
  },
  identical(quote) { return quote; },
  partial(quote) {
    const tokens = quote.split(' ');
    return tokens.length < 14 ? null : tokens.slice(0, Math.ceil(tokens.length * 0.6)).join(' ');
  },
};
const MISQUOTE_KINDS = new Set(['negation', 'number', 'name', 'dropped-word']);

const ATTRIBUTIONS = [
  (quote, speaker) => `“${quote.replace(/[.!?]$/, ',')}” ${speaker} said.`,
  (quote, speaker) => `“${quote.replace(/[.!?]$/, ',')}” said ${speaker}.`,
  (quote, speaker) => `${speaker} told reporters: “${quote}”`,
];

/**
 * The set: documents and their gold. Passage pairs: `copied`, `edited` (both gold shared passages), `rewritten`
 * and `independent` (gold: nothing shared). Quote pairs: the same speaker quoted in two documents, the second
 * quote altered by one of QUOTE_ALTERATIONS (negation, number, name, dropped-word: gold misquotes; the others not).
 */
export function buildDevSet(seed = 1, sizes = { copied: 20, edited: 25, rewritten: 20, independent: 20, quotes: 12 }) {
  const next = random(seed);
  const { ecb, gum, fillers, names } = loadSources(seed);
  const shuffled = (list) => list.map((item) => [next(), item]).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  const pool = shuffled(ecb.filter((doc) => doc.sentences.length >= 4));
  const used = new Set();
  // ECB+ holds wire copies of one story under several names: every document taken must share no 8-word
  // sequence with those taken before, or the gold would miss real shared text.
  const usedGrams = new Set();
  const independentOfUsed = (doc) => ![...(doc.grams ??= eightGrams(doc.text))].some((gram) => usedGrams.has(gram));
  const markUsed = (doc) => { used.add(doc.name); for (const gram of (doc.grams ??= eightGrams(doc.text))) usedGrams.add(gram); };
  const take = (filter = () => true) => {
    const doc = pool.find((candidate) => !used.has(candidate.name) && filter(candidate) && independentOfUsed(candidate));
    if (doc) markUsed(doc);
    return doc;
  };
  const fillerPool = shuffled(fillers);
  const takeFiller = () => {
    const doc = fillerPool.find((candidate) => !used.has(candidate.name) && independentOfUsed(candidate));
    if (doc) markUsed(doc);
    return doc;
  };
  const documents = [];
  const gold = { passages: [], unshared: [], quotePairs: [] };
  const add = (name, text) => { documents.push({ name, text }); return name; };
  let counter = 0;
  const id = (kind) => `${kind}-${String(++counter).padStart(3, '0')}`;

  /** A document made of a filler's sentences around an inserted passage; returns the passage's span. */
  function withPassage(title, filler, passageSentences) {
    const before = filler.sentences.slice(0, 2);
    const after = filler.sentences.slice(2, 4);
    let text = `${title}\n\n${before.join(' ')}\n\n`;
    const start = text.length;
    text += passageSentences.join(' ');
    const end = text.length;
    text += `\n\n${after.join(' ')}\n`;
    return { text, start, end };
  }

  for (const kind of ['copied', 'edited', 'rewritten']) {
    for (let n = 0; n < sizes[kind]; n++) {
      const source = take((doc) => doc.sentences.filter(noQuotes).length >= 5);
      const filler = takeFiller();
      if (!source || !filler) break;
      const sourceText = `${source.sentences[0]}\n\n${source.sentences.join('\n')}\n`;
      const clean = source.sentences.map((sentence, index) => ({ sentence, index })).filter(({ sentence }) => noQuotes(sentence));
      const length = 2 + Math.floor(next() * 3);
      const first = Math.floor(next() * Math.max(1, clean.length - length));
      const picked = clean.slice(first, first + length).filter((entry, index, list) => index === 0 || entry.index === list[index - 1].index + 1);
      const passage = picked.map(({ sentence }) => kind === 'copied' ? sentence : kind === 'edited' ? lightlyEdit(sentence, next) : paraphrase(sentence, next));
      if (passage.some((sentence) => sentence === null)) { n--; continue; }
      const a = add(`${id(kind)}-a.txt`, sourceText);
      const built = withPassage(`Report on ${filler.sentences[0].split(' ').slice(0, 6).join(' ')}`, filler, passage);
      const b = add(`${a.replace(/-a\.txt$/, '-b.txt')}`, built.text);
      const sourceStart = sourceText.indexOf(picked[0].sentence);
      const sourceEnd = sourceText.indexOf(picked[picked.length - 1].sentence, sourceStart) + picked[picked.length - 1].sentence.length;
      const entry = { kind, a, b, aStart: sourceStart, aEnd: sourceEnd, bStart: built.start, bEnd: built.end };
      if (kind === 'rewritten') gold.unshared.push(entry); else gold.passages.push(entry);
    }
  }

  // Independent reports of one story: two ECB+ documents of the same topic with no 8-word sequence in common.
  const byStory = new Map();
  for (const doc of pool) if (!used.has(doc.name)) byStory.set(doc.story, [...(byStory.get(doc.story) ?? []), doc]);
  let independent = 0;
  for (const docs of byStory.values()) {
    if (independent >= sizes.independent) break;
    for (let i = 0; i + 1 < docs.length && independent < sizes.independent; i += 2) {
      const [x, y] = [docs[i], docs[i + 1]];
      if (!independentOfUsed(x)) continue;
      const gx = eightGrams(x.text);
      if ([...eightGrams(y.text)].some((gram) => gx.has(gram)) || !independentOfUsed(y)) continue;
      markUsed(x); markUsed(y);
      const name = id('independent');
      const a = add(`${name}-a.txt`, `${x.sentences.join('\n')}\n`);
      const b = add(`${name}-b.txt`, `${y.sentences.join('\n')}\n`);
      gold.unshared.push({ kind: 'independent', a, b });
      independent++;
    }
  }

  // Quote pairs.
  const quoteMaterial = shuffled([...gum, ...pool.filter((doc) => !used.has(doc.name))].flatMap((doc) => doc.sentences.filter(noQuotes)
    .filter((sentence) => wordsOf(sentence).length >= 8 && wordsOf(sentence).length <= 30 && ![...eightGrams(sentence)].some((gram) => usedGrams.has(gram)))));
  const speakers = shuffled(names);
  let material = 0;
  for (const kind of Object.keys(QUOTE_ALTERATIONS)) {
    for (let n = 0; n < sizes.quotes; n++) {
      let quote = null;
      let altered = null;
      while (material < quoteMaterial.length && altered === null) {
        quote = quoteMaterial[material++];
        // GUM's news texts are in ner-train too: a quote must not be a filler's sentence.
        if ([...eightGrams(quote)].some((gram) => usedGrams.has(gram))) continue;
        altered = QUOTE_ALTERATIONS[kind](quote, next, speakers);
      }
      if (altered === null) break;
      for (const gram of eightGrams(quote)) usedGrams.add(gram);
      const speaker = speakers.pop();
      const fillerA = takeFiller();
      const fillerB = takeFiller();
      if (!fillerA || !fillerB) break;
      const name = id(`quote-${kind}`);
      const quoteA = ATTRIBUTIONS[Math.floor(next() * ATTRIBUTIONS.length)](quote, speaker);
      const quoteB = ATTRIBUTIONS[Math.floor(next() * ATTRIBUTIONS.length)](altered, speaker);
      const docA = withPassage(`${speaker} speaks`, fillerA, [quoteA]);
      const docB = withPassage(`Remarks by ${speaker}`, fillerB, [quoteB]);
      const a = add(`${name}-a.txt`, docA.text);
      const b = add(`${name}-b.txt`, docB.text);
      gold.quotePairs.push({ kind, misquote: MISQUOTE_KINDS.has(kind), a, b, speaker,
        aStart: docA.start, aEnd: docA.end, bStart: docB.start, bEnd: docB.end, here: quote, there: altered });
    }
  }
  return { seed, documents, gold };
}

/** Writes the set to DIR/docs/*.txt and DIR/gold.json. */
export function writeDevSet(set, folder) {
  fs.mkdirSync(path.join(folder, 'docs'), { recursive: true });
  for (const { name, text } of set.documents) fs.writeFileSync(path.join(folder, 'docs', name), text);
  fs.writeFileSync(path.join(folder, 'gold.json'), `${JSON.stringify({ seed: set.seed, ...set.gold }, null, 1)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const seed = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : 1;
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : null;
  if (!Number.isInteger(seed) || seed < 1 || !out) { console.error('usage: node bench/provenance-dev/build.mjs --seed N --out DIR'); process.exit(2); }
  const set = buildDevSet(seed);
  writeDevSet(set, out);
  const counts = {};
  for (const entry of [...set.gold.passages, ...set.gold.unshared, ...set.gold.quotePairs]) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  console.log(`seed ${seed}: ${set.documents.length} documents in ${out} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
}

#!/usr/bin/env node
// Builds a benchmark workspace of 1,000 to 10,000 news articles from the open texts in ../shared: the articles of
// the eval datasets (ECB+, SemEval-2015 timeline, GUM quotes: real news, as written) followed by a paragraph of
// consecutive sentences of ../shared/ner-train. The first pass over the articles keeps them as written; every further
// pass is a copy of the whole set with each person's name replaced consistently (the same real name gets the same new
// name in every article of that pass, so stories keep their cast), numbers scaled, years shifted and, now and then,
// a surname misspelled, as real sources do. The same seed gives the same files.
//
//   node bench/real-corpus.mjs --documents 1000 --out /tmp/corpus [--seed 1] [--stats]
//
// --stats prints how many distinct names and figures the built core (out/, `npm run build`) finds in the corpus.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './corpus.mjs';

/** ../shared beside the repository (or beside the folder of worktrees), unless CORROBORATE_SHARED_DIR says where. */
const SHARED_CANDIDATES = [process.env.CORROBORATE_SHARED_DIR, path.resolve(repoRoot(), '..', 'shared'), path.resolve(repoRoot(), '..', '..', 'shared')].filter(Boolean);
const ARTICLE_DATASETS = ['ecbplus-dev', 'semeval2015-timeline-dev', 'gum-quotes'];
const SENTENCES_PER_PARAGRAPH = 6;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

function sharedFolder() {
  for (const candidate of SHARED_CANDIDATES) if (fs.existsSync(path.join(candidate, 'ner-train'))) return candidate;
  throw new Error(`no ../shared folder with ner-train found (set CORROBORATE_SHARED_DIR)`);
}

/** A 32-bit FNV-1a hash of the parts: decisions keyed by content, so they do not depend on generation order. */
function hash(...parts) {
  let value = 2166136261;
  for (const character of parts.join('\u0001')) value = Math.imul(value ^ character.charCodeAt(0), 16777619);
  return value >>> 0;
}

function shuffled(list, seed) {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = hash(seed, 'shuffle', index) % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/** Joins tokens the way the text was written: no space before closing punctuation, none inside hyphenated names. */
function detokenise(tokens) {
  let text = '';
  let quoteOpen = false;
  for (const token of tokens) {
    const glueLeft = /^([,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i.test(token) || (token === '"' && quoteOpen) || token === '-';
    const afterGlue = /[([{$]$/.test(text) || (text.endsWith('"') && quoteOpen) || text.endsWith('-');
    if (token === '"') quoteOpen = !quoteOpen;
    text += (text && !glueLeft && !afterGlue ? ' ' : '') + token;
  }
  return text;
}

/** The open texts: articles, ner-train paragraphs with their people's names, and a pool of first names and surnames. */
function loadSources(shared) {
  const articles = [];
  for (const dataset of ARTICLE_DATASETS) {
    const folder = path.join(shared, 'eval', 'datasets', dataset, 'docs');
    for (const name of fs.readdirSync(folder).filter((file) => /\.(txt|md)$/.test(file)).sort()) {
      articles.push({ name: name.replace(/\.(txt|md)$/, ''), text: fs.readFileSync(path.join(folder, name), 'utf8') });
    }
  }
  const paragraphs = [];
  const firstCounts = new Map();
  /** Words that start place and organization names too ("Los Angeles", "General Motors") are not first names. */
  const otherStarts = new Map();
  const surnames = new Set();
  let current = null;
  for (const file of ['train.jsonl', 'dev.jsonl']) {
    for (const line of fs.readFileSync(path.join(shared, 'ner-train', file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { doc, tokens, tags } = JSON.parse(line);
      if (tokens.length < 6) continue;
      if (!current || current.doc !== doc || current.sentences.length === SENTENCES_PER_PARAGRAPH) {
        current = { doc, sentences: [], people: new Set() };
        paragraphs.push(current);
      }
      current.sentences.push(detokenise(tokens));
      for (let start = 0; start < tokens.length; start++) {
        if (tags[start] === 'B-LOC' || tags[start] === 'B-ORG') otherStarts.set(tokens[start], (otherStarts.get(tokens[start]) ?? 0) + 1);
        if (tags[start] !== 'B-PER') continue;
        let end = start + 1;
        while (end < tokens.length && tags[end] === 'I-PER') end++;
        const words = tokens.slice(start, end).filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word));
        if (words.length >= 2) {
          current.people.add(detokenise(tokens.slice(start, end)));
          firstCounts.set(words[0], (firstCounts.get(words[0]) ?? 0) + 1);
          surnames.add(words.at(-1));
        }
      }
    }
  }
  const firstNames = [...firstCounts].filter(([name, count]) => count >= 2 && count > 2 * (otherStarts.get(name) ?? 0)).map(([name]) => name).sort();
  return { articles, paragraphs, firstNames, surnames: [...surnames].filter((name) => name.length >= 4).sort() };
}

/** Replaces people's names, scales numbers and shifts years: one pass (`copy`) of the corpus is one consistent world. */
class Variation {
  constructor(sources, seed, copy) {
    Object.assign(this, { sources, seed, copy });
    this.firstSet = new Set(sources.firstNames);
    this.personPattern = /\b(\p{Lu}\p{Ll}+)(\s+(?:\p{Lu}\.\s+)?)(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b/gu;
  }

  newSurname(surname) {
    const { surnames } = this.sources;
    return surnames[hash(this.seed, this.copy, 'surname', surname) % surnames.length];
  }

  newFirstName(first, surname) {
    const { firstNames } = this.sources;
    return firstNames[hash(this.seed, this.copy, 'first', first, surname) % firstNames.length];
  }

  /** The text with people renamed: full names through the pool, then their bare surnames in the same text. */
  rename(text, documentKey) {
    const surnameOf = new Map();
    let renamed = text.replace(this.personPattern, (whole, first, gap, surname) => {
      if (!this.firstSet.has(first)) return whole;
      const replacement = this.newSurname(surname);
      surnameOf.set(surname, replacement);
      return `${this.newFirstName(first, surname)}${gap}${replacement}`;
    });
    if (surnameOf.size) {
      const bare = new RegExp(`\\b(${[...surnameOf.keys()].map((name) => name.replace(/[-]/g, '\\-')).join('|')})\\b`, 'g');
      renamed = renamed.replace(bare, (surname) => surnameOf.get(surname));
    }
    // Sources misspell names now and then: one article in twenty-five drops or doubles a letter of one surname.
    const misspelled = [...surnameOf.values()].filter((name) => name.length >= 7);
    if (misspelled.length && hash(this.seed, this.copy, 'typo', documentKey) % 25 === 0) {
      const target = misspelled[hash(this.seed, documentKey, 'which') % misspelled.length];
      const at = 2 + (hash(this.seed, documentKey, 'where') % (target.length - 3));
      const typo = hash(this.seed, documentKey, 'how') % 2 ? target.slice(0, at) + target.slice(at + 1) : target.slice(0, at) + target[at] + target.slice(at);
      renamed = renamed.replace(new RegExp(`\\b${target}\\b`), typo);
    }
    return renamed;
  }

  /** Years move by the pass number; other numbers (not days after a month name, not clock times) are scaled. */
  renumber(text) {
    const datePrefix = new RegExp(`(?:${MONTHS})\\.?\\s+$`);
    return text.replace(/(?<![\d.,:])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d:])|(?<![\d.,:])\d+(?:\.\d+)?(?![\d:])/g, (number, offset) => {
      const plain = number.replace(/,/g, '');
      const value = Number(plain);
      if (/^(1[5-9]|20)\d\d$/.test(plain)) return String(value + this.copy);
      if (datePrefix.test(text.slice(Math.max(0, offset - 12), offset)) || /^(st|nd|rd|th)\b/.test(text.slice(offset + number.length))) return number;
      if (value === 0) return number;
      const factor = 0.5 + (hash(this.seed, this.copy, 'number', number) % 1000) / 1000;
      const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
      const scaled = Math.max(1, value * factor);
      const written = decimals ? scaled.toFixed(decimals) : String(Math.round(scaled));
      return number.includes(',') ? Number(written).toLocaleString('en-US', { maximumFractionDigits: decimals }) : written;
    });
  }
}

/**
 * Writes `documents` articles into `folder` (created if missing; it must not be inside the repository).
 * Returns the file names in order.
 */
export function writeRealCorpus({ documents, folder, seed = 1 }) {
  if (!(documents >= 1)) throw new Error('documents must be a positive number');
  const resolved = path.resolve(folder);
  const root = repoRoot();
  if (resolved === root || resolved.startsWith(root + path.sep)) throw new Error(`refusing to write into the repository (${resolved})`);
  fs.mkdirSync(resolved, { recursive: true });
  const sources = loadSources(sharedFolder());
  const articles = shuffled(sources.articles, `${seed}-articles`);
  const paragraphs = shuffled(sources.paragraphs, `${seed}-paragraphs`);
  const variations = new Map();
  const variation = (copy) => variations.get(copy) ?? variations.set(copy, new Variation(sources, seed, copy)).get(copy);
  const names = [];
  for (let index = 0; index < documents; index++) {
    const article = articles[index % articles.length];
    const copy = Math.floor(index / articles.length);
    const paragraph = paragraphs[index % paragraphs.length];
    const paragraphCopy = Math.floor(index / paragraphs.length) + copy;
    const key = `${index}`;
    let body = article.text.replace(/\r\n?/g, '\n').trimEnd();
    let background = paragraph.sentences.join(' ');
    if (copy > 0) body = variation(copy).renumber(variation(copy).rename(body, key));
    if (paragraphCopy > 0) background = variation(paragraphCopy).renumber(variation(paragraphCopy).rename(background, `${key}-background`));
    const name = `${String(index).padStart(5, '0')}_${article.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40)}.txt`;
    fs.writeFileSync(path.join(resolved, name), `${body}\n\n${background}\n`);
    names.push(name);
  }
  return names;
}

/** What the core finds in the corpus: distinct entity names, and how often a figure's written form repeats. */
export function corpusStatistics(folder) {
  const require = createRequire(import.meta.url);
  const { analyzeDocument } = require(path.join(repoRoot(), 'out', 'server', 'src', 'core', 'analyze.js'));
  const names = new Set();
  const figures = new Map();
  let bytes = 0;
  const documentsOfFigure = new Map();
  const files = fs.readdirSync(folder).filter((file) => file.endsWith('.txt')).sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    bytes += Buffer.byteLength(text);
    const analysis = analyzeDocument(file, text);
    for (const mention of analysis.entities) names.add(mention.text);
    for (const figure of analysis.figures) {
      figures.set(figure.text, (figures.get(figure.text) ?? 0) + 1);
      if (/\d/.test(figure.text)) documentsOfFigure.set(figure.text, (documentsOfFigure.get(figure.text) ?? new Set()).add(file));
    }
  }
  const figureCount = [...figures.values()].reduce((sum, count) => sum + count, 0);
  const repeated = [...figures.values()].filter((count) => count > 1).reduce((sum, count) => sum + count, 0);
  return { documents: files.length, megabytes: bytes / 1e6, distinctNames: names.size, figures: figureCount,
    distinctFigures: figures.size, figuresRepeated: repeated / Math.max(1, figureCount),
    numeralsInSeveralDocuments: [...documentsOfFigure.values()].filter((set) => set.size > 1).length / Math.max(1, documentsOfFigure.size) };
}

/** A new temporary folder holding `documents` articles. */
export function temporaryRealCorpus(documents, seed = 1) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-real-'));
  const names = writeRealCorpus({ documents, folder, seed });
  return { folder, names };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = { documents: 1000, seed: 1, out: null, stats: false };
  const args = process.argv.slice(2);
  for (let index = 0; index < args.length; index++) {
    const flag = args[index];
    if (flag === '--stats') options.stats = true;
    else if (flag === '--documents' || flag === '--seed' || flag === '--out') {
      const value = args[++index];
      options[flag.slice(2)] = flag === '--out' ? value : Number(value);
    } else { console.error(`unknown argument ${flag}`); process.exit(2); }
  }
  if (!options.out || !(options.documents >= 1) || !Number.isFinite(options.seed)) {
    console.error('usage: node bench/real-corpus.mjs --documents N --out FOLDER [--seed S] [--stats]');
    process.exit(2);
  }
  try {
    const names = writeRealCorpus({ documents: options.documents, folder: options.out, seed: options.seed });
    console.log(`wrote ${names.length} articles to ${path.resolve(options.out)} (seed ${options.seed})`);
    if (options.stats) {
      const stats = corpusStatistics(options.out);
      console.log(`${stats.megabytes.toFixed(1)} MB; ${stats.distinctNames} distinct entity names; ${stats.figures} figures, ${stats.distinctFigures} distinct, ${(stats.figuresRepeated * 100).toFixed(1)}% written like another; ${(stats.numeralsInSeveralDocuments * 100).toFixed(1)}% of figures written in digits appear in more than one document`);
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

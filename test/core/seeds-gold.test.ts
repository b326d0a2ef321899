// Well-formedness of the hand-written seeds gold (test/fixtures/seeds-gold.json), in the gold.json format
// of ../shared/eval (see its README, "Dataset format"). This checks the gold file, not the extractors.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above `from` whose package.json is named "corroborate". */
function findRootFrom(from: string): string | null {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'corroborate') return dir;
      } catch { /* not ours */ }
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

// compiled to out/test/core/ (or bundled elsewhere): walk up from here, then from the working directory
const ROOT = findRootFrom(__dirname) ?? findRootFrom(process.cwd());
if (!ROOT) throw new Error('seeds-gold.test: cannot find the repository root (package.json named "corroborate")');
const GOLD_PATH = path.join(ROOT, 'test', 'fixtures', 'seeds-gold.json');
const SEEDS_DIR = path.join(ROOT, 'seeds');

interface SpanItem { start: number; end: number; text?: string }
interface GoldEntity extends SpanItem { text: string; type: string; id: string }
interface GoldFigure extends Partial<SpanItem> { value: number | null; low?: number | null; high?: number | null; unit: string | null; kind?: string; qualifier?: string }
interface GoldQuote extends SpanItem { speaker: (SpanItem & { text: string }) | null }
interface GoldDate extends SpanItem { type: string; value: string | null; alternatives?: string[] }
interface GoldDocument {
  path: string;
  date: string | null;
  regions: Array<[number, number]>;
  entities: GoldEntity[];
  figures: GoldFigure[];
  quotes: GoldQuote[];
  quotesIgnore?: Array<[number, number]>;
  dates: GoldDate[];
}
interface Gold {
  name: string;
  version: number;
  layers: Record<string, unknown>;
  entityTypes: string[];
  documents: GoldDocument[];
}

const gold = JSON.parse(fs.readFileSync(GOLD_PATH, 'utf8')) as Gold;
const texts = new Map<string, string>();
for (const d of gold.documents) {
  const raw = fs.readFileSync(path.join(SEEDS_DIR, d.path), 'utf8');
  texts.set(d.path, raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const where = (d: GoldDocument, x: { start?: number; end?: number; text?: string }): string => `${d.path} ${x.start}-${x.end} ${JSON.stringify(x.text)}`;

function checkSpan(d: GoldDocument, x: SpanItem, what: string): void {
  const text = texts.get(d.path)!;
  assert.ok(Number.isInteger(x.start) && Number.isInteger(x.end), `${what} without integer offsets: ${where(d, x)}`);
  assert.ok(x.start >= 0 && x.end > x.start && x.end <= text.length, `${what} out of range: ${where(d, x)}`);
  assert.equal(typeof x.text, 'string', `${what} without text: ${where(d, x)}`);
  assert.equal(text.slice(x.start, x.end), x.text, `${what} text differs from the slice: ${where(d, x)}`);
}

function inRegions(d: GoldDocument, x: SpanItem): boolean {
  return d.regions.some(([s, e]) => x.start >= s && x.end <= e);
}

function assertNoOverlaps(d: GoldDocument, items: SpanItem[], what: string): void {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].start >= sorted[i - 1].end, `${what} overlap in ${d.path}: ${JSON.stringify(sorted[i - 1].text)} and ${JSON.stringify(sorted[i].text)}`);
  }
}

test('seeds gold: header, layers and one record per seed', () => {
  assert.equal(gold.name, 'seeds-gold');
  assert.equal(gold.version, 1);
  assert.deepEqual(gold.layers, { entities: true, coref: true, figures: 'value+unit', quotes: true, dates: 'value' });
  assert.deepEqual(gold.entityTypes, ['person', 'organization', 'place']);
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(gold.documents.map((d) => d.path), seeds, 'one gold document per seeds/*.txt, in file-name order');
  for (const d of gold.documents) {
    assert.ok(d.date === null || /^\d{4}-\d{2}-\d{2}$/.test(d.date), `${d.path}: date ${d.date}`);
    for (const k of ['entities', 'figures', 'quotes', 'dates'] as const) assert.ok(Array.isArray(d[k]), `${d.path}: ${k} is not a list`);
  }
});

test('seeds gold: regions are whole, ordered, non-repeated lines', () => {
  for (const d of gold.documents) {
    const text = texts.get(d.path)!;
    assert.ok(Array.isArray(d.regions) && d.regions.length > 0, `${d.path}: no regions`);
    let previousEnd = -1;
    const lines = text.split('\n');
    const regionLines: string[] = [];
    for (const [s, e] of d.regions) {
      assert.ok(Number.isInteger(s) && Number.isInteger(e) && s < e && e <= text.length, `${d.path}: bad region ${s}-${e}`);
      assert.ok(s > previousEnd, `${d.path}: regions out of order or overlapping at ${s}`);
      previousEnd = e;
      assert.ok(s === 0 || text[s - 1] === '\n', `${d.path}: region ${s}-${e} does not start a line`);
      assert.ok(e === text.length || text[e] === '\n', `${d.path}: region ${s}-${e} does not end a line`);
      const line = text.slice(s, e);
      assert.ok(!line.includes('\n'), `${d.path}: region ${s}-${e} spans several lines`);
      assert.notEqual(line.trim(), '', `${d.path}: empty region ${s}-${e}`);
      regionLines.push(line);
    }
    // a repeated line (identical to an earlier line, or a short line that begins a later one) is noise
    for (const line of regionLines) {
      const index = lines.indexOf(line);
      assert.ok(index >= 0);
      const earlierSame = lines.slice(0, index).some((l) => l.trim() === line.trim());
      const beginsLater = lines.slice(index + 1).some((l) => l.length > line.length && l.startsWith(line.trim()));
      assert.ok(!earlierSame && !beginsLater, `${d.path}: region line ${JSON.stringify(line.slice(0, 60))} is a repeated line`);
    }
  }
});

test('seeds gold: entity mentions', () => {
  const typeOfId = new Map<string, string>();
  for (const d of gold.documents) {
    const text = texts.get(d.path)!;
    for (const e of d.entities) {
      checkSpan(d, e, 'entity');
      assert.ok(inRegions(d, e), `entity outside the regions: ${where(d, e)}`);
      assert.ok(gold.entityTypes.includes(e.type), `entity type ${e.type}: ${where(d, e)}`);
      assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `entity id is not a slug: ${where(d, e)}`);
      const known = typeOfId.get(e.id);
      assert.ok(known === undefined || known === e.type, `id ${e.id} is both ${known} and ${e.type}: ${where(d, e)}`);
      typeOfId.set(e.id, e.type);
      assert.ok(!isWordChar(text[e.start - 1]) && !isWordChar(text[e.end]), `entity does not sit on word boundaries: ${where(d, e)}`);
      assert.equal(e.text, e.text.trim(), `entity with surrounding blanks: ${where(d, e)}`);
      assert.ok(!/[’']s$/.test(e.text), `possessive inside an entity span: ${where(d, e)}`);
    }
    assertNoOverlaps(d, d.entities, 'entity');
  }
  // the cross-document link the corpus is about
  const idDocs = (id: string): number => gold.documents.filter((d) => d.entities.some((e) => e.id === id)).length;
  assert.equal(idDocs('isil'), 5, 'ISIL / Islamic State / IS share one id in every document');
  assert.ok(idDocs('john-kerry') >= 2 && idDocs('ashton-carter') >= 2);
});

test('seeds gold: figures', () => {
  const kinds = new Set(['count', 'percent', 'money', 'quantity']);
  const num = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
  for (const d of gold.documents) {
    for (const f of d.figures) {
      checkSpan(d, f as SpanItem, 'figure');
      assert.ok(inRegions(d, f as SpanItem), `figure outside the regions: ${where(d, f)}`);
      assert.ok(f.value === null || num(f.value), `figure value: ${where(d, f)}`);
      if (f.value === null) assert.ok(num(f.low) || num(f.high), `a figure without a value must be a range: ${where(d, f)}`);
      for (const k of ['low', 'high'] as const) assert.ok(f[k] === undefined || f[k] === null || num(f[k]), `figure ${k}: ${where(d, f)}`);
      if (num(f.value) && num(f.low)) assert.ok(f.low! <= f.value!, `low > value: ${where(d, f)}`);
      if (num(f.value) && num(f.high)) assert.ok(f.high! >= f.value!, `high < value: ${where(d, f)}`);
      assert.ok(typeof f.unit === 'string' && f.unit.length > 0, `figure unit (the seeds gold annotates every unit): ${where(d, f)}`);
      assert.ok(f.kind !== undefined && kinds.has(f.kind), `figure kind ${f.kind}: ${where(d, f)}`);
      assert.ok(/\d|dozen|thousand|hundred|million|billion/i.test(f.text!), `figure text without a number: ${where(d, f)}`);
    }
    assertNoOverlaps(d, d.figures as SpanItem[], 'figure');
  }
});

test('seeds gold: quotes and speakers', () => {
  const opening = new Set(['“', '"', "'", '‘']);
  const closing = new Set(['”', '"', "'", '’']);
  for (const d of gold.documents) {
    const text = texts.get(d.path)!;
    for (const q of d.quotes) {
      checkSpan(d, q, 'quote');
      assert.ok(inRegions(d, q), `quote outside the regions: ${where(d, q)}`);
      assert.ok(opening.has(q.text![0]) && closing.has(q.text![q.text!.length - 1]), `a quote span includes its marks: ${where(d, q)}`);
      if (q.speaker !== null) {
        checkSpan(d, q.speaker, 'speaker');
        assert.ok(inRegions(d, q.speaker), `speaker outside the regions: ${where(d, q.speaker)}`);
        assert.ok(q.speaker.end <= q.start || q.speaker.start >= q.end, `speaker inside its own quote: ${where(d, q)}`);
        assert.ok(!isWordChar(text[q.speaker.start - 1]) && !isWordChar(text[q.speaker.end]), `speaker not on word boundaries: ${where(d, q.speaker)}`);
      }
    }
    assertNoOverlaps(d, d.quotes, 'quote');
    for (const r of d.quotesIgnore ?? []) {
      assert.ok(Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] < r[1] && r[1] <= text.length, `${d.path}: quotesIgnore ${r}`);
      assert.ok(!d.quotes.some((q) => q.start < r[1] && r[0] < q.end), `${d.path}: quotesIgnore ${r} overlaps a gold quote`);
    }
  }
});

test('seeds gold: dates', () => {
  const types = new Set(['date', 'time', 'duration', 'set']);
  const timex = /^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?|-W(\d{2}|XX))?(T(\d{2}(:\d{2})?|MO|AF|EV|NI))?$|^P(\d+|X)[YMWDH]$|^T?P(\d+|X)[HMS]$|^(PAST|PRESENT|FUTURE)_REF$/;
  for (const d of gold.documents) {
    for (const x of d.dates) {
      checkSpan(d, x, 'date');
      assert.ok(inRegions(d, x), `date outside the regions: ${where(d, x)}`);
      assert.ok(types.has(x.type), `date type ${x.type}: ${where(d, x)}`);
      assert.ok(x.value === null || timex.test(x.value), `date value ${x.value} is not a TIMEX3 value: ${where(d, x)}`);
      for (const a of x.alternatives ?? []) assert.ok(timex.test(a), `alternative ${a}: ${where(d, x)}`);
      if (x.value !== null && d.date === null) assert.ok(!/^\d{4}-\d{2}-\d{2}$/.test(x.value) || /\d{4}/.test(x.text!), `an undated document cannot resolve ${where(d, x)} to a full date`);
    }
    assertNoOverlaps(d, d.dates, 'date');
  }
});

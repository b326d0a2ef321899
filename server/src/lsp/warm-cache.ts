import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentAnalysis } from '../core/types';

/**
 * One file per storage folder: a header line (format and analyser version), then one line per analysis, its key, a
 * tab and the analysis as JSON (everything but its path and text, which the document itself gives back).
 */
const CACHE_FILE = 'analyses-cache.jsonl';
const FORMAT = 1;

/** The analyser's version: a hash of the server's own code, so that any change to it empties the cache. */
export function analyzerVersion(serverFile: string = __filename): string {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(serverFile)).digest('hex').slice(0, 24);
  } catch {
    return 'unknown';
  }
}

/** The cache key of one text analysed with one corrected date (or none). */
export function contentKey(text: string, documentDate: string | undefined): string {
  return crypto.createHash('sha256').update(documentDate ?? '').update('\u0000').update(text).digest('base64url');
}

/**
 * Analyses kept between sessions in the extension's storage folder (the client passes its path in the
 * initialization options), keyed by a hash of the text (and corrected date) and by the analyser's version. A start
 * in a workspace read before takes the analyses from here instead of analysing every document again. A cache that
 * cannot be read or written is ignored, with a message: it only ever costs the time of a cold start.
 */
export class WarmCache {
  /** Analyses as JSON text, by key: each look-up parses its own copy, so nothing is shared between documents. */
  private readonly stored = new Map<string, string>();
  /** What the next write keeps: the entries of the documents indexed now. */
  private readonly current = new Map<string, string>();
  private dirty = false;
  /** Whether entries were written and dropped from memory: a later write reads them back from the file. */
  private released = false;
  readonly file: string | null;

  constructor(storagePath: string | undefined, private readonly analyzer: string, private readonly warn: (message: string) => void) {
    this.file = storagePath ? path.join(storagePath, CACHE_FILE) : null;
    if (!this.file || !fs.existsSync(this.file)) return;
    try {
      const lines = fs.readFileSync(this.file, 'utf8').split('\n');
      const header = JSON.parse(lines[0]) as { format: number; analyzer: string };
      if (header.format !== FORMAT || header.analyzer !== analyzer) return;
      for (const line of lines.slice(1)) {
        const tab = line.indexOf('\t');
        if (tab > 0) this.stored.set(line.slice(0, tab), line.slice(tab + 1));
      }
    } catch (error) {
      this.warn(`Corroborate: the analysis cache ${this.file} could not be read (${(error as Error).message}); documents are analysed afresh`);
      this.stored.clear();
    }
  }

  /** Entries held in memory: those read at start-up, until the first write, and those made since. */
  get size(): number {
    return this.stored.size;
  }

  /** The analysis stored for this text, or null. */
  lookUp(uri: string, text: string, documentDate: string | undefined): DocumentAnalysis | null {
    const key = contentKey(text, documentDate);
    const entry = this.stored.get(key);
    if (!entry) return null;
    try {
      const analysis = { path: uri, text, ...JSON.parse(entry) } as DocumentAnalysis;
      this.current.set(uri, key);
      return analysis;
    } catch {
      this.stored.delete(key);
      return null;
    }
  }

  /** Records an analysis just made by analyzeDocument (before linking gives its mentions workspace ids). */
  remember(uri: string, analysis: DocumentAnalysis, documentDate: string | undefined): void {
    const key = contentKey(analysis.text, documentDate);
    this.current.set(uri, key);
    if (this.stored.has(key)) return;
    const { path: _path, text: _text, ...rest } = analysis;
    this.stored.set(key, JSON.stringify(rest));
    this.dirty = true;
  }

  /** Records an analysis a worker made, as the JSON it sent (everything but path and text). */
  rememberJson(uri: string, text: string, documentDate: string | undefined, json: string): void {
    const key = contentKey(text, documentDate);
    this.current.set(uri, key);
    if (this.stored.has(key)) return;
    this.stored.set(key, json);
    this.dirty = true;
  }

  forget(uri: string): void {
    if (this.current.delete(uri)) this.dirty = true;
  }

  private writing: Promise<void> = Promise.resolve();

  /**
   * Writes the entries of the documents indexed now (older entries are dropped), if anything changed; one write at
   * a time, so the promise also says that earlier writes are done.
   */
  write(): Promise<void> {
    this.writing = this.writing.then(() => this.writeNow());
    return this.writing;
  }

  private async writeNow(): Promise<void> {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const wanted = new Set(this.current.values());
    // Entries written before and released from memory are read back from the file for the ones still wanted.
    const lines = [JSON.stringify({ format: FORMAT, analyzer: this.analyzer })];
    const written = new Set<string>();
    if (this.released && fs.existsSync(this.file)) {
      try {
        const old = (await fs.promises.readFile(this.file, 'utf8')).split('\n');
        for (const line of old.slice(1)) {
          const key = line.slice(0, line.indexOf('\t'));
          if (key && wanted.has(key) && !written.has(key)) { lines.push(line); written.add(key); }
        }
      } catch { /* the file is written afresh from what is in memory */ }
    }
    for (const key of wanted) {
      const entry = this.stored.get(key);
      if (entry && !written.has(key)) { lines.push(`${key}\t${entry}`); written.add(key); }
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      // Line by line: one string of every analysis would double what the cache holds in memory.
      const handle = await fs.promises.open(temporary, 'w');
      try { for (const line of lines) await handle.write(`${line}\n`); } finally { await handle.close(); }
      await fs.promises.rename(temporary, this.file);
      // On disk now: the texts leave memory (a large workspace's analyses as JSON are tens of megabytes).
      this.stored.clear();
      this.released = true;
    } catch (error) {
      this.warn(`Corroborate: the analysis cache ${this.file} could not be written (${(error as Error).message})`);
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

const DIAGNOSTICS_FILE = 'diagnostics-cache.jsonl';

/**
 * The diagnostics last published for every document, kept beside the analyses with a fingerprint of everything they
 * were made from (each document's path and text, the corrections, the settings, the analyser). A start whose
 * fingerprint is the same would publish exactly these: they are published at once, and the pass that follows sends
 * only what differs. One header line (format, analyser, fingerprint, the index summary), then `uri\tdiagnostics`.
 */
export class DiagnosticsCache {
  private readonly file: string | null;
  /** Read at start-up, until restored or found stale. */
  private stored: { fingerprint: string; summary: unknown; entries: Map<string, string> } | null = null;
  /** Diagnostics published since the file was written (JSON), or null for a document that has none any more. */
  private readonly changed = new Map<string, string | null>();
  private writing: Promise<void> = Promise.resolve();
  /** The fingerprint of the file on disk, once known: an unchanged workspace is not written again. */
  private written: string | null = null;

  constructor(storagePath: string | undefined, private readonly analyzer: string, private readonly warn: (message: string) => void) {
    this.file = storagePath ? path.join(storagePath, DIAGNOSTICS_FILE) : null;
    if (!this.file || !fs.existsSync(this.file)) return;
    try {
      const lines = fs.readFileSync(this.file, 'utf8').split('\n');
      const header = JSON.parse(lines[0]) as { format: number; analyzer: string; fingerprint: string; summary: unknown };
      if (header.format !== FORMAT || header.analyzer !== analyzer) return;
      const entries = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const tab = line.indexOf('\t');
        if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
      }
      this.stored = { fingerprint: header.fingerprint, summary: header.summary, entries };
    } catch (error) {
      this.warn(`Corroborate: the diagnostics cache ${this.file} could not be read (${(error as Error).message})`);
    }
  }

  /** The stored diagnostics (JSON by document) and index summary when made from exactly this fingerprint; read once. */
  restore(fingerprint: string): { entries: ReadonlyMap<string, string>; summary: unknown } | null {
    const stored = this.stored;
    this.stored = null;
    if (!stored || stored.fingerprint !== fingerprint) return null;
    this.written = fingerprint;
    return { entries: stored.entries, summary: stored.summary };
  }

  /** Diagnostics just published for a document (as JSON). */
  record(uri: string, json: string): void {
    if (this.file) this.changed.set(uri, json);
  }

  forget(uri: string): void {
    if (this.file) this.changed.set(uri, null);
  }

  /**
   * Writes the file for this fingerprint: the documents published since the last write from memory, the others
   * from the file as it is. `keep` says which documents are still indexed.
   */
  write(fingerprint: Promise<string>, summary: unknown, keep: (uri: string) => boolean): Promise<void> {
    // What was published up to now goes with this fingerprint: later publications wait for the next write.
    const changed = new Map(this.changed);
    this.changed.clear();
    this.writing = this.writing.then(async () => this.writeNow(await fingerprint, summary, keep, changed));
    return this.writing;
  }

  private async writeNow(fingerprint: string, summary: unknown, keep: (uri: string) => boolean, changed: Map<string, string | null>): Promise<void> {
    if (!this.file || (fingerprint === this.written && !changed.size)) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      const old = fs.existsSync(this.file) ? (await fs.promises.readFile(this.file, 'utf8')).split('\n').slice(1) : [];
      const handle = await fs.promises.open(temporary, 'w');
      try {
        await handle.write(`${JSON.stringify({ format: FORMAT, analyzer: this.analyzer, fingerprint, summary })}\n`);
        let batch = '';
        const add = async (line: string) => { batch += `${line}\n`; if (batch.length > 1 << 20) { await handle.write(batch); batch = ''; } };
        for (const line of old) {
          const uri = line.slice(0, line.indexOf('\t'));
          if (uri && !changed.has(uri) && keep(uri)) await add(line);
        }
        for (const [uri, json] of changed) if (json !== null && keep(uri)) await add(`${uri}\t${json}`);
        if (batch) await handle.write(batch);
      } finally { await handle.close(); }
      await fs.promises.rename(temporary, this.file);
      this.written = fingerprint;
    } catch (error) {
      for (const [uri, json] of changed) if (!this.changed.has(uri)) this.changed.set(uri, json);
      this.warn(`Corroborate: the diagnostics cache ${this.file} could not be written (${(error as Error).message})`);
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

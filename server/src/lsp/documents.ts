import { fileURLToPath } from 'node:url';
import { readSource, textSizeProblem } from '../source-files';
import type { WorkspaceIndex } from '../core/index/workspace-index';

/**
 * The texts the index sees: an open editor buffer wins over the file on disk; closing the buffer falls
 * back to disk; a file deleted on disk and not open leaves the index.
 */
export class DocumentStore {
  private readonly open = new Set<string>();
  /** Files that could not be read or were skipped unread (links, pipes, devices), with the reason, for the log. */
  readonly unreadable = new Map<string, string>();
  /** Paths of the workspace folders: nothing outside them is read from disk. */
  private folders: readonly string[] = [];

  /** `warn` logs a buffer refused unanalysed (once per buffer and reason). */
  constructor(private readonly index: WorkspaceIndex, private readonly warn: (message: string) => void = () => undefined) {}

  /** Reads from disk only inside these folders (file URIs); with none, nothing limits the reads. */
  limitTo(folderUris: readonly string[]): void {
    this.folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /** A file the scan skipped unread: it is reported like an unreadable one. */
  skipped(uri: string, reason: string): void {
    this.index.delete(uri);
    this.unreadable.set(uri, reason);
  }

  /** Indexes these files from disk (open buffers keep their text) and drops indexed files not among them. */
  load(uris: readonly string[]): void {
    const wanted = new Set(uris);
    this.unreadable.clear();
    for (const key of this.index.keys()) if (!wanted.has(key) && !this.open.has(key)) this.index.delete(key);
    for (const uri of uris) if (!this.open.has(uri)) this.loadFromDisk(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** Returns whether the index changed: opening a buffer whose text is the file's changes nothing. */
  opened(uri: string, text: string): boolean {
    this.open.add(uri);
    return this.changed(uri, text);
  }

  changed(uri: string, text: string): boolean {
    const problem = textSizeProblem(text);
    if (problem) {
      if (this.unreadable.get(uri) !== problem) this.warn(`Corroborate skipped ${uri}: ${problem}`);
      this.unreadable.set(uri, problem);
      return this.index.delete(uri);
    }
    if (this.open.has(uri)) this.unreadable.delete(uri);
    const before = this.index.has(uri) ? this.index.peek(uri) : undefined;
    return this.index.set(uri, text) !== before;
  }

  closed(uri: string): void {
    this.open.delete(uri);
    this.loadFromDisk(uri);
  }

  /**
   * A watched file was created, changed or deleted on disk. Open buffers are not overridden. Returns the
   * reason the file was not read when it is new (a file skipped again for the same reason is reported once).
   */
  diskChanged(uri: string): string | null {
    if (this.open.has(uri)) return null;
    const before = this.unreadable.get(uri);
    this.loadFromDisk(uri);
    const after = this.unreadable.get(uri);
    return after !== undefined && after !== before ? after : null;
  }

  /** An open buffer that turned out not to be a source. */
  closedAndForgotten(uri: string): void {
    this.open.delete(uri);
    this.index.delete(uri);
  }

  /** A source that is no longer included (settings changed): it leaves the index unless open. */
  forget(uri: string): void {
    if (!this.open.has(uri)) this.index.delete(uri);
  }

  private loadFromDisk(uri: string): void {
    if (!uri.startsWith('file:')) { this.index.delete(uri); return; }
    const source = readSource(fileURLToPath(uri), this.folders.length ? { within: this.folders } : {});
    if ('error' in source) {
      this.index.delete(uri);
      // A deleted file is simply gone; anything else is worth a line in the log.
      if (source.error !== 'cannot be read (ENOENT)') this.unreadable.set(uri, source.error);
      else this.unreadable.delete(uri);
      return;
    }
    this.unreadable.delete(uri);
    this.index.set(uri, source.text);
  }
}

import { fileURLToPath } from 'node:url';
import { readSource } from '../source-files';
import type { WorkspaceIndex } from '../core/index/workspace-index';

/**
 * The texts the index sees: an open editor buffer wins over the file on disk; closing the buffer falls
 * back to disk; a file deleted on disk and not open leaves the index.
 */
export class DocumentStore {
  private readonly open = new Set<string>();
  /** Files that could not be read, with the reason, for the log. */
  readonly unreadable = new Map<string, string>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** Indexes these files from disk (open buffers keep their text) and drops indexed files not among them. */
  load(uris: readonly string[]): void {
    const wanted = new Set(uris);
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
    const before = this.index.has(uri) ? this.index.peek(uri) : undefined;
    return this.index.set(uri, text) !== before;
  }

  closed(uri: string): void {
    this.open.delete(uri);
    this.loadFromDisk(uri);
  }

  /** A watched file was created, changed or deleted on disk. Open buffers are not overridden. */
  diskChanged(uri: string): void {
    if (!this.open.has(uri)) this.loadFromDisk(uri);
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
    const source = readSource(fileURLToPath(uri));
    if ('error' in source) {
      this.index.delete(uri);
      if (!source.error.startsWith('cannot be read')) this.unreadable.set(uri, source.error);
      else this.unreadable.delete(uri);
      return;
    }
    this.unreadable.delete(uri);
    this.index.set(uri, source.text);
  }
}

import { fileURLToPath } from 'node:url';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { emptyCorrections, parseCorrections, resolveCorrectionPaths, type Corrections } from '../core/corrections';
import type { CorrectionsText } from '../core/features/correction-edits';
import { LineMap } from '../core/text/positions';
import type { WorkspaceFolders } from './workspace-folders';
import { readSource } from '../source-files';

/**
 * The corrections file of each workspace folder: read from the open buffer when there is one, else from
 * disk; merged into one set of corrections keyed by document URI.
 */
export class CorrectionsFiles {
  private readonly buffers = new Map<string, string>();
  /** Problems found in each corrections file, to show on that file. */
  readonly problems = new Map<string, string[]>();

  constructor(private readonly folders: WorkspaceFolders) {}

  bufferChanged(uri: string, text: string | null): void {
    if (text === null) this.buffers.delete(uri);
    else this.buffers.set(uri, text);
  }

  /** The file's current text: the open buffer, else the file on disk, else null when it does not exist. */
  currentText(uri: string): string | null {
    const buffer = this.buffers.get(uri);
    if (buffer !== undefined) return buffer;
    const read = this.readDisk(uri);
    return read && 'text' in read ? read.text : null;
  }

  /** The file on disk, read as sources are (never through a link, a pipe or a device); null when there is none. */
  private readDisk(uri: string): { text: string } | { error: string } | null {
    if (!uri.startsWith('file:')) return null;
    const folder = this.folders.folderOf(uri);
    const source = readSource(fileURLToPath(uri), folder?.startsWith('file:') ? { within: [fileURLToPath(folder)] } : {});
    return 'error' in source && source.error === 'cannot be read (ENOENT)' ? null : source;
  }

  read(): Corrections {
    const merged = emptyCorrections();
    this.problems.clear();
    for (const folder of this.folders.uris) {
      const uri = this.folders.correctionsFileOf(folder);
      const text = this.currentText(uri);
      if (text === null) {
        const refused = this.buffers.has(uri) ? null : this.readDisk(uri);
        if (refused && 'error' in refused) this.problems.set(uri, [`not read: ${refused.error}`]);
        continue;
      }
      const { corrections, problems } = parseCorrections(text);
      if (problems.length) this.problems.set(uri, problems);
      const resolved = resolveCorrectionPaths(corrections, (relative) => this.folders.resolve(folder, relative));
      Object.assign(merged.documentDates, resolved.documentDates);
      merged.entities.merge.push(...resolved.entities.merge);
      merged.entities.split.push(...resolved.entities.split);
      Object.assign(merged.entities.aliases, resolved.entities.aliases);
      merged.figures.join.push(...resolved.figures.join);
      merged.figures.separate.push(...resolved.figures.separate);
      merged.stories.move.push(...resolved.stories.move);
      merged.stories.split.push(...resolved.stories.split);
      merged.dismissed.push(...resolved.dismissed);
    }
    return merged;
  }

  diagnosticsFor(uri: string): Diagnostic[] {
    return (this.problems.get(uri) ?? []).map((message) => ({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Error, source: 'corroborate',
      code: 'corrections-file', message: `Corrections not applied: ${message}`,
    }));
  }

  /** The edit that turns the corrections file of `documentUri`'s folder into `next`; creates the file when missing. */
  edit(documentUri: string, next: (current: string | null) => CorrectionsText): { edit: WorkspaceEdit } | { problem: string } {
    const folder = this.folders.folderOf(documentUri);
    if (!folder) return { problem: 'the document is outside the workspace folders, so there is no corrections file for it' };
    const uri = this.folders.correctionsFileOf(folder);
    const current = this.currentText(uri);
    const result = next(current);
    if ('problem' in result) return result;
    if (current === null) {
      return { edit: { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.text }] }] } };
    }
    const end = new LineMap(current).position(current.length);
    return { edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: result.text }] } } };
  }
}

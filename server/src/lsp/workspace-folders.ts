import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Minimatch } from 'minimatch';
import { CORRECTIONS_FILE } from '../protocol';
import { walkFiles } from '../source-files';

const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.vscode-test/**'];

/** The workspace folders, and which file URIs in them are sources according to the include/exclude settings. */
export class WorkspaceFolders {
  /** Each glob pattern compiled once: a brace pattern expands to many, too costly to redo for every file. */
  private readonly compiled = new Map<string, Minimatch>();

  constructor(readonly uris: readonly string[]) {}

  /** The folder holding `uri`, the deepest when folders nest. */
  folderOf(uri: string): string | null {
    return this.uris.filter((folder) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`))
      .sort((a, b) => b.length - a.length)[0] ?? null;
  }

  relativePath(uri: string): string | null {
    const folder = this.folderOf(uri);
    return folder && uri.startsWith('file:') ? path.relative(fileURLToPath(folder), fileURLToPath(uri)).split(path.sep).join('/') : null;
  }

  resolve(folder: string, relativePath: string): string {
    return pathToFileURL(path.join(fileURLToPath(folder), relativePath)).toString();
  }

  correctionsFileOf(folder: string): string {
    return this.resolve(folder, CORRECTIONS_FILE);
  }

  isCorrectionsFile(uri: string): boolean {
    return uri.endsWith(`/${CORRECTIONS_FILE}`);
  }

  /** Whether a file is a source: matches an include pattern and no exclude pattern (relative to its folder). */
  includes(uri: string, include: readonly string[], exclude: readonly string[]): boolean {
    const relative = this.relativePath(uri);
    if (relative === null) return uri.startsWith('untitled:') || include.length > 0 && !uri.startsWith('file:');
    const matches = (pattern: string) => this.matcher(pattern).match(relative);
    return include.some(matches) && !exclude.some(matches) && !ALWAYS_EXCLUDED.some(matches);
  }

  private matcher(pattern: string): Minimatch {
    let compiled = this.compiled.get(pattern);
    if (!compiled) { compiled = new Minimatch(pattern, { dot: false, nocase: true }); this.compiled.set(pattern, compiled); }
    return compiled;
  }

  /** Every file under a folder that `includes` accepts; links, pipes and devices it would accept go to `skipped`. */
  scan(folder: string, include: readonly string[], exclude: readonly string[], skipped?: (uri: string, reason: string) => void): string[] {
    return walkFiles(fileURLToPath(folder), (file) => this.includes(pathToFileURL(file).toString(), include, exclude),
      skipped && ((file, reason) => skipped(pathToFileURL(file).toString(), reason)))
      .map((file) => pathToFileURL(file).toString());
  }
}

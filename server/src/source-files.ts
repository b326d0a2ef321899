import * as fs from 'node:fs';
import * as path from 'node:path';

/** Larger files are refused rather than analysed: no news article comes near this. */
export const LARGEST_SOURCE_BYTES = 20 * 1024 * 1024;
const SOURCE_EXTENSIONS = new Set(['.txt', '.md']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

export type DecodedSource = { text: string } | { error: string };

/** Decodes a source file's bytes as the editor would: UTF-8, a leading BOM removed. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length > LARGEST_SOURCE_BYTES) {
    return { error: `too large to analyse (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${LARGEST_SOURCE_BYTES / 1048576} MB)` };
  }
  if (bytes.includes(0)) return { error: 'a binary file, not text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}

export function readSource(filePath: string): DecodedSource {
  try {
    const stat = fs.statSync(filePath);
    if (stat.size > LARGEST_SOURCE_BYTES) return decodeSource(new Uint8Array(stat.size));
    return decodeSource(fs.readFileSync(filePath));
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** Files under a folder that `accept` takes, sorted, skipping dependency, build and hidden folders. */
export function walkFiles(folder: string, accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (directory: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(directory, { withFileTypes: true }); } catch { return; }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) { if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) visit(full); }
      else if (entry.isFile() && accept(full)) found.push(full);
    }
  };
  visit(folder);
  return found;
}

/** The .txt and .md files under a folder. */
export function listSourceFiles(folder: string): string[] {
  return walkFiles(folder, (file) => SOURCE_EXTENSIONS.has(path.extname(file).toLowerCase()));
}

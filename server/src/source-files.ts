import * as fs from 'node:fs';
import * as path from 'node:path';

/** Larger files are refused rather than analysed: no news article comes near this. */
export const LARGEST_SOURCE_BYTES = 20 * 1024 * 1024;
const SOURCE_EXTENSIONS = new Set(['.txt', '.md']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

export type DecodedSource = { text: string } | { error: string };

/** Decodes a source file's bytes as the editor would: UTF-8, a leading BOM removed. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length > LARGEST_SOURCE_BYTES) return { error: tooLarge(bytes.length) };
  if (bytes.includes(0)) return { error: 'a binary file, not text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}

/** Why a text this long is not analysed, or null: the limit of files on disk holds for editor buffers too. */
export function textSizeProblem(text: string): string | null {
  // UTF-8 takes at most three bytes per UTF-16 unit: most texts are under the limit without counting.
  if (text.length * 3 <= LARGEST_SOURCE_BYTES) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > LARGEST_SOURCE_BYTES ? tooLarge(bytes) : null;
}

function tooLarge(bytes: number): string {
  return `too large to analyse (${(bytes / 1048576).toFixed(1)} MB; the limit is ${LARGEST_SOURCE_BYTES / 1048576} MB)`;
}

/** What a path is, when it is not a regular file: the reason it is skipped unread. */
function specialKind(stat: fs.Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isSymbolicLink()) return 'a symbolic link, not followed';
  if (stat.isFIFO()) return 'a named pipe (FIFO), not a file';
  if (stat.isSocket()) return 'a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a file';
  if (stat.isDirectory()) return 'a folder, not a file';
  return 'not a regular file';
}

export interface ReadOptions {
  /** When given, a file whose real path (links resolved) lies outside all these folders is not read. */
  within?: readonly string[];
  /** Follow a symbolic link named as the file itself (the CLI does for a path given on its command line). */
  followLinks?: boolean;
}

/**
 * Reads and decodes a source file without ever blocking or reading what is not a source: links (unless
 * followed on purpose), named pipes, sockets and devices are refused before they are opened, a file outside
 * `within` is refused, and a file over the size limit is refused by its size, unread.
 */
export function readSource(filePath: string, options: ReadOptions = {}): DecodedSource {
  let descriptor: number | undefined;
  try {
    const named = options.followLinks ? fs.statSync(filePath) : fs.lstatSync(filePath);
    const special = specialKind(named);
    if (special) return { error: special };
    if (options.within && !isWithin(filePath, options.within)) return { error: 'outside the workspace folders, not read' };
    // No-follow and non-blocking: the path may have become a link or a pipe since the check above.
    const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (options.followLinks ? 0 : fs.constants.O_NOFOLLOW ?? 0);
    descriptor = fs.openSync(filePath, flags);
    const opened = fs.fstatSync(descriptor);
    const openedSpecial = specialKind(opened);
    if (openedSpecial) return { error: openedSpecial };
    if (opened.size > LARGEST_SOURCE_BYTES) return { error: tooLarge(opened.size) };
    return decodeSource(readAll(descriptor, opened.size));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { error: 'a symbolic link, not followed' };
    return { error: `cannot be read (${code ?? String(error)})` };
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** The file's bytes, at most one byte past the limit (a file may grow while it is read). */
function readAll(descriptor: number, expected: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(Math.min(Math.max(expected, 4096) + 1, LARGEST_SOURCE_BYTES + 1));
  for (;;) {
    const read = fs.readSync(descriptor, chunk, 0, Math.min(chunk.length, LARGEST_SOURCE_BYTES + 1 - total), null);
    if (read <= 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
    if (total > LARGEST_SOURCE_BYTES) break;
  }
  return Buffer.concat(chunks, total);
}

function isWithin(filePath: string, folders: readonly string[]): boolean {
  const real = fs.realpathSync(filePath);
  return folders.some((folder) => {
    let root: string;
    try { root = fs.realpathSync(folder); } catch { return false; }
    const relative = path.relative(root, real);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  });
}

/**
 * Files under a folder that `accept` takes, sorted, skipping dependency, build and hidden folders. Links,
 * pipes, sockets and devices are never listed: those `accept` would take go to `skipped` with the reason.
 */
export function walkFiles(folder: string, accept: (file: string) => boolean, skipped?: (file: string, reason: string) => void): string[] {
  const found: string[] = [];
  const visit = (directory: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(directory, { withFileTypes: true }); } catch { return; }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) { if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) visit(full); }
      else if (entry.isFile()) { if (accept(full)) found.push(full); }
      else if (skipped && accept(full)) {
        try { skipped(full, specialKind(fs.lstatSync(full)) ?? 'not a regular file'); } catch { /* gone meanwhile */ }
      }
    }
  };
  visit(folder);
  return found;
}

/** The .txt and .md files under a folder. */
export function listSourceFiles(folder: string, skipped?: (file: string, reason: string) => void): string[] {
  return walkFiles(folder, isSourceName, skipped);
}

function isSourceName(file: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(file).toLowerCase());
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as minimatchModule from 'minimatch';
import { WorkspaceFolders } from '../../server/src/lsp/workspace-folders';

/** Counts glob compilations (a `minimatch()` call compiles its pattern; so does `new Minimatch`) while `run` runs. */
function compilations(run: () => void): number {
  const library = minimatchModule as { minimatch: typeof minimatchModule.minimatch; Minimatch: typeof minimatchModule.Minimatch };
  const { minimatch: originalMatch, Minimatch: OriginalMinimatch } = library;
  let count = 0;
  library.minimatch = Object.assign((...args: Parameters<typeof originalMatch>) => { count++; return originalMatch(...args); }, originalMatch);
  library.Minimatch = class extends OriginalMinimatch { constructor(...args: ConstructorParameters<typeof OriginalMinimatch>) { super(...args); count++; } };
  try { run(); } finally { library.minimatch = originalMatch; library.Minimatch = OriginalMinimatch; }
  return count;
}

test('a re-scan compiles each include and exclude glob once, not once per file (a brace glob is costly to expand)', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-globs-'));
  for (const section of ['sources', 'articles', 'drafts']) {
    fs.mkdirSync(path.join(folder, section));
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(folder, section, `story-${i}.${i % 3 ? 'txt' : 'md'}`), 'Text.\n');
  }
  const include = ['{sources,articles,news,wires}/**/*.{txt,md,text,markdown}'];
  const exclude = ['**/{drafts,old,tmp}/**'];
  const folders = new WorkspaceFolders([pathToFileURL(folder).toString()]);
  let found: string[] = [];
  const first = compilations(() => { found = folders.scan(pathToFileURL(folder).toString(), include, exclude); });
  assert.equal(found.length, 300);
  assert.ok(first <= include.length + exclude.length + 5, `${first} compilations for 450 files`);
  assert.equal(compilations(() => folders.scan(pathToFileURL(folder).toString(), include, exclude)), 0, 'a second scan compiles nothing');
  fs.rmSync(folder, { recursive: true, force: true });
});

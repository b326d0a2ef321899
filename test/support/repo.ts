import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file (compiled or not) whose package.json names "corroborate". */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let folder = start;
    for (;;) {
      const manifest = path.join(folder, 'package.json');
      if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'corroborate') return folder;
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  throw new Error('cannot find the corroborate repository root');
}

export function seedPath(name: string): string {
  return path.join(repoRoot(), 'seeds', name);
}

export const SEEDS = {
  kerry: '000_c30909410dccb984.txt',
  momentum: '001_9db23b1dc76ea43b.txt',
  obama: '002_4dfe93347b0ca329.txt',
  centcom: '003_a8a8b5ddc81d522f.txt',
  tillerson: '004_3200b12363fb0499.txt',
} as const;

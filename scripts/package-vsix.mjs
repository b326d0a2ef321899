#!/usr/bin/env node
// `npm run package`: packs corroborate-<version>.vsix at the repository root with @vscode/vsce 3.x
// (4.x needs Node 22). What ships is the bundle in dist/ (see .vscodeignore), so this is the artifact the editor
// tests install. Builds first when dist/ is missing or with --build.
//
//   node scripts/package-vsix.mjs [--build] [--out FILE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUIRED = ['dist/extension.js', 'dist/server.js', 'dist/analysis-worker.js'];

function run(cmd, args) {
  // stdin closed: a vsce question (LICENSE, README) fails the run instead of waiting for an answer.
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Packs the .vsix and returns its absolute path. */
export function packageVsix({ build = false, out } = {}) {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (build || REQUIRED.some((f) => !fs.existsSync(path.join(ROOT, f)))) run('npm', ['run', 'build']);
  for (const f of REQUIRED) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`the build did not produce ${f}`);
  const vsix = path.resolve(ROOT, out ?? `${name}-${version}.vsix`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const flags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
  if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => fs.existsSync(path.join(ROOT, f)))) flags.push('--skip-license');
  if (!fs.existsSync(path.join(ROOT, 'README.md'))) console.warn('[package] no README.md: the .vsix ships without one');
  run(process.execPath, [vsce, 'package', ...flags, '--out', vsix]);
  return vsix;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    const t0 = Date.now();
    const vsix = packageVsix({ build: args.includes('--build'), out: outAt >= 0 ? args[outAt + 1] : undefined });
    console.log(`[package] ${path.relative(process.cwd(), vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  } catch (e) {
    console.error('[package] FAILED:', e.message);
    process.exit(1);
  }
}

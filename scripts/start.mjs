#!/usr/bin/env node
// `npm start`: the extension in a real VS Code (code-server), from nothing to a URL.
//   1. system packages and code-server 4.100.3 (scripts/setup-editor.mjs; quick when already there)
//   2. npm run build, then the .vsix (scripts/package-vsix.mjs)
//   3. the .vsix installed into a fresh extensions dir under .vscode-test/start/
//   4. code-server on 127.0.0.1 (PORT, or a free port), no auth, with seeds/ open, until Ctrl+C
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createProfile, installVsix, startCodeServer, workbenchUrl } from './code-server.mjs';
import { packageVsix } from './package-vsix.mjs';
import { ROOT, setupEditor } from './setup-editor.mjs';

const log = (...a) => console.log('[start]', ...a);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

try {
  const t0 = Date.now();
  setupEditor({});

  let t = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const vsix = packageVsix();
  log(`built and packaged ${path.relative(ROOT, vsix)} in ${seconds(t)}`);

  t = Date.now();
  const profile = createProfile(path.join(ROOT, '.vscode-test', 'start'));
  const installed = installVsix(profile, vsix);
  log(`installed into ${path.relative(ROOT, profile.extensionsDir)}/: ${installed.join(', ')} (${seconds(t)})`);

  const folder = path.join(ROOT, 'seeds');
  const pending = { stdout: '', stderr: '' };
  const server = await startCodeServer(profile, {
    port: Number(process.env.PORT ?? 0),
    folder,
    onOutput: (text, stream) => {
      const lines = (pending[stream] + text).split('\n');
      pending[stream] = lines.pop();
      for (const line of lines) console.log(`  [code-server] ${line}`);
    },
  });
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping code-server (process group ${server.pid})`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`[start] code-server exited unexpectedly (${code})`);
    process.exit(1);
  });

  const url = workbenchUrl(server.url, { folder }).replaceAll('%2F', '/');
  console.log(`
  Corroborate is running in VS Code (code-server), ready in ${seconds(t0)}:

      ${url}

  Folder: ${folder}   (open a seed file; Command Palette > "Corroborate: Show Timeline")
  Press Ctrl+C to stop.
`);
} catch (e) {
  console.error('[start] FAILED:', e.message);
  process.exit(1);
}

#!/usr/bin/env node
// `npm run test:editor`: the editor tier, Corroborate in real VS Code (code-server 4.100.3 = VS Code 1.100.3).
//   1. prerequisites: Debian packages incl. chromium, and code-server (scripts/setup-editor.mjs)
//   2. npm run build, then the .vsix (scripts/package-vsix.mjs): the artifact under test is what ships
//   3. mocha suites (out/test/editor/suite) in the extension host, through @vscode/test-electron's runTests with
//      test/editor/run-in-code-server.mjs as the "VS Code executable"; Corroborate comes from the .vsix installed
//      into a fresh extensions dir, the development path is an empty host extension (test/editor/host-extension)
//   4. UI checks in headless Chromium (test/editor/ui-check.mjs): hover, code lens, Problems, timeline webview
// Every run works in a fresh folder under the OS temp dir, on a copy of seeds/. Screenshots: test-results/.
//
//   node scripts/run-editor-tests.mjs [--no-build] [--only=mocha|ui]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProfile, installVsix } from './code-server.mjs';
import { packageVsix } from './package-vsix.mjs';
import { ROOT, setupEditor } from './setup-editor.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (...a) => console.log('[editor tier]', ...a);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const t0 = Date.now();
const summary = []; // { name, ok, detail }

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-editor-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true })); // also after Ctrl+C
let exitCode = 1;
try {
  setupEditor({ chromium: true });

  let t = Date.now();
  if (!args.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const vsix = packageVsix();
  log(`artifact ${path.relative(ROOT, vsix)} ready in ${seconds(t)}`);

  if (only !== 'ui') {
    t = Date.now();
    const { runTests } = await import('@vscode/test-electron');
    const workspace = path.join(tmp, 'mocha-workspace', 'seeds'); // named seeds/: the language covers **/seeds/*.txt
    fs.cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
    const profile = createProfile(path.join(tmp, 'mocha-profile'));
    log('installed', installVsix(profile, vsix).join(', '));
    const resultsFile = path.join(tmp, 'mocha-results.json');
    const testsPath = path.join(ROOT, 'out', 'test', 'editor', 'suite', 'index.js');
    if (!fs.existsSync(testsPath)) throw new Error(`${path.relative(ROOT, testsPath)} is missing: run npm run build`);
    let ok = true;
    try {
      await runTests({
        vscodeExecutablePath: path.join(ROOT, 'test', 'editor', 'run-in-code-server.mjs'),
        extensionDevelopmentPath: path.join(ROOT, 'test', 'editor', 'host-extension'),
        extensionTestsPath: testsPath,
        extensionTestsEnv: { CORROBORATE_EDITOR_RESULTS: resultsFile },
        launchArgs: [workspace, `--extensions-dir=${profile.extensionsDir}`, `--user-data-dir=${profile.userDataDir}`],
      });
    } catch (e) {
      ok = false;
      log('extension-host tests failed:', e.message);
    }
    const counts = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : null;
    if (counts) {
      for (let i = 0; i < counts.passed; i++) summary.push({ name: 'mocha', ok: true });
      for (const title of counts.failures) summary.push({ name: `mocha: ${title}`, ok: false });
    } else {
      summary.push({ name: 'mocha suites ran in the extension host', ok: false });
    }
    if (!ok && counts && counts.failed === 0) summary.push({ name: 'extension-host run exited cleanly', ok: false });
    log(`extension-host tests: ${counts ? `${counts.passed} passed, ${counts.failed} failed` : 'no results'} in ${seconds(t)}`);
  }

  if (only !== 'mocha') {
    t = Date.now();
    log('UI checks in Chromium');
    const { runUiChecks } = await import('../test/editor/ui-check.mjs');
    const results = await runUiChecks({ vsix, tmp: path.join(tmp, 'ui') });
    summary.push(...results.map((r) => ({ name: `ui: ${r.name}`, ok: r.ok })));
    log(`UI checks: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed in ${seconds(t)}`);
  }
  exitCode = summary.length && summary.every((r) => r.ok) ? 0 : 1;
} catch (e) {
  console.error('[editor tier] FAILED:', e.message);
  summary.push({ name: 'editor tier set up', ok: false });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const failed = summary.filter((r) => !r.ok);
for (const r of failed) console.log(`  failed: ${r.name}`);
console.log(`# editor tier: ${summary.length - failed.length} passed, ${failed.length} failed (${seconds(t0)})`);
process.exit(exitCode);

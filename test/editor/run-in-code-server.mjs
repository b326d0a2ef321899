#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests() launches
// (vscodeExecutablePath): runs the extension-host tests inside code-server, opened in Debian's headless
// Chromium. It takes the arguments runTests passes to VS Code:
//   --extensionDevelopmentPath=DIR (repeatable) --extensionTestsPath=MODULE
//   [--user-data-dir=DIR] [--extensions-dir=DIR] [WORKSPACE_FOLDER]   (other flags are ignored)
// and exits 0 when the suite passed. The workbench gets the development and test paths through its URL payload
// (code-server rejects --extensionDevelopmentPath on its command line) and reports the end of the run through
// window.codeAutomationExit(code), the extension host's output through window.codeAutomationLog(type, args).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createProfile, launchChromium, remoteUri, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { ROOT } from '../../scripts/setup-editor.mjs';

const TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS ?? 300000);
const NOISE = /Creating a socket|connection token|ENOTFOUND open-vsx|vsda|Extension host agent|builtin extensions cache|\[Service Worker\]|ChatSessionStore/;

const devPaths = [];
let testsPath; let userDataDir; let extensionsDir; let folder;
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/.exec(arg);
  if (m?.[1] === 'extensionDevelopmentPath') devPaths.push(path.resolve(m[2]));
  else if (m?.[1] === 'extensionTestsPath') testsPath = path.resolve(m[2]);
  else if (m?.[1] === 'user-data-dir') userDataDir = path.resolve(m[2]);
  else if (m?.[1] === 'extensions-dir') extensionsDir = path.resolve(m[2]);
  else if (!arg.startsWith('-')) folder = path.resolve(arg);
}
if (!testsPath) {
  console.error('usage: run-in-code-server.mjs --extensionTestsPath=MODULE [--extensionDevelopmentPath=DIR] [--extensions-dir=DIR] [--user-data-dir=DIR] [FOLDER]');
  process.exit(2);
}

const failureShot = path.join(ROOT, 'test-results', 'editor-host-failure.png');
fs.rmSync(failureShot, { force: true }); // a screenshot of this run's failure only
const t0 = Date.now();
const log = (...a) => console.log(`[code-server host +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-host-'));
const profile = createProfile(path.join(tmp, 'profile'), { userDataDir, extensionsDir });
let server; let browser; let cleaning;
const cleanUp = () => (cleaning ??= (async () => {
  await browser?.context.close().catch(() => {});
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
})());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, async () => { await cleanUp(); process.exit(130); });

let code;
try {
  server = await startCodeServer(profile, { onOutput: (text, stream) => { if (stream === 'stderr' && !NOISE.test(text)) process.stderr.write(text); } });
  log('code-server at', server.url);
  browser = await launchChromium(path.join(tmp, 'chromium'));
  const { page } = browser;
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  await page.exposeFunction('codeAutomationExit', (exitCode) => finish(exitCode));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(args ?? []));
    if (!NOISE.test(line)) (type === 'error' ? console.error : console.log)(line);
  });
  page.on('pageerror', (e) => console.error('[page error]', String(e)));
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(server.url, p)]),
    ['extensionTestsPath', remoteUri(server.url, testsPath)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  await page.goto(workbenchUrl(server.url, { folder, payload }));
  const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
  code = await finished;
  clearTimeout(timer);
  log('extension host tests finished with', code === 'timeout' ? `a timeout after ${TIMEOUT_MS} ms` : `exit code ${code}`);
  if (code !== 0) {
    fs.mkdirSync(path.dirname(failureShot), { recursive: true });
    await page.screenshot({ path: failureShot }).then(() => log('screenshot', path.relative(ROOT, failureShot))).catch(() => {});
  }
} catch (e) {
  console.error('[code-server host] FAILED:', e.message);
  code = 1;
} finally {
  await cleanUp();
}
process.exit(code === 0 ? 0 : 1);

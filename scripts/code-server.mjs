// Shared launcher for code-server (VS Code 1.100.3 in the browser, installed by scripts/setup-editor.mjs) and
// for Debian's headless Chromium: used by `npm start`, the editor-tier runner and the Playwright UI checks.
// Everything code-server writes goes into the given profile folder (config, user data, extensions, XDG dirs),
// never into the home directory. code-server binds 127.0.0.1 only, runs in its own process group (it keeps the
// extension host alive after the browser goes) and is ended by that group, never by name.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_BIN, CODE_SERVER_BIN } from './setup-editor.mjs';

/** User settings for every profile: no welcome page, telemetry off, workspace trust off, no gallery traffic. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/**
 * Lays out a code-server profile under dir: { dir, userDataDir, extensionsDir, configFile, env }.
 * fresh: removes dir first (a stale extensions.json makes code-server ignore new extensions).
 * userDataDir / extensionsDir: use these instead of dir/user-data and dir/extensions (kept as they are).
 */
export function createProfile(dir, { fresh = true, settings = {}, userDataDir, extensionsDir } = {}) {
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  const profile = {
    dir,
    userDataDir: userDataDir ?? path.join(dir, 'user-data'),
    extensionsDir: extensionsDir ?? path.join(dir, 'extensions'),
    configFile: path.join(dir, 'config.yaml'),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2) + '\n');
  const xdg = path.join(dir, 'xdg');
  profile.env = { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'), XDG_STATE_HOME: path.join(xdg, 'state') };
  return profile;
}

const profileArgs = (p) => ['--config', p.configFile, '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir];

/** Installs a .vsix into the profile's extensions dir; returns the installed extension ids. */
export function installVsix(profile, vsix) {
  const r = spawnSync(process.execPath, [CODE_SERVER_BIN, ...profileArgs(profile), '--install-extension', path.resolve(vsix)],
    { env: profile.env, encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || /Failed|Error/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
  const list = spawnSync(process.execPath, [CODE_SERVER_BIN, ...profileArgs(profile), '--list-extensions', '--show-versions'],
    { env: profile.env, encoding: 'utf8' });
  return list.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Starts code-server detached on host:port (port 0 = a free one) with the profile; resolves once it listens.
 * Returns { url, port, pid, child, stop(), exited }. folder opens by default at url/.
 */
export async function startCodeServer(profile, { port = 0, host = '127.0.0.1', folder, onOutput, timeoutMs = 60000 } = {}) {
  const args = [CODE_SERVER_BIN, ...profileArgs(profile), '--bind-addr', `${host}:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', ...(folder ? [path.resolve(folder)] : [])];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: profile.env });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
  };
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (stream) => (d) => {
      const text = String(d);
      output += text;
      onOutput?.(text, stream);
      const m = /HTTP server listening on (http:\/\/[^\s/]+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    exited.then((code) => { clearTimeout(timer); reject(new Error(`code-server exited (${code}) before listening:\n${output}`)); });
  }).catch(async (e) => { await stop(); throw e; });
  return { url, port: Number(new URL(url).port), pid: child.pid, child, stop, exited };
}

/** The workbench address for a folder, with an optional payload ([['extensionTestsPath', 'vscode-remote://…'], …]). */
export function workbenchUrl(base, { folder, payload } = {}) {
  const q = [folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true'];
  if (payload?.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}/?${q.join('&')}`;
}

/** A path on the code-server machine as the workbench payload wants it. */
export const remoteUri = (base, p) => `vscode-remote://${new URL(base).host}${path.resolve(p)}`;

/** Chromium flags for a closed network: no background traffic, no GPU, no sandbox (root). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium through playwright-core, with a fresh profile in profileDir. Returns { context, page }. */
export async function launchChromium(profileDir, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  const xdg = path.join(profileDir, 'xdg'); // crash reports and caches stay in the profile, out of the home directory
  const context = await chromium.launchPersistentContext(path.join(profileDir, 'profile'), {
    executablePath: CHROMIUM_BIN, headless: true, viewport, args: CHROMIUM_ARGS,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // the caller closes it, then removes the profile
    env: { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_CACHE_HOME: path.join(xdg, 'cache') } });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}

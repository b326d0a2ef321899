#!/usr/bin/env node
// Installs what the real-editor tiers need, and nothing twice: Debian packages (apt-get, only the missing
// ones) and code-server (VS Code in a browser, with a real Node extension host) pinned to 4.100.3, in
// .vscode-test/code-server/ with its own tiny package.json, so the project's own `npm install` stays fast.
// Shared by `npm start`, `npm run test:editor` and .ci/run; a second run takes milliseconds.
//
//   node scripts/setup-editor.mjs [--chromium] [--neovim] [--build-tools] [--no-code-server]
//
// Traps handled here (see /work/shared/recipes/vscode-e2e):
//   - npm 11 blocks dependency install scripts unless allowed; code-server's postinstall runs two nested
//     `npm install`s (lib/vscode, lib/vscode/extensions) whose native modules need their scripts too.
//     The top level is allowed by our package.json "allowScripts"; the nested ones get an "allowScripts"
//     written into their package.json between a script-less install and `npm rebuild`.
//   - as root, code-server's postinstall refuses to run without npm_config_unsafe_perm=true;
//   - node-pty runs `npx node-gyp`, which the machine's npm config (yes=false) cancels without npm_config_yes;
//   - @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable): its cache is seeded with Debian's rg.
//   - 4.103+ needs Node 22; this machine has Node 20. Keep the pin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// Packages whose install scripts code-server needs, at each of its three install levels.
const TOP_LEVEL_SCRIPTS = ['code-server', 'argon2'];
const NESTED_SCRIPTS = ['@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog', 'kerberos',
  'native-watchdog', 'node-pty', 'esbuild'];
// @vscode/ripgrep 1.15.11 (code-server 4.100.3) fetches ripgrep v13.0.0-10 into this cache name.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_BIN_VERSION = 'v13.0.0-10';

const log = (...a) => console.log('[setup-editor]', ...a);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** apt-get installs the packages that are missing (apt-get update first); nothing when all are there. */
export function ensureAptPackages(pkgs) {
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (!missing.length) return;
  if (!hasCommand('apt-get')) throw new Error(`missing system packages ${missing.join(' ')} and no apt-get to install them`);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !hasCommand('sudo')) throw new Error(`missing system packages; as root run: apt-get install -y ${missing.join(' ')}`);
  const sudo = (args) => (asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]]);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('apt-get install', missing.join(' '));
  const t0 = Date.now();
  run(...sudo(['update', '-q']), { env });
  run(...sudo(['install', '-y', '-q', '--no-install-recommends', ...missing]), { env });
  log(`apt-get done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

/** The Debian packages each use needs. */
export function systemPackages({ chromium = false, neovim = false, buildTools = false, codeServer = true } = {}) {
  const pkgs = [];
  if (codeServer) pkgs.push('libkrb5-dev', 'ripgrep'); // kerberos native module; rg for the ripgrep cache
  if (codeServer || buildTools) {
    if (!hasCommand('make') || !hasCommand('g++')) pkgs.push('build-essential');
    if (!hasCommand('python3')) pkgs.push('python3');
  }
  if (chromium) pkgs.push('chromium', 'fonts-liberation');
  if (neovim) pkgs.push('neovim');
  return pkgs;
}

const markerFile = () => path.join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);
export const codeServerInstalled = () => fs.existsSync(markerFile()) && fs.existsSync(CODE_SERVER_BIN);

/** Installs code-server CODE_SERVER_VERSION into .vscode-test/code-server/ unless it is there already. */
export function ensureCodeServer() {
  if (codeServerInstalled()) return CODE_SERVER_BIN;
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version}); 4.103+ needs Node 22`);
  const t0 = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CODE_SERVER_DIR)}/ (about a minute)`);
  fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({
    name: 'corroborate-code-server',
    private: true,
    description: 'code-server for the Corroborate editor tier and npm start; installed by scripts/setup-editor.mjs',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: Object.fromEntries(TOP_LEVEL_SCRIPTS.map((p) => [p, true])),
  }, null, 2) + '\n');

  // A throw-away TMPDIR for the install, holding the seeded ripgrep download cache.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cs-install-'));
  let version;
  try {
    const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
    if (!rg) throw new Error('ripgrep (rg) is needed to install code-server offline: apt-get install ripgrep');
    const target = os.arch() === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
    const cache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
    fs.mkdirSync(cache);
    run('tar', ['czf', path.join(cache, `ripgrep-${RIPGREP_BIN_VERSION}-${target}.tar.gz`), '-C', path.dirname(rg), path.basename(rg)]);

    const env = { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true',
      npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    delete env.npm_config_allow_scripts; // a CLI/env allow-scripts is an error in a project-scoped install
    const npm = (...args) => run('npm', [...args, '--loglevel=warn'], { cwd: CODE_SERVER_DIR, env });
    // 1. fetch without running any script; 2. give code-server's two nested projects their own allowScripts
    // (npm exports any configured allow-scripts to lifecycle scripts as npm_config_allow_scripts, which the
    // nested `npm install` then rejects, so an npmrc line cannot reach them); 3. run the allowed scripts.
    npm('install', '--no-package-lock', '--ignore-scripts');
    for (const [dir, allowed] of [['lib/vscode', NESTED_SCRIPTS], ['lib/vscode/extensions', NESTED_SCRIPTS]]) {
      const file = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', dir, 'package.json');
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      pkg.allowScripts = Object.fromEntries(allowed.map((p) => [p, true]));
      fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
    }
    npm('rebuild');
    const r = spawnSync(process.execPath, [CODE_SERVER_BIN, '--version'], { encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg') } });
    version = r.stdout.trim().split('\n').pop();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!version?.startsWith(CODE_SERVER_VERSION)) throw new Error(`code-server install looks broken: --version said ${JSON.stringify(version)}`);
  for (const f of ['lib/vscode/node_modules/@vscode/ripgrep/bin/rg', 'lib/vscode/node_modules/node-pty/build/Release/pty.node',
    'lib/vscode/node_modules/kerberos/build/Release/kerberos.node', 'node_modules/argon2/lib/binding/napi-v3/argon2.node']) {
    if (!fs.existsSync(path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', f)) &&
      !fs.existsSync(path.join(CODE_SERVER_DIR, f))) throw new Error(`code-server install incomplete: no ${f}`);
  }
  fs.writeFileSync(markerFile(), `${version}\n`);
  log(`code-server ${version.split(/\s/)[0]} installed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return CODE_SERVER_BIN;
}

/** Everything the given use needs; returns the code-server entry point (run it with `node`). */
export function setupEditor(opts = {}) {
  const t0 = Date.now();
  ensureAptPackages(systemPackages(opts));
  const bin = opts.codeServer === false ? undefined : ensureCodeServer();
  if (opts.chromium && !fs.existsSync(CHROMIUM_BIN)) throw new Error(`no Chromium at ${CHROMIUM_BIN}`);
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return bin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  try {
    setupEditor({ chromium: args.has('--chromium'), neovim: args.has('--neovim'), buildTools: args.has('--build-tools'),
      codeServer: !args.has('--no-code-server') });
  } catch (e) {
    console.error('[setup-editor] FAILED:', e.message);
    process.exit(1);
  }
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { positionOf } from './server-process';
import { repoRoot, seedPath, SEEDS } from '../support/repo';

/** Runs test/lsp/neovim-client.lua on a seed: the lines it prints (initialized=…, diagnostic=…, hover=…). */
function neovimOn(document: string, at: { line: number; character: number }): { lines: string[]; output: string } {
  const run = spawnSync('nvim', ['--headless', '--clean', '-i', 'NONE', '-c', `luafile ${path.join(repoRoot(), 'test', 'lsp', 'neovim-client.lua')}`], {
    encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, CORROBORATE_SERVER: path.join(repoRoot(), 'dist', 'server.js'), CORROBORATE_DOCUMENT: document,
      CORROBORATE_HOVER_LINE: String(at.line), CORROBORATE_HOVER_CHARACTER: String(at.character) },
  });
  assert.equal(run.error, undefined, `nvim could not run: ${run.error?.message}`);
  return { lines: run.stdout.split('\n'), output: run.stdout + run.stderr };
}

// A second real LSP client: the same server binary, driven by headless Neovim (Debian's, installed by the test setup).
test('Neovim gets diagnostics and a figure hover from the server', () => {
  const document = seedPath(SEEDS.centcom);
  const at = positionOf(fs.readFileSync(document, 'utf8'), '3,700 airstrikes');
  const { lines, output } = neovimOn(document, { line: at.line, character: at.character + 2 });
  assert.ok(lines.includes('initialized=true'), output);
  assert.ok(lines.includes('diagnostics_arrived=true'), output);
  assert.ok(lines.some((line) => /^diagnostic=1:noise:Site furniture \(government banner\)/.test(line)), output);
  const hover = lines.filter((line) => line.startsWith('hover=')).join('\n');
  assert.match(hover, /airstrike/i);
  assert.match(hover, /more than 10,000 strikes/);
});

test('Neovim hovers the first "10,000" of 000, on a teaser line, with the figure group of its body copy', () => {
  const document = seedPath(SEEDS.kerry);
  const at = positionOf(fs.readFileSync(document, 'utf8'), '10,000');
  const { lines, output } = neovimOn(document, { line: at.line, character: at.character + 2 });
  const hover = lines.filter((line) => line.startsWith('hover=')).join('\n');
  assert.match(hover, /Repeated at \[line \d+\]/, output);
  assert.match(hover, /more than 3,700 airstrikes/);
  assert.match(hover, /more than 10,000 strikes/);
});

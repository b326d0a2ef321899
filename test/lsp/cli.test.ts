import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/repo';

const cli = (args: string[], cwd = repoRoot()) => spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });

test('analyze seeds --json prints the contract: every key present, every text equal to its slice', () => {
  const run = cli(['analyze', 'seeds', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const output = JSON.parse(run.stdout);
  assert.equal(output.version, 1);
  for (const key of ['errors', 'documents', 'entities', 'figureGroups', 'timeline']) assert.ok(Array.isArray(output[key]), key);
  assert.equal(output.documents.length, 5);
  for (const document of output.documents) {
    assert.match(document.path, /^seeds\/00\d_[0-9a-f]+\.txt$/);
    const text = fs.readFileSync(path.join(repoRoot(), document.path), 'utf8');
    for (const key of ['title', 'date', 'publisher', 'entities', 'figures', 'quotes', 'dates', 'noise']) assert.ok(key in document, key);
    for (const layer of ['entities', 'figures', 'quotes', 'dates']) {
      for (const item of document[layer]) assert.equal(item.text, text.slice(item.start, item.end), `${document.path} ${layer}`);
    }
  }
});

test('the readable report names each document, its date and its figures', () => {
  const run = cli(['analyze', 'seeds']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /seeds\/003_a8a8b5ddc81d522f\.txt\n  ISIL losing ground/);
  assert.match(run.stdout, /2015-05-06 \(text\)/);
  assert.match(run.stdout, /figure {2}more than 3,700 airstrikes/);
});

test('bad usage exits 2 with a one-line message', () => {
  for (const args of [[], ['frobnicate'], ['analyze'], ['analyze', 'seeds', '--jsno'], ['analyze', 'no/such/folder']]) {
    const run = cli(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /^corroborate: /);
    assert.equal(run.stdout, '');
  }
});

test('unreadable files are reported in errors and skipped; the rest is still analysed', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-'));
  fs.writeFileSync(path.join(folder, 'good.txt'), '\uFEFFWASHINGTON, May 6, 2015 - Officials said 60 countries joined.\r\n');
  fs.writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  fs.writeFileSync(path.join(folder, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  fs.writeFileSync(path.join(folder, 'empty.md'), '');
  fs.writeFileSync(path.join(folder, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 'a'));
  const run = cli(['analyze', folder, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const output = JSON.parse(run.stdout);
  const name = path.basename(folder);
  assert.deepEqual(output.errors, [
    { path: `${name}/binary.txt`, message: 'a binary file, not text' },
    { path: `${name}/huge.txt`, message: 'too large to analyse (21.0 MB; the limit is 20 MB)' },
    { path: `${name}/latin1.txt`, message: 'not valid UTF-8' },
  ]);
  assert.deepEqual(output.documents.map((document: { path: string }) => document.path), [`${name}/empty.md`, `${name}/good.txt`]);
  const good = output.documents[1];
  assert.equal(good.date.value, '2015-05-06');
  const text = 'WASHINGTON, May 6, 2015 - Officials said 60 countries joined.\r\n';
  for (const date of good.dates) assert.equal(date.text, text.slice(date.start, date.end), 'offsets count from after the BOM');
  assert.match(run.stderr, /skipped .*binary\.txt: a binary file/);
  fs.rmSync(folder, { recursive: true });
});

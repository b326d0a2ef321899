import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import { repoRoot, seedPath, SEEDS } from '../support/repo';

// The shipped grammar, tokenised by the same TextMate engine and regex library VS Code uses.
let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async () => JSON.parse(fs.readFileSync(path.join(repoRoot(), 'syntaxes', 'corroborate.tmLanguage.json'), 'utf8')),
  });
  grammar = (await registry.loadGrammar('text.corroborate'))!;
});

/** Each token of the text as "text → innermost scope", skipping the root scope. */
function tokens(text: string): Array<{ text: string; scope: string; scopes: string[] }> {
  let state = INITIAL;
  const found: Array<{ text: string; scope: string; scopes: string[] }> = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim() && token.scopes.length > 1) found.push({ text: piece, scope: token.scopes.at(-1)!, scopes: token.scopes });
    }
    state = result.ruleStack;
  }
  return found;
}

const scopeOf = (text: string, piece: string) => tokens(text).find((token) => token.text.includes(piece))?.scopes.join(' ') ?? '(plain)';

test('the dateline of 003 is a dateline, its date a date', () => {
  const line = fs.readFileSync(seedPath(SEEDS.centcom), 'utf8').split('\n').find((candidate) => candidate.startsWith('MACDILL'))!;
  assert.match(scopeOf(line, 'MACDILL AIR FORCE BASE'), /markup\.heading\.dateline\.corroborate/);
});

test('quotes, figures, dates and noise get distinct scopes on the seeds', () => {
  const text = fs.readFileSync(seedPath(SEEDS.kerry), 'utf8');
  assert.match(scopeOf(text, 'please wait'), /comment\.line\.noise\.corroborate/);
  assert.match(scopeOf(text, '0:00 0:03:35 0:00'), /comment\.line\.noise\.corroborate/);
  assert.match(scopeOf(text, 'It is fair to say'), /string\.quoted\.double\.curly\.corroborate/);
  assert.match(scopeOf(text, 'more than 90 percent'), /constant\.numeric\.percent\.corroborate/);
  assert.match(scopeOf(text, 'Some 10,000'), /constant\.numeric\.figure\.corroborate/);
  assert.match(scopeOf(text, 'last May'), /constant\.other\.date\.corroborate/);
  const obama = fs.readFileSync(seedPath(SEEDS.obama), 'utf8');
  assert.match(scopeOf(obama, 'more than 10,000'), /string\.quoted\.double\.curly\.corroborate constant\.numeric\.figure\.corroborate/);
  assert.match(scopeOf(fs.readFileSync(seedPath(SEEDS.tillerson), 'utf8'), '$200 million'), /constant\.numeric\.money\.corroborate/);
});

test('media timestamps and years are not figures; ordinary prose stays plain', () => {
  assert.equal(scopeOf('0:00 0:03:41 0:00', '0:03:41'), 'text.corroborate comment.line.noise.corroborate');
  assert.equal(scopeOf('The strategy has begun to reap rewards.', 'strategy'), '(plain)');
  assert.doesNotMatch(scopeOf('It was formed in 2014 after the fall.', '2014'), /numeric/);
});

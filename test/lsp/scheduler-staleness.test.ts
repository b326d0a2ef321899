import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex, type CrossDocumentView } from '../../server/src/core/index/workspace-index';
import { DEFAULT_SEVERITY } from '../../server/src/core/features/diagnostics';
import { DiagnosticScheduler, STALE_VIEW_MAX_MS } from '../../server/src/lsp/scheduler';
import { DocumentStore } from '../../server/src/lsp/documents';
import { copyOfSeeds } from './server-process';
import { SEEDS, seedPath } from '../support/repo';

const options = { severity: DEFAULT_SEVERITY, maximumPerDocument: 100 };

/** Seeds in an index with a first view, then keystrokes in one seed as soon as its diagnostics arrive (never a pause of REBUILD_DELAY_MS) while `analysesDueAfterFirstView` analyses are on their way, until a view other than the first is built or `bound` ms went by. */
async function typeWithoutPause(analysesDueAfterFirstView: number, bound: number) {
  let analysesOnTheirWay = 0;
  const index = new WorkspaceIndex();
  for (const name of Object.values(SEEDS)) index.set(name, fs.readFileSync(seedPath(name), 'utf8'));
  let onSend: ((uri: string, always: boolean) => void) | null = null;
  let onSettled: ((view: CrossDocumentView) => void) | null = null;
  const scheduler = new DiagnosticScheduler(index, {
    optionsFor: async () => ({ options, dismissed: [] }),
    send: (document, _found, always) => onSend?.(document.path, always),
    settled: (view) => onSettled?.(view),
    analysesDueSoon: () => analysesOnTheirWay > 0,
    analysesOnTheirWay: () => analysesOnTheirWay,
  });
  const first = await new Promise<CrossDocumentView>((resolve) => { onSettled = resolve; scheduler.everythingChanged(); });
  onSettled = null;
  assert.equal(index.builtView(), first);
  analysesOnTheirWay = analysesDueAfterFirstView;
  const edited = SEEDS.momentum;
  const original = fs.readFileSync(seedPath(edited), 'utf8');
  let keystrokes = 0;
  const started = performance.now();
  const rebuilt = await new Promise<{ view: CrossDocumentView | null; keystrokes: number; ms: number }>((resolve) => {
    const type = () => {
      keystrokes++;
      index.set(edited, `${original}\nA line typed ${keystrokes} times.`);
      scheduler.documentChanged(edited);
    };
    onSend = (uri, always) => {
      const built = index.builtView();
      const ms = performance.now() - started;
      // Resolved either way once past the bound: the assertions tell which.
      if (built !== first || ms > bound) { onSend = null; resolve({ view: built, keystrokes, ms }); return; }
      if (uri === edited && always) setImmediate(type);
    };
    type();
  });
  return { first, edited, ...rebuilt };
}

test('edits that never pause still get the cross-document view rebuilt within a bounded time, not only provisional diagnostics', async () => {
  const rebuilt = await typeWithoutPause(0, 5 * STALE_VIEW_MAX_MS);
  assert.notEqual(rebuilt.view, rebuilt.first, `after ${rebuilt.keystrokes} keystrokes over ${rebuilt.ms.toFixed(0)} ms the view was still the one before them`);
  assert.ok(rebuilt.keystrokes > 1, 'the keystrokes came faster than a rebuild: the view was built while they went on');
  assert.ok(rebuilt.view!.lookup.documentsByPath.get(rebuilt.edited)!.text.includes('A line typed'), 'the view has a typed text');
});

test('while many analyses are on their way (a branch switch), edits do not force a view in one go: it waits for them', async () => {
  const rebuilt = await typeWithoutPause(100, 3 * STALE_VIEW_MAX_MS);
  assert.ok(rebuilt.ms > 3 * STALE_VIEW_MAX_MS, `a view was built after ${rebuilt.ms.toFixed(0)} ms with 100 analyses due`);
  assert.equal(rebuilt.view, rebuilt.first);
});

test('closing a buffer whose text is the file\'s changes nothing in the index; closing one with unsaved edits does', () => {
  const folder = copyOfSeeds();
  try {
    const index = new WorkspaceIndex();
    const store = new DocumentStore(index);
    const file = path.join(folder, SEEDS.kerry);
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    store.load([uri]);
    store.opened(uri, text);
    assert.equal(store.closed(uri), false, 'the same text as on disk: nothing to diagnose again');
    store.opened(uri, text);
    store.changed(uri, `${text}\nAn unsaved line.`);
    assert.equal(store.closed(uri), true, 'the file\'s text replaces the unsaved edits');
    assert.equal(index.textOf(uri), text);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

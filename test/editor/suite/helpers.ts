// Helpers for the editor tier: the seeds' workspace copy, and waiting on VS Code's own events rather than on
// fixed sleeps.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corroborate.corroborate';
export const LANGUAGE_ID = 'corroborate-source';

/** A seed file in the workspace (a temporary copy of seeds/). */
export function seedUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder (a copy of seeds/)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openSeed(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(seedUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position inside the first line that satisfies lineMatches, at `offset` characters into `token`. */
export function positionOf(document: vscode.TextDocument, token: string, lineMatches: (text: string) => boolean = () => true,
  offset = 1): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const at = text.indexOf(token);
    if (at >= 0 && lineMatches(text)) return new vscode.Position(line, at + offset);
  }
  throw new Error(`no line of ${document.uri.path} holds ${JSON.stringify(token)} as asked`);
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  await extension.activate();
  return extension;
}

/**
 * Asks `probe` again each time the language features may have changed (diagnostics published: the server has
 * analysed a document and its index) until it returns a value, and fails with `describe()` after timeoutMs.
 * A slow tick (1 s) is the fallback for changes that publish nothing; no result is read after a fixed sleep.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, describe: () => string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const left = deadline - Date.now();
    if (left <= 0) throw new assert.AssertionError({ message: describe() });
    await new Promise<void>((resolve) => {
      const done = () => { listener.dispose(); clearTimeout(timer); resolve(); };
      const listener = vscode.languages.onDidChangeDiagnostics(done);
      const timer = setTimeout(done, Math.min(1000, left));
    });
  }
}

/** Waits for diagnostics of uri that satisfy predicate, on onDidChangeDiagnostics. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean,
  timeoutMs = 45_000): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (predicate(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}: [${d.source}/${codeOf(d)}] ${d.message}`);
      reject(new assert.AssertionError({ message: `no matching diagnostics on ${uri.path} in ${timeoutMs} ms; saw:\n  ${seen.join('\n  ') || '(none)'}` }));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

export const codeOf = (d: vscode.Diagnostic): string | number | undefined =>
  typeof d.code === 'object' ? d.code.value : d.code;

/** The text of hover contents, whatever shape each part has. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n');
}

// The editor tier: Corroborate installed from its .vsix, in real VS Code (code-server), on a copy of seeds/.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, codeOf, EXTENSION_ID, eventually, hoverText, LANGUAGE_ID, openSeed, positionOf, seedUri,
  waitForDiagnostics } from './helpers';

const SEED_KERRY = '000_c30909410dccb984.txt';
const SEED_CJTF = '003_a8a8b5ddc81d522f.txt';

describe('Corroborate in VS Code', () => {
  it('activates on the seeds, from the installed .vsix', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    // the installed package, not a development folder: what ships is what is tested
    assert.ok(!extension.extensionPath.startsWith(path.resolve(__dirname, '../../..')),
      `loaded from the extensions dir, not the repository: ${extension.extensionPath}`);
    // VS Code runs the tests once the eager activations (workspaceContains:**/*.txt here) are done
    assert.ok(extension.isActive, 'activated by its activation events on a folder of .txt sources');
    const { document } = await openSeed(SEED_KERRY);
    assert.strictEqual(document.languageId, LANGUAGE_ID);
  });

  it('marks page furniture ("please wait") as unnecessary noise', async () => {
    await activeExtension();
    const { document } = await openSeed(SEED_KERRY);
    const line = positionOf(document, 'please wait', (t) => t.trim() === 'please wait').line;
    const isNoise = (d: vscode.Diagnostic) => d.source === 'corroborate' && codeOf(d) === 'noise' && d.range.start.line === line;
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some(isNoise));
    const noise = diagnostics.find(isNoise)!;
    assert.ok(noise.tags?.includes(vscode.DiagnosticTag.Unnecessary), 'noise is tagged Unnecessary (rendered faded)');
  });

  it('hovers a figure with what the other sources say', async () => {
    await activeExtension();
    const { document } = await openSeed(SEED_KERRY);
    // the paragraph, not the teaser lines repeating its first sentence at the top
    const position = positionOf(document, '10,000', (t) => t.startsWith('Some 10,000') && t.includes('These sorties'));
    let last = '';
    const text = await eventually(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      last = hoverText(hovers ?? []);
      return last.includes('3,700') && last.includes('6 May 2015') ? last : undefined;
    }, () => `hover on "10,000" (line ${position.line + 1}) should name "3,700" (seed 003) and "6 May 2015"; it was:\n${last || '(no hover)'}`);
    assert.match(text, /3,700/);
  });

  it('shows a code lens with the document date at the top', async () => {
    await activeExtension();
    const uri = seedUri(SEED_CJTF);
    const { document } = await openSeed(SEED_CJTF);
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    let titles: string[] = [];
    await eventually(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      const sorted = [...(lenses ?? [])].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      titles = sorted.map((l) => l.command?.title ?? '(unresolved)');
      return titles[0]?.includes('6 May 2015') ? titles : undefined;
    }, () => `the first code lens of ${SEED_CJTF} should name 6 May 2015; lenses: ${JSON.stringify(titles)}`);
  });

  it('gives Source documents prose defaults: word wrap on, no boxes around curly quotes and dashes', async () => {
    await activeExtension();
    const { document } = await openSeed(SEED_KERRY);
    const editor = vscode.workspace.getConfiguration('editor', document);
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off',
      'other languages keep their own defaults');
  });

  it('opens the timeline webview with "Corroborate: Show Timeline"', async () => {
    await activeExtension();
    await openSeed(SEED_CJTF);
    const isTimeline = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('corroborate.timeline');
    const visible = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => isTimeline(t) && (t.isActive || g.activeTab === t)));
    await new Promise<void>((resolve, reject) => {
      const finish = (error?: unknown) => {
        clearTimeout(timer);
        listener.dispose();
        if (error) reject(error); else resolve();
      };
      const timer = setTimeout(() => {
        const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${t.label} (${t.input instanceof vscode.TabInputWebview ? `webview ${t.input.viewType}` : 'not a webview'})`));
        finish(new assert.AssertionError({ message: `no visible webview tab with viewType corroborate.timeline within 30 s; tabs: ${tabs.join(', ')}` }));
      }, 30_000);
      const listener = vscode.window.tabGroups.onDidChangeTabs(() => { if (visible()) finish(); });
      vscode.commands.executeCommand('corroborate.showTimeline').then(() => { if (visible()) finish(); }, finish);
    });
  });
});

#!/usr/bin/env node
// The editor tier's UI checks: what a reader sees, in Debian's headless Chromium (playwright-core) on a served
// code-server with the .vsix installed. Hover on a figure, the code lens, the Problems panel, the timeline
// webview. Waits on selectors and events only; screenshots go to test-results/.
//
//   node test/editor/ui-check.mjs [corroborate-X.vsix]   (standalone; normally run by scripts/run-editor-tests.mjs)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProfile, installVsix, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { ROOT } from '../../scripts/setup-editor.mjs';

const SEED = '003_a8a8b5ddc81d522f.txt';
/** Seeds whose text gives no date, with the date the test gives each through the quick fix. */
const UNDATED_SEEDS = [['000_c30909410dccb984.txt', '2016-03-15'], ['002_4dfe93347b0ca329.txt', '2016-02-26'], ['004_3200b12363fb0499.txt', '2018-02-13']];
const RESULTS = path.join(ROOT, 'test-results');
const WAIT = { timeout: 60_000 };

/**
 * Runs the checks against a fresh profile with vsix installed and a copy of seeds/ as the workspace.
 * Returns [{ name, ok, detail }].
 */
export async function runUiChecks({ vsix, tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ui-')), log = console.log } = {}) {
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const f of fs.readdirSync(RESULTS)) if (f.startsWith('ui-')) fs.rmSync(path.join(RESULTS, f)); // this run's only
  const workspace = path.join(tmp, 'workspace', 'seeds'); // named seeds/: the language is declared for **/seeds/*.txt
  fs.cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
  const profile = createProfile(path.join(tmp, 'profile'));
  installVsix(profile, vsix);
  const results = [];
  let server; let browser;
  const screenshot = async (name) => {
    const file = path.join(RESULTS, `ui-${name}.png`);
    await browser?.page.screenshot({ path: file }).catch(() => {});
    return path.relative(ROOT, file);
  };
  const check = async (name, fn) => {
    const t0 = Date.now();
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail, ms: Date.now() - t0 });
    } catch (e) {
      const shot = await screenshot(`failure-${name.replace(/\W+/g, '-').toLowerCase()}`);
      results.push({ name, ok: false, detail: `${e.message.split('\n').slice(0, 6).join('\n')}\n(screenshot ${shot})`, ms: Date.now() - t0 });
    }
    const r = results.at(-1);
    log(`${r.ok ? 'ok' : 'not ok'} ${results.length} - ${name} (${r.ms} ms)${r.detail ? `\n    ${String(r.detail).replace(/\n/g, '\n    ')}` : ''}`);
    return r.ok;
  };

  const interrupted = async () => {
    await browser?.context.close().catch(() => {});
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    server = await startCodeServer(profile, { folder: workspace });
    browser = await launchChromium(path.join(tmp, 'chromium'));
    const { page } = browser;
    const quickInput = page.locator('.quick-input-widget input');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // keyboard focus for the shortcuts, by the editor's tab (clicking the text would scroll it)
    const focusEditor = () => page.locator('.tabs-container .tab.active').first().click();
    /** Quick Open or the command palette: type, wait for the row, Enter. A keystroke the workbench lost is pressed again once. */
    const quickInputPick = async (keys, typed, rowText) => {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
      const attempt = async (timeout) => {
        await page.keyboard.press(keys);
        await quickInput.waitFor({ timeout });
        await quickInput.fill(typed);
        await row.waitFor({ timeout });
      };
      await attempt(10_000).catch(async () => { await page.keyboard.press('Escape'); await attempt(WAIT.timeout); });
      await page.keyboard.press('Enter');
    };

    const opened = await check(`workbench opens ${SEED}`, async () => {
      await page.goto(workbenchUrl(server.url, { folder: workspace }));
      await page.locator('.monaco-workbench').waitFor(WAIT);
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor(WAIT);
      await quickInputPick('Control+P', SEED, SEED);
      await editor.locator('.view-line', { hasText: 'A dozen nations' }).waitFor(WAIT);
      return `${SEED} open in the editor`;
    });
    if (!opened) return results;

    await check('code lens at the top of the document', async () => {
      const lens = editor.locator('.codelens-decoration').first();
      await lens.waitFor(WAIT);
      await editor.locator('.codelens-decoration', { hasText: /\d{4}-\d{2}-\d{2}/ }).first().waitFor(WAIT);
      const text = (await lens.innerText()).trim();
      await screenshot('codelens');
      if (!text.includes('2015-05-06')) throw new Error(`first code lens should name 2015-05-06: ${JSON.stringify(text)}`);
      return JSON.stringify(text);
    });

    await check('hover on the figure "3,700" names the other sources', async () => {
      const line = editor.locator('.view-line', { hasText: 'A dozen nations have undertaken more than 3,700' }).first();
      await line.waitFor(WAIT);
      // where "3,700" is drawn: the token spans depend on the grammar, so measure the characters themselves
      const box = await line.evaluate((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf('3,700');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at + 1);
          range.setEnd(node, at + 3);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        return null;
      });
      if (!box) throw new Error('"3,700" is not drawn as one text run');
      await page.mouse.move(box.x - 40, box.y - 30);
      await page.mouse.move(box.x, box.y, { steps: 8 });
      const hover = page.locator('.monaco-hover:visible', { hasText: /airstrike/i }).first();
      await hover.waitFor(WAIT);
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished))); // fade-in done
      const text = (await hover.innerText()).trim();
      await screenshot('hover');
      if (!/10,000|\b00[0124][\s_]/.test(text)) throw new Error(`hover should name another source (e.g. 10,000 from 000_…): ${JSON.stringify(text)}`);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      return JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
    });

    await check('Problems panel lists a Corroborate entry', async () => {
      await focusEditor();
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: /corroborate/i }).first();
      await row.waitFor(WAIT);
      const text = (await row.innerText()).trim().replace(/\s+/g, ' ');
      await screenshot('problems');
      return JSON.stringify(text);
    });

    // Seeds with no date in their text get one the way a reader gives it: the quick fix on the "undated" problem.
    for (const [seed, date] of UNDATED_SEEDS) {
      await check(`quick fix sets the date of ${seed}`, async () => {
        // opened from the Explorer, as a reader would: a click does not depend on where keyboard focus is
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: seed }).first().click();
        await page.locator('.tabs-container .tab.active', { hasText: seed }).waitFor(WAIT);
        await editor.locator('.codelens-decoration', { hasText: 'Date unknown' }).first().waitFor(WAIT);
        // the preferred fix comes first and is selected: Enter applies it, as a keyboard user would
        const fix = page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Set the publication date' }).first();
        const openQuickFix = async (timeout) => {
          // a click in the text gives the editor keyboard focus (a focused tab or panel would swallow Ctrl+.)
          await editor.locator('.view-line').first().click();
          await page.keyboard.press('Control+Home');
          await page.keyboard.press('Control+.');
          await fix.waitFor({ timeout });
        };
        await openQuickFix(10_000).catch(() => openQuickFix(WAIT.timeout));
        await page.keyboard.press('Enter');
        await quickInput.waitFor(WAIT);
        await quickInput.fill(date);
        await page.keyboard.press('Enter');
        const keep = page.locator('.quick-input-list .monaco-list-row', { hasText: 'corroborate.corrections.json' }).first();
        await keep.waitFor(WAIT);
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', ...WAIT });
        const lens = editor.locator('.codelens-decoration', { hasText: `${date} (correction)` }).first();
        await lens.waitFor(WAIT);
        return JSON.stringify((await lens.innerText()).trim());
      });
    }

    await check('"Corroborate: Show Timeline" shows the timeline webview', async () => {
      await focusEditor();
      await quickInputPick('Control+Shift+P', '>Corroborate: Show Timeline', 'Corroborate: Show Timeline');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const title = frame.locator('#timeline-title');
      await title.waitFor(WAIT);
      await frame.locator('#timeline-events .timeline-event').first().waitFor(WAIT);
      await frame.locator('.vis-timeline .vis-item').first().waitFor(WAIT); // the chart itself, drawn by vis-timeline
      const events = await frame.locator('#timeline-events .timeline-event').evaluateAll((els) =>
        els.map((el) => ({ path: el.getAttribute('data-path'), date: el.getAttribute('data-date') })));
      await screenshot('timeline');
      // dates are as precise as the text: 2004, 2015-W18, 2015-05-06
      const bad = events.filter((e) => !e.path || !/^\d{4}/.test(e.date ?? ''));
      if (bad.length) throw new Error(`timeline events need data-path and a data-date (ISO, any precision): ${JSON.stringify(bad.slice(0, 3))}`);
      if (!events.some((e) => e.date.startsWith('2015-05-06') && e.path.includes('003_'))) {
        throw new Error(`no event of ${SEED} dated 2015-05-06 among ${JSON.stringify(events.slice(0, 10))}`);
      }
      const documents = new Set(events.map((e) => /\/(\d{3})_[0-9a-f]+\.txt$/.exec(e.path)?.[1]));
      for (const seed of ['000', '001', '002', '003', '004']) {
        if (!documents.has(seed)) throw new Error(`no event from ${seed}_… among ${JSON.stringify(events)}`);
      }
      return `${JSON.stringify((await title.innerText()).trim())}, ${events.length} events, e.g. ${JSON.stringify(events[0])}`;
    });
  } catch (e) {
    results.push({ name: 'UI checks ran', ok: false, detail: e.message });
    log(`not ok ${results.length} - UI checks ran\n    ${e.message}`);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await browser?.context.close().catch(() => {});
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.resolve(process.argv[2] ?? path.join(ROOT, `${name}-${version}.vsix`));
  const results = await runUiChecks({ vsix });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

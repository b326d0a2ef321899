#!/usr/bin/env node
// The editor tier's UI checks: what a reader sees, in Debian's headless Chromium (playwright-core) on a served
// code-server with the .vsix installed. Hover on a figure, the code lens, the Problems panel, the timeline
// webview. Waits on selectors and events only; screenshots go to test-results/.
//
//   node test/editor/ui-check.mjs [corroborate-X.vsix]   (standalone; normally run by scripts/run-editor-tests.mjs)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createProfile, installVsix, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { ROOT } from '../../scripts/setup-editor.mjs';

const SEED = '003_a8a8b5ddc81d522f.txt';
const KERRY = '000_c30909410dccb984.txt';
/** Seeds whose text gives no date: the date the test types into the prompt (as people write dates), and how the lens then reads it. */
const UNDATED_SEEDS = [[KERRY, 'March 15, 2016', '15 March 2016'], ['002_4dfe93347b0ca329.txt', '26 Feb 2016', '26 February 2016'],
  ['004_3200b12363fb0499.txt', '2018-02-13', '13 February 2018']];
/** A TIMEX3 code, as the server's own check spells it (built by npm run build). */
const { TIMEX_CODE } = createRequire(import.meta.url)('../../out/server/src/core/features/date-words.js');
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
    /** Where the middle of `needle` is drawn inside `line` (the token spans depend on the grammar: measure the characters). */
    const charBox = (line, needle) => line.evaluate((el, wanted) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + Math.max(2, wanted.length - 1));
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    }, needle);
    /** Moves the real mouse onto `needle` in the first drawn line holding `lineText`; returns the hover that shows `hoverText`. */
    const hoverOn = async (lineText, needle, hoverText) => {
      const line = editor.locator('.view-line', { hasText: lineText }).first();
      await line.waitFor(WAIT);
      const box = await charBox(line, needle);
      if (!box) throw new Error(`${JSON.stringify(needle)} is not drawn as one text run`);
      await page.mouse.move(box.x - 40, box.y - 30);
      await page.mouse.move(box.x, box.y, { steps: 8 });
      const hover = page.locator('.monaco-hover:visible', { hasText: hoverText }).first();
      await hover.waitFor(WAIT);
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished))); // fade-in done
      return hover;
    };
    const leaveHover = async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    };
    /** Reveals a line (1-based) of the active editor through Go to Line. */
    const goToLine = async (line) => {
      await focusEditor();
      await page.keyboard.press('Control+G');
      await quickInput.waitFor(WAIT);
      await quickInput.fill(`:${line}`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', ...WAIT });
    };
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

    let lensStoryTitle = null;
    await check('code lens at the top of the document', async () => {
      const lens = editor.locator('.codelens-decoration').first();
      await lens.waitFor(WAIT);
      await editor.locator('.codelens-decoration', { hasText: /\d+ \w+ \d{4}/ }).first().waitFor(WAIT);
      const text = (await lens.innerText()).trim();
      await screenshot('codelens');
      if (!text.includes('6 May 2015')) throw new Error(`first code lens should name 6 May 2015: ${JSON.stringify(text)}`);
      if (TIMEX_CODE.test(text)) throw new Error(`the code lens shows a raw date code: ${JSON.stringify(text)}`);
      lensStoryTitle = /Story: (.+?) · /.exec(await editor.locator('.codelens-decoration', { hasText: 'Story:' }).first().innerText())?.[1] ?? null;
      return JSON.stringify(text);
    });

    await check('hover on the figure "3,700" names the other sources', async () => {
      const hover = await hoverOn('A dozen nations have undertaken more than 3,700', '3,700', /airstrike/i);
      const text = (await hover.innerText()).trim();
      await screenshot('hover');
      if (!/10,000|\b00[0124][\s_]/.test(text)) throw new Error(`hover should name another source (e.g. 10,000 from 000_…): ${JSON.stringify(text)}`);
      await leaveHover();
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
    for (const [seed, date, inWords] of UNDATED_SEEDS) {
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
        const lens = editor.locator('.codelens-decoration', { hasText: `${inWords} (correction)` }).first();
        await lens.waitFor(WAIT);
        // the quick fix shows the corrections file it wrote, beside the document
        await page.locator('.tabs-container .tab', { hasText: 'corroborate.corrections.json' }).first().waitFor(WAIT);
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: seed }).first().click(); // back to the seed's group
        await page.locator('.tabs-container .tab.active', { hasText: seed }).first().waitFor(WAIT);
        return `${JSON.stringify((await lens.innerText()).trim())}, corrections file shown beside`;
      });
    }

    // 000 is dated now (15 March 2016): its relative dates read as words, in the hint and in the hover.
    const kerryText = fs.readFileSync(path.join(workspace, KERRY), 'utf8');
    const lastMayLine = kerryText.split('\n').findIndex((line) => line.includes('since last May')) + 1;
    await check('inlay hint and hover of "last May" in 000 read "May 2015", with no raw code', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: KERRY }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: KERRY }).first().waitFor(WAIT);
      await goToLine(lastMayLine);
      const line = editor.locator('.view-line', { hasText: 'since last May' }).first();
      await line.waitFor(WAIT);
      // the hint may be drawn as text or as generated content (::before / ::after): read both, in order
      const drawnText = () => line.evaluate((el) => {
        let out = '';
        const generated = (node, pseudo) => {
          const content = getComputedStyle(node, pseudo).content;
          return content && content !== 'none' && content !== 'normal' ? content.replace(/^["']|["']$/g, '') : '';
        };
        const walk = (node) => {
          if (node.nodeType === Node.TEXT_NODE) { out += node.textContent; return; }
          if (node.nodeType !== Node.ELEMENT_NODE) return;
          out += generated(node, '::before');
          node.childNodes.forEach(walk);
          out += generated(node, '::after');
        };
        walk(el);
        return out.replace(/\s+/g, ' ');
      });
      let drawn = await drawnText();
      for (const deadline = Date.now() + WAIT.timeout; !/since last May\s*May 2015/.test(drawn) && Date.now() < deadline;) {
        await line.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve))); // the hints arrive after the text
        drawn = await drawnText();
      }
      if (!/since last May\s*May 2015/.test(drawn)) throw new Error(`no "May 2015" hint after "since last May": ${JSON.stringify(drawn)}`);
      if (TIMEX_CODE.test(drawn)) throw new Error(`the line with its inlay hint shows a raw date code: ${JSON.stringify(drawn)}`);
      const hover = await hoverOn('since last May', 'last', /May 2015/);
      const text = (await hover.innerText()).trim();
      await screenshot('hover-date');
      // the TIMEX3 value may be given as a labelled detail, nowhere else
      const unlabelled = text.replace(/TIMEX3\s+\S+/g, '');
      if (TIMEX_CODE.test(unlabelled)) throw new Error(`the date hover shows a raw code outside its TIMEX3 detail: ${JSON.stringify(text)}`);
      await leaveHover();
      return `hint ${JSON.stringify(/since last May\s*May 2015/.exec(drawn)?.[0])}; hover ${JSON.stringify(text)}`;
    });

    await check('hover on the first "10,000" of 000 (a teaser line) gives the figure group of its body copy', async () => {
      await goToLine(1);
      const hover = await hoverOn('Some 10,000 Coalition airstrikes assisted', '10,000', /Repeated at/);
      const text = (await hover.innerText()).trim();
      await screenshot('hover-teaser');
      if (!/3,700/.test(text) || !/6 May 2015/.test(text)) throw new Error(`the hover should hold the group (3,700 on 6 May 2015 in 003): ${JSON.stringify(text)}`);
      const first = kerryText.split('\n').findIndex((l) => l.includes('10,000')) + 1;
      if (first >= lastMayLine) throw new Error('the first "10,000" should be on a teaser line above the paragraph');
      await leaveHover();
      return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
    });

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

    await check('the timeline opens on the busy period of the seeds, labels readable, Fit shows all', async () => {
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const chart = frame.locator('#timeline-chart');
      await frame.locator('#timeline-window').filter({ hasText: /events/ }).waitFor(WAIT);
      const windowOf = async () => ({ start: new Date(await chart.getAttribute('data-window-start')), end: new Date(await chart.getAttribute('data-window-end')) });
      const opening = await windowOf();
      const axis = (await frame.locator('.vis-time-axis .vis-text').allInnerTexts()).map((t) => t.trim()).filter(Boolean).join(' ');
      // 2004 and 2014 are background mentions in 004: they stay items but must not stretch the opening window
      if (opening.start.getUTCFullYear() < 2015) throw new Error(`the window opens in ${opening.start.toISOString()}, stretched by a background mention (axis ${axis})`);
      if (!(opening.start <= new Date('2015-05-06') && opening.end >= new Date('2015-05-07'))) throw new Error(`6 May 2015 (003) is out of the opening window ${JSON.stringify(opening)}`);
      const labels = await frame.locator('.vis-item .vis-item-content').evaluateAll((els) => els
        .filter((el) => el.textContent && el.getBoundingClientRect().width > 0)
        .map((el) => ({ text: el.textContent, width: el.getBoundingClientRect().width })));
      const cut = labels.filter((label) => label.width < 40);
      if (!labels.length || cut.length) throw new Error(`labels cut short: ${JSON.stringify(cut.slice(0, 5))} of ${labels.length}`);
      const shown = await frame.locator('#timeline-window').innerText();
      await frame.locator('#timeline-fit').click();
      await frame.locator('#timeline-window').filter({ hasNotText: shown }).waitFor(WAIT);
      const fitted = await windowOf();
      if (fitted.start > new Date('2004-01-01')) throw new Error(`Fit should show the 2004 mention: ${JSON.stringify(fitted)}`);
      const cutAfterFit = (await frame.locator('.vis-item .vis-item-content').evaluateAll((els) => els
        .filter((el) => el.textContent && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().width < 40).length));
      if (cutAfterFit) throw new Error(`after Fit, ${cutAfterFit} labels are cut short`);
      await screenshot('timeline-fit');
      await frame.locator('#timeline-busiest').click();
      await frame.locator('#timeline-window').filter({ hasText: shown }).waitFor(WAIT);
      return `opens on ${shown}; axis ${JSON.stringify(axis)}; Fit ${fitted.start.toISOString().slice(0, 10)} – ${fitted.end.toISOString().slice(0, 10)}`;
    });

    await check('the timeline opens on the story of the active document; "All stories" is offered', async () => {
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const story = frame.locator('#filter-story');
      await story.waitFor(WAIT);
      const options = await story.locator('option').allInnerTexts();
      const chosen = await story.inputValue();
      if (!options.includes('All stories')) throw new Error(`no "All stories" in ${JSON.stringify(options)}`);
      if (!chosen) throw new Error(`the story selector opens on "All stories", not the active document's story (${JSON.stringify(options)})`);
      const chosenText = await story.locator('option:checked').innerText();
      if (lensStoryTitle && !chosenText.startsWith(lensStoryTitle.slice(0, 40))) {
        throw new Error(`the selector names the story ${JSON.stringify(chosenText)}, the document's lens ${JSON.stringify(lensStoryTitle)}`);
      }
      return `story ${JSON.stringify(options[options.findIndex((o, i) => i > 0)])} chosen of ${JSON.stringify(options)}`;
    });

    /** In one editor group with SEED open and its "3,700" line in view, the hover of that figure once it shows `expected`. */
    const hoverOnSeedFigure = async (expected) => {
      await focusEditor();
      await quickInputPick('Control+Shift+P', '>View: Single Column Editor Layout', 'Single Column Editor Layout');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: SEED }).first().waitFor(WAIT);
      const seedText = fs.readFileSync(path.join(workspace, SEED), 'utf8');
      await goToLine(seedText.split('\n').findIndex((line) => line.includes('A dozen nations have undertaken more than 3,700')) + 1);
      return hoverOn('A dozen nations have undertaken more than 3,700', '3,700', expected);
    };

    await check('"Show in timeline" from a figure\'s hover shows that figure group\'s values over time', async () => {
      const hover = await hoverOnSeedFigure(/Show in timeline/);
      await hover.locator('a', { hasText: 'Show in timeline' }).first().click();
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const banner = frame.locator('#timeline-figure', { hasText: 'Coalition airstrikes' });
      await banner.waitFor(WAIT);
      const values = frame.locator('.vis-item.figure-value');
      await values.first().waitFor(WAIT);
      const drawn = (await values.allInnerTexts()).map((t) => t.trim());
      if (!drawn.some((t) => t.includes('3,700'))) throw new Error(`the group's dated values should be drawn: ${JSON.stringify(drawn)}`);
      const rows = await frame.locator('#timeline-events .timeline-event:not([hidden])').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-path')?.replace(/^.*\//, '').slice(0, 3)))]);
      if (rows.some((seed) => !['000', '002', '003'].includes(seed ?? ''))) throw new Error(`only the group's documents should be listed: ${JSON.stringify(rows)}`);
      await screenshot('timeline-figure');
      const text = (await banner.innerText()).trim();
      await frame.locator('#timeline-figure-clear').click();
      await frame.locator('#timeline-figure').waitFor({ state: 'hidden', ...WAIT });
      return `${JSON.stringify(text)}; values ${JSON.stringify(drawn)}; documents ${JSON.stringify(rows)}`;
    });

    await check('"These are different measures…" lets the reader pick the members that leave the group', async () => {
      // one editor group again (the timeline opened beside), with 003 in it and its 3,700 line in view
      const hover = await hoverOnSeedFigure(/different measures/);
      await hover.locator('a', { hasText: 'These are different measures' }).first().click();
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor(WAIT);
      const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      if (labels.length < 3) throw new Error(`the pick should list the group's members: ${JSON.stringify(labels)}`);
      await screenshot('separate-pick');
      // a click on a row ticks it (a multi-select pick); OK takes the ticked ones
      await rows.filter({ hasText: 'more than 10,000 strikes' }).first().click();
      await page.locator('.quick-input-widget', { hasText: '1 Selected' }).first().waitFor(WAIT);
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', ...WAIT });
      const correctionsGroup = page.locator('.editor-group-container')
        .filter({ has: page.locator('.tabs-container .tab.active', { hasText: 'corroborate.corrections.json' }) }).first();
      const lines = correctionsGroup.locator('.view-lines').first();
      await lines.filter({ hasText: 'more than 10,000 strikes' }).waitFor(WAIT);
      const written = (await lines.innerText()).replace(/\s+/g, ' ');
      // each member that leaves is recorded apart from each that stays: two pairs, 002 with 003 and 002 with 000
      const pairs = written.match(/\[ \{ "path": "002_[^"]+", "text": "more than 10,000 strikes" \}, \{ "path": "00[03]_[^"]+", "text": "[^"]+"/g) ?? [];
      if (pairs.length !== 2 || !/3,700 airstrikes/.test(pairs.join()) || !/Some 10,000 Coalition airstrikes/.test(pairs.join())) {
        throw new Error(`the corrections file should pair the leaving member with each staying one: ${JSON.stringify(written.slice(0, 600))}`);
      }
      await screenshot('separate-written');
      return `members ${JSON.stringify(labels)}; corrections ${JSON.stringify(pairs)}`;
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

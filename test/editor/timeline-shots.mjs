#!/usr/bin/env node
// The timeline as a reader first sees it, on a folder of articles: opens the folder in code-server (the .vsix
// installed), runs "Corroborate: Show Timeline", waits for the chart, and prints what it shows (the visible
// window, how long the chart stayed blank) and saves a screenshot. For the README's pictures and for checking
// the timeline on a real folder by hand.
//
//   node test/editor/timeline-shots.mjs FOLDER OUT.png [--theme=dark|light] [--vsix=corroborate-0.1.0.vsix]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProfile, installVsix, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { ROOT } from '../../scripts/setup-editor.mjs';

const [folderArg, outArg, ...flags] = process.argv.slice(2);
if (!folderArg || !outArg) {
  console.error('usage: timeline-shots.mjs FOLDER OUT.png [--theme=dark|light] [--vsix=FILE]');
  process.exit(2);
}
const flag = (name, fallback) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.resolve(flag('vsix', path.join(ROOT, `${name}-${version}.vsix`)));
const theme = flag('theme', 'dark') === 'light' ? 'Default Light Modern' : 'Default Dark Modern';
const WAIT = { timeout: 60_000 };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-shots-'));
const workspace = path.join(tmp, 'articles');
fs.cpSync(path.resolve(folderArg), workspace, { recursive: true });
const profile = createProfile(path.join(tmp, 'profile'), { settings: { 'workbench.colorTheme': theme, 'workbench.activityBar.location': 'hidden' } });
installVsix(profile, vsix);
let server; let browser;
try {
  server = await startCodeServer(profile, { folder: workspace });
  browser = await launchChromium(path.join(tmp, 'chromium'), { viewport: { width: 1500, height: 950 } });
  const { page } = browser;
  page.on('console', (message) => { if (message.type() === 'error' && !/vsda|open-vsx|404/.test(message.text())) console.error(`console: ${message.text()}`); });
  await page.goto(workbenchUrl(server.url, { folder: workspace }));
  await page.locator('.monaco-workbench').waitFor(WAIT);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor(WAIT);
  // the index is ready when the status bar counts the sources
  await page.locator('.statusbar-item', { hasText: /Corroborate: \d+ sources?/ }).first().waitFor(WAIT);
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').fill('>Corroborate: Show Timeline');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Corroborate: Show Timeline' }).first().waitFor(WAIT);
  const asked = Date.now();
  await page.keyboard.press('Enter');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('#timeline-title').waitFor(WAIT);
  const webviewUp = Date.now();
  await frame.locator('.vis-timeline .vis-item').first().waitFor(WAIT);
  const drawn = Date.now();
  await page.keyboard.press('Control+B'); // the side bar away: the timeline gets the width a reader would give it
  await frame.locator('#timeline-window').filter({ hasText: /events/ }).waitFor(WAIT);
  const chart = frame.locator('#timeline-chart');
  const window = { start: await chart.getAttribute('data-window-start'), end: await chart.getAttribute('data-window-end') };
  const shown = await frame.locator('#timeline-window').innerText();
  const labels = await frame.locator('.vis-item .vis-item-content').evaluateAll((els) => els
    .filter((el) => el.getBoundingClientRect().width > 0).map((el) => ({ text: el.textContent ?? '', width: el.getBoundingClientRect().width })));
  const cut = labels.filter((label) => label.text.length > 0 && label.width < 40);
  fs.mkdirSync(path.dirname(path.resolve(outArg)), { recursive: true });
  await page.screenshot({ path: path.resolve(outArg) });
  console.log(JSON.stringify({ folder: folderArg, blankMs: drawn - asked, webviewMs: webviewUp - asked, window, shown, labels: labels.length, narrowLabels: cut.length }, null, 2));
} catch (error) {
  await browser?.page.screenshot({ path: path.resolve(outArg) }).catch(() => {});
  throw error;
} finally {
  await browser?.context.close().catch(() => {});
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

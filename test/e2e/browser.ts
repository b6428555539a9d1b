import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
export const CHROMIUM = process.env.ARCHSIM_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless Chromium in a container without a GPU or network (DEVELOPERS.md). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = join('test-artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** A fresh page at 1440 × 900 with the console's errors collected. */
export async function openApp(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  // Headless Chromium has the File System Access pickers, which a test cannot drive: without
  // them the app falls back to downloads (save, export) and uploads (open).
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showSaveFilePicker;
    delete w.showOpenFilePicker;
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Failed loads are reported by URL (the console's own message has none); the browser's
  // automatic favicon request is not the app's.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The data-testid selector. */
export const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}`;

/** Opens a bundled example from the library (by its file name without .yaml) and waits for its canvas. */
export async function openExample(page: Page, name: string): Promise<void> {
  await page.click(tid('open-example'));
  await page.click(tid('library-item', `[data-name="${name}"]`));
  await page.waitForSelector(tid('canvas-node'));
}

/** The active document's YAML text (switches to the Source view). */
export async function yamlText(page: Page): Promise<string> {
  await page.click(tid('tab-yaml'));
  return page.inputValue(tid('yaml-view'));
}

/** Replaces the active document's YAML text in the Source view. */
export async function setYaml(page: Page, text: string): Promise<void> {
  await page.click(tid('tab-yaml'));
  await page.fill(tid('yaml-view'), text);
}

/** A browser with the app open on a bundled example (the start of most browser tests). */
export async function startWithExample(url: string, example: string): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launchBrowser();
  const { page, errors } = await openApp(browser, url);
  await openExample(page, example);
  return { browser, page, errors };
}

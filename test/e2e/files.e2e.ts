import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, openExample, screenshot, setYaml, tid, yamlText } from './browser.ts';

/** Files in the browser build: open (picker and drop), save (a download), shortcuts and theme. */
describe('files, shortcuts and theme', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const scenarioText = readFileSync('scenarios/examples/retry-storm.yaml', 'utf8');
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a YAML file chosen in the file dialog', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(tid('open-file'))]);
    await chooser.setFiles({ name: 'retry-storm.yaml', mimeType: 'text/yaml', buffer: Buffer.from(scenarioText) });
    await page.waitForSelector(tid('document-tab', '[data-name="retry-storm.yaml"]'));
    expect(await yamlText(page)).toBe(scenarioText);
  });

  it('opens a JSON scenario dropped onto the window', async () => {
    const json = JSON.stringify({
      archsim: 1,
      name: 'dropped',
      workload: { arrivals: '100/s' },
      endpoints: { get: { call: 'app.get' } },
      components: { app: { kind: 'service', replicas: 2, workers: 4, operations: { get: { cpu: 'exp(5ms)' } } } },
    }, null, 2);
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, json);
    await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await page.waitForSelector(tid('document-tab', '[data-name="dropped.json"]'));
    await page.click(tid('tab-canvas'));
    expect(await page.getAttribute(tid('canvas-node'), 'data-name')).toBe('app');
  });

  it('saves the edited document as a download that keeps its comments, and clears the dirty marker', async () => {
    await openExample(page, 'monolith');
    const text = await yamlText(page);
    const edited = text.replace(/name: .*/, 'name: Saved monolith');
    await setYaml(page, edited);
    await page.waitForSelector(tid('dirty-marker'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('save-file'))]);
    expect(download.suggestedFilename()).toBe('monolith.yaml');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(edited);
    await page.waitForSelector(tid('dirty-marker'), { state: 'detached' });
  });

  it('keyboard shortcuts undo and redo outside text fields', async () => {
    const saved = await yamlText(page);
    await setYaml(page, saved.replace(/name: .*/, 'name: Shortcut test'));
    await page.click(tid('tab-canvas'));
    await page.click(tid('topology-canvas'), { position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    expect(await yamlText(page)).toBe(saved);
    await page.click(tid('tab-canvas'));
    await page.click(tid('topology-canvas'), { position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+Shift+z');
    expect(await yamlText(page)).toContain('name: Shortcut test');
  });

  it('switches to the dark theme', async () => {
    await page.click(tid('tab-canvas'));
    let theme = await page.getAttribute(tid('theme-toggle'), 'data-theme-choice');
    for (let i = 0; i < 3 && theme !== 'dark'; i++) {
      await page.click(tid('theme-toggle'));
      theme = await page.getAttribute(tid('theme-toggle'), 'data-theme-choice');
    }
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await screenshot(page, '12-dark-canvas');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});

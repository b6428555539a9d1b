import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, openExample, screenshot, setYaml, tid, yamlText } from './browser.ts';

/** Crash safety: an edit is autosaved and offered back after a reload. */
describe('autosave and recovery', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reloading offers the autosaved edit, and accepting restores it as an unsaved document', async () => {
    const { page, errors } = await openApp(browser, inject('baseUrl'));
    await openExample(page, 'monolith');
    const text = await yamlText(page);
    const edited = text.replace(/name: .*/, 'name: Recovered monolith');
    await setYaml(page, edited);
    await page.waitForTimeout(2000); // autosave is debounced (~1 s)
    page.on('dialog', (d) => void d.accept()); // the unsaved-changes guard on reload
    await page.reload();
    await page.waitForSelector(tid('recover-banner'));
    await screenshot(page, '10-recover');
    await page.click(tid('recover-accept'));
    expect(await yamlText(page)).toBe(edited);
    expect(await page.isVisible(tid('dirty-marker'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

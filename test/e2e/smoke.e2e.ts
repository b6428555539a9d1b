import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, screenshot } from './browser.ts';

describe('the web build loads in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the app without console errors', async () => {
    const { page, errors } = await openApp(browser, inject('baseUrl'));
    await page.waitForSelector('#root *');
    expect(await page.title()).toContain('archsim');
    await screenshot(page, '00-start');
    expect(errors).toEqual([]);
  });
});

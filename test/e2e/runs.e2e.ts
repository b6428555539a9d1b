import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, openExample, screenshot, setYaml, tid, yamlText } from './browser.ts';

/** Running, cancelling, reading results, exporting the report and comparing two designs. */
describe('runs, results, export and comparison', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, inject('baseUrl')));
    await openExample(page, 'monolith');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the monolith with a progress bar, then shows the results table and charts', async () => {
    await page.click(tid('run'));
    await page.waitForSelector(tid('run-progress'));
    // Simulated time, replications, events/s and ETA, once the workers report.
    await page.waitForFunction((sel) => /simulated .* of .*events\/s.*ETA/.test(document.querySelector(sel)?.textContent ?? ''), tid('run-progress'));
    await screenshot(page, '05-running');
    await page.waitForSelector(tid('results-table'), { timeout: 110_000 });
    for (const name of ['getBalance', 'history', 'transfer', 'login', 'overall']) expect(await page.textContent(tid('results-table'))).toContain(name);
    expect(await page.isVisible(`${tid('chart-latency-cdf')} svg`)).toBe(true);
    expect(await page.$$(tid('chart-time-series'))).not.toHaveLength(0);
    await screenshot(page, '06-results');
    await page.locator(tid('availability')).scrollIntoViewIfNeeded();
    await screenshot(page, '07-results-availability');
  });

  it('colours the canvas by utilisation after the run', async () => {
    await page.click(tid('tab-canvas'));
    await screenshot(page, '08-canvas-after-run');
    const fill = await page.$eval(tid('canvas-node', '[data-name="db"]'), (n) => n.querySelector('rect')?.getAttribute('fill') ?? getComputedStyle(n.querySelector('rect')!).fill);
    expect(fill).toBeTruthy();
  });

  it('exports a self-contained HTML report with the results and charts', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-report'))]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    expect(html).toContain('Banking monolith');
    for (const name of ['getBalance', 'transfer']) expect(html).toContain(name);
    expect(html).toContain('<svg');
    expect(html).toContain('# three instances behind the service'); // the assumptions, with their comments
    expect(html).not.toMatch(/<script[\s>]/);
  });

  it('cancels a long run within seconds', async () => {
    const text = await yamlText(page);
    await setYaml(page, text.replace(/duration: \S+/, 'duration: 2h'));
    await page.click(tid('run'));
    await page.waitForSelector(tid('cancel-run'));
    await page.waitForTimeout(1500);
    const started = Date.now();
    await page.click(tid('cancel-run'));
    await page.waitForSelector(tid('run'), { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(5000);
    await setYaml(page, text);
  });

  it('compares two designs: the monolith with 3 and with 4 app replicas', async () => {
    await openExample(page, 'monolith');
    const text = await yamlText(page);
    await setYaml(page, text.replace(/replicas: 3 /, 'replicas: 4 '));
    await page.click(tid('compare'));
    await page.waitForSelector(tid('compare-table'), { timeout: 110_000 });
    const table = await page.textContent(tid('compare-table'));
    expect(table).toMatch(/throughput|p95/i);
    // B bills one more c6i.xlarge: the difference is not zero (the edit reached the comparison).
    expect(await page.textContent('main')).not.toMatch(/monthly cost: identical/);
    await screenshot(page, '09-compare');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, screenshot, setYaml, tid, yamlText } from './browser.ts';

/** Editing a scenario: canvas, inspector, YAML view, errors with paths, undo/redo. */
describe('editing the monolith example', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, inject('baseUrl')));
    await page.click(tid('open-example'));
    await screenshot(page, '01-library');
    await page.click(tid('library-item', '[data-name="monolith"]'));
    await page.waitForSelector(tid('canvas-node'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every component of the scenario on the canvas', async () => {
    const names = await page.$$eval(tid('canvas-node'), (nodes) => nodes.map((n) => n.getAttribute('data-name')).sort());
    expect(names).toEqual(['app', 'db', 'interbank']);
    await screenshot(page, '02-canvas');
  });

  it('a change in the inspector changes the YAML, keeping its comments, and marks the document dirty', async () => {
    await page.click(tid('canvas-node', '[data-name="app"]'));
    const field = tid('inspector-field', '[data-path="components.app.replicas"]');
    await page.fill(field, '4');
    await page.press(field, 'Tab');
    await screenshot(page, '03-inspector');
    const text = await yamlText(page);
    expect(text).toMatch(/replicas: 4 +# three instances behind the service's balancer/);
    expect(await page.isVisible(tid('dirty-marker'))).toBe(true);
  });

  it('undo and redo step through the edit', async () => {
    await page.click(tid('undo'));
    expect(await yamlText(page)).toMatch(/replicas: 3 +# three instances/);
    await page.click(tid('redo'));
    expect(await yamlText(page)).toMatch(/replicas: 4 +# three instances/);
  });

  it('an error shows with its path and line, and the run is disabled until it is fixed', async () => {
    const text = await yamlText(page);
    await setYaml(page, text.replace(/replicas: 4 /, 'replicas: -2 '));
    const item = tid('error-item', '[data-path="components.app.replicas"]');
    await page.waitForSelector(item);
    const message = await page.textContent(item);
    expect(message).toMatch(/^\d+:\d+ components\.app\.replicas: expected a positive integer, got -2/);
    expect(await page.isDisabled(tid('run'))).toBe(true);
    await screenshot(page, '04-source-error');
    await setYaml(page, text);
    await page.waitForSelector(item, { state: 'detached' });
    expect(await page.isDisabled(tid('run'))).toBe(false);
  });

  it('the canvas adds a component from the palette and deletes it again', async () => {
    await page.click(tid('tab-canvas'));
    await page.click(`${tid('palette')} button:has-text("Cache")`);
    await page.waitForSelector(tid('canvas-node', '[data-kind="cache"]'));
    const added = await page.getAttribute(tid('canvas-node', '[data-kind="cache"]'), 'data-name');
    expect(await yamlText(page)).toContain(`${added}:`);
    await page.click(tid('tab-canvas'));
    await page.click(tid('canvas-node', `[data-name="${added}"]`));
    await page.keyboard.press('Delete');
    await page.waitForSelector(tid('canvas-node', '[data-kind="cache"]'), { state: 'detached' });
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});

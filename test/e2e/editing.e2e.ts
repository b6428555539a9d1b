import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, screenshot, setYaml, startWithExample, tid, yamlText } from './browser.ts';

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

describe('dragging and sweeping', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await startWithExample(inject('baseUrl'), 'monolith'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const nodeAt = (name: string) => page.getAttribute(tid('canvas-node', `[data-name="${name}"]`), 'transform');

  it('a drag of a node is one undo step', async () => {
    const before = await nodeAt('db');
    const box = (await page.locator(tid('canvas-node', '[data-name="db"]')).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width / 2 + i * 5, box.y + box.height / 2 + i * 3);
    await page.mouse.up();
    expect(await nodeAt('db')).not.toBe(before);
    await page.click(tid('undo'));
    expect(await nodeAt('db')).toBe(before);
    expect(await page.isDisabled(tid('undo'))).toBe(true);
  });

  it('a sweep over the users finds where the SLOs break', async () => {
    const text = await yamlText(page);
    await setYaml(page, text.replace(/duration: \S+/, 'duration: 2m').replace(/replications: \d+/, 'replications: 1'));
    await page.click(tid('tab-results'));
    const form = tid('sweep-form');
    await page.waitForSelector(form);
    const inputs = page.locator(`${form} input`);
    await inputs.nth(0).fill('20000');
    await inputs.nth(1).fill('120000');
    await inputs.nth(2).fill('3');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(tid('sweep-results'), { timeout: 110_000 });
    expect(await page.textContent(tid('sweep-results'))).toMatch(/Knee: .*|No endpoint breaks its SLO/);
    await page.locator(tid('sweep-results')).scrollIntoViewIfNeeded();
    await screenshot(page, '11-sweep');
  });
});

describe('shaping the load profile', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await startWithExample(inject('baseUrl'), 'monolith'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('dragging the peak point up raises its multiplier in the YAML, as one undo step', async () => {
    const before = await yamlText(page);
    await page.click(tid('tab-canvas'));
    const handle = page.locator(tid('profile-handle', '[data-index="1"]'));
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - i * 3);
    await page.mouse.up();
    await screenshot(page, '13-profile-drag');
    const after = await yamlText(page);
    const peak = (text: string) => Number(/\{ at: 2m, x: ([\d.]+)/.exec(text)?.[1] ?? /at: 2m\s+x: ([\d.]+)/.exec(text)?.[1]);
    expect(peak(after)).toBeGreaterThan(peak(before));
    await page.click(tid('undo'));
    expect(await yamlText(page)).toBe(before);
  });
});

describe('edges and names', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await startWithExample(inject('baseUrl'), 'monolith'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const edge = (from: string, to: string) => tid('canvas-edge', `[data-from="${from}"][data-to="${to}"]`);

  it('deletes a call by selecting its edge, and undo brings it back', async () => {
    const before = await yamlText(page);
    await page.click(tid('tab-canvas'));
    await page.click(edge('app', 'interbank'));
    expect(await page.getAttribute(edge('app', 'interbank'), 'data-selected')).toBe('true');
    await page.keyboard.press('Delete');
    await page.waitForSelector(edge('app', 'interbank'), { state: 'detached' });
    expect(await yamlText(page)).not.toMatch(/external: interbank/);
    await page.click(tid('undo'));
    expect(await yamlText(page)).toBe(before);
  });

  it('renames a component everywhere it is used', async () => {
    await page.click(tid('tab-canvas'));
    await page.click(tid('canvas-node', '[data-name="db"]'));
    await page.fill(tid('rename-component'), 'postgres');
    await page.press(tid('rename-component'), 'Enter');
    await page.waitForSelector(tid('canvas-node', '[data-name="postgres"]'));
    const text = await yamlText(page);
    expect(text).toMatch(/query: postgres\.read/);
    expect(text).not.toMatch(/query: db\./);
    await page.waitForSelector(tid('error-item'), { state: 'detached' }).catch(() => undefined);
    expect(await page.$$(tid('error-item'))).toHaveLength(0);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, screenshot, tid } from './browser.ts';

/**
 * The case-study library in the app (issue 7): one card per study, a quick replay with its
 * verdict table, checks and assumption ledger, and a migration as one timeline. Quick runs
 * (2 replications, half the measured time) keep this file near two minutes on one core.
 */
const SLUGS = ['payfinity', 'payments-platform', 'fintech-edge', 'fintech-connect', 'fintechflow'];
/** The study replayed: PayFinity, else the payments platform. */
const REPLAY_CANDIDATES = ['payfinity', 'payments-platform'];

describe('case studies: library, replay and migration timeline', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, errors } = await openApp(browser, inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists one card per case study, with its scenario files, and no manifest or migration among them', async () => {
    await page.waitForSelector(tid('case-study-card'));
    const cards = await page.$$eval(tid('case-study-card'), (els) => els.map((e) => e.getAttribute('data-name')));
    expect(cards.length).toBeGreaterThanOrEqual(1);
    for (const slug of cards) expect(SLUGS).toContain(slug);
    const items = await page.$$eval(tid('library-item'), (els) => els.map((e) => e.getAttribute('data-name') ?? ''));
    expect(items.filter((n) => /case-study|migration/.test(n))).toEqual([]);
    for (const slug of cards) expect(items.some((n) => n.startsWith(`${slug}-`))).toBe(true);
    await page.$eval(tid('case-study-card'), (card) => card.closest('ul')?.previousElementSibling?.previousElementSibling?.scrollIntoView());
    await screenshot(page, '14-library-case-studies');
  });

  it('runs a quick replay and shows the verdict table, the checks and the assumption ledger', async () => {
    const slug = await firstCard(page, REPLAY_CANDIDATES, tid('case-study-replay'), '[data-valid="true"]');
    expect(slug, 'no replayable case study (payfinity or payments-platform with a case-study.yaml)').toBeDefined();
    await page.click(`${tid('case-study-card', `[data-name="${slug}"]`)} ${tid('case-study-replay')}`);
    await page.waitForSelector(tid('case-study-view', `[data-name="${slug}"][data-tab="replay"]`));
    await page.click(tid('case-study-quick'));
    await page.waitForSelector(tid('case-study-progress'));
    // Which scenario runs, of how many, and how far it is.
    await page.waitForFunction((sel) => /Quick replay: \S+ \(\S+\) \(\d+ of \d+\) · [1-9]\d*%/.test(document.querySelector(sel)?.textContent ?? ''), tid('case-study-progress'));
    await screenshot(page, '14-replay-running');
    await page.waitForSelector(tid('verdict-table'), { timeout: 110_000 });
    expect(await page.$(tid('case-study-error'))).toBeNull();
    const verdicts = await page.$$eval(tid('verdict-row'), (rows) => rows.map((r) => r.getAttribute('data-verdict')));
    for (const kind of ['reproduced', 'not reproduced', 'not modelled']) expect(verdicts).toContain(kind);
    // Verdicts are words, not colours alone.
    expect(await page.textContent(tid('verdict-table'))).toMatch(/not modelled/);
    expect(await page.$$(tid('check-item'))).not.toHaveLength(0);
    expect(await page.textContent(tid('assumption-ledger'))).toMatch(/source/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.cs-panel .section-head .chart-action')]);
    expect(download.suggestedFilename()).toBe(`${slug}-replay-quick.csv`);
    await page.$eval('.main-view', (el) => el.scrollTo(0, 0));
    await screenshot(page, '14-replay');
    await page.locator(tid('plausibility-checks')).scrollIntoViewIfNeeded();
    await screenshot(page, '14-replay-checks');
  });

  it('runs a quick migration and shows it as one timeline', async () => {
    await page.click(tid('open-example'));
    const slug = await firstCard(page, SLUGS, tid('case-study-migration'));
    expect(slug, 'no case study with a migration.yaml').toBeDefined();
    await page.click(`${tid('case-study-card', `[data-name="${slug}"]`)} ${tid('case-study-migration')}`);
    await page.waitForSelector(tid('case-study-view', `[data-name="${slug}"][data-tab="migration"]`));
    await page.click(tid('case-study-quick'));
    await page.waitForSelector(tid('migration-timeline'), { timeout: 110_000 });
    expect(await page.$(tid('case-study-error'))).toBeNull();
    expect(await page.$$(`${tid('migration-timeline')} svg.timeline-chart`)).toHaveLength(3);
    expect(await page.textContent(tid('migration-table'))).toMatch(/1\. /);
    await page.locator(tid('migration-timeline')).scrollIntoViewIfNeeded();
    await screenshot(page, '15-migration-timeline');
  });

  it('reads in the dark theme', async () => {
    let theme = await page.getAttribute(tid('theme-toggle'), 'data-theme-choice');
    for (let i = 0; i < 3 && theme !== 'dark'; i++) {
      await page.click(tid('theme-toggle'));
      theme = await page.getAttribute(tid('theme-toggle'), 'data-theme-choice');
    }
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await screenshot(page, '15-migration-timeline-dark');
    await page.click(tid('case-study-view', ' [role="tab"]:first-child'));
    await page.locator(tid('verdict-table')).scrollIntoViewIfNeeded();
    await screenshot(page, '14-replay-dark');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});

/** The first of `slugs` whose library card (matching `card`) has `selector` inside it. */
async function firstCard(page: Page, slugs: readonly string[], selector: string, card = ''): Promise<string | undefined> {
  for (const slug of slugs) {
    if (await page.$(`${tid('case-study-card', `[data-name="${slug}"]${card}`)} ${selector}`)) return slug;
  }
  return undefined;
}

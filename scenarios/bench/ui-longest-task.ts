/**
 * The UI's main-thread budget (issue 6): during a 50,000-user run the page's longest task must
 * stay under 50 ms. Builds the renderer (vite build, into a private folder so it does not race
 * other builds of dist/renderer), serves it with vite preview, drives Debian's Chromium
 * (test/e2e/browser.ts), opens each example from the library, runs it and records every long
 * task (PerformanceObserver 'longtask', ≥ 50 ms) and, with `--threshold`, every task above a
 * lower bound through the Chrome trace, until the results are shown and the page is idle. Each
 * task is labelled with the app's `performance.mark`s (archsim:*, renderer/sim/perf-marks.ts)
 * that fall inside it or last preceded it.
 *
 *   npx tsx scenarios/bench/ui-longest-task.ts [--no-build] [--repeat N] [--example monolith,microservices] [--threshold 20] [--profile]
 *
 * `--no-minify` keeps function names readable in the profile. `--profile` also samples the main thread with the CPU profiler and prints the functions with
 * the most self time during the run.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchBrowser, openApp } from '../../test/e2e/browser.ts';
import { TEST_IDS } from '../../renderer/state/test-ids.ts';

const BUDGET_MS = 50;
const TARGET_MS = 35;

interface Task {
  start: number;
  duration: number;
  during: string;
  /** From the trace: the slices the task spent its time in (ms). */
  detail?: string;
}

interface Measurement {
  example: string;
  /** Long tasks (≥ 50 ms, the browser's own definition) from the Run click until the results settle. */
  run: Task[];
  /** Long tasks while the example opened (library click → document shown): validation etc. */
  open: Task[];
  /** Tasks above --threshold from the trace (run phase), when asked for. */
  traced: Task[];
  runWallMs: number;
  /** loadScenario on the page's thread while opening (validate-start → validate-end). */
  validateMs?: number;
  profile?: Array<{ fn: string; selfMs: number; totalMs: number }>;
}

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'no-minify': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    example: { type: 'string', default: 'monolith,microservices' },
    threshold: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
// The profile is windowed on the trace's marks, so profiling needs the trace.
if (args.profile && args.threshold === undefined) args.threshold = '16';

const OUT_DIR = join(tmpdir(), 'archsim-bench-ui');

/** Installed before the app's scripts: collects long tasks and the app's marks from page start. */
const OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores (a busy machine stretches tasks: compare wall with cpu)`);
  if (!args['no-build']) {
    const t0 = Date.now();
    rmSync(OUT_DIR, { recursive: true, force: true });
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, minify: !args['no-minify'] } });
    console.log(`built the renderer into ${OUT_DIR} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const server = await preview({ configFile: 'vite.config.ts', build: { outDir: OUT_DIR }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await launchBrowser();
  const results: Measurement[] = [];
  try {
    for (let r = 0; r < Number(args.repeat); r++) {
      for (const example of args.example.split(',')) {
        const { page, errors } = await openApp(browser, 'about:blank');
        await page.addInitScript(OBSERVER);
        await page.goto(url);
        const m = await measure(page, example);
        if (errors.length > 0) console.warn(`console errors: ${errors.join(' | ')}`);
        results.push(m);
        report(m);
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  summary(results);
}

async function measure(page: Page, example: string): Promise<Measurement> {
  await page.waitForSelector(`[data-testid="${TEST_IDS.openExample}"]`);
  await page.click(`[data-testid="${TEST_IDS.openExample}"]`);
  const t0 = await now(page);
  await page.click(`[data-testid="${TEST_IDS.libraryItem}"][data-name="${example}"]`);
  await page.waitForSelector(`[data-testid="${TEST_IDS.documentTab}"]`);
  await page.waitForFunction(() => !document.querySelector('[data-testid="run"]')?.hasAttribute('disabled'));
  await idle(page);
  const t1 = await now(page);

  const cdp = await page.context().newCDPSession(page);
  const threshold = args.threshold ? Number(args.threshold) : undefined;
  if (threshold !== undefined) await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing,devtools.timeline', transferMode: 'ReturnAsStream' });
  if (args.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.click(`[data-testid="${TEST_IDS.runButton}"]`);
  // The run is over when the progress bar is gone and the last of the results (the cost
  // breakdown, after the charts) is on screen; then the page is given time to go idle, so
  // anything deferred (progressive charts) is measured too.
  await page.waitForSelector(`[data-testid="${TEST_IDS.resultsTable}"]`, { timeout: 600_000 });
  await page.waitForSelector(`[data-testid="${TEST_IDS.progress}"]`, { state: 'detached', timeout: 600_000 });
  await page.waitForSelector(`[data-testid="${TEST_IDS.costBreakdown}"]`, { timeout: 60_000 });
  await page.waitForSelector(`[data-testid="${TEST_IDS.timeSeries}"] svg`, { timeout: 60_000 });
  await idle(page);
  const t2 = await now(page);
  const rawProfile = args.profile ? (await cdp.send('Profiler.stop')).profile : undefined;
  const trace = threshold !== undefined ? await tracedTasks(cdp, page, threshold) : { tasks: [], arrivedTs: undefined };
  const traced = trace.tasks;
  const profile = rawProfile && trace.arrivedTs !== undefined ? profileTop(rawProfile, trace.arrivedTs) : undefined;

  const { tasks, marks } = await page.evaluate(() => ({
    tasks: (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks,
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('archsim:')).map((m) => ({ name: m.name, at: m.startTime })),
  }));
  const label = (t: { start: number; duration: number; detail?: string }): Task => ({ ...t, during: during(t, marks) });
  const runStart = await runClickTime(page, t1);
  return {
    example,
    open: tasks.filter((t) => t.start >= t0 && t.start < t1).map(label),
    run: tasks.filter((t) => t.start >= t1 && t.start <= t2).map(label),
    traced: traced.filter((t) => t.start >= runStart && t.start <= t2).map(label),
    validateMs: spanOf(marks, 'archsim:validate-start', 'archsim:validate-end', t0),
    runWallMs: (marks.find((m) => m.name === 'archsim:results-shown' && m.at > t1)?.at ?? t2) - runStart,
    profile,
  };
}

async function runClickTime(page: Page, fallback: number): Promise<number> {
  const at = await page.evaluate(() => performance.getEntriesByName('archsim:run-start').at(-1)?.startTime);
  return at ?? fallback;
}

function spanOf(marks: Array<{ name: string; at: number }>, from: string, to: string, after: number): number | undefined {
  const a = marks.find((m) => m.name === from && m.at >= after);
  const b = a && marks.find((m) => m.name === to && m.at >= a.at);
  return a && b ? b.at - a.at : undefined;
}

/** The marks inside the task, else the one that last preceded it. */
function during(t: { start: number; duration: number }, marks: Array<{ name: string; at: number }>): string {
  const inside = marks.filter((m) => m.at >= t.start && m.at <= t.start + t.duration).map((m) => m.name.replace('archsim:', ''));
  if (inside.length > 0) return `[${inside.join(', ')}]`;
  const before = marks.filter((m) => m.at < t.start).at(-1);
  return before ? `after ${before.name.replace('archsim:', '')} (+${(t.start - before.at).toFixed(0)} ms)` : 'before any mark';
}

async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * Waits until no frame has taken long for 1.5 s (deferred work has run). A string, not a
 * function: tsx wraps named functions in a helper the page does not have.
 */
const IDLE = `new Promise((resolve) => {
  let quietSince = performance.now();
  let last = performance.now();
  const tick = () => {
    const t = performance.now();
    if (t - last > 60) quietSince = t;
    last = t;
    if (t - quietSince > 1500) resolve(undefined);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

async function idle(page: Page): Promise<void> {
  await page.evaluate(IDLE);
}

/**
 * Main-thread tasks above `threshold` ms from the Chrome trace (top-level ThreadControllerImpl::RunTask events on the
 * page's renderer main thread), on the page's performance.now() clock: the trace carries the
 * app's marks (blink.user_timing), so the clocks are aligned on the last `archsim:run-start`.
 */
async function tracedTasks(cdp: CDPSession, page: Page, threshold: number): Promise<{ tasks: Array<{ start: number; duration: number; detail: string }>; arrivedTs?: number }> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  type Ev = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number };
  const events = (JSON.parse(chunks.join('')) as { traceEvents: Ev[] }).traceEvents;
  const mark = events.filter((e) => e.name === 'archsim:run-start').at(-1);
  if (!mark) throw new Error('the trace has no archsim:run-start mark');
  const onMain = (e: Ev) => e.pid === mark.pid && e.tid === mark.tid;
  const runStart = await page.evaluate(() => performance.getEntriesByName('archsim:run-start').at(-1)?.startTime ?? 0);
  const shift = runStart - mark.ts / 1000;
  const spans = events.filter((e) => e.ph === 'X' && onMain(e) && (e.dur ?? 0) >= 2000);
  const arrivedTs = events.filter((e) => e.name === 'archsim:result-arrived').at(-1)?.ts;
  const tasks = events
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && onMain(e) && (e.dur ?? 0) / 1000 >= threshold)
    .map((e) => {
      // What the task spent its time in: the trace's slices inside it (nested ones overlap).
      const inside = new Map<string, number>();
      for (const c of spans) {
        if (c === e || c.ts < e.ts || c.ts + (c.dur ?? 0) > e.ts + (e.dur ?? 0) || c.name === e.name) continue;
        inside.set(c.name, (inside.get(c.name) ?? 0) + (c.dur ?? 0) / 1000);
      }
      // Thread time (CPU) well under wall time: the thread was waiting for a core, not working.
      const cpu = e.tdur !== undefined ? `cpu ${(e.tdur / 1000).toFixed(0)} ms; ` : '';
      const detail = cpu + [...inside].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', ');
      return { start: e.ts / 1000 + shift, duration: (e.dur ?? 0) / 1000, detail };
    });
  return { tasks, arrivedTs };
}

type Profile = { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>; startTime: number; samples?: number[]; timeDeltas?: number[] };

/**
 * The page thread's JS from the result's arrival on (trace clock, µs): self and inclusive time
 * by function (a function counts once per sample however deep it recurses).
 */
function profileTop(profile: Profile, fromTs: number): Array<{ fn: string; selfMs: number; totalMs: number }> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const nameOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return f.url === '' ? f.functionName : `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let t = profile.startTime;
  samples.forEach((id, i) => {
    t += deltas[i] ?? 0;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    if (t < fromTs || nameOf(id) === '(idle)') return;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(nameOf(at));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + dt);
  });
  return [...total]
    .filter(([fn]) => fn !== '(root)')
    .map(([fn, totalMs]) => ({ fn, totalMs, selfMs: self.get(fn) ?? 0 }))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, 40);
}

function fmt(t: Task): string {
  return `${t.duration.toFixed(0).padStart(4)} ms at ${(t.start / 1000).toFixed(2)} s  ${t.during}${t.detail ? `\n${' '.repeat(22)}${t.detail}` : ''}`;
}

function report(m: Measurement): void {
  const top = [...m.run].sort((a, b) => b.duration - a.duration);
  console.log(`\n${m.example}: run + results ${(m.runWallMs / 1000).toFixed(1)} s, ${m.run.length} long task(s); longest ${top[0] ? top[0].duration.toFixed(0) : '< 50'} ms`);
  for (const t of top.slice(0, 5)) console.log(`  ${fmt(t)}`);
  if (m.traced.length > 0) {
    console.log(`  tasks ≥ ${args.threshold} ms (trace):`);
    for (const t of [...m.traced].sort((a, b) => b.duration - a.duration).slice(0, 8)) console.log(`    ${fmt(t)}`);
  }
  if (m.open.length > 0) console.log(`  while opening (not part of the run): ${m.open.map((t) => `${t.duration.toFixed(0)} ms ${t.during}`).join('; ')}; loadScenario ${m.validateMs?.toFixed(0) ?? '?'} ms of it`);
  if (m.profile) {
    console.log('  page thread from the result arriving on (CPU profile): total / self ms');
    for (const p of m.profile) console.log(`    ${p.totalMs.toFixed(0).padStart(5)} ${p.selfMs.toFixed(0).padStart(5)}  ${p.fn}`);
  }
}

function summary(results: Measurement[]): void {
  console.log('\nsummary (longest main-thread task from Run to results shown):');
  for (const example of new Set(results.map((r) => r.example))) {
    const runs = results.filter((r) => r.example === example);
    const longest = runs.map((r) => Math.max(0, ...r.run.map((t) => t.duration)));
    const worst = Math.max(...longest);
    const verdict = worst >= BUDGET_MS ? `OVER the ${BUDGET_MS} ms budget` : 'no long task';
    console.log(`  ${example.padEnd(14)} long tasks (≥ 50 ms): ${longest.map((l) => (l === 0 ? 'none' : `${l.toFixed(0)} ms`)).join(', ')}  (${verdict})`);
    if (args.threshold !== undefined) {
      const traced = runs.map((r) => [...r.traced].sort((a, b) => b.duration - a.duration)[0]);
      const text = traced.map((t) => (t ? `${t.duration.toFixed(0)} ms (${t.detail?.match(/cpu (\d+) ms/)?.[1] ?? '?'} ms cpu)` : `< ${args.threshold} ms`)).join(', ');
      const tracedWorst = Math.max(0, ...traced.map((t) => t?.duration ?? 0));
      console.log(`  ${''.padEnd(14)} longest task in the trace: ${text}  (${tracedWorst > TARGET_MS ? `above the ${TARGET_MS} ms target` : `within the ${TARGET_MS} ms target`})`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

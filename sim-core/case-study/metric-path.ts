import type { RunResult } from '../run/result.ts';
import { parseDuration, parsePercent, parseRate, perSecond } from '../model/units.ts';

/**
 * Metric paths into a RunResult (`overall.latency.p95`, `endpoints.transfer.throughput`,
 * `components.app.utilisation`, `cost.monthly`, `uptimeStudy.availability`, …) and the figures
 * a text reports (`2.8s`, `99.99%`, `7200/s`, `$27000`), as decision 0013 defines them. Pure:
 * `archsim calibrate` and `archsim replay` read both through here.
 */

/** The unit of a reported figure; RunResult numbers are in ms, ratios, USD a month, per second. */
export type ReportedUnit = 'ms' | 'ratio' | 'usd' | 'perSecond' | 'number';

export interface MetricReading {
  value: number;
  /** The 95% half-width over replications, where the result has one. */
  halfWidth?: number;
}

/**
 * The number at a dotted path of the RunResult, with its 95% half-width from the `ci95` object
 * beside it (`overall.latency.mean` → `overall.latency.ci95.mean`). A path ending at a
 * `{ mean, halfWidth }` estimate (`uptimeStudy.availability`, `uptimeStudy.uptime`) reads both.
 * Undefined when the path leads nowhere, or to something other than a finite number (a
 * utilisation of unbounded workers is null; a hit ratio without lookups is NaN).
 */
export function readMetric(result: RunResult, path: string): MetricReading | undefined {
  const segments = path.split('.');
  if (segments.some((s) => s === '')) return undefined;
  // Names may hold dots (a database's pool station `pg.pool.app`): at each level the longest
  // run of segments that is a key there is taken, so `components.pg.pool.app.utilisation` works.
  let parent: unknown = result;
  let i = 0;
  while (i < segments.length - 1) {
    let j = segments.length - 1;
    while (j > i && ownField(parent, segments.slice(i, j).join('.')) === undefined) j--;
    if (j === i) return undefined;
    parent = ownField(parent, segments.slice(i, j).join('.'));
    i = j;
  }
  const leaf = segments[segments.length - 1];
  const value = ownField(parent, leaf);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const halfWidth = ownField(ownField(parent, 'ci95'), leaf);
    return typeof halfWidth === 'number' && Number.isFinite(halfWidth) ? { value, halfWidth } : { value };
  }
  const mean = ownField(value, 'mean');
  const halfWidth = ownField(value, 'halfWidth');
  if (typeof mean === 'number' && Number.isFinite(mean) && typeof halfWidth === 'number') {
    return Number.isFinite(halfWidth) ? { value: mean, halfWidth } : { value: mean };
  }
  return undefined;
}

function ownField(at: unknown, key: string): unknown {
  if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
  return (at as Record<string, unknown>)[key];
}

/** Path segments under which every number is a time in ms. */
const TIME_GROUPS = new Set(['latency', 'wait', 'replicationLag', 'endToEnd']);
/** Leaves that are shares in [0, 1]. */
const RATIO_LEAVES = new Set(['errorRate', 'availability', 'uptime', 'sloShare', 'utilisation', 'hitRatio', 'breakerOpen', 'windowShare']);
/** Leaves that are events per second. */
const RATE_LEAVES = new Set([
  'throughput', 'goodput', 'rejections', 'lookups', 'hits', 'published', 'consumed', 'failedMessages',
  'calls', 'attempts', 'timeouts', 'shortCircuited', 'failed', 'fallbacks',
]);

/** The unit the RunResult reports a metric path in (what a reported figure for it must be). */
export function metricUnit(path: string): ReportedUnit {
  const segments = path.split('.');
  const leaf = segments[segments.length - 1];
  if (segments.some((s) => TIME_GROUPS.has(s))) return 'ms';
  if (segments[0] === 'cost') return 'usd';
  if (RATIO_LEAVES.has(leaf)) return 'ratio';
  if (RATE_LEAVES.has(leaf) || segments.includes('queries')) return 'perSecond';
  return 'number';
}

const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MONEY = /^\$\s*([\d.,]+(?:[eE][+-]?\d+)?)\s*([kKmM]?)\s*(?:\/\s*(?:month|mo))?$/;

/**
 * A reported figure → its value in RunResult units: durations (`2.8s`, `320ms`) in ms, ratios
 * (`95%`) as fractions, rates (`7200/s`, `300/min`) per second, money (`$27000`, `$27,000`,
 * `$27k`, `$1.2M`, optionally `/month`) in USD, plain numbers (`2000000`, `2,000,000`) as
 * they are. Undefined for anything else (`2-3 h`, `about 3s`).
 */
export function parseReportedValue(text: string | number): { value: number; unit: ReportedUnit } | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? { value: text, unit: 'number' } : undefined;
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  const money = MONEY.exec(t);
  if (money) {
    const amount = plainNumber(money[1]);
    if (amount === undefined) return undefined;
    const scale = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[money[2]] ?? 1;
    return { value: amount * scale, unit: 'usd' };
  }
  if (t.endsWith('%')) {
    const r = parsePercent(t);
    return r.ok ? { value: r.value, unit: 'ratio' } : undefined;
  }
  if (t.includes('/')) {
    const r = parseRate(t);
    return r.ok ? { value: perSecond(r.value), unit: 'perSecond' } : undefined;
  }
  const number = plainNumber(t);
  if (number !== undefined) return { value: number, unit: 'number' };
  const d = parseDuration(t);
  return d.ok ? { value: d.value, unit: 'ms' } : undefined;
}

/** `27,000` → 27000; undefined unless the whole text is one number (commas only as thousands separators). */
function plainNumber(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text) || !/\d/.test(text)) return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A value in RunResult units written as a reported figure that parseReportedValue reads back
 * (to four significant digits): 2790 ms → `2.79s`, 320 → `320ms`, 0.9995 → `99.95%`,
 * 7200 /s → `7200/s`, 27000 USD → `$27000`.
 */
export function formatReportedValue(value: number, unit: ReportedUnit): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'ms':
      return Math.abs(value) >= 1000 ? `${significant(value / 1000)}s` : `${significant(value)}ms`;
    case 'ratio':
      return `${significant(value * 100)}%`;
    case 'usd':
      return `$${significant(value)}`;
    case 'perSecond':
      return `${significant(value)}/s`;
    case 'number':
      return significant(value);
  }
}

/** `digits` significant digits, trailing zeros dropped: 14.2857 → `14.29`, 2000 → `2000`. */
export function significant(x: number, digits = 4): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x);
}

import {
  formatDuration,
  formatDurationHalfWidth,
  formatGrouped,
  formatNumber,
  formatNumberHalfWidth,
  formatPercent,
  formatPercentHalfWidth,
} from '../../sim-core/cli/format-units.ts';

/**
 * The results views' number formats: the CLI's (three significant digits, locale-independent),
 * with the 95% half-width appended when there is one, so the app, the report and the CLI agree.
 */

export const fmtMs = (ms: number): string => formatDuration(ms);
export const fmtRate = (perSecond: number): string => (Number.isFinite(perSecond) ? `${formatNumber(perSecond)}/s` : '—');
export const fmtNumber = (x: number): string => formatNumber(x);
export const fmtPercent = (ratio: number): string => formatPercent(ratio);

export function fmtUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  return `$${formatGrouped(usd, Math.abs(usd) >= 100 ? 0 : 2)}`;
}

/** `8.10 ms ±0.05 ms`; the half-width is left off when absent, not finite or exactly 0 (every replication agreed). */
export function withCi(kind: 'ms' | 'rate' | 'percent' | 'number', value: number, halfWidth?: number): string {
  const main = kind === 'ms' ? fmtMs(value) : kind === 'rate' ? fmtRate(value) : kind === 'percent' ? fmtPercent(value) : fmtNumber(value);
  if (halfWidth === undefined || !Number.isFinite(halfWidth) || halfWidth === 0 || !Number.isFinite(value)) return main;
  const ci = kind === 'ms' ? formatDurationHalfWidth(halfWidth, value) : kind === 'percent' ? formatPercentHalfWidth(halfWidth) : formatNumberHalfWidth(halfWidth, value);
  return ci ? `${main} ${ci}` : main;
}

/** Minutes a year as `52.6 min/yr`, or hours past two hours. */
export function fmtDowntime(minutesPerYear: number): string {
  if (!Number.isFinite(minutesPerYear)) return '—';
  return minutesPerYear >= 120 ? `${formatNumber(minutesPerYear / 60)} h/yr` : `${formatNumber(minutesPerYear)} min/yr`;
}

/** Axis tick labels: plain numbers, thousands grouped, no trailing zeros (`0`, `2.5`, `1,000`). */
export function tickNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  const fixed = String(+v.toFixed(6));
  const [whole, frac] = fixed.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/** Axis tick labels for shares: `0%`, `25%`, `99.5%`. */
export function tickPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${+(ratio * 100).toFixed(2)}%` : '';
}

/**
 * Human-readable numbers for the CLI's tables: latencies (`8.10 ms`, `1.24 s`), spans of
 * simulated time (`5m`, `1h 30m`), rates, counts and percentages. Pure; no Node APIs, so the
 * renderer may reuse it. Output is locale-independent, so tests and logs read the same everywhere.
 */

const SIGNIFICANT = 3;

function rawDecimalsFor(a: number): number {
  if (a === 0 || a >= 10 ** (SIGNIFICANT - 1)) return 0;
  return Math.min(6, SIGNIFICANT - 1 - Math.floor(Math.log10(a)));
}

/**
 * Decimals that show `x` with three significant digits (0 for |x| ≥ 100). Judged again after
 * rounding, so that 99.96 prints `100`, not `100.0`.
 */
function decimalsFor(x: number): number {
  const a = Math.abs(x);
  const d = rawDecimalsFor(a);
  return Math.min(d, rawDecimalsFor(Number(a.toFixed(d))));
}

/** `1234567.8` → `1,234,568` with `decimals` digits after the point; thousands separated by commas. */
export function formatGrouped(x: number, decimals = 0): string {
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac === undefined ? '' : `.${frac}`);
}

/** Rounds to the precision `decimalsFor` would print, so unit choices see the printed value. */
function roundForDisplay(x: number): number {
  return Number(x.toFixed(decimalsFor(x)));
}

interface DurationUnit {
  unit: string;
  perMs: number;
  /** The next unit takes over once the rounded value reaches this. */
  below: number;
}

const DURATION_UNITS: readonly DurationUnit[] = [
  { unit: 'µs', perMs: 1000, below: 1000 },
  { unit: 'ms', perMs: 1, below: 1000 },
  { unit: 's', perMs: 1 / 1000, below: 100 },
  { unit: 'min', perMs: 1 / 60_000, below: Infinity },
];

/** µs below 1 ms, ms below 1 s, s below 100 s, then minutes; 999.7 ms reads `1.00 s`. */
function durationUnit(ms: number): DurationUnit {
  if (ms === 0) return DURATION_UNITS[1];
  for (const u of DURATION_UNITS) if (Math.abs(roundForDisplay(ms * u.perMs)) < u.below) return u;
  return DURATION_UNITS[DURATION_UNITS.length - 1];
}

/**
 * A latency in milliseconds with three significant digits and a unit chosen for it:
 * `0.412` → `412 µs`, `8.1034` → `8.10 ms`, `1240` → `1.24 s`. Non-finite values give `—`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const u = durationUnit(ms);
  const v = ms * u.perMs;
  return `${formatGrouped(v, decimalsFor(v))} ${u.unit}`;
}

/**
 * The ± half-width of a latency, in the unit and precision `formatDuration(ms)` chose for the
 * value, so the two read together: value `8.1034` with half-width `0.0523` → `±0.05 ms`.
 * A half-width that rounds to zero at that precision keeps one significant digit (`±0.004 ms`).
 */
export function formatDurationHalfWidth(halfWidthMs: number, ms: number): string {
  if (!Number.isFinite(halfWidthMs) || !Number.isFinite(ms)) return '';
  const u = durationUnit(ms === 0 ? halfWidthMs : ms);
  const decimals = ms === 0 ? decimalsFor(halfWidthMs * u.perMs) : decimalsFor(ms * u.perMs);
  return `±${formatHalfWidthNumber(halfWidthMs * u.perMs, decimals)} ${u.unit}`;
}

function formatHalfWidthNumber(h: number, decimals: number): string {
  if (h === 0) return '0';
  let d = decimals;
  while (Number(h.toFixed(d)) === 0 && d < 9) d++;
  return formatGrouped(h, d);
}

/**
 * A span of simulated time in the scenario language's own units, largest first:
 * `300000` → `5m`, `5400000` → `1h 30m`, `90500` → `1m 30.5s`, `250` → `250ms`.
 */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms === 0) return '0s';
  if (Math.abs(ms) < 1000) return `${trimNumber(ms)}ms`;
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000]] as const) {
    const whole = Math.floor(rest / size);
    if (whole > 0) {
      parts.push(`${whole}${unit}`);
      rest -= whole * size;
    }
  }
  if (rest > 0) parts.push(`${trimNumber(rest / 1000)}s`);
  return sign + parts.join(' ');
}

/** Up to three decimals, trailing zeros removed: 30.5 → `30.5`, 12 → `12`. */
function trimNumber(x: number): string {
  return String(Number(x.toFixed(3)));
}

/**
 * A rate or other magnitude with about three significant digits and grouped thousands:
 * `4995.95` → `4,996`, `41.23` → `41.2`, `0.5` → `0.500`, `0` → `0`.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  return formatGrouped(x, decimalsFor(x));
}

/** The ± half-width of `formatNumber(value)`, at the value's precision: `±12`, `±0.03`. */
export function formatNumberHalfWidth(halfWidth: number, value: number): string {
  if (!Number.isFinite(halfWidth)) return '';
  return `±${formatHalfWidthNumber(halfWidth, value === 0 ? 0 : decimalsFor(value))}`;
}

/** A large count with an SI suffix: `12345678` → `12.3M`, `999960` → `1.00M`, `950` → `950`. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 1000) return formatGrouped(n, Number.isInteger(n) ? 0 : decimalsFor(n));
  for (const [suffix, size] of [['k', 1e3], ['M', 1e6], ['G', 1e9]] as const) {
    const v = n / size;
    if (Math.abs(roundForDisplay(v)) < 1000 || suffix === 'G') return `${formatGrouped(v, decimalsFor(v))}${suffix}`;
  }
  return String(n);
}

/**
 * A ratio in [0, 1] as a percentage with two decimals. Values that would round to 0% or 100%
 * without being exactly that say so (`<0.01%`, `>99.99%`): a rare error must not read as none.
 */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  if (ratio === 0) return '0%';
  if (ratio === 1) return '100%';
  const pct = ratio * 100;
  if (pct > 0 && pct < 0.005) return '<0.01%';
  if (pct < 100 && pct >= 99.995) return '>99.99%';
  return `${pct.toFixed(2)}%`;
}

/** The ± half-width of a ratio, in percentage points with the same two decimals: `±0.12%`. */
export function formatPercentHalfWidth(halfWidth: number): string {
  if (!Number.isFinite(halfWidth)) return '';
  return `±${formatHalfWidthNumber(halfWidth * 100, 2)}%`;
}

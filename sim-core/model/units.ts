/**
 * The one parser for text units. Durations (`250us`, `4ms`, `1.5s`, `10m`, `2h`, `1d`, `1w`)
 * become simulated milliseconds; rates (`7200/s`, `300/min`, `5/ms`, `10/h`) become events per
 * millisecond; percentages (`0.5%`) become fractions. Every function returns a result value and
 * never throws, so a schema can report many bad fields at once.
 */

declare const brand: unique symbol;
/** Simulated time in milliseconds — never wall-clock time. */
export type SimMillis = number & { readonly [brand]: 'SimMillis' };
/** Events per simulated millisecond. */
export type PerMs = number & { readonly [brand]: 'PerMs' };
/** Events per simulated second (what results report). */
export type PerSecond = number & { readonly [brand]: 'PerSecond' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): Parsed<T> => ({ ok: false, message });

/** Milliseconds per unit. `m` and `min` are both minutes. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const DURATION_UNIT_LIST = 'us, ms, s, m, h, d, w';
const RATE_UNIT_LIST = '/us, /ms, /s, /min (or /m), /h, /d';

/** Common spellings that are not units here, and the unit meant. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  µs: 'us', μs: 'us', usec: 'us', msec: 'ms', millis: 'ms', sec: 's', secs: 's', second: 's', seconds: 's',
  mins: 'm', minute: 'm', minutes: 'm', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', day: 'd', days: 'd',
  week: 'w', weeks: 'w',
};

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const DURATION_RE = new RegExp(`^(${NUMBER})\\s*([a-zA-Zµμ]*)$`);
const RATE_RE = new RegExp(`^(${NUMBER})\\s*/\\s*([a-zA-Zµμ]*)$`);
const PERCENT_RE = new RegExp(`^(${NUMBER})\\s*%$`);

/** Regular expressions for the JSON Schema, so editors flag malformed text early. */
export const DURATION_PATTERN = String.raw`^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*(us|ms|s|m|min|h|d|w)\s*$`;
export const RATE_PATTERN = String.raw`^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*/\s*(us|ms|s|m|min|h|d)\s*$`;

function describe(text: unknown): string {
  return typeof text === 'string' ? `'${text}'` : String(text);
}

function unknownUnit(unit: string, valid: string): string {
  const alias = UNIT_ALIASES[unit];
  return `unknown unit '${unit}'${alias ? `; did you mean '${alias}'?` : ''} (valid units: ${valid})`;
}

/** A non-negative duration in simulated milliseconds. */
export function parseDuration(text: unknown): Parsed<SimMillis> {
  if (typeof text === 'number') return fail(`a duration needs a unit: write ${text}ms or ${text}s`);
  if (typeof text !== 'string') return fail(`expected a duration such as 250ms, got ${describe(text)}`);
  const t = text.trim();
  if (RATE_RE.test(t)) return fail(`'${t}' is a rate, but a duration is expected here (e.g. 250ms)`);
  if (PERCENT_RE.test(t)) return fail(`'${t}' is a percentage, but a duration is expected here (e.g. 250ms)`);
  const m = DURATION_RE.exec(t);
  if (!m) return fail(`expected a duration such as 250ms or 1.5s, got '${text}'`);
  const [, num, unit] = m;
  if (unit === '') return fail(`add a unit: ${num}ms (valid units: ${DURATION_UNIT_LIST})`);
  const scale = DURATION_UNITS[unit];
  if (scale === undefined) return fail(unknownUnit(unit, DURATION_UNIT_LIST));
  const value = Number(num);
  if (!Number.isFinite(value)) return fail(`'${t}' is not a finite duration`);
  if (value < 0) return fail(`a duration cannot be negative, got '${t}'`);
  return ok((value * scale) as SimMillis);
}

/** A positive rate in events per simulated millisecond. */
export function parseRate(text: unknown): Parsed<PerMs> {
  if (typeof text === 'number') return fail(`a rate needs a unit: write ${text}/s`);
  if (typeof text !== 'string') return fail(`expected a rate such as 7200/s, got ${describe(text)}`);
  const t = text.trim();
  const m = RATE_RE.exec(t);
  if (!m) {
    if (DURATION_RE.test(t) && /[a-zA-Z]$/.test(t)) return fail(`'${t}' is a duration, but a rate is expected here (e.g. 7200/s)`);
    if (DURATION_RE.test(t)) return fail(`add a unit: ${t}/s (valid units: ${RATE_UNIT_LIST})`);
    return fail(`expected a rate such as 7200/s or 300/min, got '${text}'`);
  }
  const [, num, unit] = m;
  if (unit === '') return fail(`add a unit after '/': ${num}/s (valid units: ${RATE_UNIT_LIST})`);
  const per = DURATION_UNITS[unit];
  if (per === undefined || unit === 'w') return fail(unknownUnit(unit, RATE_UNIT_LIST));
  const value = Number(num);
  if (!Number.isFinite(value)) return fail(`'${t}' is not a finite rate`);
  if (value <= 0) return fail(`a rate must be positive, got '${t}'`);
  return ok((value / per) as PerMs);
}

/** A percentage such as `0.5%`, as a fraction (0.005). */
export function parsePercent(text: unknown): Parsed<number> {
  if (typeof text !== 'string') return fail(`expected a percentage such as 0.5%, got ${describe(text)}`);
  const m = PERCENT_RE.exec(text.trim());
  if (!m) return fail(`expected a percentage such as 0.5%, got '${text}'`);
  const value = Number(m[1]) / 100;
  if (!Number.isFinite(value)) return fail(`'${text}' is not a finite percentage`);
  return ok(value);
}

export function perSecond(rate: PerMs): PerSecond {
  return (rate * 1000) as PerSecond;
}

export function perMs(rate: PerSecond): PerMs {
  return (rate / 1000) as PerMs;
}

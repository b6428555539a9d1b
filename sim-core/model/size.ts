import { fail, ok, type Parsed } from './units.ts';

/**
 * Data sizes: `20KB`, `1.5MB`, `512B`. Decimal, as AWS prices data transfer per GB (10⁹ bytes is
 * the reading archsim uses; AWS's bills count 2³⁰-byte GB, 7% more bytes per GB, so archsim's
 * figures err on the high side).
 */
export const SIZE_UNITS: Readonly<Record<string, number>> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 };
const SIZE_UNIT_LIST = 'B, KB, MB, GB';
const SIZE_RE = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Z]*)$/;
export const SIZE_PATTERN = String.raw`^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*(B|KB|MB|GB)\s*$`;

/** A non-negative size in bytes. */
export function parseSize(text: unknown): Parsed<number> {
  if (typeof text === 'number') return fail(`a size needs a unit: write ${text}KB or ${text}B`);
  if (typeof text !== 'string') return fail(`expected a size such as 20KB, got ${String(text)}`);
  const m = SIZE_RE.exec(text.trim());
  if (!m) return fail(`expected a size such as 20KB or 1.5MB, got '${text}'`);
  const [, num, unit] = m;
  if (unit === '') return fail(`add a unit: ${num}KB (valid units: ${SIZE_UNIT_LIST})`);
  const scale = SIZE_UNITS[unit] ?? SIZE_UNITS[unit.toUpperCase()];
  if (scale === undefined) return fail(`unknown unit '${unit}' (valid units: ${SIZE_UNIT_LIST})`);
  const value = Number(num) * scale;
  if (!Number.isFinite(value)) return fail(`'${text}' is not a finite size`);
  return ok(value);
}

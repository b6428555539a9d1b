import { distMean, distVariance } from '../engine/distributions.ts';
import { parseDistribution } from '../model/distribution-text.ts';
import { parseDuration } from '../model/units.ts';
import { significant } from './metric-path.ts';

/**
 * Multiplies every duration inside a distribution's text by one factor and leaves the rest of
 * the text as written: `lognormal(mean=8ms, cv=2)` × 1.5 → `lognormal(mean=12ms, cv=2)`,
 * `hyperexp(0.9: 1ms, 0.1: 10ms)` → `hyperexp(0.9: 1.5ms, 0.1: 15ms)`, `2.8s` → `4.2s`. Scaling
 * every duration scales the distribution (its mean by the factor, its shape — cv, k, phase
 * weights — unchanged), so relative demands stay as the author wrote them.
 *
 * The text is cut at the distribution grammar's delimiters `( ) [ ] = : ,`; a piece that
 * units.ts reads as a duration is a duration (names, keys `p50`, and the plain numbers `cv=2`,
 * `k=4`, `0.9:` are not). Each keeps its unit, with four significant digits. The result is
 * checked with distribution-text.ts: its mean must be the factor times the original's, its cv
 * the same.
 */
export function scaleDistributionText(text: string, factor: number): string {
  if (!(factor > 0 && Number.isFinite(factor))) throw new RangeError(`scaleDistributionText: the factor must be positive and finite, got ${factor}`);
  const before = parseDistribution(text);
  if (!before.ok) throw new RangeError(`scaleDistributionText: '${text}' is not a distribution: ${before.message}`);
  let out = '';
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !DELIMITERS.includes(text[i])) continue;
    out += scalePiece(text.slice(start, i), factor) + (i < text.length ? text[i] : '');
    start = i + 1;
  }
  const after = parseDistribution(out);
  if (!after.ok) throw new Error(`scaling '${text}' by ${factor} gave '${out}', which does not parse: ${after.message}`);
  const [m0, m1] = [distMean(before.value), distMean(after.value)];
  const [cv0, cv1] = [Math.sqrt(distVariance(before.value)) / m0, Math.sqrt(distVariance(after.value)) / m1];
  // Four significant digits per duration: the mean and cv move by less than 10⁻³ from rounding.
  if (!(close(m1, m0 * factor) && (m0 === 0 || close(cv1, cv0)))) {
    throw new Error(`scaling '${text}' by ${factor} gave '${out}' (mean ${m0} → ${m1}, cv ${cv0} → ${cv1}), not the distribution scaled`);
  }
  return out;
}

const DELIMITERS = '()[]=:,';
const DURATION_PARTS = /^(\s*)([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(\s*[A-Za-z]+\s*)$/;

/** A piece between delimiters: scaled when it is a duration, else as it was. */
function scalePiece(piece: string, factor: number): string {
  if (!parseDuration(piece).ok) return piece;
  const m = DURATION_PARTS.exec(piece);
  if (!m) return piece;
  return `${m[1]}${significant(Number(m[2]) * factor)}${m[3]}`;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b)) || (a === 0 && b === 0);
}

/** True when scaling can change the text: it holds at least one duration above zero. */
export function hasPositiveDuration(text: string): boolean {
  const d = parseDistribution(text);
  return d.ok && distMean(d.value) > 0;
}

import { expect } from 'vitest';
import { studentT975 } from './student-t.ts';
import { studentTQuantile } from '../../sim-core/run/stats.ts';

/**
 * Agreement of a simulated estimate with an exact value, with a tolerance derived from the
 * estimate's own confidence interval.
 *
 * The run reports the mean over n replications and a 95% Student-t half-width h = t·s/√n, so
 * its standard error is se = h / t_{0.975, n−1}. Because se is itself estimated from the n
 * replications, (estimate − exact) / se follows Student's t with n − 1 degrees of freedom, not a
 * normal. We require
 *   |estimate − exact| ≤ k·se + bias,   k = t_{1 − p/2, n−1}
 * with a false-alarm probability p = 1e-5 per check by default (k ≈ 4.4 for a normal, 5.5 with
 * 29 df, 9.8 with 9 df), so a correct engine fails no check of the suite whatever seeds the
 * tests use — a fixed z = 4.5 would fail a check with 10 replications about once in 700.
 * `bias` is a known deterministic error of the estimator — e.g. the histogram's ≤ 1% relative
 * error on percentiles. And, so that the test can fail, the
 * half-width itself must be small: h ≤ maxRelativeHalfWidth·|exact| (5% by default); otherwise
 * a noisy run would pass anything.
 */
export interface AgreementCheck {
  /** What is compared, for the failure message. */
  label: string;
  estimate: number;
  /** The reported 95% half-width of `estimate`. */
  ci95: number | undefined;
  replications: number;
  exact: number;
  /** Two-sided false-alarm probability of the check (default 1e-5). */
  falseAlarm?: number;
  /** Extra allowance for a known deterministic error (same units as the estimate). */
  bias?: number;
  maxRelativeHalfWidth?: number;
}

export function expectAgreement(check: AgreementCheck): void {
  const { label, estimate, ci95, replications, exact } = check;
  const falseAlarm = check.falseAlarm ?? 1e-5;
  const bias = check.bias ?? 0;
  const maxRel = check.maxRelativeHalfWidth ?? 0.05;
  expect(replications, `${label}: needs ≥ 2 replications for a confidence interval`).toBeGreaterThanOrEqual(2);
  expect(ci95, `${label}: the result carries no ci95`).toBeTypeOf('number');
  const h = ci95 as number;
  const se = h / studentT975(replications - 1);
  const k = studentTQuantile(1 - falseAlarm / 2, replications - 1);
  const tolerance = k * se + bias;
  const detail = `${label}: simulated ${fmt(estimate)} ± ${fmt(h)} (95%), exact ${fmt(exact)}, ` +
    `|diff| ${fmt(Math.abs(estimate - exact))}, tolerance ${fmt(tolerance)} (k=${fmt(k)} for p=${falseAlarm}, se=${fmt(se)}, bias=${fmt(bias)})`;
  expect(Number.isFinite(estimate), `${label}: estimate is not finite (${estimate})`).toBe(true);
  expect(h, `${label}: half-width ${fmt(h)} exceeds ${maxRel * 100}% of the exact value — too noisy to test`)
    .toBeLessThanOrEqual(maxRel * Math.abs(exact));
  expect(Math.abs(estimate - exact), detail).toBeLessThanOrEqual(tolerance);
}

/** The histogram behind every percentile has ≤ 1% relative error (DESIGN.md §2, metrics). */
export const PERCENTILE_RELATIVE_ERROR = 0.01;

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(5) : String(x);
}

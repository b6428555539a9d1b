import { describe, expect, it } from 'vitest';
import {
  DistTable, distMean, distVariance, hyperexpFromMeanCv, lognormalFromMeanCv, lognormalFromPercentiles, type DistSpec,
} from '../../sim-core/engine/distributions.ts';
import { deriveStream } from '../../sim-core/engine/random.ts';
import { centralMoments } from '../helpers/dist-moments.ts';
import { gammaCdf, normalCdf } from '../helpers/special-functions.ts';

/**
 * Every distribution kind is sampled N times from a fixed stream (seed 2024, one stream per
 * case) and checked against its exact mean and variance, with tolerances from the standard
 * error at z = 5:
 *   mean:     se = σ/√n
 *   variance: se = √((μ₄ − σ⁴)/n), the large-sample standard error of s², using the exact
 *             fourth central moment μ₄ (test/helpers/dist-moments.ts).
 * Where a closed-form CDF is at hand, a Kolmogorov–Smirnov bound checks the whole shape
 * (P(√n·D > 2.3) ≈ 2e^{−2·2.3²} ≈ 5·10⁻⁵), and given percentiles are checked by order-statistic
 * bounds: #{x ≤ q_p} ~ Binomial(n, p).
 */
const SEED = 2024;
const N = 200_000;
const Z = 5;
const KS_LIMIT = 2.3;

interface Case {
  label: string;
  spec: DistSpec;
  cdf?: (x: number) => number;
  /** Percentiles the distribution was specified by: [p, value]. */
  percentiles?: Array<[number, number]>;
}

const lnMeanCv = lognormalFromMeanCv(4, 1.5);
const lnPercentiles = lognormalFromPercentiles(120, 900);
const gammaCdfOf = (shape: number, mean: number) => (x: number) => gammaCdf(shape, x / (mean / shape));
const lognormalCdf = (d: DistSpec) => (x: number) => (d.kind === 'lognormal' ? normalCdf((Math.log(x) - d.mu) / d.sigma) : NaN);
const hyperexpCdf = (d: DistSpec) => (x: number) => {
  if (d.kind !== 'hyperexp') return NaN;
  const total = d.probs.reduce((s, p) => s + p, 0);
  return d.probs.reduce((s, p, i) => s + (p / total) * -Math.expm1(-x / d.means[i]), 0);
};

const cases: Case[] = [
  { label: 'exp(mean 4)', spec: { kind: 'exp', mean: 4 }, cdf: (x) => -Math.expm1(-x / 4), percentiles: [[0.5, 4 * Math.LN2], [0.99, 4 * Math.log(100)]] },
  { label: 'lognormal(mean 4, cv 1.5)', spec: lnMeanCv, cdf: lognormalCdf(lnMeanCv) },
  { label: 'lognormal(p50 120, p99 900)', spec: lnPercentiles, cdf: lognormalCdf(lnPercentiles), percentiles: [[0.5, 120], [0.99, 900]] },
  { label: 'uniform(1, 3)', spec: { kind: 'uniform', min: 1, max: 3 }, cdf: (x) => Math.min(1, Math.max(0, (x - 1) / 2)) },
  { label: 'erlang(k 4, mean 8)', spec: { kind: 'erlang', k: 4, mean: 8 }, cdf: gammaCdfOf(4, 8) },
  { label: 'gamma(shape 2.5, mean 3)', spec: { kind: 'gamma', shape: 2.5, mean: 3 }, cdf: gammaCdfOf(2.5, 3) },
  { label: 'gamma(shape 0.3, mean 2)', spec: { kind: 'gamma', shape: 0.3, mean: 2 }, cdf: gammaCdfOf(0.3, 2) },
  { label: 'hyperexp(probs 0.2/0.8, means 10/1)', spec: { kind: 'hyperexp', probs: [0.2, 0.8], means: [10, 1] }, cdf: hyperexpCdf({ kind: 'hyperexp', probs: [0.2, 0.8], means: [10, 1] }) },
  { label: 'hyperexp(mean 4, cv 3)', spec: hyperexpFromMeanCv(4, 3), cdf: hyperexpCdf(hyperexpFromMeanCv(4, 3)) },
  { label: 'empirical(1, 2, 2, 5, 10)', spec: { kind: 'empirical', values: [1, 2, 2, 5, 10] } },
];

function sample(spec: DistSpec, label: string): Float64Array {
  const table = new DistTable();
  table.add({ kind: 'const', value: -1 }); // a neighbour, so the id under test is not 0
  const id = table.add(spec);
  const rng = deriveStream(SEED, 0, `dist-test.${label}`);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = table.sample(id, rng);
  return xs;
}

function meanAndVariance(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

describe('distribution samplers', () => {
  for (const c of cases) {
    describe(`${c.label}, seed ${SEED}, n = ${N}`, () => {
      const xs = sample(c.spec, c.label);
      const sorted = Float64Array.from(xs).sort();
      const exact = centralMoments(c.spec);

      it('distMean / distVariance agree with the independent moment formulas', () => {
        expect(distMean(c.spec) / exact.mean).toBeCloseTo(1, 12);
        expect(distVariance(c.spec) / exact.variance).toBeCloseTo(1, 10);
      });

      it(`sample mean and variance within z = ${Z} standard errors`, () => {
        const { mean, variance } = meanAndVariance(xs);
        const sigma2 = distVariance(c.spec);
        expect(Math.abs(mean - distMean(c.spec))).toBeLessThan(Z * Math.sqrt(sigma2 / N));
        expect(Math.abs(variance - sigma2)).toBeLessThan(Z * Math.sqrt((exact.mu4 - sigma2 * sigma2) / N));
      });

      it('all values positive and finite', () => {
        expect(sorted[0]).toBeGreaterThan(0);
        expect(Number.isFinite(sorted[N - 1])).toBe(true);
      });

      const cdf = c.cdf;
      if (cdf) {
        it(`Kolmogorov–Smirnov: √n·D < ${KS_LIMIT}`, () => {
          let d = 0;
          for (let i = 0; i < N; i++) {
            const f = cdf(sorted[i]);
            d = Math.max(d, (i + 1) / N - f, f - i / N);
          }
          expect(Math.sqrt(N) * d).toBeLessThan(KS_LIMIT);
        });
      }

      for (const [p, q] of c.percentiles ?? []) {
        it(`p${p * 100} = ${q.toPrecision(4)} lies between the order statistics n·p ± ${Z}·√(np(1−p))`, () => {
          const spread = Z * Math.sqrt(N * p * (1 - p));
          const lo = sorted[Math.floor(N * p - spread) - 1];
          const hi = sorted[Math.ceil(N * p + spread) - 1];
          expect(lo).toBeLessThanOrEqual(q);
          expect(hi).toBeGreaterThanOrEqual(q);
        });
      }
    });
  }

  it(`const(3) returns exactly 3 every time`, () => {
    const xs = sample({ kind: 'const', value: 3 }, 'const');
    expect(xs.every((x) => x === 3)).toBe(true);
  });

  it(`empirical draws each value with its frequency (binomial z = ${Z}), seed ${SEED}`, () => {
    const values = [1, 2, 2, 5, 10];
    const xs = sample({ kind: 'empirical', values }, 'empirical-frequencies');
    for (const v of new Set(values)) {
      const p = values.filter((x) => x === v).length / values.length;
      const count = xs.filter((x) => x === v).length;
      expect(Math.abs(count - N * p)).toBeLessThan(Z * Math.sqrt(N * p * (1 - p)));
    }
  });
});

describe('distribution constructors', () => {
  it('lognormalFromMeanCv(4, 1.5) has mean 4 and cv 1.5', () => {
    expect(distMean(lnMeanCv)).toBeCloseTo(4, 12);
    expect(Math.sqrt(distVariance(lnMeanCv)) / distMean(lnMeanCv)).toBeCloseTo(1.5, 12);
  });

  it('lognormalFromPercentiles(120, 900) has median 120 and 99th percentile 900', () => {
    if (lnPercentiles.kind !== 'lognormal') throw new Error('expected a lognormal');
    expect(Math.exp(lnPercentiles.mu)).toBeCloseTo(120, 10);
    expect(normalCdf((Math.log(900) - lnPercentiles.mu) / lnPercentiles.sigma)).toBeCloseTo(0.99, 6);
  });

  it('hyperexpFromMeanCv(4, 3) has mean 4 and cv 3 (balanced means)', () => {
    const d = hyperexpFromMeanCv(4, 3);
    expect(distMean(d)).toBeCloseTo(4, 12);
    expect(Math.sqrt(distVariance(d)) / distMean(d)).toBeCloseTo(3, 12);
    if (d.kind !== 'hyperexp') throw new Error('expected a hyperexp');
    expect(d.probs[0] * d.means[0]).toBeCloseTo(d.probs[1] * d.means[1], 12);
  });
});

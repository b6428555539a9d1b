import { describe, expect, it } from 'vitest';
import { deriveStream, hashName, RandomStream } from '../../sim-core/engine/random.ts';

const N = 200_000;
const Z = 5;

function draw(stream: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => stream.nextUint32());
}

describe('seeded random streams', () => {
  it('seed 7: the same (seed, replication, name) gives the same sequence', () => {
    expect(draw(deriveStream(7, 3, 'app.cpu'), 1000)).toEqual(draw(deriveStream(7, 3, 'app.cpu'), 1000));
  });

  it('seed 7: a different name, replication or seed gives a different sequence', () => {
    const base = draw(deriveStream(7, 3, 'app.cpu'), 64);
    for (const other of [deriveStream(7, 3, 'app.cpv'), deriveStream(7, 4, 'app.cpu'), deriveStream(8, 3, 'app.cpu')]) {
      const seq = draw(other, 64);
      // Independent 32-bit streams agree in a position with probability 2^-32.
      const same = seq.filter((x, i) => x === base[i]).length;
      expect(same).toBe(0);
    }
  });

  it('seed 1: replications 0..999 of one name all start differently', () => {
    const firsts = new Set(Array.from({ length: 1000 }, (_, r) => deriveStream(1, r, 'workload.arrivals').nextUint32()));
    expect(firsts.size).toBe(1000);
  });

  it('hashName is FNV-1a (test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968)', () => {
    expect(hashName('')).toBe(0x811c9dc5);
    expect(hashName('a')).toBe(0xe40c292c);
    expect(hashName('foobar')).toBe(0xbf9cf968);
  });

  it('an all-zero state is replaced (it would be absorbing)', () => {
    const s = new RandomStream(0, 0, 0, 0);
    expect(draw(s, 8).some((x) => x !== 0)).toBe(true);
  });

  it(`seed 11: uniforms lie in (0, 1) with mean 1/2 and variance 1/12 (z = ${Z}, n = ${N})`, () => {
    const s = deriveStream(11, 0, 'uniform-test');
    let sum = 0, sumSq = 0, min = 1, max = 0;
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const u = s.nextUniform();
      xs[i] = u;
      sum += u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    const mean = sum / N;
    for (let i = 0; i < N; i++) sumSq += (xs[i] - mean) ** 2;
    const variance = sumSq / (N - 1);
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    // se(mean) = σ/√n with σ² = 1/12; se(s²) = √((μ₄ − σ⁴)/n) with μ₄ = 1/80 for U(0,1).
    expect(Math.abs(mean - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(Z * Math.sqrt((1 / 80 - 1 / 144) / N));
  });

  it(`seed 11: uniforms fill 100 equal bins evenly (each count within z = ${Z} binomial se)`, () => {
    const s = deriveStream(11, 1, 'uniform-bins');
    const bins = new Array<number>(100).fill(0);
    for (let i = 0; i < N; i++) bins[Math.floor(s.nextUniform() * 100)]++;
    const expected = N / 100, se = Math.sqrt(N * 0.01 * 0.99);
    for (const b of bins) expect(Math.abs(b - expected)).toBeLessThan(Z * se);
  });

  it('seed 11: successive uniforms are uncorrelated (lag-1 correlation within z = 5 / √n)', () => {
    const s = deriveStream(11, 2, 'uniform-lag');
    let prev = s.nextUniform(), sxy = 0;
    for (let i = 0; i < N; i++) {
      const u = s.nextUniform();
      sxy += (prev - 0.5) * (u - 0.5);
      prev = u;
    }
    const correlation = sxy / N / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(Z / Math.sqrt(N));
  });

  it(`seed 11: normals have mean 0 and variance 1 (z = ${Z})`, () => {
    const s = deriveStream(11, 0, 'normal-test');
    let sum = 0, sumSq = 0;
    for (let i = 0; i < N; i++) {
      const x = s.nextNormal();
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / N;
    const variance = (sumSq - N * mean * mean) / (N - 1);
    expect(Math.abs(mean)).toBeLessThan(Z / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(Z * Math.sqrt(2 / N)); // μ₄ − σ⁴ = 3 − 1
  });

  it('seed 11: nextInt(n) covers 0..n−1 and nothing else', () => {
    const s = deriveStream(11, 0, 'int-test');
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const k = s.nextInt(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
  });
});

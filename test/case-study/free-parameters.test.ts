import { describe, expect, it } from 'vitest';
import { describeFreeValue, findFreeParameters, freeValueAt } from '../../sim-core/case-study/free-parameters.ts';
import { scaleDistributionText } from '../../sim-core/case-study/scale-durations.ts';
import { distMean, distVariance } from '../../sim-core/engine/distributions.ts';
import { parseDistribution } from '../../sim-core/model/distribution-text.ts';

function spec(text: string) {
  const d = parseDistribution(text);
  if (!d.ok) throw new Error(d.message);
  return d.value;
}

describe('scaleDistributionText', () => {
  it('scales every duration of every distribution form and keeps the rest as written', () => {
    const cases: Array<[string, number, string]> = [
      ['4ms', 2, '8ms'],
      ['2.8s', 1.5, '4.2s'],
      ['const(4ms)', 2, 'const(8ms)'],
      ['exp(10ms)', 1 / 0.7, 'exp(14.29ms)'],
      ['exp(mean=10ms)', 2, 'exp(mean=20ms)'],
      ['exp( 1.5 s )', 2, 'exp( 3 s )'],
      ['lognormal(mean=8ms, cv=2)', 1.5, 'lognormal(mean=12ms, cv=2)'],
      ['lognormal(p50=120ms, p99=900ms)', 1.5, 'lognormal(p50=180ms, p99=1350ms)'],
      ['uniform(1ms, 3ms)', 2, 'uniform(2ms, 6ms)'],
      ['uniform(min=0ms, max=3ms)', 2, 'uniform(min=0ms, max=6ms)'],
      ['erlang(k=4, mean=8ms)', 0.5, 'erlang(k=4, mean=4ms)'],
      ['gamma(shape=0.5, mean=8ms)', 3, 'gamma(shape=0.5, mean=24ms)'],
      ['hyperexp(mean=4ms, cv=3)', 2, 'hyperexp(mean=8ms, cv=3)'],
      ['hyperexp(0.9: 1ms, 0.1: 10ms)', 3, 'hyperexp(0.9: 3ms, 0.1: 30ms)'],
      ['empirical([1ms, 2ms, 5ms])', 10, 'empirical([10ms, 20ms, 50ms])'],
      ['exp(250us)', 4, 'exp(1000us)'],
    ];
    for (const [text, factor, expected] of cases) {
      const scaled = scaleDistributionText(text, factor);
      expect(scaled, text).toBe(expected);
      // The distribution scaled: mean × factor, coefficient of variation unchanged.
      const [a, b] = [spec(text), spec(scaled)];
      expect(distMean(b) / distMean(a), text).toBeCloseTo(factor, 3);
      expect(Math.sqrt(distVariance(b)) / distMean(b), text).toBeCloseTo(Math.sqrt(distVariance(a)) / distMean(a), 3);
    }
  });

  it('rejects text that is not a distribution, and factors that are not positive', () => {
    expect(() => scaleDistributionText('fast', 2)).toThrow(/not a distribution/);
    expect(() => scaleDistributionText('exp(4ms)', 0)).toThrow(/positive/);
    expect(() => scaleDistributionText('exp(4ms)', Number.NaN)).toThrow(/positive/);
  });
});

const data = {
  workload: { arrivals: '50/s', mix: { a: 1, b: 2 } },
  components: {
    app: {
      kind: 'service',
      replicas: 4,
      operations: {
        read: { cpu: 'exp(8ms)', steps: [{ cache: 'redis', hit: 0.8, miss: [{ query: 'pg.read' }] }] },
        write: { cpu: 'lognormal(mean=12ms, cv=2)', steps: [{ call: 'x.y' }] },
      },
    },
    pg: { kind: 'database', queries: { read: 'exp(3ms)', write: 'exp(9ms)', idle: '0ms' } },
    bank: { kind: 'external', latency: 'const(100ms)', errors: '0.5%' },
  },
};

describe('findFreeParameters', () => {
  it('one pattern is one parameter over every value it matches; * fans out over keys and list items', () => {
    const { parameters, problems } = findFreeParameters(data, ['components.app.operations.*.cpu', 'components.app.operations.read.steps.*.hit', 'components.bank.errors']);
    expect(problems).toEqual([]);
    expect(parameters.map((p) => [p.pattern, p.kind, p.matches.map((m) => m.path.join('/'))])).toEqual([
      ['components.app.operations.*.cpu', 'scale', ['components/app/operations/read/cpu', 'components/app/operations/write/cpu']],
      ['components.app.operations.read.steps.*.hit', 'logit', ['components/app/operations/read/steps/0/hit']],
      ['components.bank.errors', 'logit', ['components/bank/errors']],
    ]);
  });

  it('reads list indexes written either way', () => {
    for (const pattern of ['components.app.operations.read.steps.0.hit', 'components.app.operations.read.steps[0].hit']) {
      const { parameters } = findFreeParameters(data, [pattern]);
      expect(parameters[0].matches.map((m) => m.original)).toEqual([0.8]);
    }
  });

  it('names the pattern and path of everything it cannot fit', () => {
    const problem = (pattern: string) => findFreeParameters(data, [pattern]).problems.join('\n');
    expect(problem('components.nope.*')).toBe("--free 'components.nope.*': matches nothing in the scenario");
    expect(problem('components.app.operations.*')).toContain("--free 'components.app.operations.*': components.app.operations.read is a map");
    expect(problem('components.app.replicas')).toContain('components.app.replicas is the number 4; only distributions, durations and shares strictly between 0 and 1 can be fitted');
    expect(problem('workload.arrivals')).toContain("workload.arrivals is '50/s', neither a distribution or duration nor a share");
    expect(problem('components.app.operations.read.steps')).toContain('components.app.operations.read.steps is a list');
    expect(problem('components.pg.queries.idle')).toContain('every duration it matches is zero');
    expect(problem('components.*.*.*.steps.*.hit')).toBe('');
    expect(problem('a..b')).toContain('not a path');
    const mixed = findFreeParameters({ x: { a: 'exp(1ms)', b: 0.5 } }, ['x.*']).problems;
    expect(mixed[0]).toContain('matches durations (x.a) and shares (x.b)');
    const twice = findFreeParameters(data, ['components.pg.queries.read', 'components.pg.queries.*']).problems;
    expect(twice[0]).toContain("components.pg.queries.read is already matched by --free 'components.pg.queries.read'");
  });

  it('values at a parameter: a factor e^x on durations, a logit shift on shares written as they were', () => {
    const { parameters } = findFreeParameters(data, ['components.pg.queries.read', 'components.app.operations.read.steps.*.hit', 'components.bank.errors']);
    const [scale, hit, errors] = parameters;
    expect(freeValueAt('scale', scale.matches[0], Math.log(2))).toBe('exp(6ms)');
    expect(describeFreeValue(scale, Math.log(2))).toBe('×2');
    // Odds 0.8/0.2 = 4, times 1.5 → 6 → 6/7.
    expect(freeValueAt('logit', hit.matches[0], Math.log(1.5))).toBe(0.8571);
    expect(describeFreeValue(hit, Math.log(1.5))).toBe('0.8 → 0.8571');
    expect(freeValueAt('logit', errors.matches[0], 0)).toBe('0.5%');
    expect(freeValueAt('logit', errors.matches[0], Math.log(2))).toBe('0.995%');
    // Far out on the logit scale the share keeps its digits and never reaches 0 or 1.
    expect(freeValueAt('logit', hit.matches[0], 12)).toBe(0.999998464); // 1 − 1/(4·e¹²+1): four digits in 1.536e-6
    const tiny = freeValueAt('logit', hit.matches[0], -100) as number;
    expect(tiny).toBeGreaterThan(0);
  });
});

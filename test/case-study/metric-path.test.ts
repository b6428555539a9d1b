import { describe, expect, it } from 'vitest';
import { formatReportedValue, metricUnit, parseReportedValue, readMetric } from '../../sim-core/case-study/metric-path.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { runScenario } from '../helpers/scenario.ts';

/** A hand-made result: only the fields the paths below touch. */
const result = {
  overall: {
    throughput: 120,
    errorRate: 0,
    availability: 1,
    uptime: 0.999,
    latency: { mean: 42, p95: 90, ci95: { mean: 1.5 } },
    ci95: { throughput: 3 },
  },
  endpoints: { transfer: { throughput: 40, latency: { mean: 80, p99: 300, ci95: { p99: 20 } } } },
  components: { app: { utilisation: 0.7, ci95: { utilisation: 0.01 } }, edge: { utilisation: null }, redis: { hitRatio: NaN } },
  cost: { monthly: 27000, byComponent: { app: 1000 } },
  uptimeStudy: { availability: { mean: 0.9995, halfWidth: 0.0002 }, uptime: { mean: 0.9999, halfWidth: 0.00001 } },
} as unknown as RunResult;

describe('readMetric', () => {
  it('reads a number and the half-width beside it under ci95', () => {
    expect(readMetric(result, 'overall.latency.mean')).toEqual({ value: 42, halfWidth: 1.5 });
    expect(readMetric(result, 'overall.throughput')).toEqual({ value: 120, halfWidth: 3 });
    expect(readMetric(result, 'endpoints.transfer.latency.p99')).toEqual({ value: 300, halfWidth: 20 });
    expect(readMetric(result, 'components.app.utilisation')).toEqual({ value: 0.7, halfWidth: 0.01 });
  });

  it('reads numbers without a half-width, zero included', () => {
    expect(readMetric(result, 'overall.latency.p95')).toEqual({ value: 90 });
    expect(readMetric(result, 'overall.errorRate')).toEqual({ value: 0 });
    expect(readMetric(result, 'cost.monthly')).toEqual({ value: 27000 });
    expect(readMetric(result, 'cost.byComponent.app')).toEqual({ value: 1000 });
  });

  it('reads the uptime study’s { mean, halfWidth } estimates', () => {
    expect(readMetric(result, 'uptimeStudy.availability')).toEqual({ value: 0.9995, halfWidth: 0.0002 });
    expect(readMetric(result, 'uptimeStudy.uptime')).toEqual({ value: 0.9999, halfWidth: 0.00001 });
  });

  it('is undefined for paths that lead nowhere or to something that is not a finite number', () => {
    for (const path of ['overall.latency.mean.x', 'overall.latency', 'endpoints.nope.latency.mean', 'components.edge.utilisation', 'components.redis.hitRatio', 'overall..mean', '', 'overall.toString', 'endpoints.transfer.latency.constructor']) {
      expect(readMetric(result, path), path).toBeUndefined();
    }
  });

  it('seed 5: reads the paths of a real run, with half-widths from two replications', () => {
    const run = runScenario(`archsim: 1
name: paths
run: { duration: 20s, warmup: 2s, replications: 2, seed: 5 }
workload: { arrivals: 20/s }
endpoints: { work: { call: app.work } }
components:
  app: { kind: service, workers: 2, operations: { work: { cpu: exp(10ms) } } }
`);
    for (const path of ['overall.latency.mean', 'overall.latency.p99', 'overall.throughput', 'endpoints.work.latency.p95', 'components.app.utilisation']) {
      const m = readMetric(run, path);
      expect(m?.value, path).toBeGreaterThan(0);
      expect(m?.halfWidth, path).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('parseReportedValue', () => {
  it('reads durations in ms, ratios, rates per second, money and plain numbers', () => {
    expect(parseReportedValue('2.8s')).toEqual({ value: 2800, unit: 'ms' });
    expect(parseReportedValue('320ms')).toEqual({ value: 320, unit: 'ms' });
    expect(parseReportedValue('99.99%')?.value).toBeCloseTo(0.9999, 12);
    expect(parseReportedValue('99.99%')?.unit).toBe('ratio');
    expect(parseReportedValue('7200/s')).toEqual({ value: 7200, unit: 'perSecond' });
    expect(parseReportedValue('300/min')).toEqual({ value: 5, unit: 'perSecond' });
    expect(parseReportedValue('$27000')).toEqual({ value: 27000, unit: 'usd' });
    expect(parseReportedValue('$27,000/month')).toEqual({ value: 27000, unit: 'usd' });
    expect(parseReportedValue('$27k')).toEqual({ value: 27000, unit: 'usd' });
    expect(parseReportedValue('$1.2M')).toEqual({ value: 1_200_000, unit: 'usd' });
    expect(parseReportedValue('2000000')).toEqual({ value: 2_000_000, unit: 'number' });
    expect(parseReportedValue('2,000,000')).toEqual({ value: 2_000_000, unit: 'number' });
    expect(parseReportedValue('0.95')).toEqual({ value: 0.95, unit: 'number' });
    expect(parseReportedValue(50000)).toEqual({ value: 50000, unit: 'number' });
    expect(parseReportedValue('-89%')?.value).toBeCloseTo(-0.89, 12);
  });

  it('is undefined for free text and malformed figures', () => {
    for (const text of ['2-3 h', 'about 3s', '', '$', '$0.096/h', '2,00', 'fast', '7200/week', Number.NaN]) {
      expect(parseReportedValue(text), String(text)).toBeUndefined();
    }
  });
});

describe('metricUnit and formatReportedValue', () => {
  it('names the unit each kind of path reports in', () => {
    expect(metricUnit('overall.latency.mean')).toBe('ms');
    expect(metricUnit('endpoints.transfer.latency.p95')).toBe('ms');
    expect(metricUnit('components.pg.wait.p95')).toBe('ms');
    expect(metricUnit('overall.errorRate')).toBe('ratio');
    expect(metricUnit('uptimeStudy.availability')).toBe('ratio');
    expect(metricUnit('components.app.utilisation')).toBe('ratio');
    expect(metricUnit('overall.throughput')).toBe('perSecond');
    expect(metricUnit('components.pg.queries.read')).toBe('perSecond');
    expect(metricUnit('cost.monthly')).toBe('usd');
    expect(metricUnit('components.app.queueLength')).toBe('number');
  });

  it('writes values that parseReportedValue reads back (four significant digits)', () => {
    expect(formatReportedValue(2790.4, 'ms')).toBe('2.79s');
    expect(formatReportedValue(14.2857, 'ms')).toBe('14.29ms');
    expect(formatReportedValue(0.9995, 'ratio')).toBe('99.95%');
    expect(formatReportedValue(7200, 'perSecond')).toBe('7200/s');
    expect(formatReportedValue(27000, 'usd')).toBe('$27000');
    for (const [value, unit] of [[2790.4, 'ms'], [0.31, 'ms'], [0.123456, 'ratio'], [7213.7, 'perSecond'], [26999.2, 'usd'], [3.14159, 'number']] as const) {
      const back = parseReportedValue(formatReportedValue(value, unit));
      expect(back?.unit === unit || (back?.unit === 'number' && unit === 'number')).toBe(true);
      expect(Math.abs(back!.value / value - 1)).toBeLessThan(5e-4);
    }
  });
});

describe('readMetric with dotted names', () => {
  it('reads a station whose name holds dots (a database pool)', () => {
    const result = { components: { pg: { utilisation: 0.5 }, 'pg.pool.app': { utilisation: 0.94, ci95: { utilisation: 0.01 } } } } as unknown as RunResult;
    expect(readMetric(result, 'components.pg.pool.app.utilisation')).toEqual({ value: 0.94, halfWidth: 0.01 });
    expect(readMetric(result, 'components.pg.utilisation')).toEqual({ value: 0.5 });
    expect(readMetric(result, 'components.pg.pool.utilisation')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { formatRunReport } from '../../sim-core/cli/run-report.ts';
import type { EndpointResult, RunResult } from '../../sim-core/run/result.ts';

function endpoint(over: Partial<EndpointResult> = {}): EndpointResult {
  return {
    throughput: 4995.95,
    errorRate: 0.0123,
    errorsByCause: { rejected: 0.0123 },
    availability: 0.9877,
    sloShare: 0.9801,
    goodput: 4896.4,
    finished: 1_000_000,
    latency: { mean: 8.1034, p50: 5.61, p90: 18.6, p95: 24.3, p99: 37.44, p999: 1240 },
    ...over,
  };
}

function result(over: Partial<RunResult> = {}): RunResult {
  return {
    archsim: 1,
    scenario: 'Payments monolith (before)',
    seed: 7,
    replications: 1,
    simulatedSeconds: 300,
    warmupSeconds: 60,
    wallSeconds: 2.41,
    events: 12_345_678,
    requests: { arrived: 3_000_000, completed: 2_999_900, failed: 0 },
    overall: { ...endpoint(), uptime: 1 },
    endpoints: { getBalance: endpoint(), login: endpoint({ throughput: 41.23, sloShare: 0.9877 }) },
    components: {
      app: { kind: 'service', utilisation: 0.7994, busy: 31.98, queueLength: 0.412, replicas: 4, throughput: 5037.2, rejections: 61.4, errorsByCause: { rejected: 61.4, 'rate-limited': 0, 'external-error': 0 } },
      think: { kind: 'service', utilisation: null, busy: 2.5, queueLength: 0, replicas: 1, throughput: 5037.2, rejections: 0, errorsByCause: { rejected: 0, 'rate-limited': 0, 'external-error': 0 } },
    },
    cost: { monthly: 0, byComponent: {}, lines: [], excluded: [], priceList: null },
    series: { intervalSeconds: 10, t: [], throughput: [], p95: [], errorRate: [], utilisation: {}, queueLength: {}, replicas: {}, cacheHitRatio: {}, breakerOpen: {}, goodput: [] },
    ...over,
  };
}

function lineStartingWith(text: string, start: string): string {
  const line = text.split('\n').find((l) => l.startsWith(start));
  if (line === undefined) throw new Error(`no line starting with ${start} in\n${text}`);
  return line;
}

describe('formatRunReport', () => {
  it('opens with the scenario, duration, warm-up, replications, seed, wall time and events/s', () => {
    const text = formatRunReport(result());
    expect(text.split('\n')[0]).toBe('Payments monolith (before)');
    expect(text).toContain('5m simulated per replication, the first 1m of it warm-up (discarded)');
    expect(text).toContain('replications  1, seed 7');
    expect(text).toContain('wall time     2.41 s, 12.3M events, 5.12M events/s');
  });

  it('prints one row per endpoint and an overall row, with readable latencies and percentages', () => {
    const text = formatRunReport(result());
    const header = lineStartingWith(text, 'endpoint');
    for (const col of ['thru/s', 'mean', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'errors', 'in SLO']) expect(header).toContain(col);
    const row = lineStartingWith(text, 'getBalance').split(/\s{2,}/);
    expect(row).toEqual(['getBalance', '4,996', '8.10 ms', '5.61 ms', '18.6 ms', '24.3 ms', '37.4 ms', '1.24 s', '1.23%', '98.01%']);
    expect(lineStartingWith(text, 'overall')).toContain('4,996');
    expect(text).toContain('errors by cause (overall): rejected 1.23%');
  });

  it('shows the SLO of each endpoint when given, and a dash where there is none', () => {
    const text = formatRunReport(result(), { slos: { getBalance: 500, login: Infinity } });
    expect(lineStartingWith(text, 'endpoint')).toMatch(/errors\s+SLO\s+in SLO$/);
    expect(lineStartingWith(text, 'getBalance')).toMatch(/500ms\s+98\.01%$/);
    expect(lineStartingWith(text, 'login')).toMatch(/—\s+—$/);
    expect(lineStartingWith(text, 'overall')).toMatch(/98\.01%$/);
  });

  it('puts the 95% half-widths on a row under their values, only when there are some', () => {
    expect(formatRunReport(result())).not.toContain('±');
    const withCi = result({
      replications: 5,
      endpoints: {
        getBalance: endpoint({ ci95: { throughput: 12.3 }, latency: { ...endpoint().latency, ci95: { mean: 0.0523, p99: 0.9 } } }),
      },
    });
    const lines = formatRunReport(withCi).split('\n');
    const i = lines.findIndex((l) => l.startsWith('getBalance'));
    expect(lines[i + 1].trim().split(/\s{2,}/)).toEqual(['±12', '±0.05 ms', '±0.9 ms']);
    expect(lines.join('\n')).toContain('± is the 95% confidence half-width');
  });

  it('prints a component table, with a dash for the utilisation of unbounded workers', () => {
    const text = formatRunReport(result());
    expect(lineStartingWith(text, 'component')).toMatch(/utilisation\s+busy\s+queue\s+thru\/s\s+rejected\/s$/);
    expect(lineStartingWith(text, 'app').split(/\s{2,}/)).toEqual(['app', 'service', '4', '79.94%', '32.0', '0.412', '5,037', '61.4']);
    expect(lineStartingWith(text, 'think').split(/\s{2,}/)).toEqual(['think', 'service', '1', '—', '2.50', '0', '5,037', '0']);
  });
});

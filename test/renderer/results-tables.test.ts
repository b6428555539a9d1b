import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Difference } from '../../sim-core/run/compare.ts';
import { formatDifference, verdictTone } from '../../renderer/results/compare-tables.ts';
import { tickNumber, tickPercent, withCi } from '../../renderer/results/format.ts';
import { cdfPoints, costByComponent, endpointsTable } from '../../renderer/results/run-tables.ts';
import { incidentWindows, seriesPanels, seriesTable } from '../../renderer/results/series.ts';
import { tableToCsv, type TableModel } from '../../renderer/results/table-model.ts';
import { runScenario } from '../helpers/scenario.ts';

const RUN = runScenario(`
archsim: 1
name: tables
run: { duration: 20s, warmup: 2s, replications: 2, seed: 9, seriesInterval: 5s }
workload: { arrivals: 50/s }
endpoints: { work: { call: app.work, slo: 40ms } }
components:
  app: { kind: service, workers: 2, operations: { work: { cpu: exp(10ms) } } }
`);

describe('tableToCsv', () => {
  const table: TableModel = {
    caption: 't',
    columns: [{ label: 'name' }, { label: 'p95, ms', numeric: true }],
    rows: [
      [{ text: 'a "quoted", name' }, { text: '8.10 ms ±0.05 ms', value: 8.1034, halfWidth: 0.0523 }],
      [{ text: 'b' }, { text: '—', value: NaN }],
    ],
  };

  it('writes raw numbers, a ±95% column where a half-width exists, RFC 4180 quoting and CRLF', () => {
    expect(tableToCsv(table)).toBe('name,"p95, ms","p95, ms ±95%"\r\n"a ""quoted"", name",8.1034,0.0523\r\nb,,\r\n');
  });
});

describe('tables of a real run (2 replications)', () => {
  it('endpoint table: the endpoint then overall, latency cells with their CI and raw values', () => {
    const t = endpointsTable(RUN);
    expect(t.rows.map((r) => r[0].text)).toEqual(['work', 'overall']);
    const p95 = t.rows[0][t.columns.findIndex((c) => c.label === 'p95')];
    expect(p95.value).toBe(RUN.endpoints.work.latency.p95);
    expect(p95.halfWidth).toBe(RUN.endpoints.work.latency.ci95!.p95);
    expect(p95.text).toMatch(/ms ±[\d.]+ ms$/);
  });

  it('CDF points are sorted by quantile, skip ci95 and keep their half-widths', () => {
    const ps = cdfPoints(RUN.overall.latency.cdf);
    expect(ps[0].q).toBe(0);
    expect(ps.at(-1)!.q).toBe(1);
    expect(ps.find((p) => p.q === 0.5)).toMatchObject({ ms: RUN.overall.latency.p50 });
    expect(ps.every((p) => p.halfWidth !== undefined)).toBe(true);
  });

  it('series panels: throughput, p95, errors and utilisation with data; tables one row per interval', () => {
    const panels = seriesPanels(RUN.series);
    expect(panels.map((p) => p.id)).toEqual(expect.arrayContaining(['throughput', 'p95', 'errorRate', 'utilisation', 'queueLength']));
    expect(panels.map((p) => p.id)).not.toContain('breakerOpen');
    const t = seriesTable(panels[0], RUN.series.t);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[1][0].value).toBe(5);
  });
});

describe('incident windows', () => {
  it('are read from at/for in seconds', () => {
    const { scenario, errors } = loadScenario(`
archsim: 1
name: inc
workload: { arrivals: 5/s }
endpoints: { e: { call: app.op } }
components: { app: { kind: service, workers: 2, operations: { op: { cpu: 1ms } } } }
incidents:
  - { at: 1m, for: 30s, target: app, effect: down }
  - { at: 2500ms, for: 500ms, target: app, effect: errors(30%) }
`);
    expect(errors).toEqual([]);
    expect(incidentWindows(scenario)).toEqual([
      { start: 60, end: 90, label: 'app: down' },
      { start: 2.5, end: 3, label: 'app: errors(30%)' },
    ]);
    expect(incidentWindows(undefined)).toEqual([]);
  });
});

describe('formats', () => {
  it('withCi appends the half-width at the value precision; ticks are short', () => {
    expect(withCi('ms', 8.1034, 0.0523)).toBe('8.10 ms ±0.05 ms');
    expect(withCi('percent', 0.0599, 0.0011)).toBe('5.99% ±0.11%');
    expect(withCi('rate', 752.3)).toBe('752/s');
    expect(tickNumber(1000)).toBe('1,000');
    expect(tickNumber(2.5)).toBe('2.5');
    expect(tickPercent(0.25)).toBe('25%');
  });

  it('cost by component splits fixed and usage, largest first', () => {
    const run = { ...RUN, cost: { ...RUN.cost, lines: [
      { component: 'db', item: 'x', kind: 'fixed' as const, quantity: 1, unit: 'h', unitPrice: 10, monthly: 10 },
      { component: 'gw', item: 'y', kind: 'usage' as const, quantity: 1, unit: 'M', unitPrice: 30, monthly: 30 },
      { component: 'gw', item: 'z', kind: 'fixed' as const, quantity: 1, unit: 'h', unitPrice: 5, monthly: 5 },
    ] } };
    expect(costByComponent(run)).toEqual([{ component: 'gw', fixed: 5, usage: 30 }, { component: 'db', fixed: 10, usage: 0 }]);
  });
});

describe('comparison cells', () => {
  const d = (over: Partial<Difference>): Difference => ({ scenario: 1, mean: -0.09, halfWidth: 1.46, unpairedHalfWidth: 3, pairs: 8, verdict: 'noDifference', significant: false, ...over });
  it('a difference and its paired half-width at one precision, signed', () => {
    expect(formatDifference(d({}), 'ms')).toBe('-0.09 ms ±1.46 ms');
    expect(formatDifference(d({ mean: 0.0125, halfWidth: 0.004 }), 'ratio')).toBe('+1.25 pp ±0.40 pp');
  });
  it('lower latency and cost read as better, lower throughput as worse, utilisation as neither', () => {
    expect(verdictTone('latency.p99', 'lower')).toBe('better');
    expect(verdictTone('monthly', 'higher')).toBe('worse');
    expect(verdictTone('throughput', 'lower')).toBe('worse');
    expect(verdictTone('utilisation', 'lower')).toBe('neutral');
    expect(verdictTone('latency.p99', 'noDifference')).toBe('neutral');
  });
});

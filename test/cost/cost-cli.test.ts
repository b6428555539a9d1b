import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCostPlan } from '../../sim-core/cli/load-cost-plan.ts';
import { formatRunReport } from '../../sim-core/cli/run-report.ts';
import { computeCost } from '../../sim-core/cost/compute-cost.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { RunResult } from '../../sim-core/run/result.ts';

const dir = mkdtempSync(join(tmpdir(), 'archsim-cost-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const scenarioText = (app: string, prices = '') => `archsim: 1
name: priced
workload: { arrivals: 10/s }
endpoints: { e: { call: app.op } }
${prices}
components:
  app: { kind: service, replicas: 3, workers: 2, ${app} operations: { op: { cpu: exp(1ms) } } }
`;

function load(file: string) {
  const { scenario, errors } = loadScenario(readFileSync(file, 'utf8'));
  expect(errors).toEqual([]);
  return loadCostPlan(file, scenario!);
}

describe('scenario fields for prices', () => {
  const errorsOf = (text: string) => loadScenario(text).errors.map((e) => `${e.line}:${e.column}: ${e.path}: ${e.message}`);

  it('a negative replica price, a price without a unit, and a bad inline override are errors with their paths', () => {
    expect(errorsOf(scenarioText('price: -$0.1/h,', 'prices: { m6i.large: $0.09 }'))).toEqual([
      `5:22: prices["m6i.large"]: '$0.09' has no unit: write e.g. $0.09/h (units: /h, /month, /million, /GB, /vCPU-h, /GB-h)`,
      "7:57: components.app.price: a price cannot be negative, got '-$0.1/h'",
    ]);
  });

  it('a replica price must be per time', () => {
    expect(errorsOf(scenarioText('price: $3.50/million,'))).toEqual([
      "7:57: components.app.price: a price per replica must be per hour or per month (e.g. $0.096/h), got '$3.50/million'",
    ]);
  });
});

describe('loadCostPlan (the CLI side: reading price lists)', () => {
  it('defaults to the bundled list; inline overrides apply on top', () => {
    const plan = load(write('a.yaml', scenarioText('instance: m6i.large,', 'prices: { m6i.large: $0.09/h }')));
    expect(plan.priceList).toEqual({ name: 'AWS us-east-1, on-demand', date: '2026-11' });
    expect(plan.components.app.fixed).toEqual({ item: 'm6i.large', hourly: 0.09 });
  });

  it('reads a price list named by the scenario, relative to the scenario file', () => {
    write('mine.yaml', "name: negotiated\ndate: '2026-10'\nprices:\n  vm: { price: $0.05/h, source: contract 12, date: '2026-10' }\n");
    const plan = load(write('b.yaml', scenarioText('instance: vm,', 'prices: mine.yaml')));
    expect(plan).toMatchObject({ priceList: { name: 'negotiated', date: '2026-10' }, components: { app: { fixed: { item: 'vm', hourly: 0.05 } } } });
  });

  it('a price list line without a unit is bad input naming the file, line and path', () => {
    write('broken.yaml', "name: broken\ndate: '2026-10'\nprices:\n  vm:\n    price: $0.05\n    source: contract 12\n    date: '2026-10'\n");
    expect(() => load(write('c.yaml', scenarioText('instance: vm,', 'prices: broken.yaml')))).toThrow(
      "broken.yaml:5:12: prices.vm.price: '$0.05' has no unit: write e.g. $0.05/h (units: /h, /month, /million, /GB, /vCPU-h, /GB-h)\n1 error in broken.yaml",
    );
  });

  it('a negative price in a price list is bad input naming the file, line and path', () => {
    write('negative.yaml', "name: negative\ndate: '2026-10'\nprices:\n  vm:\n    price: -$0.05/h\n    source: contract 12\n    date: '2026-10'\n");
    expect(() => load(write('c2.yaml', scenarioText('instance: vm,', 'prices: negative.yaml')))).toThrow(
      "negative.yaml:5:12: prices.vm.price: a price cannot be negative, got '-$0.05/h'\n1 error in negative.yaml",
    );
  });

  it('an unknown instance type is bad input naming the scenario line and path', () => {
    const file = write('d.yaml', scenarioText('instance: m6i.larg,'));
    expect(() => load(file)).toThrow(`${file}:7:60: components.app.instance: unknown instance type 'm6i.larg' in the price list 'AWS us-east-1, on-demand'; did you mean 'm6i.large'?`);
  });

  it('a missing price list file is bad input', () => {
    expect(() => load(write('e.yaml', scenarioText('', 'prices: nowhere.yaml')))).toThrow("archsim: cannot read price list 'nowhere.yaml': no such file or directory");
  });
});

describe('the report prints the cost', () => {
  it('a header line, a table of fixed and usage per component, the price list and the exclusions', () => {
    const cost = computeCost(
      {
        priceList: { name: 'AWS us-east-1, on-demand', date: '2026-11' },
        components: {
          app: { fixed: { item: 'm6i.large', hourly: 0.096 }, usage: [] },
          events: { usage: [{ item: 'sqs.requests', counter: 'requests', price: { amount: 0.4 as never, unit: 'million' } }] },
        },
        excluded: ['components without instance or price: db'],
      },
      { app: { replicas: 3 }, events: { replicas: 1, usage: { requests: 100 } } },
    );
    const result = {
      archsim: 1, scenario: 'priced', seed: 1, replications: 1, simulatedSeconds: 60, warmupSeconds: 0, wallSeconds: 1, events: 10,
      requests: { arrived: 0, completed: 0, failed: 0 },
      overall: { throughput: 0, errorRate: 0, errorsByCause: {}, availability: 1, sloShare: 1, finished: 0, uptime: 1, latency: { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0 } },
      endpoints: {}, components: {}, cost,
      series: { intervalSeconds: 10, t: [], throughput: [], p95: [], errorRate: [], utilisation: {}, queueLength: {} },
    } as unknown as RunResult;
    const text = formatRunReport(result);
    expect(text).toContain('  cost          $315.36/month');
    const table = text.slice(text.indexOf('cost per month'));
    expect(table.split('\n').map((l) => l.trimEnd())).toEqual([
      expect.stringMatching(/^cost per month\s+items\s+fixed\s+usage\s+total$/),
      expect.stringMatching(/^─+$/),
      expect.stringMatching(/^app\s+3 × m6i\.large @ \$0\.096\/h\s+\$210\.24\s+\$0\.00\s+\$210\.24$/),
      expect.stringMatching(/^events\s+263 million requests sqs\.requests @ \$0\.4\s+\$0\.00\s+\$105\.12\s+\$105\.12$/),
      expect.stringMatching(/^─+$/),
      expect.stringMatching(/^total\s+\$210\.24\s+\$105\.12\s+\$315\.36$/),
      "  priced at 'AWS us-east-1, on-demand' (2026-11), 730 h per month",
      '  excluded: components without instance or price: db',
      expect.stringMatching(/^ {2}excluded: storage/),
      expect.stringMatching(/^ {2}excluded: data transfer/),
      expect.stringMatching(/^ {2}excluded: cluster-level/),
      expect.stringMatching(/^ {2}excluded: support plans/),
      '',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ScenarioError } from '../../sim-core/model/errors.ts';
import { loadModel, loadScenario } from '../../sim-core/model/load.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The one error at `path` whose message matches; fails if there is none. */
function find(errors: ScenarioError[], path: string, message: RegExp): ScenarioError {
  const hit = errors.find((e) => e.path === path && message.test(e.message));
  if (!hit) throw new Error(`no error at ${path} matching ${message}; got:\n${errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n')}`);
  return hit;
}

// Every problem in broken.yaml, with the line it is on.
const EXPECTED: [path: string, message: RegExp, line: number][] = [
  ['workload.thinkTime', /^unknown distribution 'expo'; did you mean 'exp'\?$/, 6],
  ['endpoints.buy.slo', /needs a unit: write 500ms/, 8],
  ['endpoints.browse.call', /component 'shop' has no operation 'brows'; did you mean 'browse'\?/, 9],
  ['components.shop.replica', /^unknown key 'replica'; did you mean 'replicas'\?$/, 13],
  ['components.shop.replicas', /^expected a positive integer, got -2$/, 14],
  ['components.shop.operations.buy.steps[1].delay', /'20\/s' is a rate, but a duration is expected/, 21],
  ['components.shop.operations.buy.steps[2].branch', /branch probabilities sum to 1.3, above 1/, 23],
  ['components.shop.operations.buy.steps[2].branch[0].steps[0].call', /unknown component 'pay'/, 23],
  ['components.shop.operations.buy.steps[3].call', /unknown component 'inventory'/, 25],
  ['components.stock.operations.reserve.steps[0].call', /^synchronous call cycle: shop\.buy → stock\.reserve → shop\.buy$/, 34],
];

describe('a scenario broken in many ways at once', () => {
  it('reports every problem with its path and line (YAML)', () => {
    const { model, scenario, errors } = loadModel(fixture('broken.yaml'));
    expect(model).toBeUndefined();
    expect(scenario).toBeUndefined();
    for (const [path, message, line] of EXPECTED) expect(find(errors, path, message).line, path).toBe(line);
    expect(errors).toHaveLength(EXPECTED.length);
    // Sorted by line.
    const lines = errors.map((e) => e.line ?? Infinity);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('points at the key of an unknown key and at the value otherwise (columns)', () => {
    const { errors } = loadModel(fixture('broken.yaml'));
    expect(find(errors, 'components.shop.replica', /unknown key/).column).toBe(5);
    expect(find(errors, 'components.shop.replicas', /positive/).column).toBe(15);
  });

  it('gives lines for the same scenario written as JSON', () => {
    const json = JSON.stringify(parse(fixture('broken.yaml')), null, 2);
    const jsonLines = json.split('\n');
    const { errors } = loadModel(json);
    expect(errors).toHaveLength(EXPECTED.length);
    for (const e of errors) expect(e.line, e.path).toBeGreaterThan(0);
    // The JSON line of `"replicas": -2` is where the error points.
    const replicas = find(errors, 'components.shop.replicas', /positive/);
    expect(jsonLines[replicas.line! - 1]).toMatch(/"replicas": -2/);
    const unknown = find(errors, 'components.shop.replica', /unknown key/);
    expect(jsonLines[unknown.line! - 1]).toMatch(/"replica": 2/);
  });

  it('loadScenario reports the schema and reference errors too', () => {
    const { scenario, errors } = loadScenario(fixture('broken.yaml'));
    expect(scenario).toBeUndefined();
    expect(errors).toHaveLength(EXPECTED.length);
  });
});

describe('error details', () => {
  const base = `archsim: 1
name: t
workload: { arrivals: 10/s }
endpoints: { e: { call: s.op } }
components:
  s:
    kind: service
    workers: 1
    operations:
      op: { cpu: exp(1ms) }
`;

  it('accepts the base scenario', () => {
    expect(loadModel(base).errors).toEqual([]);
  });

  it('points a missing required key at its parent', () => {
    const { errors } = loadModel(base.replace('    workers: 1\n', ''));
    expect(errors).toEqual([{ path: 'components.s.workers', message: "missing required key 'workers'", line: 6, column: 3 }]);
  });

  it('reports YAML syntax errors and duplicate keys with lines', () => {
    const dup = loadScenario(base.replace('name: t\n', 'name: t\nname: u\n'));
    expect(dup.errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/unique/) })]);
    const syntax = loadScenario(base.replace('{ arrivals: 10/s }', '{ arrivals: 10/s'));
    expect(syntax.errors.length).toBeGreaterThan(0);
    expect(syntax.errors[0].line).toBeGreaterThanOrEqual(3);
  });

  it('explains step mistakes', () => {
    const withSteps = (steps: string) => loadModel(base.replace('op: { cpu: exp(1ms) }', `op: { cpu: exp(1ms), steps: ${steps} }`)).errors;
    expect(withSteps('[ { cal: s.op } ]')[0].message).toMatch(/unknown step 'cal'; did you mean 'call'\?/);
    expect(withSteps('[ { call: s.op, delay: 1ms } ]')[0].message).toMatch(/exactly one of: call, delay, branch, parallel, cache, external, query, publish; got call and delay/);
    expect(withSteps('[ { delay: 1ms, extra: 1 } ]')).toEqual([expect.objectContaining({ path: 'components.s.operations.op.steps[0].extra', message: "unknown key 'extra'" })]);
    expect(withSteps('[ { branch: [ { p: -0.1, steps: [] } ] } ]')[0]).toMatchObject({
      path: 'components.s.operations.op.steps[0].branch[0].p',
      message: 'expected a probability between 0 and 1, got -0.1',
    });
  });

  it('explains workload, kind and enum mistakes', () => {
    expect(loadModel(base.replace('{ arrivals: 10/s }', '{ users: 10 }')).errors[0]).toMatchObject({
      path: 'workload.thinkTime',
      message: expect.stringMatching(/needs a thinkTime/),
    });
    expect(loadModel(base.replace('kind: service', 'kind: servce')).errors[0]).toMatchObject({
      path: 'components.s.kind',
      message: expect.stringMatching(/unknown component kind 'servce'; did you mean 'service'\?/),
      line: 7,
    });
    expect(loadModel(base.replace('workers: 1', 'workers: 1\n    balancer: p2c')).errors[0].message).toMatch(/expected one of 'roundRobin'/);
  });
});

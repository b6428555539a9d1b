import type { Service } from '../../sim-core/components/service.ts';
import { describe, expect, it } from 'vitest';
import { loadModel, loadScenario } from '../../sim-core/model/load.ts';
import { applyOverrides } from '../../sim-core/model/overrides.ts';

const base = `archsim: 1
name: t
workload:
  arrivals: 10/s
  profile: [ { at: 0m, x: 1 }, { at: 1m, x: 2 } ]
  mix: { login: 1, buy: 1 }
endpoints: { login: { call: app.login }, buy: { call: app.buy } }
components:
  app:
    kind: service
    workers: 4
    operations:
      login: { cpu: exp(1ms) }
      buy: { cpu: exp(2ms) }
`;

describe('--set overrides', () => {
  it('sets numbers, durations and map entries with the same validation as the file', () => {
    const { scenario, errors } = loadScenario(base, {
      overrides: ['components.app.replicas=8', 'run.duration=5m', 'workload.mix.login=20', 'workload.profile[1].x=3', 'workload.profile.0.ramp=10s'],
    });
    expect(errors).toEqual([]);
    expect((scenario!.components.app as Service).replicas).toBe(8);
    expect(scenario!.run.duration).toBe('5m');
    expect(scenario!.workload.mix).toEqual({ login: 20, buy: 1 });
    expect(scenario!.workload.profile).toEqual([{ at: '0m', x: 1, ramp: '10s' }, { at: '1m', x: 3 }]);
  });

  it('parses the value as a YAML flow value', () => {
    const { data } = applyOverrides({}, ['a.n=8', 'a.s=5m', 'a.l=[x, y]', 'a.m={ p: 0.1 }', 'a.d=lognormal(p50=1ms, p99=9ms)', 'a.h=hyperexp(0.9: 1ms, 0.1: 10ms)']);
    expect(data).toEqual({ a: { n: 8, s: '5m', l: ['x', 'y'], m: { p: 0.1 }, d: 'lognormal(p50=1ms, p99=9ms)', h: 'hyperexp(0.9: 1ms, 0.1: 10ms)' } });
  });

  it('creates lists before [i] and maps otherwise', () => {
    const { data, errors } = applyOverrides({ x: 1 }, ['a[0].b=1', 'c.d.e=2']);
    expect(errors).toEqual([]);
    expect(data).toEqual({ x: 1, a: [{ b: 1 }], c: { d: { e: 2 } } });
  });

  it('validates overridden values and says they came from --set', () => {
    const { errors } = loadModel(base, { overrides: ['components.app.replicas=-2', 'workload.mix.logn=3'] });
    expect(errors).toEqual([
      { path: 'components.app.replicas', message: 'expected a positive integer, got -2 (from --set components.app.replicas=-2)' },
      { path: 'workload.mix.logn', message: "unknown endpoint 'logn'; did you mean 'login'? (from --set workload.mix.logn=3)" },
    ]);
  });

  it('reports malformed --set as errors with path --set', () => {
    const { errors } = loadScenario(base, { overrides: ['components.app.replicas', '=3', 'a..b=1', 'workload.profile.x=1', 'workload.arrivals.x=1'] });
    expect(errors.map((e) => e.path)).toEqual(['--set', '--set', '--set', '--set', '--set']);
    expect(errors[0].message).toMatch(/expected path=value/);
    expect(errors[3].message).toMatch(/is a list; use a number/);
    expect(errors[4].message).toMatch(/neither a map nor a list/);
  });
});

import type { Service } from '../../sim-core/components/service.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../sim-core/model/compile.ts';
import { loadModel, loadScenario } from '../../sim-core/model/load.ts';
import { disassemble } from './disassemble.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function model(text: string) {
  const { model, errors } = loadModel(text);
  expect(errors).toEqual([]);
  return model!;
}

describe('compile: a small scenario (fixtures/small.yaml)', () => {
  const m = model(fixture('small.yaml'));

  it('emits the expected step program', () => {
    expect(disassemble(m)).toEqual([
      'front.a:',
      '  0: ENTER front',
      '  2: SLEEP {"kind":"exp","mean":4} front',
      '  5: LEAVE', // async: the worker is freed before the steps
      '  6: CALL back.q',
      '  8: SLEEP {"kind":"const","value":1} front',
      '  11: BRANCH front [0.25,0.75] 18 22 24',
      '  18: CALL back.q',
      '  20: JUMP 24',
      '  22: JUMP 24',
      '  24: FORK front.a#fork0.0 front.a#fork0.1',
      '  28: RETURN',
      'front.a#fork0.0:',
      '  29: CALL back.q',
      '  31: RETURN',
      'front.a#fork0.1:',
      '  32: SLEEP {"kind":"const","value":2} front',
      '  35: RETURN',
      'front.b:',
      '  36: ENTER front',
      '  38: LEAVE',
      '  39: RETURN',
      'back.q:',
      '  40: ENTER back',
      '  42: SLEEP {"kind":"uniform","min":1,"max":3} back',
      '  45: LEAVE', // blocking (the default): released after the steps
      '  46: RETURN',
    ]);
  });

  it('converts stations, endpoints, run settings and the network hop', () => {
    expect(m.stations).toEqual([
      { name: 'front', kind: 'service', replicas: 1, workers: 2, queue: Infinity, balancer: 'roundRobin', stream: m.streams.indexOf('front.balancer') },
      { name: 'back', kind: 'service', replicas: 2, workers: Infinity, queue: 0, balancer: 'powerOfTwo', stream: m.streams.indexOf('back.balancer') },
    ]);
    const block = (name: string) => m.blocks.findIndex((b) => b.name === name);
    expect(m.endpoints).toEqual([
      { name: 'a', block: block('front.a'), sloMs: 200, responseBytes: 0, entry: 'front' },
      { name: 'b', block: block('front.b'), sloMs: Infinity, responseBytes: 0, entry: 'front' },
      { name: 'c', block: block('back.q'), sloMs: Infinity, responseBytes: 0, entry: 'back' },
    ]);
    expect(m.run).toEqual({ durationMs: 120_000, warmupMs: 30_000, warmupAuto: false, replications: 3, seed: 7, seriesIntervalMs: 5000 });
    expect(m.hop).not.toBeNull();
    expect(m.dists.specs[m.hop!.dist]).toEqual({ kind: 'const', value: 0.5 });
    expect(m.streams[m.hop!.stream]).toBe('network.hop');
    expect([...m.streams].sort()).toEqual(['back', 'back.balancer', 'front', 'front.balancer', 'network.hop', 'workload.mix', 'workload.think']);
  });

  it('compiles the workload: mix cumulative (omitted endpoint gets 0), profile in ms', () => {
    const w = m.workload;
    expect(w.type).toBe('closed');
    if (w.type !== 'closed') return;
    expect(w.users).toBe(100);
    expect(m.dists.specs[w.thinkDist]).toEqual({ kind: 'exp', mean: 1000 });
    expect(m.streams[w.thinkStream]).toBe('workload.think');
    expect(m.streams[w.mixStream]).toBe('workload.mix');
    expect(Array.from(w.mixCumulative)).toEqual([0.75, 1, 1]);
    expect(w.profile).toEqual([
      { atMs: 0, x: 1, rampMs: 0 },
      { atMs: 60_000, x: 2, rampMs: 10_000 },
    ]);
  });
});

const tiny = (extra: { workload?: string; app?: string; network?: string } = {}) => `archsim: 1
name: tiny
workload: ${extra.workload ?? '{ arrivals: 300/min }'}
endpoints: { x: { call: app.x }, y: { call: app.y }, z: { call: app.y } }
${extra.network ?? ''}
components:
  app:
    kind: service
    workers: 3
${extra.app ?? ''}
    operations:
      x: { cpu: exp(1ms), steps: [ { call: app.y } ] }
      y: {}
`;

describe('compile: details', () => {
  it('open workload: rate per ms, equal mix ending at exactly 1, defaults', () => {
    const m = model(tiny());
    expect(m.workload).toMatchObject({ type: 'open', ratePerMs: 0.005, profile: [] });
    if (m.workload.type === 'open') expect(m.streams[m.workload.arrivalStream]).toBe('workload.arrivals');
    expect(Array.from(m.workload.mixCumulative)).toEqual([1 / 3, 2 / 3, 1]);
    expect(m.hop).toBeNull();
    expect(m.run).toEqual({ durationMs: 600_000, warmupMs: 60_000, warmupAuto: false, replications: 5, seed: 1, seriesIntervalMs: 10_000 });
    expect(m.stations[0]).toMatchObject({ replicas: 1, queue: Infinity, balancer: 'roundRobin' });
  });

  it('blocking threading holds the worker through calls', () => {
    const m = model(tiny());
    expect(disassemble(m).slice(0, 6)).toEqual(['app.x:', '  0: ENTER app', '  2: SLEEP {"kind":"exp","mean":1} app', '  5: CALL app.y', '  7: LEAVE', '  8: RETURN']);
  });

  it('a zero network hop compiles to null', () => {
    expect(model(tiny({ network: 'network: { hop: 0ms }' })).hop).toBeNull();
  });

  it('a branch whose probabilities sum to 1 always takes an option', () => {
    const m = model(tiny({ app: '' }).replace('steps: [ { call: app.y } ]', 'steps: [ { branch: [ { p: 0.7, steps: [] }, { p: 0.2, steps: [] }, { p: 0.1, steps: [] } ] } ]'));
    expect(m.consts[2]).toBe(1);
  });

  it('compile() reports semantic errors of a typed scenario with paths', () => {
    const { scenario } = loadScenario(tiny());
    expect(scenario).toBeDefined();
    const broken = structuredClone(scenario!);
    (broken.components.app as Service).operations.y.steps = [{ parallel: [[{ call: 'app.x' }]] }];
    broken.endpoints.x.call = 'ap.x';
    broken.workload.mix = { x: 1, w: 2 };
    const { model: m, errors } = compile(broken);
    expect(m).toBeUndefined();
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'components.app.operations.y.steps[0].parallel[0][0].call', message: 'synchronous call cycle: app.x → app.y → app.x' },
        { path: 'endpoints.x.call', message: "unknown component 'ap' in 'ap.x'; did you mean 'app'?" },
        { path: 'workload.mix.w', message: "unknown endpoint 'w'" },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('the DESIGN.md example (service-only subset) compiles', () => {
    const m = model(fixture('payments.yaml'));
    expect(m.endpoints.map((e) => e.name)).toEqual(['getBalance', 'transfer', 'login']);
    expect(Array.from(m.workload.mixCumulative)).toEqual([0.6, 0.9, 1]);
    expect(m.blocks.map((b) => b.name)).toContain('app.transfer#fork0.1');
    expect(m.blocks.every((b) => b.pc >= 0)).toBe(true);
  });
});

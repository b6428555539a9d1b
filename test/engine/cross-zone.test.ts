import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Cross-zone latency. front (3 replicas, round-robin) calls back (3 replicas, random balancer),
 * one replica of each per zone; no queueing (many workers) and constant work, so a request takes
 * 2 ms + 2 hops of 0.5 ms, plus 2 × 1 ms when the two replicas are in different zones, which the
 * random balancer makes happen with probability 2/3: mean 3 + 4/3 ms. Each request adds 0 or
 * 2 ms, so the standard error of the mean over n requests is 2·√(2/9)/√n.
 */
const scenario = (crossZone: string) => `
archsim: 1
name: cross-zone
run: { duration: 2m, warmup: 0s, replications: 1, seed: 29 }
workload: { arrivals: 1000/s }
network: { hop: 0.5ms${crossZone} }
zones: 3
endpoints: { get: { call: front.get } }
components:
  front:
    kind: service
    replicas: 3
    workers: 100
    operations: { get: { cpu: const(1ms), steps: [ { call: back.get } ] } }
  back:
    kind: service
    replicas: 3
    workers: 100
    balancer: random
    operations: { get: { cpu: const(1ms) } }
`;

describe('cross-zone latency, seed 29', () => {
  let r: RunResult;
  let same: RunResult;
  beforeAll(() => {
    r = runScenario(scenario(', crossZone: 1ms'));
    same = runScenario(scenario(''));
  });

  it('without a cross-zone delay every request takes 3 ms', () => {
    expect(same.endpoints.get.latency.mean).toBeCloseTo(3, 9);
  });

  it('adds 2 × 1 ms to the 2/3 of calls that cross a zone: mean 3 + 4/3 ms', () => {
    const n = r.endpoints.get.finished;
    const se = (2 * Math.sqrt(2 / 9)) / Math.sqrt(n);
    expect(Math.abs(r.endpoints.get.latency.mean - (3 + 4 / 3))).toBeLessThan(5 * se);
  });

  it('a round-robin callee follows its caller, so nothing crosses', () => {
    const aligned = runScenario(scenario(', crossZone: 1ms').replace('    balancer: random\n', ''));
    expect(aligned.endpoints.get.latency.mean).toBeCloseTo(3, 9);
  });

  it('bad input: a cross-zone delay without zones', () => {
    expect(errorsOf(scenario(', crossZone: 1ms').replace('zones: 3\n', ''))).toEqual(['6:35 network.crossZone: a cross-zone delay needs zones: give zones: 3 (the replicas are spread over them)']);
  });
});

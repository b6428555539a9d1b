import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { mergeShards, type ShardInput } from '../../sim-core/run/merge.ts';
import { decodeShardFile, encodeShardFile, inShard, parseShard, runSweepShard, type SweepShardFile } from '../../sim-core/run/shard.ts';
import { planSweep, runSweepPlan, type SweepPlan, type SweepResult } from '../../sim-core/run/sweep.ts';
import { parseVary } from '../../sim-core/run/vary.ts';

/**
 * A small study: 3 points × 2 replications = 6 tasks. The `idle` endpoint gets no traffic (its
 * latencies are NaN) and `edge` has unbounded workers (utilisation null, NaN series), so the
 * shard files must carry non-finite numbers faithfully.
 */
function scenario(seed = 5, workers = 2): Scenario {
  const { scenario: s, errors } = loadScenario(`
archsim: 1
name: shard-test
run: { duration: 40s, warmup: 10s, replications: 2, seed: ${seed} }
workload: { arrivals: 100/s, mix: { work: 1 } }
endpoints:
  work: { call: edge.work, slo: 200ms }
  idle: { call: app.idle, slo: 50ms }
components:
  edge: { kind: service, workers: unbounded, operations: { work: { cpu: exp(1ms), steps: [ { call: app.work } ] } } }
  app: { kind: service, workers: ${workers}, operations: { work: { cpu: exp(15ms) }, idle: { cpu: exp(1ms) } } }
`);
  if (!s) throw new Error(JSON.stringify(errors));
  return s;
}

function plan(s = scenario(), varyText = 'workload.arrivals=40/s..120/s:3'): SweepPlan {
  const { plan: p, errors } = planSweep(s, [parseVary(varyText).spec!]);
  if (!p) throw new Error(JSON.stringify(errors));
  return p;
}

/** A shard file as `archsim merge` reads it: encoded, through JSON text, parsed. */
async function shardJson(p: SweepPlan, index: number, count: number): Promise<unknown> {
  const file = await runSweepShard(p, { index, count }, { executor: inThreadExecutor() });
  return JSON.parse(JSON.stringify(encodeShardFile(file))) as unknown;
}

const withoutWallSeconds = (r: unknown): unknown => JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'wallSeconds' ? 0 : v)));

let whole: SweepResult;
let shards: ShardInput[];
beforeAll(async () => {
  whole = await runSweepPlan(plan(), { executor: inThreadExecutor() });
  shards = [];
  for (let i = 1; i <= 4; i++) shards.push({ name: `out-${i}.json`, data: await shardJson(plan(), i, 4) });
});

describe('sharding a sweep', () => {
  it('parses i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('3/40').shard).toEqual({ index: 3, count: 40 });
    for (const bad of ['0/4', '5/4', '3', '3/0', 'a/b', '-1/4']) expect(parseShard(bad).error).toContain('expected i/n');
  });

  it('deals the tasks round-robin: every task to exactly one shard', () => {
    for (let k = 0; k < 50; k++) {
      const owners = [1, 2, 3, 4, 5, 6, 7].filter((i) => inShard(k, { index: i, count: 7 }));
      expect(owners).toEqual([(k % 7) + 1]);
    }
  });

  it('seed 5: each shard runs its own tasks and records them', () => {
    const files = shards.map((s) => decodeShardFile(s.data).file!);
    expect(files.map((f) => f.records.map((r) => [r.point, r.replication]))).toEqual([
      [[0, 0], [2, 0]], // tasks 0, 4
      [[0, 1], [2, 1]], // tasks 1, 5
      [[1, 0]], //         task 2
      [[1, 1]], //         task 3
    ]);
    expect(files.every((f) => f.tasks === 6)).toBe(true);
  });

  it('seed 5: the merged shards give exactly the unsharded result, wall time aside, in any order', () => {
    const merged = mergeShards([shards[2], shards[0], shards[3], shards[1]]);
    expect(merged.errors).toEqual([]);
    // toEqual treats NaN as equal to NaN but not to null: the shard files keep NaN as NaN.
    expect(withoutWallSeconds(merged.result)).toEqual(withoutWallSeconds(whole));
    expect({ ...merged.result!, wallSeconds: 0, points: [] }).toEqual({ ...whole, wallSeconds: 0, points: [] });
    merged.result!.points.forEach((p, i) => {
      expect({ ...p.result!, wallSeconds: 0 }).toEqual({ ...whole.points[i].result!, wallSeconds: 0 });
    });
    expect(Number.isNaN(merged.result!.points[0].result!.endpoints.idle.latency.p99)).toBe(true);
    expect(merged.result!.points[0].result!.components.edge.utilisation).toBeNull();
    expect(merged.result!.wallSeconds).toBeCloseTo(shards.reduce((s, f) => s + decodeShardFile(f.data).file!.wallSeconds, 0), 9);
  });

  it('a missing shard is named', () => {
    expect(mergeShards([shards[0], shards[2]]).errors).toEqual(['missing shards 2, 4 of 4: merge needs the file of every shard']);
    expect(mergeShards([shards[0]]).errors).toEqual(['missing shards 2–4 of 4: merge needs the file of every shard']);
  });

  it('refuses shards of different studies, saying what differs', async () => {
    const otherSeed = { name: 'seed.json', data: await shardJson(plan(scenario(6)), 2, 4) };
    expect(mergeShards([shards[0], otherSeed]).errors).toEqual(['seed.json is from a different study than out-1.json: the seed differs (5 vs 6)']);
    const otherVary = { name: 'vary.json', data: await shardJson(plan(scenario(), 'workload.arrivals=40/s..120/s:2'), 2, 4) };
    expect(mergeShards([shards[0], otherVary]).errors[0]).toContain('the --vary settings differ (workload.arrivals=40/s..120/s:3 vs workload.arrivals=40/s..120/s:2)');
    const otherScenario = { name: 'scenario.json', data: await shardJson(plan(scenario(5, 3)), 2, 4) };
    expect(mergeShards([shards[0], otherScenario]).errors[0]).toContain('the scenario differs at components.app.workers (2 vs 3)');
    const otherSplit = { name: 'split.json', data: await shardJson(plan(), 2, 3) };
    expect(mergeShards([shards[0], otherSplit]).errors[0]).toContain('split.json is shard 2/3, but out-1.json is one of 4 shards');
  });

  it('refuses a shard given twice, a cancelled shard, and files that are not shards', () => {
    expect(mergeShards([...shards, { ...shards[1], name: 'again.json' }]).errors).toEqual(['shard 2/4 is given twice (out-2.json and again.json)']);
    const partial = { name: 'partial.json', data: { ...(shards[3].data as SweepShardFile), partial: true } };
    expect(mergeShards([...shards.slice(0, 3), partial]).errors[0]).toContain('partial.json: shard 4/4 was cancelled before it finished');
    expect(mergeShards([{ name: 'whole.json', data: JSON.parse(JSON.stringify(whole)) }]).errors[0]).toContain('whole.json: a whole sweep result, not a shard');
    expect(mergeShards([{ name: 'x.json', data: [1, 2] }]).errors[0]).toContain('x.json: not a sweep shard file');
    expect(mergeShards([]).errors).toEqual(['no shard files given']);
  });

  it('encodes NaN and ±Infinity in shard files and reads them back as numbers', () => {
    const file = decodeShardFile(shards[0].data).file!;
    const reencoded = decodeShardFile(JSON.parse(JSON.stringify(encodeShardFile(file)))).file!;
    expect(reencoded.records).toEqual(file.records);
    expect(JSON.stringify(shards[0].data)).toContain('"NaN"');
    expect(file.records[0].summary.endpoints.idle.latency.p99).toBeNaN();
  });
});

import type { ReplicationRecord } from './aggregate.ts';
import { runSweepTasks, sweepTasks, type SweepOptions, type SweepPlan, type SweepStudy } from './sweep.ts';

/**
 * Sharding a sweep across machines without a scheduler: `--shard i/n` runs the tasks k of the
 * study (k = point × replications + replication) with k mod n = i − 1, and writes their
 * per-replication records with the study that produced them. Any batch system that can start
 * n copies of a command with an index (a Kubernetes indexed Job, a CI matrix) can run a study;
 * `archsim merge` checks the files belong together and rebuilds exactly the unsharded result.
 *
 * Dealing tasks round-robin (rather than in contiguous blocks) spreads the expensive points —
 * the high-load end of a sweep — evenly over the shards.
 */
export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ShardRecord extends ReplicationRecord {
  point: number;
}

export interface SweepShardFile {
  archsim: 1;
  kind: 'sweep-shard';
  shard: ShardSpec;
  study: SweepStudy;
  /** Tasks in the whole study (points × replications). */
  tasks: number;
  records: ShardRecord[];
  failed: Array<{ point: number; replication: number; error: string }>;
  wallSeconds: number;
  /** Set when the shard was cancelled before all its tasks ran. */
  partial?: true;
}

/** `3/40` → { index: 3, count: 40 }, or what is wrong with it. */
export function parseShard(text: string): { shard?: ShardSpec; error?: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return { error: `--shard: expected i/n with 1 ≤ i ≤ n, e.g. 3/40, got '${text}'` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return { error: `--shard: expected i/n with 1 ≤ i ≤ n, e.g. 3/40, got '${text}'` };
  return { shard: { index, count } };
}

/** Whether task k belongs to the shard. */
export function inShard(key: number, shard: ShardSpec): boolean {
  return key % shard.count === shard.index - 1;
}

/** Runs one shard's slice of a planned study. */
export async function runSweepShard(plan: SweepPlan, shard: ShardSpec, opts: SweepOptions): Promise<SweepShardFile> {
  const R = plan.replications;
  const run = await runSweepTasks(plan, sweepTasks(plan, (k) => inShard(k, shard)), opts);
  const keys = [...run.records.keys()].sort((a, b) => a - b);
  const file: SweepShardFile = {
    archsim: 1,
    kind: 'sweep-shard',
    shard: { ...shard },
    study: { scenario: plan.scenario, vary: plan.vary, replications: R },
    tasks: plan.points.length * R,
    records: keys.map((k) => ({ point: Math.floor(k / R), ...run.records.get(k)! })),
    failed: run.failed.map((f) => ({ point: Math.floor(f.key / R), replication: f.key % R, error: f.error })),
    wallSeconds: run.wallSeconds,
  };
  if (run.partial) file.partial = true;
  return file;
}

/**
 * JSON cannot hold NaN or ±Infinity (a latency of an endpoint with no successful request, an
 * unbounded station's utilisation series), and JSON.stringify would turn them into null — which
 * averages differently. The shard file writes them as the strings "NaN", "Infinity" and
 * "-Infinity"; `decodeShardFile` turns those strings back into numbers.
 */
export function encodeShardFile(file: SweepShardFile): unknown {
  return mapDeep(file, (v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

const NON_FINITE: Record<string, number> = { NaN, Infinity, '-Infinity': -Infinity };

/** Parsed JSON → a shard file, or what is wrong with it (the caller adds the file name). */
export function decodeShardFile(data: unknown): { file?: SweepShardFile; error?: string } {
  const d = data as Partial<SweepShardFile> | null;
  if (d === null || typeof d !== 'object' || d.kind !== 'sweep-shard') {
    const what = d !== null && typeof d === 'object' && (d as { kind?: unknown }).kind === 'sweep' ? 'a whole sweep result, not a shard' : 'not a sweep shard file';
    return { error: `${what} (write shards with archsim sweep … --shard i/n --json FILE)` };
  }
  if (d.archsim !== 1) return { error: `written by an unsupported version (archsim: ${String(d.archsim)})` };
  const ok =
    typeof d.shard?.index === 'number' && typeof d.shard?.count === 'number' &&
    d.study !== null && typeof d.study === 'object' && Array.isArray(d.study.vary) && typeof d.study.replications === 'number' &&
    Array.isArray(d.records) && Array.isArray(d.failed) && typeof d.tasks === 'number' && typeof d.wallSeconds === 'number';
  if (!ok) return { error: 'a damaged shard file (fields are missing)' };
  const revive = (v: unknown) => (typeof v === 'string' && Object.hasOwn(NON_FINITE, v) ? NON_FINITE[v] : v);
  return { file: { ...(d as SweepShardFile), records: (d.records as unknown[]).map((r) => mapDeep(r, revive) as ShardRecord) } };
}

function mapDeep(value: unknown, f: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, f));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapDeep(v, f);
    return out;
  }
  return f(value);
}

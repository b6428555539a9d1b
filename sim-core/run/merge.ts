import { formatPath, type PathSegment } from '../model/errors.ts';
import type { ReplicationRecord } from './aggregate.ts';
import { decodeShardFile, inShard, type SweepShardFile } from './shard.ts';
import { assembleSweep, planSweep, type SweepResult, type SweepStudy } from './sweep.ts';
import { formatVary } from './vary.ts';

/**
 * `archsim merge`: the shards of one study → the SweepResult the unsharded sweep would have
 * given. Refuses, saying why, when a file is not a shard, when the files come from different
 * studies (scenario, --vary, seed, replications or shard count), when a shard is given twice,
 * is missing or was cancelled. Pure: the caller reads the files.
 */
export interface ShardInput {
  /** The file name, for messages. */
  name: string;
  /** The parsed JSON. */
  data: unknown;
}

export function mergeShards(inputs: readonly ShardInput[]): { result?: SweepResult; errors: string[] } {
  if (inputs.length === 0) return { errors: ['no shard files given'] };
  const errors: string[] = [];
  const files: Array<{ name: string; file: SweepShardFile }> = [];
  for (const input of inputs) {
    const { file, error } = decodeShardFile(input.data);
    if (file) files.push({ name: input.name, file });
    else errors.push(`${input.name}: ${error}`);
  }
  if (errors.length > 0) return { errors };

  const ref = files[0];
  const count = ref.file.shard.count;
  for (const { name, file } of files.slice(1)) {
    if (file.shard.count !== count) {
      errors.push(`${name} is shard ${file.shard.index}/${file.shard.count}, but ${ref.name} is one of ${count} shards: they are from different splits of the study`);
      continue;
    }
    const difference = studyDifference(ref.file.study, file.study);
    if (difference) errors.push(`${name} is from a different study than ${ref.name}: ${difference}`);
  }
  if (errors.length > 0) return { errors };

  const byIndex = new Map<number, string>();
  for (const { name, file } of files) {
    const other = byIndex.get(file.shard.index);
    if (other !== undefined) errors.push(`shard ${file.shard.index}/${count} is given twice (${other} and ${name})`);
    byIndex.set(file.shard.index, name);
    if (file.partial) errors.push(`${name}: shard ${file.shard.index}/${count} was cancelled before it finished; run it again`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    errors.push(`missing ${missing.length === 1 ? 'shard' : 'shards'} ${formatRanges(missing)} of ${count}: merge needs the file of every shard`);
  }
  if (errors.length > 0) return { errors };

  const study = ref.file.study;
  const { plan, errors: planErrors } = planSweep(study.scenario, study.vary, { replications: study.replications });
  if (!plan) return { errors: [`the study in ${ref.name} does not plan: ${planErrors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`] };
  const R = plan.replications;
  const tasks = plan.points.length * R;
  if (ref.file.tasks !== tasks) return { errors: [`${ref.name} counts ${ref.file.tasks} tasks, but its study has ${tasks}: it was written by another version of archsim`] };

  const records = new Map<number, ReplicationRecord>();
  const failed: Array<{ key: number; error: string }> = [];
  const seen = new Set<number>();
  for (const { name, file } of files) {
    const entries: Array<{ point: number; replication: number }> = [...file.records, ...file.failed];
    for (const e of entries) {
      const key = e.point * R + e.replication;
      if (!Number.isInteger(key) || key < 0 || key >= tasks || e.replication >= R || !inShard(key, file.shard) || seen.has(key)) {
        return { errors: [`${name}: a damaged shard file (task point ${e.point}, replication ${e.replication} does not belong to shard ${file.shard.index}/${count})`] };
      }
      seen.add(key);
    }
    for (const { point, ...record } of file.records) records.set(point * R + record.replication, record);
    for (const f of file.failed) failed.push({ key: f.point * R + f.replication, error: f.error });
  }
  if (seen.size !== tasks) return { errors: [`the shards hold ${seen.size} of the study's ${tasks} tasks: a shard file is damaged`] };
  failed.sort((a, b) => a.key - b.key);
  const wallSeconds = files.reduce((s, f) => s + f.file.wallSeconds, 0);
  return { result: assembleSweep(plan, { records, failed }, { wallSeconds, partial: false }), errors: [] };
}

/** What makes two studies different, in words; undefined when they are the same study. */
export function studyDifference(a: SweepStudy, b: SweepStudy): string | undefined {
  if (a.scenario.run.seed !== b.scenario.run.seed) return `the seed differs (${a.scenario.run.seed} vs ${b.scenario.run.seed})`;
  if (a.replications !== b.replications) return `the replications differ (${a.replications} vs ${b.replications})`;
  const va = a.vary.map(formatVary).join(' ');
  const vb = b.vary.map(formatVary).join(' ');
  if (JSON.stringify(a.vary) !== JSON.stringify(b.vary)) return `the --vary settings differ (${va} vs ${vb})`;
  const at = firstDifference(a.scenario, b.scenario, []);
  return at ? `the scenario differs at ${at}` : undefined;
}

/** The path of the first difference between two JSON values, with both values; undefined if equal. */
function firstDifference(a: unknown, b: unknown, path: PathSegment[]): string | undefined {
  const describe = () => `${path.length > 0 ? formatPath(path) : 'its root'} (${show(a)} vs ${show(b)})`;
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return describe();
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${formatPath(path)} (${a.length} vs ${b.length} items)`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], [...path, i]);
      if (d) return d;
    }
    return undefined;
  }
  if (a !== null && typeof a === 'object') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
      const d = firstDifference(ra[k], rb[k], [...path, k]);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : describe();
}

function show(v: unknown): string {
  if (v === undefined) return 'absent';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** [1, 2, 3, 5, 7, 8] → "1–3, 5, 7–8". */
function formatRanges(ns: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    parts.push(j === i ? String(ns[i]) : `${ns[i]}–${ns[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

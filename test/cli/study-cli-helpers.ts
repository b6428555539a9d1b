import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Helpers for the compare, sweep and merge CLI tests: run `node bin/archsim.mjs` as a user would. */

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function archsim(cwd: string, ...args: string[]): Outcome {
  const env = { ...process.env };
  delete env.ARCHSIM_DEBUG;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'archsim.mjs'), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An M/M/c service under open load, small enough to simulate in a blink. */
export function writeMmc(dir: string, file: string, opts: { workers: number; seed?: number; name?: string }): string {
  const path = join(dir, file);
  writeFileSync(path, `archsim: 1
name: ${opts.name ?? `mmc-${opts.workers}`}
run: { duration: 40s, warmup: 10s, replications: 3, seed: ${opts.seed ?? 7} }
workload: { arrivals: 100/s }
endpoints: { work: { call: app.work, slo: 200ms } }
components:
  app: { kind: service, workers: ${opts.workers}, operations: { work: { cpu: exp(15ms) } } }
`);
  return path;
}

/** JSON text with every wallSeconds zeroed: what must agree between two runs of the same study. */
export function withoutWallSeconds(jsonText: string): unknown {
  return JSON.parse(jsonText, (k, v: unknown) => (k === 'wallSeconds' ? 0 : v));
}

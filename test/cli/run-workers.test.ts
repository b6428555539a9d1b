import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';

/**
 * `archsim run` on the worker pool, end to end: the same JSON whatever --workers is, ± on every
 * number with several replications, and Ctrl-C giving the completed replications, partial,
 * with exit code 130.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const ARCHSIM = join(ROOT, 'bin', 'archsim.mjs');
const MONOLITH = 'scenarios/examples/monolith.yaml';

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.ARCHSIM_DEBUG;
  delete e.ARCHSIM_TEST_CRASH;
  return e;
}

function archsim(...args: string[]) {
  return spawnSync(process.execPath, [ARCHSIM, ...args], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 90_000 });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-run-workers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archsim run --workers', () => {
  it('prints ± half-widths with 4 replications on 2 workers, and the same JSON on 1 worker (seed 5)', () => {
    const short = ['--duration', '30s', '--warmup', '5s', '--replications', '4', '--seed', '5'];
    const file = join(dir, 'two-workers.json');
    const two = archsim('run', MONOLITH, ...short, '--workers', '2', '--json', file);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(two.stdout).toContain('replications  4, seed 5');
    const overall = two.stdout.split('\n').findIndex((l) => l.startsWith('overall'));
    expect(two.stdout.split('\n')[overall + 1]).toMatch(/±.*±.*±.*±/);

    const one = archsim('run', MONOLITH, ...short, '--workers', '1', '--json', '-');
    expect(one.status).toBe(0);
    const a = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
    const b = JSON.parse(one.stdout) as RunResult;
    expect(a.replications).toBe(4);
    expect(a.overall.ci95?.throughput).toBeGreaterThan(0);
    // Wall-clock times are the only fields that may differ.
    const timeless = (r: RunResult) => ({ ...r, wallSeconds: 0, ...(r.uptimeStudy ? { uptimeStudy: { ...r.uptimeStudy, failureWallSeconds: 0 } } : {}) });
    expect(timeless(b)).toEqual(timeless(a));
  });

  it('rejects --workers 0 with exit 2', () => {
    const r = archsim('run', MONOLITH, '--workers', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--workers: expected a positive integer');
  });
});

describe('archsim run and Ctrl-C', () => {
  it('stops on SIGINT with exit 130 and reports the completed replications as partial (seed 3)', async () => {
    const file = join(dir, 'partial.json');
    // 40 replications of ~0.5 s on one worker: far more than run before the signal.
    const child = spawn(process.execPath, [ARCHSIM, 'run', MONOLITH, '--duration', '90s', '--warmup', '10s', '--replications', '40', '--seed', '3', '--workers', '1', '--progress', '--json', file], { cwd: ROOT, env: env() });
    let stdout = '';
    let stderr = '';
    let signalledAt = 0;
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
      // The progress bar (forced on: stderr is a pipe here) says when a replication has completed.
      if (!signalledAt && /replications [1-9]\d*\/40/.test(stderr)) {
        signalledAt = performance.now();
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const exitedMs = performance.now() - signalledAt;

    expect(signalledAt).toBeGreaterThan(0);
    expect(code).toBe(130);
    // Within 200 ms in the engine; the process also disposes its workers and prints. Generous bound.
    expect(exitedMs).toBeLessThan(3000);
    const m = /partial: cancelled after (\d+) of 40 replications/.exec(stdout);
    expect(m).not.toBeNull();
    const done = Number(m![1]);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(40);
    expect(stdout).toContain('overall');
    const json = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
    expect(json.partial).toBe(true);
    expect(json.replications).toBe(done);
  });
});

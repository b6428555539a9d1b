import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The `archsim` command end to end: each test spawns `node bin/archsim.mjs` as a user would and
 * checks the exit code and what it printed. stderr is a pipe here, so no progress line appears.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const MONOLITH = 'scenarios/examples/monolith.yaml';
const MICROSERVICES = 'scenarios/examples/microservices.yaml';
/** Short runs: the CLI is under test here, not the statistics. */
const SHORT = ['--duration', '40s', '--warmup', '10s', '--replications', '2', '--seed', '11'];

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function archsim(...args: string[]): Outcome {
  const env = { ...process.env };
  delete env.ARCHSIM_DEBUG;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'archsim.mjs'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bad input is explained, never shown as a crash. */
function expectNoStackTrace(o: Outcome): void {
  expect(o.stderr).not.toMatch(/^\s+at /m);
  expect(o.stderr).not.toContain('internal error');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('archsim help and dispatch', () => {
  it('prints help and the version with exit 0', () => {
    const help = archsim('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('archsim run <scenario>');
    const runHelp = archsim('run', '--help');
    expect(runHelp.status).toBe(0);
    expect(runHelp.stdout).toContain('--duration');
    expect(runHelp.stdout).toContain('--workers');
    const version = archsim('--version');
    expect(version.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(`archsim ${pkg.version}`);
  });

  it('rejects an unknown command, an unknown case study, a missing command and an unknown flag with exit 2', () => {
    const unknown = archsim('simulate', MONOLITH);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'simulate'");
    const later = archsim('replay', 'no-such-study');
    expect(later.status).toBe(2);
    expect(later.stderr).toContain("no case study 'no-such-study'");
    expect(archsim().status).toBe(2);
    const flag = archsim('run', MONOLITH, '--bogus');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option '--bogus'");
    expect(flag.stderr).toContain("archsim run --help");
    for (const o of [unknown, later, flag]) expectNoStackTrace(o);
  });
});

describe('archsim validate', () => {
  it('accepts both example scenarios with exit 0', () => {
    const mono = archsim('validate', MONOLITH);
    expect(mono.stderr).toBe('');
    expect(mono.status).toBe(0);
    expect(mono.stdout).toBe('ok: Banking monolith — 3 components, 4 endpoints\n');
    const micro = archsim('validate', MICROSERVICES);
    expect(micro.stderr).toBe('');
    expect(micro.status).toBe(0);
    expect(micro.stdout).toBe('ok: Banking microservices — 11 components, 4 endpoints\n');
  });

  it('prints every error of a broken scenario as file:line:col: path: message, then a count, with exit 2', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'archsim: 1',
        'name: broken',
        'run: { duration: 7200/s, warmup: 1m }',
        'workload:',
        '  users: 100',
        '  thinkTime: exp(1s)',
        '  mix: { a: 1 }',
        'endpoints:',
        '  a: { call: app.missing }',
        'components:',
        '  app:',
        '    kind: service',
        '    replicas: -2',
        '    workerz: 4',
        '    operations:',
        '      op: { cpu: exp(1ms) }',
        '',
      ].join('\n'),
    );
    const o = archsim('validate', file);
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(o.stdout).toBe('');
    const lines = o.stderr.trimEnd().split('\n');
    const errors = lines.slice(0, -1);
    expect(lines.at(-1)).toBe(`${errors.length} errors in ${file}`);
    for (const line of errors) expect(line).toMatch(/^.+broken\.yaml:\d+:\d+: \S+: .+$/);
    const byPath = (path: string) => errors.find((l) => l.includes(`: ${path}: `));
    expect(byPath('run.duration')).toMatch(/broken\.yaml:3:\d+: /);
    expect(byPath('components.app.replicas')).toMatch(/broken\.yaml:13:\d+: /);
    expect(byPath('components.app.workerz')).toMatch(/broken\.yaml:14:\d+: .*workers/);
    expect(byPath('endpoints.a.call')).toMatch(/broken\.yaml:9:\d+: .*missing/);
  });

  it('reports a missing file with exit 2 and no stack trace', () => {
    const o = archsim('validate', 'scenarios/examples/no-such-file.yaml');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("cannot read scenario 'scenarios/examples/no-such-file.yaml': no such file or directory");
    expectNoStackTrace(o);
  });
});

describe('archsim run', () => {
  it(`runs the monolith with short overrides (seed 11) and prints the tables; --json writes the RunResult`, () => {
    const jsonFile = join(dir, 'result.json');
    const o = archsim('run', MONOLITH, ...SHORT, '--json', jsonFile, '--workers', '2');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout.split('\n')[0]).toBe('Banking monolith');
    expect(o.stdout).toContain('40s simulated per replication, the first 10s of it warm-up (discarded)');
    expect(o.stdout).toContain('replications  2, seed 11');
    expect(o.stdout).toMatch(/^endpoint\s.*\sp99\s/m);
    for (const name of ['getBalance', 'history', 'transfer', 'login', 'overall', 'app', 'db']) {
      expect(o.stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
    }

    const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(result).toMatchObject({ archsim: 1, scenario: 'Banking monolith', seed: 11, replications: 2, simulatedSeconds: 40, warmupSeconds: 10 });
    expect(Object.keys(result.endpoints).sort()).toEqual(['getBalance', 'history', 'login', 'transfer']);
    expect(Object.keys(result.components).sort()).toEqual(['app', 'db', 'db.pool.app', 'interbank']);
    expect(result.overall.throughput).toBeGreaterThan(0);
    expect(result.overall.latency.p99).toBeGreaterThan(result.overall.latency.p50);
    expect(typeof result.overall.latency.ci95.p99).toBe('number');
    expect(typeof result.events).toBe('number');
  });

  it('writes only the JSON to stdout with --json - (seed 11)', () => {
    const o = archsim('run', MONOLITH, ...SHORT, '--json', '-');
    expect(o.status).toBe(0);
    const result = JSON.parse(o.stdout);
    expect(result.archsim).toBe(1);
    expect(result.endpoints.transfer.latency.p99).toBeGreaterThan(0);
  });

  it('rejects a bad --set value or flag value with exit 2, naming the path', () => {
    const set = archsim('run', MONOLITH, '--set', 'components.app.replicas=-2');
    expect(set.status).toBe(2);
    expect(set.stderr).toContain('components.app.replicas');
    expect(set.stdout).toBe('');
    expectNoStackTrace(set);
    const duration = archsim('run', MONOLITH, '--duration', '7200/s');
    expect(duration.status).toBe(2);
    expect(duration.stderr).toContain('run.duration');
    expectNoStackTrace(duration);
    const workers = archsim('run', MONOLITH, '--workers', 'many');
    expect(workers.status).toBe(2);
    expect(workers.stderr).toContain('--workers');
  });

  it('fails before running when the --json file cannot be written', () => {
    const o = archsim('run', MONOLITH, '--json', join(dir, 'no-such-dir', 'out.json'));
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('cannot write');
    expectNoStackTrace(o);
  });

  it('reports a missing scenario file with exit 2', () => {
    const o = archsim('run', 'missing.yaml');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("cannot read scenario 'missing.yaml'");
    expectNoStackTrace(o);
  });
});

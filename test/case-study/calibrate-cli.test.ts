import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATE_HELP } from '../../sim-core/cli/calibrate-help.ts';
import { BadInputError, EXIT_BAD_INPUT } from '../../sim-core/cli/cli-error.ts';
import type { CliIo } from '../../sim-core/cli/cli-io.ts';
import { commandCalibrate } from '../../sim-core/cli/command-calibrate.ts';

/**
 * `archsim calibrate` through its command function (main.ts wires it in): what it writes, what
 * it prints, and bad input as BadInputError — which main turns into exit code 2.
 */

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function calibrateCli(...args: string[]): Promise<Outcome> {
  const out: Outcome = { code: -1, stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), stderrIsTTY: false, env: {}, now: () => 0 };
  try {
    out.code = await commandCalibrate(args, io);
  } catch (e) {
    if (!(e instanceof BadInputError)) throw e;
    out.stderr += `${e.message}\n`;
    out.code = EXIT_BAD_INPUT;
  }
  return out;
}

const SCENARIO = `# An open M/M/1 queue: the service time is unknown.
archsim: 1
name: mm1
run: { duration: 200s, warmup: 10s, replications: 2, seed: 4 }

workload: { arrivals: 50/s }           # Poisson
endpoints: { work: { call: app.work } }
components:
  app:
    kind: service
    workers: 1
    operations:
      work:
        cpu: exp(10ms)     # assumption: CPU per request, calibrated
`;

/** Fast settings: the command is under test here, not the statistics. */
const FAST = ['--workers', '1', '--duration', '60s'];

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-calibrate-'));
  file = join(dir, 'mm1.yaml');
  writeFileSync(file, SCENARIO);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archsim calibrate', () => {
  it('seed 4: writes <name>.calibrated.yaml with the fitted value in place, comments kept, the record on top', async () => {
    const o = await calibrateCli(file, '--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*.cpu', ...FAST);
    expect(o.code).toBe(0);
    // One progress line per evaluation on stderr, and nothing else there.
    const lines = o.stderr.trimEnd().split('\n');
    expect(lines.every((l) => /^eval \d+ {2}×[\d.]+ {2}objective \S+ {2}errors [+-]?[\d.]+%$/.test(l))).toBe(true);
    expect(o.stdout).toMatch(new RegExp(`^Calibration: ${lines.length} evaluations \\(seed 4, 60s with 10s warm-up, 2 replications each\\); every target within 1%`));
    expect(o.stdout).toMatch(/^overall\.latency\.mean\s+50ms\s+[\d.]+ms ±[\d.]+ms\s+[+-][\d.]+%$/m);
    expect(o.stdout).toMatch(/^components\.app\.operations\.\*\.cpu\s+×1\.\d+\s+1$/m);
    const written = join(dir, 'mm1.calibrated.yaml');
    expect(o.stdout).toContain(`wrote ${written}`);
    const text = readFileSync(written, 'utf8');
    const [header, body] = [text.slice(0, text.indexOf('# An open')), text.slice(text.indexOf('# An open'))];
    expect(header).toMatch(/^# ── Calibrated by archsim calibrate/);
    expect(header).toContain('overall.latency.mean  50ms');
    expect(header).toContain('components.app.operations.*.cpu  ×1.');
    expect(header).toContain('Run: seed 4, duration 60s, warmup 10s, 2 replications');
    expect(header).toContain(`${lines.length} evaluations; every target within 1%`);
    const cpu = /cpu: (exp\([\d.]+ms\)) {5}# assumption: CPU per request, calibrated\n/.exec(body)?.[1];
    expect(cpu).toBeDefined();
    expect(body).toBe(SCENARIO.replace('exp(10ms)', cpu!));
  });

  it('seed 4: calibrating its own output into itself replaces the record instead of stacking one', async () => {
    const written = join(dir, 'mm1.calibrated.yaml');
    const before = readFileSync(written, 'utf8');
    const o = await calibrateCli(written, '--target', 'overall.latency.mean=60ms', '--free', 'components.app.operations.*.cpu', '--out', written, '--quiet', ...FAST);
    expect(o.code).toBe(0);
    expect(o.stdout).toBe('');
    expect(o.stderr).toBe('');
    const after = readFileSync(written, 'utf8');
    expect(after.match(/Calibrated by archsim calibrate/g)).toHaveLength(1);
    expect(after.match(/end of calibration/g)).toHaveLength(1);
    expect(after).toContain('overall.latency.mean  60ms');
    expect(after).not.toContain('overall.latency.mean  50ms');
    expect(after.slice(after.indexOf('# An open'))).not.toBe(before.slice(before.indexOf('# An open')));
  });

  it('seed 4: a target no parameter value reaches gets a warning; the best fit is written all the same', async () => {
    const out = join(dir, 'unreachable.yaml');
    // An open workload of 50/s completes 50/s whatever the service time (below overload).
    const o = await calibrateCli(file, '--target', 'overall.throughput=100/s', '--free', 'components.app.operations.*.cpu', '--out', out, '--max-evals', '6', '--quiet', ...FAST);
    expect(o.code).toBe(0);
    expect(o.stderr).toMatch(/^archsim calibrate: warning: the fit misses overall\.throughput=100\/s by -\d+(\.\d+)?%: not reached within --max-evals 6; more evaluations or other free parameters may \(.*unreachable\.yaml is written all the same\)\n$/);
    expect(readFileSync(out, 'utf8')).toContain('NOT every target within 1%');
  });

  it('bad input exits 2 with the pattern, path or flag, before any run, and writes nothing', async () => {
    const cases: Array<[string[], string]> = [
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.db.*'], "--free 'components.db.*': matches nothing in the scenario"],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*'], "--free 'components.app.operations.*': components.app.operations.work is a map"],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.workers'], 'components.app.workers is the number 1'],
      [['--target', 'overall.latency.mean=50ms'], 'give at least one --free pattern'],
      [['--free', 'components.app.operations.*.cpu'], 'give at least one --target'],
      [['--target', 'overall.latency.mean', '--free', 'x'], "--target 'overall.latency.mean': expected metric=value"],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*.cpu', '--max-evals', '0'], "--max-evals: expected a positive integer, got '0'"],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*.cpu', '--out', join(dir, 'x.json')], 'written as YAML'],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*.cpu', '--out', join(dir, 'no-such-dir', 'x.yaml')], 'cannot write'],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*.cpu', '--replications', '0'], 'run.replications'],
      [['--target', 'overall.latency.mean=50ms', '--free', 'components.app.operations.*.cpu', '--nope'], "unknown option '--nope'"],
    ];
    for (const [args, message] of cases) {
      const out = args.includes('--out') ? [] : ['--out', join(dir, 'never.yaml')];
      const o = await calibrateCli(join(dir, 'mm1.yaml'), ...args, ...out, ...FAST);
      expect(o.code, message).toBe(EXIT_BAD_INPUT);
      expect(o.stderr, message).toContain(message);
      expect(o.stderr, message).not.toMatch(/^eval /m);
    }
    expect(existsSync(join(dir, 'never.yaml'))).toBe(false);
    const missing = await calibrateCli(join(dir, 'missing.yaml'), '--target', 'overall.latency.mean=50ms', '--free', 'x');
    expect(missing.code).toBe(EXIT_BAD_INPUT);
    expect(missing.stderr).toContain("cannot read scenario '");
  });

  it('prints its help', async () => {
    const o = await calibrateCli('--help');
    expect(o.code).toBe(0);
    expect(o.stdout).toBe(CALIBRATE_HELP);
    expect(CALIBRATE_HELP).toContain('--max-evals <n>');
  });
});

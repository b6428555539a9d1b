// `npm run bench`: runs every reference scenario in its own process (so peak memory is per
// scenario) and prints events/s, wall seconds, wall seconds per simulated hour, peak RSS and the
// check values beside their exact answers; then the worker pool's overhead against one thread
// (bench-pool.ts). Timing lives here, never in tests. `npm run bench -- mm1` runs only what
// matches; `npm run bench -- pool` only the pool overhead.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { RunResult } from '../../sim-core/run/result.ts';

/** `exact` is a number, or a relation the result must satisfy (e.g. Little's law), computed from it. */
interface Check { label: string; pick: (r: RunResult) => number; exact: number | ((r: RunResult) => number) }
interface BenchCase { file: string; checks: Check[]; target: string }

const here = dirname(fileURLToPath(import.meta.url));
const cases: BenchCase[] = [
  {
    file: 'closed-50k.yaml',
    target: '≤ 16 s per simulated hour, peak RSS ≤ 300 MB',
    checks: [
      { label: 'throughput /s', pick: (r) => r.overall.throughput, exact: 4995.95 },
      { label: 'mean response ms', pick: (r) => r.overall.latency.mean, exact: 8.102 },
      { label: 'db utilisation', pick: (r) => r.components.db.utilisation ?? NaN, exact: 0.7994 },
    ],
  },
  {
    file: 'data-tier-50k.yaml',
    target: 'events/s ≥ half of closed-50k’s (issue 4)',
    checks: [
      // Closed network: X = N / (Z + R) (Little's law over the whole loop), whatever the topology.
      { label: 'throughput /s', pick: (r) => r.overall.throughput / (1 - r.overall.errorRate), exact: (r) => (50000 / (10000 + r.overall.latency.mean)) * 1000 },
      // Read queries reach the database only on cache misses: λ_read = lookups × (1 − hit ratio).
      { label: 'pg reads /s', pick: (r) => r.components.pg.queries?.read ?? NaN, exact: (r) => (r.components.redis.lookups ?? NaN) * (1 - (r.components.redis.hitRatio ?? NaN)) },
    ],
  },
  {
    file: 'mm1-rho09.yaml',
    target: '≥ 4 M requests per wall second',
    checks: [
      { label: 'mean response ms', pick: (r) => r.overall.latency.mean, exact: 10 },
      { label: 'utilisation', pick: (r) => r.components.server.utilisation ?? NaN, exact: 0.9 },
    ],
  },
];

const only = process.argv.slice(2);
const eventsPerSecond = new Map<string, number>();
for (const c of cases) {
  if (only.length > 0 && !only.some((o) => c.file.includes(o))) continue;
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'bench-one.ts'), join(here, c.file)], { encoding: 'utf8' });
  const m = JSON.parse(out.trim().split('\n').pop()!);
  const perHour = m.wallSeconds / (m.simulatedSeconds / 3600);
  eventsPerSecond.set(c.file, m.events / m.wallSeconds);
  console.log(`\n${m.name}  (target: ${c.target})`);
  console.log(`  wall ${m.wallSeconds.toFixed(2)} s   simulated ${(m.simulatedSeconds / 3600).toFixed(2)} h   ${perHour.toFixed(2)} s per simulated hour`);
  console.log(`  ${(m.events / m.wallSeconds / 1e6).toFixed(2)} M events/s   ${(m.completed / m.wallSeconds / 1e6).toFixed(2)} M requests/s   peak RSS ${m.peakRssMb.toFixed(0)} MB`);
  for (const k of c.checks) {
    const v = k.pick(m.result);
    const exact = typeof k.exact === 'number' ? k.exact : k.exact(m.result);
    const label = typeof k.exact === 'number' ? 'exact' : 'expect';
    console.log(`  ${k.label.padEnd(18)} ${v.toPrecision(6).padStart(10)}   ${label} ${exact.toPrecision(6).padStart(8)}   (${(((v - exact) / exact) * 100).toFixed(2)}%)`);
  }
}
const base = eventsPerSecond.get('closed-50k.yaml');
const tier = eventsPerSecond.get('data-tier-50k.yaml');
if (base !== undefined && tier !== undefined) {
  console.log(`
data-tier-50k events/s ÷ closed-50k events/s: ${(tier / base).toFixed(2)} (target ≥ 0.5)`);
}

// The worker pool against one thread: the same 4 replications (~2 s each here) on each executor,
// each in a fresh process, twice: cold (starting the workers) and warm (reusing them).
const POOL_STUDY = { file: 'closed-50k.yaml', overrides: ['run.duration=10m', 'run.warmup=1m', 'run.replications=4'] };
interface PoolTiming { cold: { wall: number; cpu: number }; warm: { wall: number; cpu: number }; events: number }
if (only.length === 0 || only.some((o) => 'pool'.includes(o))) {
  const modes = [['thread', 'one thread'], ['pool1', 'pool, 1 worker'], ['pool2', 'pool, 2 workers']] as const;
  const timings = new Map<string, PoolTiming>();
  for (const [mode] of modes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'bench-pool.ts'), mode, join(here, POOL_STUDY.file), ...POOL_STUDY.overrides], { encoding: 'utf8' });
    timings.set(mode, JSON.parse(out.trim().split('\n').pop()!));
  }
  const base = timings.get('thread')!;
  const cell = (t: number, b: number | undefined) => `${t.toFixed(2)} s${b === undefined ? '' : ` ${t >= b ? '+' : '−'}${(Math.abs(t / b - 1) * 100).toFixed(1)}%`}`.padEnd(16);
  console.log(`\npool overhead  (4 replications of ${POOL_STUDY.file}, 10m simulated each; target: 1 worker < 5% over one thread)`);
  console.log(`  ${''.padEnd(16)} ${'cold wall'.padEnd(16)} ${'cold CPU'.padEnd(16)} ${'warm wall'.padEnd(16)} warm CPU`);
  for (const [mode, label] of modes) {
    const t = timings.get(mode)!;
    const b = mode === 'thread' ? undefined : base;
    const same = t.events === base.events ? '' : '  EVENTS DIFFER FROM ONE THREAD';
    console.log(`  ${label.padEnd(16)} ${cell(t.cold.wall, b?.cold.wall)} ${cell(t.cold.cpu, b?.cold.cpu)} ${cell(t.warm.wall, b?.warm.wall)} ${cell(t.warm.cpu, b?.warm.cpu)}${same}`.trimEnd());
  }
  const speedUp = timings.get('pool1')!.warm.wall / timings.get('pool2')!.warm.wall;
  console.log('  cold: the first study, including starting the worker threads (tsx and the engine loaded in each,');
  console.log('  JIT warm-up); warm: the same study again on the same executor. CPU: all threads of the process.');
  console.log(`  2 workers vs 1 (warm wall): ${speedUp.toFixed(2)}x. The reference machine's 2 vCPUs are shared: when other`);
  console.log('  processes are busy they behave like about one core and 2 workers gain little; on c free cores');
  console.log('  expect about min(c, workers)x, less the cold start (~0.3–0.6 s per worker).');
}

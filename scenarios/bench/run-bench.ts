// `npm run bench`: runs every reference scenario in its own process (so peak memory is per
// scenario) and prints events/s, wall seconds, wall seconds per simulated hour, peak RSS and the
// check values beside their exact answers. Timing lives here, never in tests.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { RunResult } from '../../sim-core/run/result.ts';

interface Check { label: string; pick: (r: RunResult) => number; exact: number }
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
    file: 'mm1-rho09.yaml',
    target: '≥ 4 M requests per wall second',
    checks: [
      { label: 'mean response ms', pick: (r) => r.overall.latency.mean, exact: 10 },
      { label: 'utilisation', pick: (r) => r.components.server.utilisation ?? NaN, exact: 0.9 },
    ],
  },
];

const only = process.argv.slice(2);
for (const c of cases) {
  if (only.length > 0 && !only.some((o) => c.file.includes(o))) continue;
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'bench-one.ts'), join(here, c.file)], { encoding: 'utf8' });
  const m = JSON.parse(out.trim().split('\n').pop()!);
  const perHour = m.wallSeconds / (m.simulatedSeconds / 3600);
  console.log(`\n${m.name}  (target: ${c.target})`);
  console.log(`  wall ${m.wallSeconds.toFixed(2)} s   simulated ${(m.simulatedSeconds / 3600).toFixed(2)} h   ${perHour.toFixed(2)} s per simulated hour`);
  console.log(`  ${(m.events / m.wallSeconds / 1e6).toFixed(2)} M events/s   ${(m.completed / m.wallSeconds / 1e6).toFixed(2)} M requests/s   peak RSS ${m.peakRssMb.toFixed(0)} MB`);
  for (const k of c.checks) {
    const v = k.pick(m.result);
    console.log(`  ${k.label.padEnd(18)} ${v.toPrecision(6).padStart(10)}   exact ${String(k.exact).padStart(8)}   (${(((v - k.exact) / k.exact) * 100).toFixed(2)}%)`);
  }
}

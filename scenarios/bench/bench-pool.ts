// The pool overhead measurement of `npm run bench`: runs the same study twice in this process on
// one executor — `thread` (inThreadExecutor), `pool1` or `pool2` (worker threads) — and prints
// one JSON line with both wall times. The first study is cold (worker start, module loading and
// JIT warm-up in each worker; the main thread has loaded the engine already, as the CLI has);
// the second reuses the warm executor. Besides wall time it reports the CPU time of the whole
// process (all threads), which other load on the machine disturbs much less. The parent runs
// each mode in a fresh process.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { ReplicationExecutor } from '../../sim-core/run/executor.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { createNodeWorkerPool } from '../../sim-core/run/node-pool.ts';
import { tuneV8ForSimulation } from '../../sim-core/run/node-v8-tuning.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';

tuneV8ForSimulation();

const [mode, file, ...overrides] = process.argv.slice(2);
const { scenario, errors } = loadScenario(readFileSync(file, 'utf8'), { overrides });
if (!scenario) {
  for (const e of errors) console.error(`${file}:${e.line ?? 0}: ${e.path}: ${e.message}`);
  process.exit(2);
}
const executors: Record<string, () => ReplicationExecutor> = {
  thread: inThreadExecutor,
  pool1: () => createNodeWorkerPool({ workers: 1 }),
  pool2: () => createNodeWorkerPool({ workers: 2 }),
};
const executor = executors[mode]();
const wall: number[] = [];
const cpu: number[] = [];
let events = 0;
for (let study = 0; study < 2; study++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await runScenario(scenario, { executor });
  const used = process.cpuUsage(cpuStarted);
  wall.push((performance.now() - started) / 1000);
  cpu.push((used.user + used.system) / 1e6);
  events = result.events;
}
await executor.dispose();
console.log(JSON.stringify({ mode, cold: { wall: wall[0], cpu: cpu[0] }, warm: { wall: wall[1], cpu: cpu[1] }, events }));

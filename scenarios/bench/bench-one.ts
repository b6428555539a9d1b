// Runs one bench scenario in this process and prints one JSON line: the timing, the peak RSS
// of this process, and the RunResult figures the parent compares with the exact values.
import { readFileSync } from 'node:fs';
import { loadModel } from '../../sim-core/model/load.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import { tuneV8ForSimulation } from '../../sim-core/run/node-v8-tuning.ts';

tuneV8ForSimulation(); // before the loop runs hot; see the module for why

const file = process.argv[2];
const { model, errors } = loadModel(readFileSync(file, 'utf8'), { fileName: file });
if (!model) {
  for (const e of errors) console.error(`${file}:${e.line ?? 0}: ${e.path}: ${e.message}`);
  process.exit(2);
}
const started = performance.now();
const result = runReplications(model);
const wallSeconds = (performance.now() - started) / 1000;
const completed = result.requests.completed;
console.log(JSON.stringify({
  name: result.scenario,
  wallSeconds,
  simulatedSeconds: result.simulatedSeconds * result.replications,
  events: result.events,
  completed,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  result,
}));

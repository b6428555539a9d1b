import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import type { MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { QUICK_REPLICATIONS, quickRunOverrides } from '../../renderer/case-study/quick-run.ts';
import { checksTable, FIGURE_BADGES, ledgerCounts, ledgerTable, replaySummary, verdictTable } from '../../renderer/case-study/replay-tables.ts';
import { changeTable, migrationTable, phaseLabels, timelinePanels } from '../../renderer/case-study/timeline-model.ts';
import { describeCaseStudy } from '../../renderer/library/case-study-library.ts';
import { tableToCsv } from '../../renderer/results/table-model.ts';
import { migrateInWorkers, replayInWorkers, type CaseStudyProgress } from '../../renderer/sim/case-study-runs.ts';
import { assumptionLedger } from '../../sim-core/case-study/assumption-ledger.ts';

/**
 * The app's replay and migration as the study worker runs them (renderer/sim/case-study-runs.ts),
 * here on the in-thread executor, over the mini fixture (an M/M/1 before, an M/M/2 after; seed 3),
 * and the tables and timeline data the views draw from their reports.
 */
const MINI = new URL('../case-study/fixtures/mini/', import.meta.url);
const files = Object.fromEntries(readdirSync(MINI).map((f) => [f, readFileSync(new URL(f, MINI), 'utf8')]));
const study = describeCaseStudy('mini', files);

describe('quick run overrides', () => {
  it('keep the warm-up, halve the measured window, and run two replications', () => {
    expect(quickRunOverrides({ duration: '4m', warmup: '2m', replications: 3 })).toEqual([`run.replications=${QUICK_REPLICATIONS}`, 'run.duration=180000ms']);
    expect(quickRunOverrides({ duration: '10m', warmup: 'auto', replications: 5, precision: '2%' })).toEqual(['run.replications=2', 'run.maxReplications=2']);
    // A scenario that already runs one replication keeps it.
    expect(quickRunOverrides({ duration: '2m', warmup: '10s', replications: 1 })).toEqual(['run.replications=1', 'run.duration=65000ms']);
  });

  it('give a scenario that validates', () => {
    const { scenario } = loadScenario(files['before.yaml'], { overrides: quickRunOverrides({ duration: '120s', warmup: '10s', replications: 4 }) });
    expect(scenario?.run).toMatchObject({ duration: '65000ms', warmup: '10s', replications: 2 });
  });
});

describe('the replay and the migration in the study worker', () => {
  let replay: ReplayReport;
  let migration: MigrationReport;
  const progress: CaseStudyProgress[] = [];
  beforeAll(async () => {
    replay = await replayInWorkers({ study: study.manifest!, files, quick: true }, { onProgress: (p) => progress.push(p) }, inThreadExecutor());
    migration = await migrateInWorkers({ migrationFile: 'migration.yaml', files, quick: true }, {}, inThreadExecutor());
  });

  it('replays every figure with the quick overrides, reporting which scenario runs', () => {
    expect(replay.scenarios.map((s) => [s.name, s.replications, s.simulatedSeconds])).toEqual([
      ['before', 2, 65],
      ['after', 2, 65],
    ]);
    expect(replay.figures.map((f) => f.verdict)).toEqual(['reproduced', 'not reproduced', 'reproduced', 'not modelled']);
    expect(new Set(progress.map((p) => p.stage))).toEqual(new Set(['before (before.yaml)', 'after (after.yaml)']));
    expect(progress.every((p) => p.steps === 2 && p.fraction >= 0 && p.fraction <= 1)).toBe(true);
  });

  it('builds the verdict and check tables, and their CSV with raw values and half-widths', () => {
    const table = verdictTable(replay);
    const csv = tableToCsv(table).split('\r\n');
    expect(csv[0]).toBe('figure,scenario,metric,reported,simulated,simulated ±95%,verdict,why,quote');
    expect(csv[1]).toMatch(/^avg latency,before,overall\.latency\.mean,20ms,\d+(\.\d+)?,\d+(\.\d+)?,reproduced,,twenty milliseconds$/);
    expect(csv[4]).toContain('not modelled,people fix incidents');
    expect(replaySummary(replay)).toBe('2 reproduced, 1 not reproduced, 1 not modelled; 3 of 5 checks flag a problem.');
    expect(tableToCsv(checksTable(replay)).split('\r\n')[1]).toBe('"""70% faster""",change,inconsistent,"the figures give −88.6%, not −70.0%",2.8s → 320ms: −88.6% | claimed: 70%,70% reduction');
    expect(FIGURE_BADGES['not modelled']).toMatchObject({ label: 'not modelled', tone: 'neutral' });
  });

  it('builds an assumption ledger table', () => {
    const entries = assumptionLedger(files['before.yaml']);
    expect(ledgerCounts(entries)).toBe('1 source, 3 assumptions');
    expect(tableToCsv(ledgerTable('before', 'before.yaml', entries)).split('\r\n')[1]).toBe('11,source,components.app.workers,1,"""one server"""');
  });

  it('runs the migration phase by phase and shapes the timeline: latency, uptime and cost per phase', () => {
    expect(phaseLabels(migration)).toEqual(['1. before', '2. two workers', '3. after']);
    expect(migration.comparison.replications).toHaveLength(2);
    const [latency, uptime, cost] = timelinePanels(migration);
    expect(latency.series.map((s) => s.name)).toEqual(['mean', 'p95', 'p99']);
    for (const s of latency.series) expect(s.values.every((v) => v.value > 0 && Number.isFinite(v.halfWidth))).toBe(true);
    // Two workers at 10 ms beat one: the mean falls from phase 1 to phase 2.
    expect(latency.series[0].values[1].value).toBeLessThan(latency.series[0].values[0].value);
    // The after phase models no failures: no long-horizon point.
    expect(uptime.series[1].values.map((v) => Number.isNaN(v.value))).toEqual([false, false, true]);
    expect(uptime.note).toMatch(/no point/);
    expect(cost.series[0].values.map((v) => Math.round(v.value))).toEqual([70, 70, 70]);
    expect(tableToCsv(latency.table).split('\r\n')[0]).toBe('phase,mean,mean ±95%,p95,p95 ±95%,p99,p99 ±95%');
  });

  it('tabulates every phase and the paired change from the first', () => {
    const phases = migrationTable(migration);
    expect(phases.columns.map((c) => c.label)).toEqual(['phase', 'changes', 'mean', 'p95', 'p99', 'throughput', 'errors', '$/month', 'uptime (run)', 'uptime (year)']);
    expect(phases.rows[1][1].text).toBe('set components.app.workers');
    expect(phases.rows[2][9].text).toBe('—');
    const changes = changeTable(migration);
    expect(changes.rows.map((r) => r[0].text)).toEqual(['2. two workers', '3. after']);
    expect(changes.rows[0][1].text).toMatch(/^-/);
  });
});

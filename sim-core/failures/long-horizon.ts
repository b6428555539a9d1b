import { estimate, type Estimate } from '../run/stats.ts';
import { compileFailurePlan, simulateFailureReplication, type FailureReplication } from './failure-replication.ts';
import type { LongHorizonInput } from './long-horizon-input.ts';
import { ratioEstimate } from './ratio-estimate.ts';
import { MINUTES_PER_YEAR, MS_PER_YEAR } from './year.ts';

/**
 * Time scale 1 of the uptime method (docs/uptime-method.md): many long replications of failure,
 * repair and deploy events only, summarised as availability per unit and of the system, outages, and
 * the time share of every degraded state — the weights that request-level runs of those states
 * are combined with (combine.ts). Every figure is a mean over replications with a 95% Student-t
 * half-width (run/stats.ts), except mean outage durations, which are pooled ratios (ratio-estimate.ts).
 */
export interface AvailabilityFigures {
  /** Share of time up. */
  availability: Estimate;
  downtimeMinutesPerYear: Estimate;
  /** Up→down transitions per year. */
  outagesPerYear: Estimate;
  /** Total downtime ÷ number of outages, pooled over replications (NaN without outages). */
  meanOutageMs: Estimate;
  /** Outages over all replications. */
  outages: number;
}

export interface UnitAvailability extends AvailabilityFigures {
  name: string;
  /** Failures of single replicas per year (zone outages not included). */
  replicaFailuresPerYear: Estimate;
  /** With a deploy: share of time a deployment takes some of its replicas out. */
  deployWindowShare?: Estimate;
}

/**
 * What deployments cost, when some unit has them. Deploys are deterministic, so these vary
 * between replications only through the phase of the schedule and the failures they meet.
 */
export interface DeployFigures {
  /** Share of time at least one deployment takes replicas out. */
  windowShare: Estimate;
  /**
   * Minutes a year the system is down only because of deploys: down, while with the same
   * failures and no deploy every unit would have its required replicas (a paired difference).
   */
  downtimeMinutesPerYear: Estimate;
}

/** A degraded state: the number of up replicas of every unit. */
export interface StateShare {
  /** `app=3,db=1` (units in input order). */
  key: string;
  up: Record<string, number>;
  /** Units below their required replicas (empty when the system is up). */
  unitsDown: string[];
  systemUp: boolean;
  /** Share of time in this state. */
  share: Estimate;
  /** The share in each replication (0 where it was not visited), by replication index. */
  perReplication: number[];
}

export interface ReplicationSummary {
  replication: number;
  events: number;
  unitAvailability: Record<string, number>;
  systemAvailability: number;
  downtimeMinutesPerYear: number;
  outages: number;
  /** NaN without outages. */
  meanOutageMs: number;
}

export interface LongHorizonResult {
  seed: number;
  horizonMs: number;
  replications: number;
  units: UnitAvailability[];
  system: AvailabilityFigures;
  /** Every visited state, by decreasing time share (ties by key). */
  states: StateShare[];
  perReplication: ReplicationSummary[];
  /** Only when some unit has deploys. */
  deploys?: DeployFigures;
  /** Failure, repair and deploy events over all replications. */
  events: number;
  wallMs: number;
}

export interface LongHorizonOptions {
  /** Wall clock for `wallMs`; default Date.now. */
  clock?: () => number;
}

/** Runs every replication in this thread and summarises them. */
export function runLongHorizon(input: LongHorizonInput, options: LongHorizonOptions = {}): LongHorizonResult {
  const clock = options.clock ?? Date.now;
  const start = clock();
  const plan = compileFailurePlan(input);
  const reps: FailureReplication[] = [];
  for (let i = 0; i < input.replications; i++) reps.push(simulateFailureReplication(plan, i));
  return summariseLongHorizon(input, reps, clock() - start);
}

/**
 * Summarises replications (e.g. run by several workers with `simulateFailureReplication`); they
 * are ordered by replication index first, so the result does not depend on who ran what.
 */
export function summariseLongHorizon(input: LongHorizonInput, replications: readonly FailureReplication[], wallMs: number): LongHorizonResult {
  const reps = [...replications].sort((a, b) => a.replication - b.replication);
  const names = input.units.map((u) => u.name);
  const required = input.units.map((u) => u.required ?? 1);
  const unitFigures = names.map((name, u): UnitAvailability => ({
    name,
    ...figures(reps.map((r) => ({ ...r.units[u], horizonMs: r.horizonMs }))),
    replicaFailuresPerYear: estimate(reps.map((r) => (r.units[u].replicaFailures / r.horizonMs) * MS_PER_YEAR)),
    ...(input.units[u].deploy ? { deployWindowShare: estimate(reps.map((r) => r.units[u].deployMs / r.horizonMs)) } : {}),
  }));
  const deploys: DeployFigures | undefined = input.units.some((unit) => unit.deploy)
    ? {
      windowShare: estimate(reps.map((r) => r.deployMs / r.horizonMs)),
      downtimeMinutesPerYear: estimate(reps.map((r) => (r.system.deployDownMs / r.horizonMs) * MINUTES_PER_YEAR)),
    }
    : undefined;
  const system = figures(reps.map((r) => ({ ...r.system, horizonMs: r.horizonMs })));

  const shares = new Map<string, number[]>();
  reps.forEach((r, i) => {
    for (const [key, ms] of Object.entries(r.stateMs)) {
      let row = shares.get(key);
      if (!row) shares.set(key, (row = new Array<number>(reps.length).fill(0)));
      row[i] = ms / r.horizonMs;
    }
  });
  const states: StateShare[] = [...shares].map(([key, perReplication]) => {
    const counts = key.split(',').map((part) => Number(part.slice(part.lastIndexOf('=') + 1)));
    const unitsDown = names.filter((_, u) => counts[u] < required[u]);
    return {
      key,
      up: Object.fromEntries(names.map((n, u) => [n, counts[u]])),
      unitsDown,
      systemUp: unitsDown.length === 0,
      share: estimate(perReplication),
      perReplication,
    };
  });
  states.sort((a, b) => b.share.mean - a.share.mean || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return {
    seed: input.seed,
    horizonMs: input.horizonMs,
    replications: reps.length,
    units: unitFigures,
    system,
    states,
    ...(deploys ? { deploys } : {}),
    perReplication: reps.map((r) => ({
      replication: r.replication,
      events: r.events,
      unitAvailability: Object.fromEntries(names.map((n, u) => [n, 1 - r.units[u].downMs / r.horizonMs])),
      systemAvailability: 1 - r.system.downMs / r.horizonMs,
      downtimeMinutesPerYear: (r.system.downMs / r.horizonMs) * MINUTES_PER_YEAR,
      outages: r.system.outages,
      meanOutageMs: r.system.outages > 0 ? r.system.downMs / r.system.outages : NaN,
    })),
    events: reps.reduce((s, r) => s + r.events, 0),
    wallMs,
  };
}

function figures(rows: ReadonlyArray<{ downMs: number; outages: number; horizonMs: number }>): AvailabilityFigures {
  return {
    availability: estimate(rows.map((r) => 1 - r.downMs / r.horizonMs)),
    downtimeMinutesPerYear: estimate(rows.map((r) => (r.downMs / r.horizonMs) * MINUTES_PER_YEAR)),
    outagesPerYear: estimate(rows.map((r) => (r.outages / r.horizonMs) * MS_PER_YEAR)),
    meanOutageMs: ratioEstimate(rows.map((r) => r.downMs), rows.map((r) => r.outages)),
    outages: rows.reduce((s, r) => s + r.outages, 0),
  };
}

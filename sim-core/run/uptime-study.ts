import { combineAvailability, type StateSuccess, type StateTimeShares } from '../failures/combine.ts';
import { deployCost } from '../failures/deploy-cost.ts';
import { failureInput } from '../failures/failure-units.ts';
import { runLongHorizon, type LongHorizonResult } from '../failures/long-horizon.ts';
import type { LongHorizonInput } from '../failures/long-horizon-input.ts';
import { groupRareStates } from '../failures/rare-states.ts';
import { shareValue } from '../model/schema-fields.ts';
import type { Scenario } from '../model/schema.ts';
import type { CancelToken, ReplicationExecutor } from './executor.ts';
import type { StudyProgress } from './progress-tracker.ts';
import type { RunResult } from './result.ts';
import { runScenario } from './run-scenario.ts';

/**
 * Availability and uptime by two time scales (docs/uptime-method.md): a failure-only simulation
 * of long horizons gives the share of time in each degraded state (which replicas are up); a
 * request-level run of each state that matters gives its success ratio within the SLO; the two
 * combine into expected availability, downtime per year and time-based uptime, with CIs.
 *
 * States: the nominal one (everything up) is the scenario's own run — run again without random
 * failures and deploys when it has them (request-level runs inject them; here the failure-only
 * time scale accounts for them, so they must not count twice); a state in which some
 * component has fewer replicas up than it requires serves nothing (success 0, no run); any other
 * state runs the scenario with the failed replicas removed (the balancer has noticed them; the
 * minutes before it does are a transient this steady-state method leaves out). States beyond
 * 99.999% of the time are lumped and counted as down (the report gives the optimistic bound).
 */

export interface UptimeState {
  key: string;
  share: number;
  shareHalfWidth: number;
  /** Success within the SLO in this state; null when it was lumped and not run. */
  successRatio: number | null;
  successHalfWidth: number;
  /** How the success ratio was found. */
  source: 'nominal run' | 'request-level run' | 'down' | 'not run';
  countsAsUp: boolean;
}

export interface UptimeStudy {
  method: 'two time scales (docs/uptime-method.md)';
  horizonSeconds: number;
  failureReplications: number;
  failureEvents: number;
  failureWallSeconds: number;
  /** Request-based: expected share of requests that succeed within their SLO. */
  availability: { mean: number; halfWidth: number };
  /** Where the truth can lie given the lumped states (counted down in `availability`). */
  availabilityRange: { low: number; high: number };
  downtimeMinutesPerYear: { mean: number; halfWidth: number };
  /** Time-based: share of time in states whose success ratio is at least `threshold`. */
  uptime: { mean: number; halfWidth: number };
  uptimeDowntimeMinutesPerYear: { mean: number; halfWidth: number };
  threshold: number;
  /** Time share each component is up (k of n), from the failure-only simulation. */
  components: Record<string, { availability: number; halfWidth: number }>;
  states: UptimeState[];
  /** Only when some service's deploys take replicas out (restart, rolling). */
  deploys?: UptimeDeploys;
}

/** What deployments cost, included in the figures above (docs/uptime-method.md, "Deploys"). */
export interface UptimeDeploys {
  /** Share of time some deployment takes replicas out. */
  windowShare: { mean: number; halfWidth: number };
  /** Request-based downtime a year due to deploys: with − without them, same failures (paired). */
  downtimeMinutesPerYear: { mean: number; halfWidth: number };
  /** Time-based: minutes a year in states below the threshold because of deploys. */
  uptimeDowntimeMinutesPerYear: { mean: number; halfWidth: number };
  /** Per deploying service: the share of time its deployments take replicas out. */
  components: Record<string, { windowShare: number }>;
}

export interface UptimeStudyOptions {
  executor: ReplicationExecutor;
  cancel?: CancelToken;
  onProgress?: (p: StudyProgress) => void;
  /** Lumps states beyond this share of time (default 0.99999). */
  coverage?: number;
}

/** The uptime study of a scenario whose nominal run is `nominal`; undefined when it models no failures. */
export async function runUptimeStudy(scenario: Scenario, nominal: RunResult, opts: UptimeStudyOptions): Promise<UptimeStudy | undefined> {
  const input = failureInput(scenario);
  if (!input) return undefined;
  const longHorizon = runLongHorizon(input);
  const { kept, other } = groupRareStates(longHorizon.states, { coverage: opts.coverage ?? 0.99999 });
  const threshold = shareValue(scenario.uptime?.threshold) ?? 0.99;
  const units = new Map(input.units.map((u) => [u.name, u]));
  const calm = withoutLongHorizonEvents(scenario);
  const nominalRun = calm === scenario ? nominal : await runScenario(calm, opts);

  const successes: StateSuccess[] = [];
  const sources = new Map<string, UptimeState['source']>();
  for (const state of kept) {
    if (!state.systemUp) {
      successes.push({ state: state.key, successRatio: 0, halfWidth: 0 });
      sources.set(state.key, 'down');
      continue;
    }
    const degraded = Object.entries(state.up).filter(([name, up]) => up < units.get(name)!.replicas);
    const run = degraded.length === 0 ? nominalRun : await runScenario(withReplicas(calm, degraded), opts);
    // One replication has no spread to carry: its ratio enters as exact (a quick, rough study).
    const replications = run.replications >= 2 ? { replications: run.replications } : {};
    successes.push({ state: state.key, successRatio: run.overall.sloShare, halfWidth: run.overall.ci95?.sloShare ?? 0, ...replications });
    sources.set(state.key, degraded.length === 0 ? 'nominal run' : 'request-level run');
  }

  const shares = [...kept, ...(other ? [{ key: other.key, perReplication: other.perReplication }] : [])];
  const combined = combineAvailability(shares, successes, { uptimeThreshold: threshold });
  const deploys = deployFigures(input, longHorizon, shares, successes, threshold);
  const estimate = (e: { mean: number; halfWidth: number }) => ({ mean: e.mean, halfWidth: e.halfWidth });
  const shareHalfWidths = new Map<string, number>([...kept.map((k): [string, number] => [k.key, k.share.halfWidth]), ...(other ? [[other.key, other.share.halfWidth] as [string, number]] : [])]);
  return {
    method: 'two time scales (docs/uptime-method.md)',
    horizonSeconds: input.horizonMs / 1000,
    failureReplications: input.replications,
    failureEvents: longHorizon.events,
    failureWallSeconds: longHorizon.wallMs / 1000,
    availability: estimate(combined.availability),
    availabilityRange: combined.availabilityRange,
    downtimeMinutesPerYear: estimate(combined.downtimeMinutesPerYear),
    uptime: estimate(combined.uptime),
    uptimeDowntimeMinutesPerYear: estimate(combined.uptimeDowntimeMinutesPerYear),
    threshold,
    components: Object.fromEntries(longHorizon.units.map((u) => [u.name, { availability: u.availability.mean, halfWidth: u.availability.halfWidth }])),
    states: combined.states.map((s) => {
      const success = successes.find((x) => x.state === s.key);
      return {
        key: s.key,
        share: s.share,
        shareHalfWidth: shareHalfWidths.get(s.key) ?? NaN,
        successRatio: s.successRatio,
        successHalfWidth: success?.halfWidth ?? NaN,
        source: sources.get(s.key) ?? 'not run',
        countsAsUp: s.countsAsUp,
      };
    }),
    ...(deploys ? { deploys } : {}),
  };
}

/** The deploy figures of a study whose long-horizon run had deploys (deploy-cost.ts); undefined otherwise. */
function deployFigures(input: LongHorizonInput, longHorizon: LongHorizonResult, shares: StateTimeShares[], successes: StateSuccess[], threshold: number): UptimeDeploys | undefined {
  if (!longHorizon.deploys) return undefined;
  // The same seed without deploys: the same failures, so the difference is paired.
  const bare = runLongHorizon({ ...input, units: input.units.map((unit) => ({ ...unit, deploy: undefined })) });
  const cost = deployCost(shares, bare.states, successes, threshold);
  const pm = (e: { mean: number; halfWidth: number }) => ({ mean: e.mean, halfWidth: e.halfWidth });
  return {
    windowShare: pm(longHorizon.deploys.windowShare),
    downtimeMinutesPerYear: pm(cost.downtimeMinutesPerYear),
    uptimeDowntimeMinutesPerYear: pm(cost.uptimeDowntimeMinutesPerYear),
    components: Object.fromEntries(longHorizon.units.flatMap((u) => (u.deployWindowShare ? [[u.name, { windowShare: u.deployWindowShare.mean }]] : []))),
  };
}

/** A deep copy: a validated Scenario is plain data (text and numbers). */
const cloneScenario = (scenario: Scenario): Scenario => JSON.parse(JSON.stringify(scenario)) as Scenario;

/**
 * The scenario without random failures, deploys and scheduled incidents inside its request-level
 * runs (the same object when it has none): the failure-only time scale accounts for failures and
 * deploys, and a scheduled incident is a what-if for one run — kept in the state runs, it would be
 * counted for the whole share of the year each state has.
 */
function withoutLongHorizonEvents(scenario: Scenario): Scenario {
  const has = Object.values(scenario.components).some((c) => (c.kind === 'service' || c.kind === 'database') && (c.failures || (c.kind === 'service' && c.deploy)));
  if (!has && !scenario.incidents?.length) return scenario;
  const copy = cloneScenario(scenario);
  delete copy.incidents;
  for (const c of Object.values(copy.components)) {
    if (c.kind === 'service' || c.kind === 'database') delete c.failures;
    if (c.kind === 'service') delete c.deploy;
  }
  return copy;
}

/** The scenario with some services' replicas reduced to the number up in a degraded state. */
function withReplicas(scenario: Scenario, degraded: Array<[string, number]>): Scenario {
  const copy = cloneScenario(scenario);
  for (const [name, up] of degraded) {
    const c = copy.components[name];
    if (c.kind === 'service') c.replicas = up;
  }
  return copy;
}

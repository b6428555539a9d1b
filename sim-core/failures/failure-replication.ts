import { EventCalendar } from '../engine/calendar.ts';
import { DistTable } from '../engine/distributions.ts';
import { deriveStream, type RandomStream } from '../engine/random.ts';
import { DeployClock } from './deploy-windows.ts';
import { checkLongHorizonInput, replicaZone, type LongHorizonInput } from './long-horizon-input.ts';
import { StateCoder } from './state-key.ts';
import { EquilibriumStart, downProbability } from './stationary-start.ts';

/**
 * One replication of the failure-only simulation: every replica (and every zone) is an
 * alternating up/down renewal process on its own stream, started in equilibrium
 * (stationary-start.ts); a replica serves when it is up and its zone is up. Deployments
 * (deploy-windows.ts) take replicas out deterministically on top: a unit's up count is
 * max(0, serving − out), out of the deploy counted apart from the failed ones (as the request-level
 * engine does). The only events are failures, repairs and deploy batches — a year of a few units
 * with ~10 replicas is a few thousand events.
 */
export interface FailureReplication {
  replication: number;
  horizonMs: number;
  /** Failure, repair and deploy events processed. */
  events: number;
  /**
   * Per unit, in input order. Outages count up→down transitions inside the horizon; `deployMs`
   * is the time with a deployment taking replicas out (0 without deploys).
   */
  units: Array<{ downMs: number; outages: number; replicaFailures: number; deployMs: number }>;
  /**
   * The system is up when every unit has at least `required` replicas up (units in series).
   * `deployDownMs`: time down only because of deployments — every unit would have its required
   * replicas if no deploy took any out (the same failure history without deploys: deploys draw no
   * random numbers, so this is an exact paired difference).
   */
  system: { downMs: number; outages: number; deployDownMs: number };
  /** Time with at least one deployment taking replicas out. */
  deployMs: number;
  /** Time (ms) spent in each visited state, by label (`app=3,db=1`). Sums to horizonMs. */
  stateMs: Record<string, number>;
}

/** The input compiled once for all replications: flat replica tables and a shared DistTable. */
export interface FailurePlan {
  input: LongHorizonInput;
  coder: StateCoder;
  /** Replicas are numbered globally, unit by unit. */
  unitOf: Int32Array;
  replicaIndex: Int32Array;
  zoneOf: Int32Array;
  zoneMembers: Int32Array[];
  required: Int32Array;
  /** Per unit: DistTable ids of time to failure / repair, −1 when the unit never fails on its own. */
  ttf: Int32Array;
  ttr: Int32Array;
  unitStart: Array<{ pDown: number; up: EquilibriumStart; down: EquilibriumStart } | null>;
  zoneTtf: number;
  zoneTtr: number;
  zoneStart: { pDown: number; up: EquilibriumStart; down: EquilibriumStart } | null;
  dists: DistTable;
}

export function compileFailurePlan(input: LongHorizonInput): FailurePlan {
  checkLongHorizonInput(input);
  const units = input.units;
  const zoneCount = input.zones?.zones ?? 0;
  const total = units.reduce((s, u) => s + u.replicas, 0);
  const unitOf = new Int32Array(total), replicaIndex = new Int32Array(total), zoneOf = new Int32Array(total);
  const members: number[][] = Array.from({ length: zoneCount }, () => []);
  let g = 0;
  units.forEach((unit, u) => {
    for (let r = 0; r < unit.replicas; r++, g++) {
      unitOf[g] = u;
      replicaIndex[g] = r;
      zoneOf[g] = replicaZone(unit, r, zoneCount);
      if (zoneOf[g] >= 0) members[zoneOf[g]].push(g);
    }
  });
  const dists = new DistTable();
  const ttf = new Int32Array(units.length).fill(-1), ttr = new Int32Array(units.length).fill(-1);
  const unitStart = units.map((unit, u) => {
    if (!unit.timeToFailure || !unit.timeToRepair) return null;
    ttf[u] = dists.add(unit.timeToFailure);
    ttr[u] = dists.add(unit.timeToRepair);
    return { pDown: downProbability(unit.timeToFailure, unit.timeToRepair), up: new EquilibriumStart(unit.timeToFailure), down: new EquilibriumStart(unit.timeToRepair) };
  });
  const zones = input.zones;
  return {
    input,
    coder: new StateCoder(units.map((u) => u.name), units.map((u) => u.replicas)),
    unitOf, replicaIndex, zoneOf,
    zoneMembers: members.map((m) => Int32Array.from(m)),
    required: Int32Array.from(units.map((u) => u.required ?? 1)),
    ttf, ttr, unitStart,
    zoneTtf: zones ? dists.add(zones.timeToFailure) : -1,
    zoneTtr: zones ? dists.add(zones.timeToRepair) : -1,
    zoneStart: zones ? { pDown: downProbability(zones.timeToFailure, zones.timeToRepair), up: new EquilibriumStart(zones.timeToFailure), down: new EquilibriumStart(zones.timeToRepair) } : null,
    dists,
  };
}

/** Stream of replica `r` of unit `name`, and of zone `z` (component names contain no '.'). */
export const replicaStreamName = (name: string, r: number): string => `failures.${name}.${r}`;
export const zoneStreamName = (z: number): string => `zone-failures.${z}`;

export function simulateFailureReplication(plan: FailurePlan, replication: number): FailureReplication {
  const { input, coder, unitOf, zoneOf, zoneMembers, required, ttf, ttr, dists } = plan;
  const H = input.horizonMs;
  const unitCount = input.units.length;
  const replicaCount = unitOf.length;
  const zoneCount = zoneMembers.length;
  const strides = coder.strides;
  const numeric = coder.numeric;

  // Events: replica g is event g, zone z is event replicaCount + z; each has exactly one pending
  // event (its next toggle), so the event id is all the calendar needs.
  // Deploying unit d is event replicaCount + zoneCount + d.
  const deployUnits = input.units.flatMap((unit, u) => (unit.deploy ? [u] : []));
  const deployBase = replicaCount + zoneCount;
  const calendar = new EventCalendar(deployBase + deployUnits.length + 1);
  const rngs: RandomStream[] = new Array(replicaCount + zoneCount);
  const failed = new Uint8Array(replicaCount);
  const zoneDown = new Uint8Array(zoneCount);

  for (let g = 0; g < replicaCount; g++) {
    const start = plan.unitStart[unitOf[g]];
    if (!start) continue;
    const rng = deriveStream(input.seed, replication, replicaStreamName(input.units[unitOf[g]].name, plan.replicaIndex[g]));
    rngs[g] = rng;
    failed[g] = rng.nextUniform() < start.pDown ? 1 : 0;
    calendar.push((failed[g] ? start.down : start.up).residual(rng), g);
  }
  const zoneStart = plan.zoneStart;
  if (zoneStart) {
    for (let z = 0; z < zoneCount; z++) {
      const rng = deriveStream(input.seed, replication, zoneStreamName(z));
      rngs[replicaCount + z] = rng;
      zoneDown[z] = rng.nextUniform() < zoneStart.pDown ? 1 : 0;
      calendar.push((zoneDown[z] ? zoneStart.down : zoneStart.up).residual(rng), replicaCount + z);
    }
  }

  // serving: replicas neither failed nor in a down zone; out: taken out by a deploy; up = max(0, serving − out).
  const serving = new Int32Array(unitCount);
  for (let g = 0; g < replicaCount; g++) {
    if (!failed[g] && (zoneOf[g] < 0 || !zoneDown[zoneOf[g]])) serving[unitOf[g]]++;
  }
  const out = new Int32Array(unitCount);
  const clocks = deployUnits.map((u, d) => {
    const clock = new DeployClock(input.units[u].deploy!, input.units[u].replicas, replication, H);
    out[u] = clock.out;
    calendar.push(clock.next, deployBase + d);
    return clock;
  });
  const up = new Int32Array(unitCount);
  for (let u = 0; u < unitCount; u++) up[u] = Math.max(0, serving[u] - out[u]);
  let code = 0;
  for (let u = 0; u < unitCount; u++) code += up[u] * strides[u];

  const unitDown = new Uint8Array(unitCount);
  const unitDownSince = new Float64Array(unitCount);
  const unitDownMs = new Float64Array(unitCount);
  const unitOutages = new Int32Array(unitCount);
  const replicaFailures = new Int32Array(unitCount);
  let unitsDown = 0, unitsDownWithoutDeploys = 0, unitsDeploying = 0;
  const unitDeployMs = new Float64Array(unitCount), unitDeploySince = new Float64Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    if (up[u] < required[u]) {
      unitDown[u] = 1;
      unitsDown++;
    }
    if (serving[u] < required[u]) unitsDownWithoutDeploys++;
    if (out[u] > 0) unitsDeploying++;
  }
  let systemDownSince = 0, systemDownMs = 0, systemOutages = 0;
  // Intervals of "down only because of deploys" and of "some deploy in progress", by their start (NaN: not in one).
  let deployDownSince = NaN, deployDownMs = 0, deployingSince = NaN, deployingMs = 0;
  const trackDeploys = (t: number): void => {
    const deployDown = unitsDown > 0 && unitsDownWithoutDeploys === 0;
    if (deployDown && Number.isNaN(deployDownSince)) deployDownSince = t;
    else if (!deployDown && !Number.isNaN(deployDownSince)) {
      deployDownMs += t - deployDownSince;
      deployDownSince = NaN;
    }
    const deploying = unitsDeploying > 0;
    if (deploying && Number.isNaN(deployingSince)) deployingSince = t;
    else if (!deploying && !Number.isNaN(deployingSince)) {
      deployingMs += t - deployingSince;
      deployingSince = NaN;
    }
  };
  trackDeploys(0);
  const stateMs = new Map<number | string, number>();
  let stateSince = 0;

  const flushState = (t: number): void => {
    if (t <= stateSince) return;
    const key = numeric ? code : coder.stringKey(up);
    stateMs.set(key, (stateMs.get(key) ?? 0) + (t - stateSince));
    stateSince = t;
  };

  /** Unit u's serving replicas change by `delta`, or (delta 0) its replicas out changed to `nowOut`. */
  const change = (u: number, delta: number, t: number, nowOut = out[u]): void => {
    flushState(t);
    const wasBare = serving[u] < required[u];
    serving[u] += delta;
    if (serving[u] < required[u] !== wasBare) unitsDownWithoutDeploys += wasBare ? -1 : 1;
    if ((nowOut > 0) !== (out[u] > 0)) unitsDeploying += nowOut > 0 ? 1 : -1;
    out[u] = nowOut;
    const nowUp = Math.max(0, serving[u] - nowOut);
    code += (nowUp - up[u]) * strides[u];
    up[u] = nowUp;
    const nowDown = up[u] < required[u] ? 1 : 0;
    if (nowDown !== unitDown[u]) changeDown(u, nowDown, t);
    if (deployUnits.length > 0) trackDeploys(t);
  };

  const changeDown = (u: number, nowDown: number, t: number): void => {
    unitDown[u] = nowDown;
    if (nowDown) {
      unitDownSince[u] = t;
      unitOutages[u]++;
      if (unitsDown++ === 0) {
        systemDownSince = t;
        systemOutages++;
      }
    } else {
      unitDownMs[u] += t - unitDownSince[u];
      if (--unitsDown === 0) systemDownMs += t - systemDownSince;
    }
  };

  let events = 0;
  while (calendar.size > 0 && calendar.peekTime() < H) {
    const ev = calendar.pop();
    const t = calendar.time;
    events++;
    if (ev < replicaCount) {
      const u = unitOf[ev];
      const zoneUp = zoneOf[ev] < 0 || !zoneDown[zoneOf[ev]];
      if (failed[ev]) {
        failed[ev] = 0;
        calendar.push(t + dists.sample(ttf[u], rngs[ev]), ev);
        if (zoneUp) change(u, 1, t);
      } else {
        failed[ev] = 1;
        replicaFailures[u]++;
        calendar.push(t + dists.sample(ttr[u], rngs[ev]), ev);
        if (zoneUp) change(u, -1, t);
      }
    } else if (ev >= deployBase) {
      const d = ev - deployBase;
      const clock = clocks[d];
      clock.advance();
      const u = deployUnits[d];
      if (out[u] > 0) unitDeployMs[u] += t - unitDeploySince[u];
      unitDeploySince[u] = t;
      change(u, 0, t, clock.out);
      calendar.push(clock.next, ev);
    } else {
      const z = ev - replicaCount;
      const nowDown = zoneDown[z] ^ 1;
      zoneDown[z] = nowDown;
      calendar.push(t + dists.sample(nowDown ? plan.zoneTtr : plan.zoneTtf, rngs[ev]), ev);
      const delta = nowDown ? -1 : 1;
      const members = zoneMembers[z];
      for (let i = 0; i < members.length; i++) {
        if (!failed[members[i]]) change(unitOf[members[i]], delta, t);
      }
    }
  }

  flushState(H);
  for (let u = 0; u < unitCount; u++) if (unitDown[u]) unitDownMs[u] += H - unitDownSince[u];
  if (unitsDown > 0) systemDownMs += H - systemDownSince;
  for (let u = 0; u < unitCount; u++) if (out[u] > 0) unitDeployMs[u] += H - unitDeploySince[u];
  if (!Number.isNaN(deployDownSince)) deployDownMs += H - deployDownSince;
  if (!Number.isNaN(deployingSince)) deployingMs += H - deployingSince;

  const labelled: Record<string, number> = {};
  for (const [key, ms] of stateMs) labelled[coder.label(coder.decode(key))] = ms;
  return {
    replication,
    horizonMs: H,
    events,
    units: Array.from({ length: unitCount }, (_, u) => ({ downMs: unitDownMs[u], outages: unitOutages[u], replicaFailures: replicaFailures[u], deployMs: unitDeployMs[u] })),
    system: { downMs: systemDownMs, outages: systemOutages, deployDownMs },
    deployMs: deployingMs,
    stateMs: labelled,
  };
}

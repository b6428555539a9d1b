import { EventCalendar } from '../engine/calendar.ts';
import { DistTable } from '../engine/distributions.ts';
import { deriveStream, type RandomStream } from '../engine/random.ts';
import { checkLongHorizonInput, replicaZone, type LongHorizonInput } from './long-horizon-input.ts';
import { StateCoder } from './state-key.ts';
import { EquilibriumStart, downProbability } from './stationary-start.ts';

/**
 * One replication of the failure-only simulation: every replica (and every zone) is an
 * alternating up/down renewal process on its own stream, started in equilibrium
 * (stationary-start.ts); a replica serves when it is up and its zone is up. The only events are
 * failures and repairs — a year of a few units with ~10 replicas is a few thousand events.
 */
export interface FailureReplication {
  replication: number;
  horizonMs: number;
  /** Failure and repair events processed. */
  events: number;
  /** Per unit, in input order. Outages count up→down transitions inside the horizon. */
  units: Array<{ downMs: number; outages: number; replicaFailures: number }>;
  /** The system is up when every unit has at least `required` replicas up (units in series). */
  system: { downMs: number; outages: number };
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
  const calendar = new EventCalendar(replicaCount + zoneCount + 1);
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

  const up = new Int32Array(unitCount);
  for (let g = 0; g < replicaCount; g++) {
    if (!failed[g] && (zoneOf[g] < 0 || !zoneDown[zoneOf[g]])) up[unitOf[g]]++;
  }
  let code = 0;
  for (let u = 0; u < unitCount; u++) code += up[u] * strides[u];

  const unitDown = new Uint8Array(unitCount);
  const unitDownSince = new Float64Array(unitCount);
  const unitDownMs = new Float64Array(unitCount);
  const unitOutages = new Int32Array(unitCount);
  const replicaFailures = new Int32Array(unitCount);
  let unitsDown = 0;
  for (let u = 0; u < unitCount; u++) {
    if (up[u] < required[u]) {
      unitDown[u] = 1;
      unitsDown++;
    }
  }
  let systemDownSince = 0, systemDownMs = 0, systemOutages = 0;
  const stateMs = new Map<number | string, number>();
  let stateSince = 0;

  const flushState = (t: number): void => {
    if (t <= stateSince) return;
    const key = numeric ? code : coder.stringKey(up);
    stateMs.set(key, (stateMs.get(key) ?? 0) + (t - stateSince));
    stateSince = t;
  };

  const change = (u: number, delta: number, t: number): void => {
    flushState(t);
    up[u] += delta;
    code += delta * strides[u];
    const nowDown = up[u] < required[u] ? 1 : 0;
    if (nowDown === unitDown[u]) return;
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

  const labelled: Record<string, number> = {};
  for (const [key, ms] of stateMs) labelled[coder.label(coder.decode(key))] = ms;
  return {
    replication,
    horizonMs: H,
    events,
    units: Array.from({ length: unitCount }, (_, u) => ({ downMs: unitDownMs[u], outages: unitOutages[u], replicaFailures: replicaFailures[u] })),
    system: { downMs: systemDownMs, outages: systemOutages },
    stateMs: labelled,
  };
}

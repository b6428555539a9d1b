import { distMean, type DistSpec } from '../engine/distributions.ts';
import type { DeployWindows } from './deploy-windows.ts';

/**
 * Input of the failure-only, long-horizon simulation (time scale 1 of the uptime method,
 * docs/uptime-method.md): plain data, compiled from the scenario by the caller. Times in ms.
 */
export interface FailureUnit {
  /** Component name; it names the unit's streams (`failures.<name>.<replica>`) and state keys. */
  name: string;
  replicas: number;
  /** Replicas that must be up for the component to serve (k of n); default 1. */
  required?: number;
  /**
   * Time to failure and time to repair of ONE replica (any DistSpec; exponential in the usual
   * `mtbf`/`mttr` case). Give both or neither: a unit without them never fails on its own and
   * goes down only with its zone or for its deployments.
   */
  timeToFailure?: DistSpec;
  timeToRepair?: DistSpec;
  /** Zone of each replica (by replica index); default round-robin (replica i in zone i mod zones). */
  zones?: number[];
  /**
   * Deployments that take replicas out (deploy-windows.ts): deterministic, and combined with
   * failures by count — up = max(0, serving − out). A unit may have only these (no random failures).
   */
  deploy?: DeployWindows;
}

/** Zone outages: a zone that fails takes down every replica in it at once, until it is repaired. */
export interface ZoneFailures {
  zones: number;
  timeToFailure: DistSpec;
  timeToRepair: DistSpec;
}

export interface LongHorizonInput {
  units: FailureUnit[];
  zones?: ZoneFailures;
  /** Length of each replication, ms (a year is MS_PER_YEAR). */
  horizonMs: number;
  replications: number;
  seed: number;
}

/** Throws a RangeError naming the offending field; the scenario parser should have caught it first. */
export function checkLongHorizonInput(input: LongHorizonInput): void {
  const fail = (path: string, message: string): never => {
    throw new RangeError(`long-horizon input: ${path}: ${message}`);
  };
  if (!(Number.isFinite(input.horizonMs) && input.horizonMs > 0)) fail('horizonMs', `must be a positive number, got ${input.horizonMs}`);
  if (!(Number.isInteger(input.replications) && input.replications >= 1)) fail('replications', `must be an integer ≥ 1, got ${input.replications}`);
  if (!Number.isFinite(input.seed)) fail('seed', `must be a number, got ${input.seed}`);
  if (input.units.length === 0) fail('units', 'needs at least one unit');
  const zoneCount = input.zones?.zones ?? 0;
  if (input.zones) {
    if (!(Number.isInteger(zoneCount) && zoneCount >= 1)) fail('zones.zones', `must be an integer ≥ 1, got ${zoneCount}`);
    checkDist('zones.timeToFailure', input.zones.timeToFailure, fail);
    checkDist('zones.timeToRepair', input.zones.timeToRepair, fail);
  }
  const names = new Set<string>();
  input.units.forEach((unit, i) => {
    const at = `units[${i}]`;
    // State keys are `name=count,name=count`: a name with ',' or '=' would make them ambiguous.
    if (!unit.name || /[,=]/.test(unit.name)) fail(`${at}.name`, `must be non-empty without ',' or '=', got '${unit.name}'`);
    if (names.has(unit.name)) fail(`${at}.name`, `'${unit.name}' appears twice`);
    names.add(unit.name);
    if (!(Number.isInteger(unit.replicas) && unit.replicas >= 1)) fail(`${at}.replicas`, `must be an integer ≥ 1, got ${unit.replicas}`);
    const required = unit.required ?? 1;
    if (!(Number.isInteger(required) && required >= 1 && required <= unit.replicas)) {
      fail(`${at}.required`, `must be an integer in 1..${unit.replicas} (the replicas), got ${required}`);
    }
    if ((unit.timeToFailure === undefined) !== (unit.timeToRepair === undefined)) {
      fail(at, 'give both timeToFailure and timeToRepair, or neither');
    }
    if (unit.timeToFailure) checkDist(`${at}.timeToFailure`, unit.timeToFailure, fail);
    if (unit.timeToRepair) checkDist(`${at}.timeToRepair`, unit.timeToRepair, fail);
    if (unit.deploy) {
      const d = unit.deploy;
      if (!Number.isFinite(d.atMs)) fail(`${at}.deploy.atMs`, `must be a finite number, got ${d.atMs}`);
      if (!(Number.isFinite(d.everyMs) && d.everyMs > 0)) fail(`${at}.deploy.everyMs`, `must be a finite number > 0, got ${d.everyMs}`);
      if (!(Number.isFinite(d.batchMs) && d.batchMs > 0)) fail(`${at}.deploy.batchMs`, `must be a finite number > 0, got ${d.batchMs}`);
      if (!(Number.isInteger(d.batch) && d.batch >= 1)) fail(`${at}.deploy.batch`, `must be an integer ≥ 1, got ${d.batch}`);
    }
    if (unit.zones !== undefined) {
      if (!input.zones) fail(`${at}.zones`, 'replica zones are given but the input has no zone failures');
      if (unit.zones.length !== unit.replicas) fail(`${at}.zones`, `needs one zone per replica (${unit.replicas}), got ${unit.zones.length}`);
      unit.zones.forEach((z, r) => {
        if (!(Number.isInteger(z) && z >= 0 && z < zoneCount)) fail(`${at}.zones[${r}]`, `must be a zone index in 0..${zoneCount - 1}, got ${z}`);
      });
    }
  });
}

function checkDist(path: string, spec: DistSpec, fail: (path: string, message: string) => never): void {
  const mean = distMean(spec);
  if (!(Number.isFinite(mean) && mean > 0)) fail(path, `needs a finite mean > 0, got ${mean}`);
  // A negative draw would schedule an event in the past.
  const negative =
    (spec.kind === 'const' && spec.value < 0) ||
    (spec.kind === 'uniform' && spec.min < 0) ||
    (spec.kind === 'empirical' && spec.values.some((v) => !(v >= 0)));
  if (negative) fail(path, 'durations must be ≥ 0');
}

/** Zone of replica `r` of `unit`: as given, else round-robin over the zones (−1 without zones). */
export function replicaZone(unit: FailureUnit, r: number, zoneCount: number): number {
  if (zoneCount === 0) return -1;
  return unit.zones ? unit.zones[r] : r % zoneCount;
}

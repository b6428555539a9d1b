import { componentKind } from '../components/registry.ts';
import { parseDistribution } from './distribution-text.ts';
import { ModelBuilder } from './builder.ts';
import type { CompiledModel, CompiledWorkload, ProfilePoint, RunSettings } from './compiled.ts';
import type { CompileContext } from './compile-context.ts';
import { problem, toScenarioError, type PathSegment, type Problem, type ScenarioError } from './errors.ts';
import { checkReferences } from './references.ts';
import { AUTO_WARMUP, type Scenario } from './schema.ts';
import { parseDuration, parsePercent, parseRate } from './units.ts';
import { parseSize } from './size.ts';
import { compileIncidents } from './incidents.ts';
import { placeReplicas } from './zones.ts';
import { shareValue } from './schema-fields.ts';
import { checkFailureSettings } from './failure-settings.ts';
import { endpointEntryBlock } from './split.ts';

/**
 * Scenario → CompiledModel: checks what needs the whole scenario (references, call cycles),
 * then lets each component kind emit its stations and blocks, and converts units (times in
 * ms, rates per ms). Every problem is reported, with its path; no model when there are any.
 *
 * Streams: one per component (named after it: cpu, delays, branch draws), `<component>.balancer`,
 * `workload.think` or `workload.arrivals`, `workload.mix`, `network.hop`, and `endpoints.<name>.split`
 * for an endpoint's split (split.ts).
 */
export function compile(scenario: Scenario): { model?: CompiledModel; errors: ScenarioError[] } {
  const problems: Problem[] = checkReferences(scenario);
  if (problems.length > 0) return { errors: problems.map(toScenarioError) };

  const b = new ModelBuilder();
  const ctx: CompileContext = {
    b,
    error: (path, message) => problems.push(problem(path, message)),
    dist(text, path) {
      const spec = parseDistribution(text);
      if (spec.ok) return b.dist(spec.value);
      problems.push(problem(path, spec.message));
      return -1;
    },
    component: (name) => (Object.hasOwn(scenario.components, name) ? scenario.components[name] : undefined),
  };
  const ms = (text: string | undefined, path: PathSegment[], fallback = 0): number => {
    if (text === undefined) return fallback;
    const d = parseDuration(text);
    if (d.ok) return d.value;
    problems.push(problem(path, d.message));
    return fallback;
  };

  for (const [name, component] of Object.entries(scenario.components)) {
    const kind = componentKind(component.kind);
    if (!kind) ctx.error(['components', name, 'kind'], `unknown component kind '${component.kind}'`);
    else kind.compile(ctx, name, component, ['components', name]);
  }

  problems.push(...compileIncidents(b, scenario.incidents ?? [], Object.keys(scenario.components), scenario.zones ?? 0));
  problems.push(...checkFailureSettings(scenario));

  // Every operation block has its pc before endpoints are compiled: a split jumps to them.
  b.flushDeferred();
  const endpointNames = Object.keys(scenario.endpoints);
  if (endpointNames.length === 0) ctx.error(['endpoints'], 'define at least one endpoint');
  const endpoints = endpointNames.map((name) => {
    const e = scenario.endpoints[name];
    let responseBytes = 0;
    if (e.responseSize !== undefined) {
      const size = parseSize(e.responseSize);
      if (size.ok) responseBytes = size.value;
      else ctx.error(['endpoints', name, 'responseSize'], size.message);
    }
    const entry = e.call.split('.')[0];
    const block = endpointEntryBlock(b, name, e.call, e.split, (message) => ctx.error(['endpoints', name, 'split'], message));
    return { name, block, sloMs: ms(e.slo, ['endpoints', name, 'slo'], Infinity), responseBytes, entry };
  });

  const w = scenario.workload;
  const profile: ProfilePoint[] = (w.profile ?? []).map((p, i) => ({
    atMs: ms(p.at, ['workload', 'profile', i, 'at']),
    x: p.x,
    rampMs: ms(p.ramp, ['workload', 'profile', i, 'ramp']),
  }));
  const mixCumulative = cumulativeMix(endpointNames, w.mix, ctx);
  const common = { mixCumulative, mixStream: b.stream('workload.mix'), profile };
  let workload: CompiledWorkload | undefined;
  if (w.users !== undefined && w.thinkTime !== undefined) {
    const thinkDist = ctx.dist(w.thinkTime, ['workload', 'thinkTime']);
    workload = { type: 'closed', users: w.users, thinkDist, thinkStream: b.stream('workload.think'), ...common };
  } else if (w.arrivals !== undefined) {
    const rate = parseRate(w.arrivals);
    if (!rate.ok) ctx.error(['workload', 'arrivals'], rate.message);
    else workload = { type: 'open', ratePerMs: rate.value, arrivalStream: b.stream('workload.arrivals'), ...common };
  } else {
    ctx.error(['workload'], 'give either users (with thinkTime) or arrivals');
  }

  let hop: CompiledModel['hop'] = null;
  if (scenario.network?.hop !== undefined) {
    const spec = parseDistribution(scenario.network.hop);
    if (!spec.ok) ctx.error(['network', 'hop'], spec.message);
    else if (!(spec.value.kind === 'const' && spec.value.value === 0)) hop = { dist: b.dist(spec.value), stream: b.stream('network.hop') };
  }

  let crossZone: CompiledModel['crossZone'] = null;
  if (scenario.network?.crossZone !== undefined) {
    const spec = parseDistribution(scenario.network.crossZone);
    if (!spec.ok) ctx.error(['network', 'crossZone'], spec.message);
    else if (scenario.zones === undefined) ctx.error(['network', 'crossZone'], 'a cross-zone delay needs zones: give zones: 3 (the replicas are spread over them)');
    else if (!(spec.value.kind === 'const' && spec.value.value === 0)) {
      const replicaZones = placeReplicas(b.stations, scenario.zones).map((z) => Array.from(z));
      crossZone = { dist: b.dist(spec.value), stream: b.stream('network.crossZone'), replicaZones };
    }
  }

  const r = scenario.run;
  const warmupAuto = r.warmup === AUTO_WARMUP;
  const run: RunSettings = {
    durationMs: ms(r.duration, ['run', 'duration']),
    warmupMs: warmupAuto ? 0 : ms(r.warmup, ['run', 'warmup']),
    warmupAuto,
    replications: r.replications,
    seed: r.seed,
    seriesIntervalMs: ms(r.seriesInterval, ['run', 'seriesInterval']),
  };
  if (r.precision !== undefined) {
    const p = parsePercent(r.precision);
    if (p.ok) run.precision = p.value;
    else ctx.error(['run', 'precision'], p.message);
  }
  if (r.maxReplications !== undefined) run.maxReplications = r.maxReplications;
  const uptimeThreshold = shareValue(scenario.uptime?.threshold);
  if (uptimeThreshold !== undefined) run.uptimeThreshold = uptimeThreshold;

  if (problems.length > 0 || !workload) return { errors: problems.map(toScenarioError) };
  return { model: b.build({ name: scenario.name, run, workload, endpoints, hop, crossZone }), errors: [] };
}

/**
 * Cumulative endpoint weights (index = endpoint id, in `endpoints` order), ending at exactly 1.
 * Without a mix every endpoint weighs the same. With a mix, an endpoint it leaves out gets
 * weight 0 — it is defined (and may be called by tests or sweeps) but receives no traffic.
 */
function cumulativeMix(names: string[], mix: Record<string, number> | undefined, ctx: CompileContext): Float64Array {
  const weights = names.map((n) => (mix === undefined ? 1 : Object.hasOwn(mix, n) ? mix[n] : 0));
  const total = weights.reduce((s, x) => s + x, 0);
  const out = new Float64Array(names.length);
  if (names.length > 0 && !(total > 0)) {
    ctx.error(['workload', 'mix'], 'the mix gives no endpoint any weight');
    return out;
  }
  const lastPositive = weights.findLastIndex((x) => x > 0);
  let sum = 0;
  weights.forEach((x, i) => {
    sum += x;
    out[i] = i >= lastPositive ? 1 : sum / total;
  });
  return out;
}

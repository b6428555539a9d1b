import { parseDocument, stringify } from 'yaml';
import { formatPath, parsePath, type ScenarioError } from '../model/errors.ts';
import { isObject } from '../model/is-object.ts';
import { protectDistributionText, restoreDistributionText } from '../model/yaml-protect.ts';
import type { Migration } from './migration-schema.ts';

/**
 * The phases of a migration as scenario texts (docs/decisions/0013): a phase that names a file
 * is that file; a patch phase is the phase before it with dotted paths set (null deletes) and
 * traffic splits written onto endpoints (`transfer`) or gateway routes (`gateway.transfer`).
 * The migration's `run` block then overrides every phase, so they share one seed and one set
 * of run settings: common random numbers across the timeline.
 */
export interface PhaseText {
  name: string;
  /** Scenario text ready for loadModel. */
  text: string;
  /** The file it came from (a scenario phase) or the file its patch chain started from. */
  baseFile: string;
  /** What the phase changes, for the report: `scenario phase-2.yaml`, `split gateway.transfer: 2% → payments.transfer`. */
  changes: string[];
}

export type ReadScenarioFile = (file: string) => string;

export function migrationPhaseTexts(migration: Migration, readFile: ReadScenarioFile): { phases: PhaseText[]; errors: ScenarioError[] } {
  const phases: PhaseText[] = [];
  const errors: ScenarioError[] = [];
  let data: unknown;
  let baseFile = '';
  migration.phases.forEach((phase, i) => {
    const where = `phases[${i}] (${phase.name})`;
    const changes: string[] = [];
    if (phase.scenario !== undefined) {
      baseFile = phase.scenario;
      data = parseRaw(readFile(phase.scenario));
      changes.push(`scenario ${phase.scenario}`);
    } else {
      data = JSON.parse(JSON.stringify(data)) as unknown; // plain YAML data: a JSON copy is exact
    }
    // Then the phase's own patch and splits (on its file, or on the phase before).
    for (const [path, value] of Object.entries(phase.patch ?? {})) {
      const problem = setPath(data, path, value);
      if (problem) errors.push({ path: `${where}.patch.${path}`, message: problem });
      else changes.push(value === null ? `remove ${path}` : `set ${path}`);
    }
    for (const [entry, targets] of Object.entries(phase.split ?? {})) {
      const problem = writeSplit(data, entry, targets);
      if (problem) errors.push({ path: `${where}.split.${entry}`, message: problem });
      else changes.push(`split ${entry}: ${Object.entries(targets).map(([t, s]) => `${String(s)} → ${t}`).join(', ')}`);
    }
    const run = isObject(data) && isObject(data.run) ? { ...data.run } : {};
    for (const [k, v] of Object.entries(migration.run ?? {})) if (v !== undefined) run[k] = v;
    const withRun = isObject(data) ? { ...data, run } : data;
    phases.push({ name: phase.name, text: stringify(withRun, { lineWidth: 0 }), baseFile, changes });
  });
  return { phases, errors };
}

function parseRaw(text: string): unknown {
  return restoreDistributionText(parseDocument(protectDistributionText(text)).toJS());
}

/** Set (or with null, delete) a dotted path, creating maps on the way. */
function setPath(root: unknown, path: string, value: unknown): string | undefined {
  const segments = parsePath(path);
  if (!segments || segments.length === 0) return `cannot read the path '${path}'`;
  let node: unknown = root;
  for (let i = 0; i < segments.length - 1; i++) {
    if (!isObject(node) && !Array.isArray(node)) return `'${formatPath(segments.slice(0, i))}' is neither a map nor a list`;
    const holder = node as Record<string | number, unknown>;
    const key = segments[i];
    if (holder[key] === undefined || holder[key] === null) {
      if (value === null) return undefined; // deleting what is not there: nothing to do
      holder[key] = {};
    }
    node = holder[key];
  }
  if (!isObject(node) && !Array.isArray(node)) return `'${formatPath(segments.slice(0, -1))}' is neither a map nor a list`;
  const holder = node as Record<string | number, unknown>;
  const last = segments[segments.length - 1];
  if (value === null) delete holder[last];
  else holder[last] = value;
  return undefined;
}

/** `transfer` → endpoints.transfer.split; `gateway.transfer` → that gateway route, turned into its object form. */
function writeSplit(root: unknown, entry: string, targets: Record<string, string | number>): string | undefined {
  if (!isObject(root)) return 'the phase before is not a scenario';
  const dot = entry.indexOf('.');
  if (dot < 0) {
    const endpoints = root.endpoints;
    if (!isObject(endpoints) || !isObject(endpoints[entry])) return `no endpoint '${entry}' in the phase before`;
    endpoints[entry] = { ...endpoints[entry], split: { ...targets } };
    return undefined;
  }
  const [gateway, route] = [entry.slice(0, dot), entry.slice(dot + 1)];
  const component = isObject(root.components) ? root.components[gateway] : undefined;
  if (!isObject(component) || !isObject(component.routes)) return `no gateway '${gateway}' with routes in the phase before`;
  const current = component.routes[route];
  if (typeof current === 'string') component.routes[route] = { call: current, split: { ...targets } };
  else if (isObject(current)) component.routes[route] = { ...current, split: { ...targets } };
  else return `gateway '${gateway}' has no route '${route}'`;
  return undefined;
}


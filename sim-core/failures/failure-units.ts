import type { Scenario } from '../model/schema.ts';
import { timeSpec } from '../model/failures-schema.ts';
import { parseDuration } from '../model/units.ts';
import { MS_PER_YEAR } from './year.ts';
import { primaryFailures } from '../components/database.ts';
import type { FailureUnit, LongHorizonInput } from './long-horizon-input.ts';
import type { DeployWindows } from './deploy-windows.ts';

/**
 * The failure-only model of a scenario (docs/uptime-method.md): one unit per service with
 * `failures` (its replicas, k = `required`) and per database with `failures` (its primary, k = 1),
 * per service with a `deploy` that takes replicas out (restart, rolling), plus — when the
 * scenario has `zones` and `zoneFailures` — every service and database, since a zone outage
 * takes their replicas down whether or not they fail on their own. Null when the scenario
 * models neither failures nor such deploys.
 */
export function failureInput(scenario: Scenario): LongHorizonInput | null {
  const zones = scenario.zones !== undefined && scenario.zoneFailures !== undefined ? scenario.zones : 0;
  const units: FailureUnit[] = [];
  for (const [name, c] of Object.entries(scenario.components)) {
    if (c.kind !== 'service' && c.kind !== 'database') continue;
    const replicas = c.kind === 'service' ? c.replicas : 1;
    const deploy = c.kind === 'service' && c.deploy ? deployWindows(c.deploy, replicas) : undefined;
    if (!c.failures && zones === 0 && !deploy) continue;
    const unit: FailureUnit = { name, replicas, required: c.kind === 'service' ? (c.failures?.required ?? 1) : 1 };
    if (deploy) unit.deploy = deploy;
    if (c.failures) {
      const f = c.kind === 'database' ? primaryFailures(c) : c.failures;
      unit.timeToFailure = spec(f.mtbf);
      unit.timeToRepair = spec(f.mttr);
    }
    units.push(unit);
  }
  if (units.length === 0) return null;
  const settings = scenario.uptime;
  const horizon = parseDuration(settings?.horizon ?? '365d');
  return {
    units,
    ...(zones > 0 ? { zones: { zones, timeToFailure: spec(scenario.zoneFailures!.mtbf), timeToRepair: spec(scenario.zoneFailures!.mttr) } } : {}),
    horizonMs: horizon.ok && horizon.value > 0 ? horizon.value : MS_PER_YEAR,
    replications: settings?.replications ?? 200,
    seed: scenario.run.seed,
  };
}

/**
 * The deploy windows of a service's `deploy:`, or undefined when its deployments take no
 * capacity away: blueGreen (a second fleet takes over), canary (a share of the traffic to the new
 * version: an error-rate question, not a capacity one), any strategy other than restart and
 * rolling, and a zero duration. A deployment that happens once (no `every`) counts once a year —
 * a yearly figure cannot know how often it recurs, and dropping it would hide it; see
 * docs/uptime-method.md.
 */
export function deployWindows(deploy: { strategy: string; at?: string; every?: string; duration: string; batch: number }, replicas: number): DeployWindows | undefined {
  if (deploy.strategy !== 'restart' && deploy.strategy !== 'rolling') return undefined;
  const batchMs = ms(deploy.duration);
  if (!(batchMs > 0)) return undefined;
  const everyMs = deploy.every === undefined ? MS_PER_YEAR : ms(deploy.every);
  const atMs = deploy.at === undefined ? everyMs : ms(deploy.at);
  return { atMs, everyMs, batchMs, batch: deploy.strategy === 'restart' ? replicas : deploy.batch };
}

function ms(text: string): number {
  const d = parseDuration(text);
  if (!d.ok) throw new Error(`internal: deploy duration '${text}' passed validation but does not parse: ${d.message}`);
  return d.value;
}

function spec(text: string) {
  const s = timeSpec(text);
  if (typeof s === 'string') throw new Error(`internal: failure time '${text}' passed validation but does not parse: ${s}`);
  return s;
}

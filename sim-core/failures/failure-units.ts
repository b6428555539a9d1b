import type { Scenario } from '../model/schema.ts';
import { timeSpec } from '../model/failures-schema.ts';
import { parseDuration } from '../model/units.ts';
import { MS_PER_YEAR } from './year.ts';
import { primaryFailures } from '../components/database.ts';
import type { FailureUnit, LongHorizonInput } from './long-horizon-input.ts';

/**
 * The failure-only model of a scenario (docs/uptime-method.md): one unit per service with
 * `failures` (its replicas, k = `required`) and per database with `failures` (its primary, k = 1),
 * plus — when the scenario has `zones` and `zoneFailures` — every service and database, since a
 * zone outage takes their replicas down whether or not they fail on their own. Null when the
 * scenario models no failures at all.
 */
export function failureInput(scenario: Scenario): LongHorizonInput | null {
  const zones = scenario.zones !== undefined && scenario.zoneFailures !== undefined ? scenario.zones : 0;
  const units: FailureUnit[] = [];
  for (const [name, c] of Object.entries(scenario.components)) {
    if (c.kind !== 'service' && c.kind !== 'database') continue;
    if (!c.failures && zones === 0) continue;
    const replicas = c.kind === 'service' ? c.replicas : 1;
    const unit: FailureUnit = { name, replicas, required: c.kind === 'service' ? (c.failures?.required ?? 1) : 1 };
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

function spec(text: string) {
  const s = timeSpec(text);
  if (typeof s === 'string') throw new Error(`internal: failure time '${text}' passed validation but does not parse: ${s}`);
  return s;
}

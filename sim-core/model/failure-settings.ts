import { problem, type Problem } from './errors.ts';
import type { Scenario } from './schema.ts';

/** Failure settings that need more than one field: k of n within the replicas; zone outages need zones. */
export function checkFailureSettings(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  for (const [name, c] of Object.entries(scenario.components)) {
    if (c.kind !== 'service' || c.failures?.required === undefined) continue;
    if (c.failures.required > c.replicas) {
      problems.push(problem(['components', name, 'failures', 'required'], `required is ${c.failures.required} but the service has ${c.replicas} replicas: it could never be up`));
    }
  }
  if (scenario.zoneFailures !== undefined && scenario.zones === undefined) {
    problems.push(problem(['zoneFailures'], 'zone failures need zones: give zones: 3 (the replicas are spread over them)'));
  }
  return problems;
}

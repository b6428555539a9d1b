import { replicaStationName } from '../components/database.ts';
import type { BilledComponent } from './usage-items.ts';

/**
 * The component results (keys of RunResult.components) whose time-weighted `replicas` a
 * component's fixed price bills. Most components run as one result under their own name; a
 * database with read replicas runs as two — the primary `<db>` (1 instance) and the replicas
 * `<db>.replicas` (readReplicas instances) — and every instance is billed at the component's
 * price, so its fixed line counts both. A queue's result reports its brokers as its replicas
 * (Kafka), so its own name is enough.
 */
export function billedResultsOf(name: string, component: BilledComponent): string[] {
  if (component.kind === 'database' && typeof component.readReplicas === 'number' && component.readReplicas > 0) {
    return [name, replicaStationName(name)];
  }
  return [name];
}

import type { StationDef } from './compiled.ts';

/**
 * Availability zones (`zones: 3` at the top level). Replicas are spread round-robin over the
 * zones: a service's replica i is in zone i mod zones; a database's primary and a cache are in
 * the first zone, a database's read replica i in zone (i + 1) mod zones, so the first read
 * replica is not beside the primary. Other kinds (gateways, CDNs, externals, queues: managed or
 * regional services) are not placed in a zone: a zone outage does not touch them and calls to
 * them never cross a zone.
 */

/** `zone-a` → 0, `zone-b` → 1, …; undefined for anything else. */
export function zoneIndex(target: string): number | undefined {
  const m = /^zone-([a-z])$/.exec(target);
  return m ? m[1].charCodeAt(0) - 97 : undefined;
}

/** `zone-a` for zone 0. */
export const zoneName = (z: number) => `zone-${String.fromCharCode(97 + z)}`;

/** The zone of replica `replica` of a station, or undefined when the station is not placed. */
export function zoneOf(kind: string, name: string, replica: number, zones: number): number | undefined {
  if (kind === 'service') return replica % zones;
  if (kind === 'database') return name.endsWith('.replicas') ? (replica + 1) % zones : 0;
  if (kind === 'cache') return 0;
  return undefined;
}

/** Every replica's zone, station by station (−1: not placed). */
export function placeReplicas(stations: readonly StationDef[], zones: number): Int32Array[] {
  return stations.map((st) => Int32Array.from({ length: st.replicas }, (_, k) => (st.zoneless ? undefined : zoneOf(st.kind, st.name, k, zones)) ?? -1));
}

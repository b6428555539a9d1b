import * as z from 'zod';
import type { ModelBuilder } from './builder.ts';
import type { IncidentDef } from './compiled.ts';
import { problem, type Problem } from './errors.ts';
import { duration } from './schema-fields.ts';
import { didYouMean } from './suggest.ts';
import { zoneIndex, zoneName, zoneOf } from './zones.ts';
import { parseDuration, parsePercent } from './units.ts';

/**
 * Scheduled incidents for what-if studies (top level):
 *
 *   incidents:
 *     - { at: 5m, for: 10m, target: bank-api, effect: down }          # every arrival fails (unavailable)
 *     - { at: 2m, for: 1m, target: db, effect: slow(x5) }             # its service times × 5
 *     - { at: 8m, for: 30s, target: payments, effect: errors(30%) }   # 30% of arrivals fail (injected-error)
 *
 * A zone (`target: zone-b`, with `zones:` at the top level) can only go `down`: every replica in
 * it dies — what it holds and queues fails, arrivals the balancer still sends it fail — until
 * the health checks (every 10 s, 2 failed checks) take it out of rotation; when the zone returns,
 * 2 good checks put it back.
 *
 * A component target: its stations (a database's primary and replicas) are affected
 * from `at` for `for`. `down` and `errors` act on arrivals — a request that reaches the target
 * fails at once (a refused connection, a fast 5xx) — and work already there finishes; `slow`
 * stretches every service time that starts while it lasts. Incidents on one target should not
 * overlap (the later one's end restores the target fully).
 */
const EFFECT = /^\s*(down|slow\(\s*x?\s*([0-9.]+)\s*x?\s*\)|errors\(\s*([0-9.]+\s*%)\s*\))\s*$/;

export const incidentSchema = z
  .strictObject({
    at: duration('When it starts (simulated time from 0)'),
    for: duration('How long it lasts'),
    target: z.string().meta({ description: 'The component it hits, or a zone: zone-a, zone-b, …' }),
    effect: z
      .string()
      .superRefine((text, ctx) => {
        if (!parseEffect(text)) ctx.addIssue({ code: 'custom', message: `expected an effect: down, slow(x5) or errors(30%), got '${text}'`, input: text });
      })
      .meta({ description: 'down | slow(x5) | errors(30%)' }),
  })
  .meta({ description: 'A scheduled incident: a component down, slowed or erroring for a while' });

export type Incident = z.output<typeof incidentSchema>;

function parseEffect(text: string): { effect: IncidentDef['effect']; value: number } | undefined {
  const m = EFFECT.exec(text);
  if (!m) return undefined;
  if (m[1] === 'down') return { effect: 'down', value: 1 };
  if (m[2] !== undefined) {
    const factor = Number(m[2]);
    return factor > 0 && Number.isFinite(factor) ? { effect: 'slow', value: factor } : undefined;
  }
  const share = parsePercent(m[3]);
  return share.ok && share.value >= 0 && share.value <= 1 ? { effect: 'errors', value: share.value } : undefined;
}

/** The stations (or a zone's replicas) of each incident's target, after the components have compiled. */
export function compileIncidents(b: ModelBuilder, incidents: readonly Incident[], components: readonly string[], zones = 0): Problem[] {
  const problems: Problem[] = [];
  incidents.forEach((inc, i) => {
    const path = ['incidents', i];
    const zone = zoneIndex(inc.target);
    if (zone !== undefined && !components.includes(inc.target)) {
      if (zone >= zones) {
        const names = Array.from({ length: zones }, (_, z) => zoneName(z));
        problems.push(problem([...path, 'target'], zones === 0 ? `'${inc.target}' is a zone, but the scenario has no zones (give zones: 3)` : `unknown zone '${inc.target}' (zones: ${names.join(', ')})`));
        return;
      }
      const effect = parseEffect(inc.effect);
      if (effect && effect.effect !== 'down') {
        problems.push(problem([...path, 'effect'], `a zone can only go down (effect: down), got '${inc.effect}'`));
        return;
      }
      const replicas: Array<[number, number]> = [];
      b.stations.forEach((st, s) => {
        for (let k = 0; k < st.replicas; k++) if (!st.zoneless && zoneOf(st.kind, st.name, k, zones) === zone) replicas.push([s, k]);
      });
      const at = parseDuration(inc.at);
      const length = parseDuration(inc.for);
      if (!effect || !at.ok || !length.ok) return;
      b.incidents.push({ target: inc.target, stations: [], replicas, atMs: at.value, forMs: length.value, effect: 'down', value: 1, stream: b.stream(`incident.${i}`) });
      return;
    }
    if (!components.includes(inc.target)) {
      const known = ` (components: ${components.join(', ')})`;
      problems.push(problem([...path, 'target'], `unknown incident target '${inc.target}'${didYouMean(inc.target, components) || known}`));
      return;
    }
    const stations = b.stations.flatMap((st, s) => (st.name === inc.target || st.name === `${inc.target}.replicas` ? [s] : []));
    const effect = parseEffect(inc.effect);
    const at = parseDuration(inc.at);
    const length = parseDuration(inc.for);
    if (!effect || !at.ok || !length.ok) return; // the schema reported it
    b.incidents.push({ target: inc.target, stations, replicas: [], atMs: at.value, forMs: length.value, ...effect, stream: b.stream(`incident.${i}`) });
  });
  return problems;
}

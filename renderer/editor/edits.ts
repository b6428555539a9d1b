import { COMPONENT_KINDS, firstOperation, stepUses, type ComponentKind, type EdgeKind } from './topology.ts';

/** Pure planning of canvas edits: new components from the palette, and connections between nodes. */

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `base` if free, else `base-2`, `base-3`, … */
export function uniqueName(existing: Iterable<string>, base: string): string {
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * A sensible starting definition of each kind. Kinds that need a target (a gateway's routes, a
 * cdn's origin, a queue's consumer) start without one and show that error until connected.
 */
export function defaultDefinition(kind: ComponentKind): Record<string, unknown> {
  switch (kind) {
    case 'service':
      return { kind, replicas: 2, workers: 8, threading: 'blocking', operations: { handle: { cpu: 'exp(5ms)', steps: [] } } };
    case 'gateway':
      return { kind, latency: 'lognormal(p50=2ms, p99=8ms)', routes: {} };
    case 'cdn':
      return { kind, hit: 0.9, latency: 'const(5ms)' };
    case 'cache':
      return { kind, latency: 'const(0.5ms)' };
    case 'database':
      return { kind, cores: 4, pool: 10, queries: { read: 'exp(1ms)', write: 'exp(3ms)' } };
    case 'queue':
      return { kind, latency: 'const(2ms)', broker: 'sqs' };
    case 'external':
      return { kind, latency: 'lognormal(p50=50ms, p99=300ms)', errors: 0 };
  }
}

export const isComponentKind = (k: unknown): k is ComponentKind => (COMPONENT_KINDS as readonly unknown[]).includes(k);

/** What connecting two nodes does: a store `connect` (a call step), a `setValue`, or why not. */
export type ConnectionPlan =
  | { type: 'connect'; from: { component: string; operation: string }; to: { component: string; operation: string } }
  | { type: 'set'; path: Array<string | number>; value: unknown }
  | { type: 'error'; message: string };

/** The step a service adds to use a component of this kind (its "natural" step), or undefined for a call. */
function naturalStep(to: string, def: Raw): { kind: EdgeKind; step: Raw } | { error: string } | undefined {
  switch (def.kind) {
    case 'database': {
      const queries = isRaw(def.queries) ? Object.keys(def.queries) : [];
      if (queries.length === 0) return { error: `${to} has no query types to query` };
      return { kind: 'query', step: { query: `${to}.${queries.includes('read') ? 'read' : queries[0]}` } };
    }
    case 'cache':
      return { kind: 'cache', step: { cache: to, hit: 0.8, miss: [] } };
    case 'external':
      return { kind: 'external', step: { external: to } };
    case 'queue':
      return { kind: 'publish', step: { publish: to } };
    default:
      return undefined;
  }
}

/** Plan the edit for a connection dragged from `from` to `to` (component names) in the raw components map. */
export function planConnection(components: unknown, from: string, to: string): ConnectionPlan {
  const all = isRaw(components) ? components : {};
  const src = all[from];
  const dst = all[to];
  if (from === to) return { type: 'error', message: 'a component cannot call itself' };
  if (!isRaw(src) || !isRaw(dst)) return { type: 'error', message: 'both ends must be components' };
  const targetOp = firstOperation(dst);
  const callable = dst.kind === 'service' || dst.kind === 'gateway' || dst.kind === 'cdn';

  switch (src.kind) {
    case 'service': {
      const op = firstOperation(src);
      if (!op) return { type: 'error', message: `${from} has no operation to add the step to` };
      const opDef = isRaw(src.operations) ? src.operations[op] : undefined;
      const steps = isRaw(opDef) && Array.isArray(opDef.steps) ? opDef.steps : [];
      const natural = naturalStep(to, dst);
      if (natural && 'error' in natural) return { type: 'error', message: natural.error };
      const kind: EdgeKind = natural ? natural.kind : 'call';
      if (stepUses(steps).some((u) => u.to === to && u.kind === kind)) return { type: 'error', message: `${from}.${op} already uses ${to}` };
      if (natural) return { type: 'set', path: ['components', from, 'operations', op, 'steps', steps.length], value: natural.step };
      if (!callable || !targetOp) return { type: 'error', message: `${to} has no operation to call` };
      return { type: 'connect', from: { component: from, operation: op }, to: { component: to, operation: targetOp } };
    }
    case 'gateway': {
      if (dst.kind !== 'service' || !targetOp) return { type: 'error', message: 'a gateway routes to a service operation' };
      const routes = isRaw(src.routes) ? Object.keys(src.routes) : [];
      return { type: 'set', path: ['components', from, 'routes', uniqueName(routes, targetOp)], value: `${to}.${targetOp}` };
    }
    case 'cdn':
      if (!callable || !targetOp) return { type: 'error', message: 'a cdn fetches misses from a service or gateway operation' };
      return { type: 'set', path: ['components', from, 'origin'], value: `${to}.${targetOp}` };
    case 'queue':
      if (dst.kind !== 'service' || !targetOp) return { type: 'error', message: 'a queue is consumed by a service operation' };
      return { type: 'set', path: ['components', from, 'consumer'], value: `${to}.${targetOp}` };
    default:
      return { type: 'error', message: `a ${String(src.kind)} does not call other components` };
  }
}

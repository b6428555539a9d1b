import type { EdgeKind, TopologyEdge } from './topology.ts';

/**
 * What deleting a canvas edge does (pure): the steps behind it are removed (the store's
 * `removeEdge`), a gateway route is removed when nothing calls it any more; a cdn's origin and a
 * queue's consumer are required, so those edges are refused with a pointer to the inspector.
 */

export type EdgeRemovalPlan = { type: 'remove'; paths: Array<Array<string | number>> } | { type: 'refuse'; message: string };

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether any string in the document other than the one at `except` equals `target`. */
function referenced(root: unknown, target: string, except: ReadonlyArray<string | number>): boolean {
  const skip = except.join('\u0000');
  const walk = (v: unknown, at: Array<string | number>): boolean => {
    if (typeof v === 'string') return v === target && at.join('\u0000') !== skip;
    if (Array.isArray(v)) return v.some((x, i) => walk(x, [...at, i]));
    if (isRaw(v)) return Object.entries(v).some(([k, x]) => walk(x, [...at, k]));
    return false;
  };
  return walk(root, []);
}

const REQUIRED: Partial<Record<EdgeKind, string>> = {
  origin: "a cdn's origin is required: change it in the inspector",
  consume: "a queue's consumer is required: change it in the inspector",
};

/** The entries to remove for deleting `edge` from the raw document, or why it cannot be deleted here. */
export function planEdgeRemoval(root: unknown, edge: TopologyEdge): EdgeRemovalPlan {
  for (const source of edge.sources) {
    const required = REQUIRED[source.kind];
    if (required) return { type: 'refuse', message: required };
    if (source.kind === 'route') {
      const route = `${edge.from}.${String(source.path[source.path.length - 1])}`;
      if (referenced(root, route, source.path)) return { type: 'refuse', message: `${route} is still called: edit the routes and endpoints in the inspector` };
    }
  }
  if (edge.sources.length === 0) return { type: 'refuse', message: 'nothing to remove' };
  return { type: 'remove', paths: edge.sources.map((s) => s.path) };
}

/** The edge's accessible name and test handle. */
export const edgeLabel = (edge: Pick<TopologyEdge, 'from' | 'to'>) => `call from ${edge.from} to ${edge.to}`;

/** A stable key of an edge on the canvas. */
export const edgeKey = (edge: Pick<TopologyEdge, 'from' | 'to' | 'async'>) => `${edge.from}>${edge.to}>${edge.async}`;

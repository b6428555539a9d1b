import type { Topology } from './topology.ts';

/**
 * Canvas geometry, pure: the automatic layered layout (entry components on the left, callees to
 * the right by call depth), how pinned (dragged) positions merge with it, edge paths and bounds.
 * Positions are node centres in canvas units.
 */

export interface Point {
  x: number;
  y: number;
}

export const NODE_W = 168;
export const NODE_H = 60;
export const COL_GAP = 96;
export const ROW_GAP = 36;
export const MARGIN = 60;

/** Depth of each node: the longest path from a root after dropping the edges that close cycles. */
export function layerDepths(topology: Topology): Map<string, number> {
  const names = topology.nodes.map((n) => n.name);
  const out = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const e of topology.edges) if (e.from !== e.to) out.get(e.from)?.push(e.to);
  const hasIncoming = new Set(topology.edges.filter((e) => e.from !== e.to).map((e) => e.to));
  const entries = topology.entries.map((e) => e.component);
  const roots = [...entries, ...names.filter((n) => !hasIncoming.has(n) && !entries.includes(n)), ...[...names].sort()];

  // DFS from the roots in order: forward edges form a DAG, back edges (cycles) are dropped.
  const state = new Map<string, 'open' | 'done'>();
  const dag = new Map<string, string[]>(names.map((n) => [n, []]));
  const order: string[] = []; // reverse post-order = a topological order of the DAG
  const visit = (n: string): void => {
    state.set(n, 'open');
    for (const m of out.get(n) ?? []) {
      const s = state.get(m);
      if (s === 'open') continue; // back edge
      dag.get(n)?.push(m);
      if (s === undefined) visit(m);
    }
    state.set(n, 'done');
    order.push(n);
  };
  for (const r of roots) if (!state.has(r)) visit(r);
  order.reverse();

  const depth = new Map<string, number>(names.map((n) => [n, 0]));
  for (const n of order) for (const m of dag.get(n) ?? []) depth.set(m, Math.max(depth.get(m) ?? 0, (depth.get(n) ?? 0) + 1));
  return depth;
}

/** Centres of every node in the automatic layered layout. */
export function layeredLayout(topology: Topology): Record<string, Point> {
  const depth = layerDepths(topology);
  const columns: string[][] = [];
  for (const node of topology.nodes) {
    const d = depth.get(node.name) ?? 0;
    (columns[d] ??= []).push(node.name);
  }
  const entryRank = new Map(topology.entries.map((e, i) => [e.component, i]));
  const preds = new Map<string, string[]>();
  for (const e of topology.edges) preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);

  const row = new Map<string, number>();
  columns.forEach((col, d) => {
    const key = (n: string): number => {
      if (d === 0) return entryRank.get(n) ?? topology.entries.length;
      const placed = (preds.get(n) ?? []).map((p) => row.get(p)).filter((r): r is number => r !== undefined);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Infinity;
    };
    const keyed = col.map((n) => ({ n, k: key(n) }));
    keyed.sort((a, b) => a.k - b.k || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
    keyed.forEach(({ n }, i) => row.set(n, i));
    col.splice(0, col.length, ...keyed.map((x) => x.n));
  });

  const tallest = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  const pitch = NODE_H + ROW_GAP;
  const positions: Record<string, Point> = {};
  columns.forEach((col, d) => {
    const offset = ((tallest - col.length) * pitch) / 2;
    col.forEach((n, i) => {
      positions[n] = { x: MARGIN + NODE_W / 2 + d * (NODE_W + COL_GAP), y: MARGIN + NODE_H / 2 + offset + i * pitch };
    });
  });
  return positions;
}

/**
 * Pinned positions win; the others keep their automatic layout, moved as a block below the pinned
 * nodes so that new components never land on top of arranged ones.
 */
export function placePositions(names: readonly string[], auto: Record<string, Point>, pinned: Record<string, Point>): Record<string, Point> {
  const free = names.filter((n) => !pinned[n] && auto[n]);
  const fixed = names.filter((n) => pinned[n]);
  let dy = 0;
  if (free.length > 0 && fixed.length > 0) {
    const bottom = Math.max(...fixed.map((n) => pinned[n].y));
    const top = Math.min(...free.map((n) => auto[n].y));
    dy = bottom + NODE_H + ROW_GAP - top;
  }
  const out: Record<string, Point> = {};
  for (const n of names) {
    if (pinned[n]) out[n] = { x: pinned[n].x, y: pinned[n].y };
    else if (auto[n]) out[n] = { x: auto[n].x, y: auto[n].y + dy };
  }
  return out;
}

/** The smallest box holding every node with a margin, for the SVG viewBox. */
export function bounds(positions: Record<string, Point>, margin = MARGIN): { x: number; y: number; width: number; height: number } {
  const pts = Object.values(positions);
  if (pts.length === 0) return { x: 0, y: 0, width: 600, height: 400 };
  const minX = Math.min(...pts.map((p) => p.x)) - NODE_W / 2 - margin;
  const minY = Math.min(...pts.map((p) => p.y)) - NODE_H / 2 - margin;
  const maxX = Math.max(...pts.map((p) => p.x)) + NODE_W / 2 + margin;
  const maxY = Math.max(...pts.map((p) => p.y)) + NODE_H / 2 + margin;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

const r = (v: number): number => Math.round(v * 10) / 10;

/**
 * An edge from node centre `a` to node centre `b`, leaving and entering at the node borders: left
 * to right when the target is in a column to the right (or left), else bottom to top. A cubic
 * curve; the arrowhead is the path's end marker.
 */
export function edgePath(a: Point, b: Point): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.abs(dx) >= NODE_W * 0.75) {
    const dir = Math.sign(dx);
    const sx = a.x + (dir * NODE_W) / 2;
    const tx = b.x - (dir * NODE_W) / 2;
    const c = Math.max(24, Math.abs(tx - sx) / 2);
    return `M${r(sx)},${r(a.y)} C${r(sx + dir * c)},${r(a.y)} ${r(tx - dir * c)},${r(b.y)} ${r(tx)},${r(b.y)}`;
  }
  const dir = dy >= 0 ? 1 : -1;
  const sy = a.y + (dir * NODE_H) / 2;
  const ty = b.y - (dir * NODE_H) / 2;
  const c = Math.max(16, Math.abs(ty - sy) / 2);
  return `M${r(a.x)},${r(sy)} C${r(a.x)},${r(sy + dir * c)} ${r(b.x)},${r(ty - dir * c)} ${r(b.x)},${r(ty)}`;
}

/** The node whose box contains the point, if any (the last drawn wins, as on screen). */
export function nodeAt(positions: Record<string, Point>, p: Point): string | undefined {
  let hit: string | undefined;
  for (const [name, c] of Object.entries(positions)) {
    if (Math.abs(p.x - c.x) <= NODE_W / 2 && Math.abs(p.y - c.y) <= NODE_H / 2) hit = name;
  }
  return hit;
}

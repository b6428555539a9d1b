import { parse } from 'yaml';
import { KindIcon } from '../editor/KindIcon.tsx';
import { bounds, edgePath, layeredLayout, NODE_H, NODE_W, placePositions, type Point } from '../editor/layout.ts';
import { extractTopology } from '../editor/topology.ts';
import type { ScenarioDocument } from '../state/store-types.ts';

/**
 * A filled arrowhead at the end of a path (`M… C c1 c2 end` from edgePath, or `M… L end`),
 * pointing along its last segment: drawn, not a <marker>, so the report has no url() references.
 */
export function arrowHead(d: string, length = 9, half = 4.5): string {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const [ex, ey] = nums.slice(-2);
  const [px, py] = nums.length >= 4 ? nums.slice(-4, -2) : [ex - 1, ey];
  const len = Math.hypot(ex - px, ey - py) || 1;
  const ux = (ex - px) / len;
  const uy = (ey - py) / len;
  const bx = ex - ux * length;
  const by = ey - uy * length;
  const f = (v: number) => Math.round(v * 10) / 10;
  return `M${f(ex)},${f(ey)} L${f(bx - uy * half)},${f(by + ux * half)} L${f(bx + uy * half)},${f(by - ux * half)} Z`;
}

/** Room left of the entry nodes for the endpoint arrows and their labels. */
const ENTRY_ROOM = 150;

/** The scenario as parsed data: the validated scenario, else the raw text (the picture still draws with errors). */
function dataOf(doc: ScenarioDocument): unknown {
  if (doc.scenario) return doc.scenario;
  try {
    return parse(doc.text);
  } catch {
    return undefined;
  }
}

/**
 * The report's topology picture: the canvas graph drawn as static SVG (no store, no script) —
 * every component a box with its kind's icon, name, kind and replicas; calls solid, asynchronous
 * uses dashed; endpoints as arrows into the component they enter. Positions are the canvas's
 * (the document's layout where the user arranged nodes, else the automatic layout).
 */
export function TopologyPicture({ doc }: { doc: ScenarioDocument }) {
  const topology = extractTopology(dataOf(doc));
  if (topology.nodes.length === 0) return <p className="muted">No components.</p>;
  const names = topology.nodes.map((n) => n.name);
  const positions: Record<string, Point> = placePositions(names, layeredLayout(topology), doc.layout ?? {});
  const box = bounds(positions, 24);
  const left = topology.entries.length > 0 ? ENTRY_ROOM : 0;
  const viewBox = `${box.x - left} ${box.y} ${box.width + left} ${box.height}`;
  return (
    <figure className="topology">
      <svg className="topology-svg" viewBox={viewBox} width={box.width + left} role="img" aria-label={`Topology: ${names.length} components, ${topology.edges.length} connections`} xmlns="http://www.w3.org/2000/svg">
        {topology.edges.map((e) => {
          const a = positions[e.from];
          const b = positions[e.to];
          if (!a || !b) return null;
          return (
            <g key={`${e.from}>${e.to}>${e.async}`}>
              <title>{`${e.from} → ${e.to}: ${e.kinds.join(', ')}${e.async ? ' (asynchronous)' : ''}`}</title>
              <path className={`topo-edge${e.async ? ' topo-edge-async' : ''}`} d={edgePath(a, b)} />
              <path className="topo-arrowhead" d={arrowHead(edgePath(a, b))} />
            </g>
          );
        })}
        {topology.entries.map((entry) => {
          const c = positions[entry.component];
          if (!c) return null;
          const x1 = c.x - NODE_W / 2 - 72;
          const x2 = c.x - NODE_W / 2 - 2;
          const label = entry.endpoints.length <= 2 ? entry.endpoints.join(', ') : `${entry.endpoints[0]} +${entry.endpoints.length - 1}`;
          return (
            <g key={`entry-${entry.component}`} className="topo-entry">
              <path d={`M${x1},${c.y} L${x2 - 6},${c.y}`} />
              <path className="topo-arrowhead-entry" d={arrowHead(`M${x1},${c.y} L${x2},${c.y}`)} />
              <text x={x2 - 6} y={c.y - 8} textAnchor="end">
                {label}
              </text>
            </g>
          );
        })}
        {topology.nodes.map((node) => {
          const c = positions[node.name];
          if (!c) return null;
          const showReplicas = node.replicas > 1 || node.kind === 'service';
          return (
            <g key={node.name} className="topo-node" transform={`translate(${c.x - NODE_W / 2},${c.y - NODE_H / 2})`}>
              <rect className="topo-box" width={NODE_W} height={NODE_H} rx={10} />
              <g transform="translate(12,18)" className="topo-icon">
                <KindIcon kind={node.kind} />
              </g>
              <text className="topo-name" x={46} y={26}>
                {node.name.length > 16 ? `${node.name.slice(0, 15)}…` : node.name}
              </text>
              <text className="topo-sub" x={46} y={44}>
                {node.kind}
                {showReplicas ? `  ×${node.replicas}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Solid arrows: calls, queries and routes; dashed: asynchronous (publish, consume). Arrows from the left: the endpoints.</figcaption>
    </figure>
  );
}

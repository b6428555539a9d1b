import { useEffect, useMemo, useRef, useState } from 'react';
import { parse } from 'yaml';
import type { PointerEvent as ReactPointerEvent, KeyboardEvent as ReactKeyboardEvent, WheelEvent as ReactWheelEvent } from 'react';
import type { ScenarioError } from '../../sim-core/model/errors.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { edgeKey, edgeLabel, planEdgeRemoval, type EdgeRemovalPlan } from './edge-removal.ts';
import './canvas-edges.css';
import { bounds, edgePath, layeredLayout, NODE_H, NODE_W, nodeAt, placePositions, type Point } from './layout.ts';
import type { Topology, TopologyEdge, TopologyNode } from './topology.ts';
import { KindIcon } from './KindIcon.tsx';
import { errorsUnder } from './schema-form.ts';
import { bottleneck, legendStops, textOn, utilisationColour } from './utilisation.ts';

export interface CanvasProps {
  /** Resets the view (fit) when the document changes. */
  documentId: string;
  topology: Topology;
  /** Pinned positions (document.layout). */
  pinned: Record<string, Point>;
  selection: string | undefined;
  errors: readonly ScenarioError[];
  /** Utilisation by component from the last run (empty when none). */
  utilisation: Record<string, number>;
  onSelect(name: string | undefined): void;
  /** Move nodes; every call with the same key is one gesture. */
  onMove(moves: Array<{ name: string; x: number; y: number }>, key: string): void;
  onConnect(from: string, to: string): void;
  onDelete(name: string): void;
}

interface View {
  k: number;
  x: number;
  y: number;
}

type Gesture =
  | { type: 'drag'; name: string; offset: Point; start: Point; moved: boolean; key: string }
  | { type: 'pan'; start: Point; view: View }
  | { type: 'connect'; from: string };

let gestureId = 0;

function parsedText(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : parse(text, { prettyErrors: false });
  } catch {
    return undefined;
  }
}

/** The edge's tooltip: what it is made of, and what Delete does. */
function edgeTitle(e: TopologyEdge, plan: EdgeRemovalPlan): string {
  const what = `${e.from} → ${e.to}: ${e.kinds.join(', ')}${e.async ? ' (asynchronous)' : ''}`;
  if (plan.type === 'refuse') return `${what}\nNot deleted on the canvas: ${plan.message}`;
  const n = plan.paths.length;
  return `${what}\nClick to select, Delete removes ${n === 1 ? 'it' : `its ${n} entries`}`;
}

/** The topology as an SVG graph: drag to move, click to select, drag a handle to connect, wheel to zoom. */
export function Canvas(props: CanvasProps) {
  const { topology, pinned, selection, utilisation } = props;
  const svgRef = useRef<SVGSVGElement>(null);
  const gesture = useRef<Gesture | undefined>(undefined);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const [wire, setWire] = useState<{ from: string; to: Point } | undefined>(undefined);
  const [selectedEdge, setSelectedEdge] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // The raw document, to tell whether a gateway route is still called before deleting its edge.
  const text = useStore((s) => s.documents[props.documentId]?.text);
  const raw = useMemo(() => parsedText(text), [text]);
  const plans = useMemo(() => new Map(topology.edges.map((e) => [edgeKey(e), planEdgeRemoval(raw, e)])), [raw, topology]);
  const edgeSelection = selectedEdge && plans.has(selectedEdge) && !selection ? selectedEdge : undefined;

  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice(undefined), 4000);
    return () => window.clearTimeout(t);
  }, [notice]);

  const names = useMemo(() => topology.nodes.map((n) => n.name), [topology]);
  const auto = useMemo(() => layeredLayout(topology), [topology]);
  const positions = useMemo(() => placePositions(names, auto, pinned), [names, auto, pinned]);
  const hot = useMemo(() => bottleneck(utilisation), [utilisation]);
  const hasRun = Object.keys(utilisation).length > 0;

  const fit = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const b = bounds(positions, 40);
    // Room on the left for the entry arrows and their endpoint labels.
    const box = topology.entries.length ? { ...b, x: b.x - 80, width: b.width + 80 } : b;
    const w = svg.clientWidth || 800;
    const h = svg.clientHeight || 500;
    const k = Math.min(1.25, Math.max(0.2, Math.min(w / box.width, h / box.height)));
    setView({ k, x: (w - box.width * k) / 2 - box.x * k, y: (h - box.height * k) / 2 - box.y * k });
  };
  const fitRef = useRef(fit);
  fitRef.current = fit;
  useEffect(() => {
    fitRef.current();
    setSelectedEdge(undefined);
  }, [props.documentId]);

  const toCanvas = (e: { clientX: number; clientY: number }): Point => {
    const rect = svgRef.current?.getBoundingClientRect();
    return { x: (e.clientX - (rect?.left ?? 0) - view.x) / view.k, y: (e.clientY - (rect?.top ?? 0) - view.y) / view.k };
  };

  const startDrag = (e: ReactPointerEvent, name: string) => {
    e.stopPropagation();
    svgRef.current?.focus();
    svgRef.current?.setPointerCapture(e.pointerId);
    const p = toCanvas(e);
    const c = positions[name];
    gesture.current = { type: 'drag', name, offset: { x: p.x - c.x, y: p.y - c.y }, start: p, moved: false, key: `drag-${name}-${++gestureId}` };
  };

  const selectEdge = (e: ReactPointerEvent, edge: TopologyEdge) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    svgRef.current?.focus();
    props.onSelect(undefined);
    setSelectedEdge(edgeKey(edge));
  };

  const deleteEdge = (key: string) => {
    const plan = plans.get(key);
    if (!plan) return;
    if (plan.type === 'refuse') {
      setNotice(`Not deleted: ${plan.message}`);
      return;
    }
    useStore.getState().removeEdge(props.documentId, plan.paths);
    setSelectedEdge(undefined);
  };

  const startConnect = (e: ReactPointerEvent, name: string) => {
    e.stopPropagation();
    svgRef.current?.setPointerCapture(e.pointerId);
    gesture.current = { type: 'connect', from: name };
    setWire({ from: name, to: toCanvas(e) });
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    svgRef.current?.setPointerCapture(e.pointerId);
    gesture.current = { type: 'pan', start: { x: e.clientX, y: e.clientY }, view };
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g) return;
    if (g.type === 'pan') {
      setView({ ...g.view, x: g.view.x + e.clientX - g.start.x, y: g.view.y + e.clientY - g.start.y });
    } else if (g.type === 'connect') {
      setWire({ from: g.from, to: toCanvas(e) });
    } else {
      const p = toCanvas(e);
      if (!g.moved && Math.hypot(p.x - g.start.x, p.y - g.start.y) < 3) return;
      const moves = [{ name: g.name, x: Math.round(p.x - g.offset.x), y: Math.round(p.y - g.offset.y) }];
      // The first move pins every node where it is drawn, so the others stay put.
      if (!g.moved) for (const n of names) if (n !== g.name && !pinned[n]) moves.push({ name: n, ...positions[n] });
      g.moved = true;
      props.onMove(moves, g.key);
    }
  };

  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    gesture.current = undefined;
    if (!g) return;
    if (g.type === 'pan') {
      if (Math.hypot(e.clientX - g.start.x, e.clientY - g.start.y) < 3) {
        props.onSelect(undefined);
        setSelectedEdge(undefined);
      }
    } else if (g.type === 'connect') {
      setWire(undefined);
      const target = nodeAt(positions, toCanvas(e));
      if (target && target !== g.from) props.onConnect(g.from, target);
    } else if (!g.moved) {
      props.onSelect(g.name);
    }
  };

  const onWheel = (e: ReactWheelEvent<SVGSVGElement>) => {
    const rect = svgRef.current?.getBoundingClientRect();
    const mx = e.clientX - (rect?.left ?? 0);
    const my = e.clientY - (rect?.top ?? 0);
    const k = Math.min(3, Math.max(0.2, view.k * Math.exp(-e.deltaY * 0.0015)));
    setView({ k, x: mx - ((mx - view.x) * k) / view.k, y: my - ((my - view.y) * k) / view.k });
  };

  const zoom = (factor: number) => {
    const svg = svgRef.current;
    const cx = (svg?.clientWidth ?? 800) / 2;
    const cy = (svg?.clientHeight ?? 500) / 2;
    const k = Math.min(3, Math.max(0.2, view.k * factor));
    setView({ k, x: cx - ((cx - view.x) * k) / view.k, y: cy - ((cy - view.y) * k) / view.k });
  };

  const onKeyDown = (e: ReactKeyboardEvent<SVGSVGElement>) => {
    if ((e.key === 'Delete' || e.key === 'Backspace') && selection && positions[selection]) {
      e.preventDefault();
      props.onDelete(selection);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && edgeSelection) {
      e.preventDefault();
      deleteEdge(edgeSelection);
    } else if (e.key === 'Escape') {
      props.onSelect(undefined);
      setSelectedEdge(undefined);
    }
  };

  const autoLayout = () => {
    const key = `auto-layout-${++gestureId}`;
    props.onMove(names.map((name) => ({ name, ...auto[name] })), key);
    requestAnimationFrame(() => fitRef.current());
  };

  return (
    <div className="ed-canvas-wrap">
      <svg
        ref={svgRef}
        className="ed-canvas"
        data-testid={TEST_IDS.canvas}
        tabIndex={0}
        role="application"
        aria-label="Topology: click a component to inspect it, drag to move it, drag its handle onto another to connect them; click a component or an arrow and press Delete to remove it"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          gesture.current = undefined;
          setWire(undefined);
        }}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
      >
        <defs>
          <marker id="ed-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="ed-arrowhead" />
          </marker>
          <marker id="ed-arrow-selected" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="ed-arrowhead-selected" />
          </marker>
          <marker id="ed-arrow-entry" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="ed-arrowhead-entry" />
          </marker>
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {topology.edges.map((e) => {
            const a = positions[e.from];
            const b = positions[e.to];
            const key = edgeKey(e);
            const plan = plans.get(key);
            if (!a || !b || !plan) return null;
            const selected = edgeSelection === key;
            const d = edgePath(a, b);
            return (
              <g
                key={key}
                className={`ed-edge-group${selected ? ' ed-edge-selected' : ''}${plan.type === 'refuse' ? ' ed-edge-fixed' : ''}`}
                data-testid={TEST_IDS.canvasEdge}
                data-from={e.from}
                data-to={e.to}
                data-selected={selected}
                aria-label={edgeLabel(e)}
                onPointerDown={(ev) => selectEdge(ev, e)}
              >
                <title>{edgeTitle(e, plan)}</title>
                <path className="ed-edge-hit" d={d} />
                <path className={`ed-edge${e.async ? ' ed-edge-async' : ''}`} d={d} markerEnd={selected ? 'url(#ed-arrow-selected)' : 'url(#ed-arrow)'} />
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
              <g key={`entry-${entry.component}`} className="ed-entry">
                <title>{`Endpoints: ${entry.endpoints.join(', ')}`}</title>
                <path d={`M${x1},${c.y} L${x2},${c.y}`} markerEnd="url(#ed-arrow-entry)" />
                <text x={x2 - 6} y={c.y - 8} textAnchor="end">
                  {label}
                </text>
              </g>
            );
          })}
          {topology.nodes.map((node) => {
            const c = positions[node.name];
            if (!c) return null;
            return (
              <Node
                key={node.name}
                node={node}
                at={c}
                selected={selection === node.name}
                utilisation={hasRun ? utilisation[node.name] : undefined}
                isBottleneck={hot === node.name}
                hasErrors={errorsUnder(props.errors, `components.${node.name}`).length > 0}
                onPointerDown={(e) => startDrag(e, node.name)}
                onHandleDown={(e) => startConnect(e, node.name)}
              />
            );
          })}
          {wire && positions[wire.from] && (
            <path className="ed-wire" d={`M${positions[wire.from].x + NODE_W / 2},${positions[wire.from].y} L${wire.to.x},${wire.to.y}`} markerEnd="url(#ed-arrow)" />
          )}
        </g>
      </svg>
      {notice && (
        <div className="ed-canvas-notice" role="status">
          {notice}
        </div>
      )}
      {topology.nodes.length === 0 && <div className="ed-canvas-empty">No components yet: add one from the palette.</div>}
      <div className="ed-canvas-tools">
        <button type="button" onClick={autoLayout} title="Arrange the components by call depth">
          Auto layout
        </button>
        <button type="button" onClick={fit} title="Fit the graph to the view">
          Fit
        </button>
        <button type="button" onClick={() => zoom(1.2)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.2)} aria-label="Zoom out">
          −
        </button>
      </div>
      {hasRun && <Legend />}
    </div>
  );
}

function Legend() {
  const stops = legendStops(6);
  const gradient = `linear-gradient(to right, ${stops.map((s) => `${s.colour} ${s.offset * 100}%`).join(', ')})`;
  return (
    <div className="ed-legend" aria-label="Utilisation colour scale, 0 to 100%">
      <span>Utilisation (last run)</span>
      <div className="ed-legend-bar" style={{ background: gradient }} />
      <div className="ed-legend-ticks">
        <span>0%</span>
        <span>50%</span>
        <span>100%</span>
      </div>
    </div>
  );
}

interface NodeProps {
  node: TopologyNode;
  at: Point;
  selected: boolean;
  utilisation: number | undefined;
  isBottleneck: boolean;
  hasErrors: boolean;
  onPointerDown(e: ReactPointerEvent): void;
  onHandleDown(e: ReactPointerEvent): void;
}

function Node({ node, at, selected, utilisation, isBottleneck, hasErrors, onPointerDown, onHandleDown }: NodeProps) {
  const fill = utilisation !== undefined ? utilisationColour(utilisation) : undefined;
  const ink = fill ? textOn(fill) : undefined;
  const showReplicas = node.replicas > 1 || node.kind === 'service';
  const pct = utilisation !== undefined ? `${Math.round(utilisation * 100)}%` : undefined;
  return (
    <g
      className={`ed-node${selected ? ' ed-node-selected' : ''}${hasErrors ? ' ed-node-error' : ''}`}
      data-testid={TEST_IDS.canvasNode}
      data-name={node.name}
      data-kind={node.kind}
      transform={`translate(${at.x - NODE_W / 2},${at.y - NODE_H / 2})`}
      onPointerDown={onPointerDown}
    >
      <title>{`${node.name} (${node.kind})${pct ? `, ${pct} busy in the last run` : ''}${isBottleneck ? ' — the bottleneck' : ''}`}</title>
      <rect className="ed-node-box" width={NODE_W} height={NODE_H} rx={10} style={fill ? { fill } : undefined} />
      <g transform="translate(12,18)" style={{ color: ink ?? 'var(--accent)' }}>
        <KindIcon kind={node.kind} />
      </g>
      <text className="ed-node-name" x={46} y={26} style={ink ? { fill: ink } : undefined}>
        {node.name.length > 16 ? `${node.name.slice(0, 15)}…` : node.name}
      </text>
      <text className="ed-node-sub" x={46} y={44} style={ink ? { fill: ink, opacity: 0.85 } : undefined}>
        {node.kind}
        {showReplicas ? `  ×${node.replicas}` : ''}
      </text>
      {pct && (
        <text className="ed-node-util" x={NODE_W - 10} y={44} textAnchor="end" style={{ fill: ink }}>
          {pct}
        </text>
      )}
      {isBottleneck && (
        <g className="ed-badge" transform={`translate(${NODE_W - 84},-11)`}>
          <rect width={80} height={20} rx={10} />
          <text x={40} y={14} textAnchor="middle">
            bottleneck
          </text>
        </g>
      )}
      {hasErrors && <circle className="ed-node-error-dot" cx={NODE_W - 8} cy={8} r={4} />}
      <circle className="ed-handle" cx={NODE_W} cy={NODE_H / 2} r={7} onPointerDown={onHandleDown}>
        <title>Drag onto another component to connect</title>
      </circle>
    </g>
  );
}

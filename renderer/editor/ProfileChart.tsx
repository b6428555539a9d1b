import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { profileAt } from '../../sim-core/model/compiled.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import type { SetValue } from './FormField.tsx';
import { profileHorizon, profileSeries } from './profile.ts';
import {
  chartBox,
  chartScales,
  compactNumber,
  constrainPoint,
  constrainRamp,
  curvePath,
  editablePoints,
  formatDuration,
  insertPoint,
  loadAt,
  loadBase,
  multiplierTicks,
  nudgePoint,
  snapStepMs,
  timeTicks,
  yDomainMax,
  type EditablePoint,
} from './profile-chart-geometry.ts';

const PATH = ['workload', 'profile'] as const;

/** A drag in progress: the shape and axes at its start stay fixed until the pointer is released. */
interface Gesture {
  kind: 'point' | 'ramp';
  /** Index into `points` (not the raw list). */
  i: number;
  points: EditablePoint[];
  horizonMs: number;
  yMax: number;
  /** Pointer offset from the handle at the start, so grabbing a handle does not make it jump. */
  dt: number;
  dx: number;
  key: string;
  last: { at?: string; x?: number; ramp?: string };
}

let gestureId = 0;

/**
 * The load profile as a chart you can shape: drag a point (time and multiplier), drag the diamond
 * at the end of a ramp (its length), double-click the line to add a point, Delete removes the
 * selected point, arrow keys move it. Every drag is one undo step. The list below is the table.
 */
export function ProfileChart({ workload, duration, onSet }: { workload: unknown; duration: unknown; onSet: SetValue }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(300);
  const [picked, setSelected] = useState<number | undefined>(undefined);
  const gesture = useRef<Gesture | undefined>(undefined);
  const [frozen, setFrozen] = useState<{ horizonMs: number; yMax: number } | undefined>(undefined);
  const keySession = useRef(0);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.clientWidth) || 300);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const raw = typeof workload === 'object' && workload !== null ? (workload as Record<string, unknown>).profile : undefined;
  const points = useMemo(() => editablePoints(raw), [raw]);
  const horizonMs = frozen?.horizonMs ?? profileHorizon(points, duration);
  const yMax = frozen?.yMax ?? yDomainMax(points);
  const stepMs = snapStepMs(horizonMs);
  const box = chartBox(width);
  const s = chartScales(box, horizonMs, yMax);
  const series = profileSeries(points, horizonMs);
  const base = loadBase(workload);
  // A selection whose point went away (undo, a list edit) is dropped.
  const selected = points.some((p) => p.index === picked) ? picked : undefined;
  const sel = selected === undefined ? undefined : points.findIndex((p) => p.index === selected);
  const selPoint = sel !== undefined && sel >= 0 ? points[sel] : undefined;

  const local = (e: { clientX: number; clientY: number }) => {
    const r = svgRef.current?.getBoundingClientRect();
    return { px: e.clientX - (r?.left ?? 0), py: e.clientY - (r?.top ?? 0) };
  };

  /** Write the changed values of one point, all under the gesture's key (one undo step). */
  const write = (p: EditablePoint, next: { at?: string; x?: number; ramp?: string }, last: Gesture['last'], key: string) => {
    if (next.at !== undefined && next.at !== last.at) onSet([...PATH, p.index, 'at'], next.at, key);
    if (next.x !== undefined && next.x !== last.x) onSet([...PATH, p.index, 'x'], next.x, key);
    if (next.ramp !== undefined && next.ramp !== last.ramp) onSet([...PATH, p.index, 'ramp'], next.ramp, key);
  };

  const startDrag = (e: PointerEvent, kind: Gesture['kind'], i: number) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    const p = points[i];
    (e.currentTarget as Element).closest('g')?.querySelector<SVGElement>('[tabindex]')?.focus();
    svgRef.current?.setPointerCapture(e.pointerId);
    const { px, py } = local(e);
    const anchorT = kind === 'point' ? p.atMs : p.atMs + p.rampMs;
    gesture.current = {
      kind,
      i,
      points,
      horizonMs,
      yMax,
      dt: s.t.invert(px) - anchorT,
      dx: s.y.invert(py) - p.x,
      key: `profile-${kind}-${++gestureId}`,
      // What the text holds now: only a real change is written.
      last: { at: formatDuration(p.atMs), x: p.x, ramp: formatDuration(p.rampMs) },
    };
    setFrozen({ horizonMs, yMax });
    setSelected(p.index);
  };

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g) return;
    const { px, py } = local(e);
    const p = g.points[g.i];
    const limits = { stepMs: snapStepMs(g.horizonMs), horizonMs: g.horizonMs, xMax: g.yMax };
    if (g.kind === 'point') {
      const to = constrainPoint(g.points, g.i, s.t.invert(px) - g.dt, s.y.invert(py) - g.dx, limits);
      // `last` starts as the point's own values, so a time left where it was keeps its spelling (`3.5m`).
      const next = { at: formatDuration(to.atMs), x: to.x };
      write(p, next, g.last, g.key);
      g.last = { ...g.last, ...next };
    } else {
      const ramp = formatDuration(constrainRamp(g.points, g.i, s.t.invert(px) - g.dt, limits));
      write(p, { ramp }, g.last, g.key);
      g.last = { ...g.last, ramp };
    }
  };

  const endDrag = () => {
    gesture.current = undefined;
    setFrozen(undefined);
  };

  const remove = (i: number) => {
    const p = points[i];
    if (!p) return;
    onSet([...PATH, p.index], undefined);
    setSelected(undefined);
  };

  const onHandleKey = (e: KeyboardEvent, i: number) => {
    const p = points[i];
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      remove(i);
      return;
    }
    if (e.key === 'Escape') {
      setSelected(undefined);
      (e.currentTarget as SVGElement).blur();
      return;
    }
    const to = nudgePoint(points, i, e.key, e.shiftKey, { stepMs, horizonMs, xMax: yMax });
    if (!to) return;
    e.preventDefault();
    e.stopPropagation();
    const key = `profile-keys-${p.index}-${keySession.current}`;
    write(p, { at: to.atMs === p.atMs ? undefined : formatDuration(to.atMs), x: to.x }, { x: p.x }, key);
  };

  const onLineDoubleClick = (e: MouseEvent) => {
    const { px } = local(e);
    const t = Math.min(horizonMs, Math.max(0, s.t.invert(px)));
    const added = insertPoint(raw, t, stepMs);
    if (!added) return;
    const count = Array.isArray(raw) ? raw.length : 0;
    if (!Array.isArray(raw)) onSet([...PATH], added.list);
    else if (added.index === count) onSet([...PATH, count], added.point);
    else onSet([...PATH], added.list);
    setSelected(added.index);
  };

  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const yTicks = multiplierTicks(yMax);
  const peak = Math.max(...series.map((p) => p.x));
  const describe = (p: EditablePoint, n: number) =>
    `Point ${n + 1}: from ${formatDuration(p.atMs)}, ×${p.x}${loadAt(p.x, base) ? ` (${loadAt(p.x, base)})` : ''}${p.rampMs > 0 ? `, ramp ${formatDuration(p.rampMs)}` : ''}`;

  return (
    <div className="pc-wrap" ref={wrapRef}>
      <svg
        ref={svgRef}
        className={`pc-chart${frozen ? ' pc-dragging' : ''}`}
        data-testid={TEST_IDS.profileChart}
        width={box.width}
        height={box.height}
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="group"
        aria-label={`Load profile over ${formatDuration(horizonMs)}: peak ×${+peak.toFixed(2)}. Double-click the line to add a point; arrow keys move the focused point, Delete removes it.`}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
      >
        <g className="pc-grid" aria-hidden="true">
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={plot.left} x2={plot.right} y1={s.y(v)} y2={s.y(v)} className={v === 1 ? 'pc-baseline' : undefined} />
              <text x={plot.left - 6} y={s.y(v)} dy="0.32em" textAnchor="end">
                ×{v}
              </text>
              {base && (
                <text x={plot.right + 6} y={s.y(v)} dy="0.32em" className="pc-secondary">
                  {compactNumber(v * base.value)}
                </text>
              )}
            </g>
          ))}
          {timeTicks(horizonMs).map(({ t, label }) => (
            <g key={t}>
              <line x1={s.t(t)} x2={s.t(t)} y1={plot.bottom} y2={plot.bottom + 4} className="pc-tick" />
              <text x={s.t(t)} y={plot.bottom + 16} textAnchor="middle">
                {label}
              </text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="pc-axis" />
          {base && (
            <text x={box.width - 4} y={12} textAnchor="end" className="pc-secondary">
              {base.kind === 'users' ? 'users' : 'arrivals/s'}
            </text>
          )}
        </g>
        <path className="pc-area" d={`${curvePath(series, s)}L${s.t(horizonMs)},${plot.bottom}L${s.t(0)},${plot.bottom}Z`} aria-hidden="true" />
        <path className="pc-line" d={curvePath(series, s)} aria-hidden="true" />
        <path className="pc-line-hit" d={curvePath(series, s)} onDoubleClick={onLineDoubleClick}>
          <title>Double-click to add a point</title>
        </path>
        {points.map((p, i) => {
          const isSel = p.index === selected;
          const cx = s.t(p.atMs);
          const cy = s.y(p.x);
          const rampEnd = s.t(p.atMs + p.rampMs);
          const showRamp = p.rampMs > 0 || isSel;
          // A step's ramp handle sits just right of the point, ready to be pulled out.
          const rx = p.rampMs > 0 ? rampEnd : cx + 12;
          return (
            <g key={p.index} className={`pc-point${isSel ? ' pc-selected' : ''}`}>
              {p.rampMs > 0 && <line className="pc-ramp-guide" x1={cx} x2={rampEnd} y1={cy} y2={cy} aria-hidden="true" />}
              {p.rampMs > 0 && <line className="pc-ramp-guide" x1={cx} x2={cx} y1={s.y(profileAt(points, Math.max(0, p.atMs - 1e-6)))} y2={cy} aria-hidden="true" />}
              <circle className="pc-handle-hit" cx={cx} cy={cy} r={11} onPointerDown={(e) => startDrag(e, 'point', i)} aria-hidden="true" />
              {showRamp && (
                <rect
                  className="pc-ramp-handle"
                  data-ramp-index={p.index}
                  x={rx - 4}
                  y={cy - 4}
                  width={8}
                  height={8}
                  transform={`rotate(45 ${rx} ${cy})`}
                  onPointerDown={(e) => startDrag(e, 'ramp', i)}
                >
                  <title>{`Ramp ${formatDuration(p.rampMs)}: drag to change`}</title>
                </rect>
              )}
              <circle
                className="pc-handle"
                data-testid={TEST_IDS.profileHandle}
                data-index={p.index}
                cx={cx}
                cy={cy}
                r={isSel ? 6 : 5}
                tabIndex={0}
                role="button"
                aria-roledescription="draggable point"
                aria-label={describe(p, i)}
                aria-pressed={isSel}
                onPointerDown={(e) => startDrag(e, 'point', i)}
                onFocus={() => {
                  keySession.current += 1;
                  setSelected(p.index);
                }}
                onKeyDown={(e) => onHandleKey(e, i)}
              />
            </g>
          );
        })}
      </svg>
      <div className="pc-readout" aria-live="polite">
        {selPoint && sel !== undefined ? (
          <>
            <span>{describe(selPoint, sel)}</span>
            <button type="button" className="ed-link" onClick={() => remove(sel)}>
              remove
            </button>
          </>
        ) : (
          <span className="ed-muted">Drag a point · double-click the line to add one · ◆ drags a ramp</span>
        )}
      </div>
    </div>
  );
}

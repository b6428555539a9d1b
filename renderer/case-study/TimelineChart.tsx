import { seriesColour } from '../results/charts/palette.ts';
import { timelineGeometry, type TimelineChartInput } from './timeline-geometry.ts';

/** Marker shapes per series, so the series differ without colour too: circle, square, triangle. */
const SHAPES = ['circle', 'square', 'triangle'] as const;

/** One small multiple of the migration timeline, drawn from its geometry (timeline-geometry.ts). */
export function TimelineChart({ input, label, format }: { input: TimelineChartInput; label: string; format: (v: number, h?: number) => string }) {
  const g = timelineGeometry(input);
  const { plot } = g;
  const bottom = plot.top + plot.height;
  return (
    <svg className="chart timeline-chart" viewBox={`0 0 ${input.width} ${input.height}`} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
      {g.yTicks.map((t) => (
        <g key={`y-${t.value}`}>
          <line x1={plot.left} x2={plot.left + plot.width} y1={t.pos} y2={t.pos} stroke="var(--border, #ccc)" strokeWidth={0.5} />
          <text x={plot.left - 6} y={t.pos} dy="0.32em" textAnchor="end" fill="var(--muted, #666)" fontSize={11}>
            {t.label}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} stroke="var(--muted, #666)" strokeWidth={1} />
      {g.xTicks.map((t) => (
        <g key={`x-${t.phase}`}>
          <line x1={t.pos} x2={t.pos} y1={bottom} y2={bottom + 4} stroke="var(--muted, #666)" />
          <text x={t.pos} y={bottom + 17} textAnchor="middle" fill="var(--text, #222)" fontSize={11}>
            <title>{t.title}</title>
            {t.label}
          </text>
        </g>
      ))}
      {g.series.map((s, k) => (
        <g key={s.name} color={seriesColour(k)}>
          {s.bars.map((b) => (
            <g key={`bar-${b.phase}`}>
              <rect x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 1)} fill="currentColor" fillOpacity={0.75} stroke="currentColor">
                <title>{`${g.xTicks[b.phase]?.title}: ${s.name} ${format(b.value, b.halfWidth)}`}</title>
              </rect>
              {b.whisker ? <Whisker x={b.x + b.width / 2} y0={b.whisker.y0} y1={b.whisker.y1} /> : null}
            </g>
          ))}
          {s.d ? <path d={s.d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeOpacity={0.8} strokeDasharray={k === 0 ? undefined : k === 1 ? '6 3' : '2 3'} /> : null}
          {s.marks.map((mk) => (
            <g key={`mark-${mk.phase}`}>
              {mk.whisker ? <Whisker x={mk.x} y0={mk.whisker.y0} y1={mk.whisker.y1} /> : null}
              <Marker shape={SHAPES[k % SHAPES.length]} x={mk.x} y={mk.y} />
              <title>{`${g.xTicks[mk.phase]?.title}: ${s.name} ${format(mk.value, mk.halfWidth)}`}</title>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}

function Whisker({ x, y0, y1 }: { x: number; y0: number; y1: number }) {
  return (
    <g stroke="currentColor" strokeWidth={1.25}>
      <line x1={x} x2={x} y1={y0} y2={y1} />
      <line x1={x - 3.5} x2={x + 3.5} y1={y0} y2={y0} />
      <line x1={x - 3.5} x2={x + 3.5} y1={y1} y2={y1} />
    </g>
  );
}

export function Marker({ shape, x, y, size = 4 }: { shape: (typeof SHAPES)[number]; x: number; y: number; size?: number }) {
  if (shape === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill="currentColor" stroke="var(--panel, #fff)" strokeWidth={1} />;
  if (shape === 'triangle') {
    const h = size * 1.2;
    return <path d={`M${x},${y - h} L${x + h},${y + h * 0.8} L${x - h},${y + h * 0.8} Z`} fill="currentColor" stroke="var(--panel, #fff)" strokeWidth={1} />;
  }
  return <circle cx={x} cy={y} r={size} fill="currentColor" stroke="var(--panel, #fff)" strokeWidth={1} />;
}

/** The legend of a small multiple: each series' colour, dash and marker shape. */
export function TimelineLegend({ names, mode }: { names: readonly string[]; mode: 'line' | 'bar' }) {
  if (names.length <= 1) return null;
  return (
    <ul className="chart-legend">
      {names.map((name, k) => (
        <li key={name} style={{ color: seriesColour(k) }}>
          <svg width={26} height={12} aria-hidden="true">
            {mode === 'line' ? <line x1={1} x2={25} y1={6} y2={6} stroke="currentColor" strokeWidth={1.5} strokeDasharray={k === 0 ? undefined : k === 1 ? '6 3' : '2 3'} /> : null}
            <Marker shape={SHAPES[k % SHAPES.length]} x={13} y={6} size={3.5} />
          </svg>
          <span className="legend-name">{name}</span>
        </li>
      ))}
    </ul>
  );
}

import { lineChartGeometry, type LineChartInput } from './line-geometry.ts';
import { seriesColour, seriesDash } from './palette.ts';

export const CHART_WIDTH = 640;

/** Draws a line chart from its geometry: shaded bands, grid, axes, one path per line. */
export function LineChart(props: { input: LineChartInput; label: string; xLabel?: string; yLabel?: string; dashByIndex?: boolean }) {
  const { input, label, xLabel, yLabel, dashByIndex } = props;
  const dash = (i: number) => (dashByIndex ? seriesDash(i * 7) : seriesDash(i));
  const g = lineChartGeometry(input);
  const { plot } = g;
  const bottom = plot.top + plot.height;
  return (
    <svg className="chart" viewBox={`0 0 ${input.width} ${input.height}`} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
      {g.bands.map((b, i) => (
        <rect key={`band-${i}`} className="chart-band" x={b.x} y={plot.top} width={b.width} height={plot.height} fill="var(--band, rgba(213, 94, 0, 0.14))">
          <title>{b.label}</title>
        </rect>
      ))}
      {g.yTicks.map((t) => (
        <g key={`y-${t.value}`}>
          <line className="chart-grid" x1={plot.left} x2={plot.left + plot.width} y1={t.pos} y2={t.pos} stroke="var(--border, #ccc)" strokeWidth={0.5} />
          <text className="chart-tick" x={plot.left - 6} y={t.pos} dy="0.32em" textAnchor="end" fill="var(--muted, #666)" fontSize={11}>
            {t.label}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} stroke="var(--muted, #666)" strokeWidth={1} />
      {g.xTicks.map((t) => (
        <g key={`x-${t.value}`}>
          <line x1={t.pos} x2={t.pos} y1={bottom} y2={bottom + 4} stroke="var(--muted, #666)" />
          <text className="chart-tick" x={t.pos} y={bottom + 16} textAnchor="middle" fill="var(--muted, #666)" fontSize={11}>
            {t.label}
          </text>
        </g>
      ))}
      {g.paths.map((p, i) => (
        <path key={p.name} d={p.d} fill="none" stroke={seriesColour(i)} strokeWidth={1.75} strokeDasharray={dash(i)} strokeLinejoin="round">
          <title>{p.name}</title>
        </path>
      ))}
      {xLabel ? (
        <text x={plot.left + plot.width} y={input.height - 2} textAnchor="end" fill="var(--muted, #666)" fontSize={11}>
          {xLabel}
        </text>
      ) : null}
      {yLabel ? (
        <text x={4} y={plot.top + 4} fill="var(--muted, #666)" fontSize={11} transform={`rotate(-90 4 ${plot.top + 4})`} textAnchor="end">
          {yLabel}
        </text>
      ) : null}
    </svg>
  );
}

/** The lines' names with their colour and dash, plus the shaded incident windows when there are any. */
export function Legend({ names, incidents, dashByIndex }: { names: readonly string[]; incidents?: boolean; dashByIndex?: boolean }) {
  if (names.length <= 1 && !incidents) return null;
  return (
    <ul className="chart-legend">
      {names.length > 1
        ? names.map((name, i) => (
            <li key={name}>
              <svg width={22} height={10} aria-hidden="true">
                <line x1={1} x2={21} y1={5} y2={5} stroke={seriesColour(i)} strokeWidth={2.5} strokeDasharray={dashByIndex ? seriesDash(i * 7) : seriesDash(i)} />
              </svg>
              {name}
            </li>
          ))
        : null}
      {incidents ? (
        <li>
          <span className="legend-band" aria-hidden="true" />
          incident
        </li>
      ) : null}
    </ul>
  );
}

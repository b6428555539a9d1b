import type { RunResult } from '../../sim-core/run/result.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { stackedBarGeometry } from './charts/bar-geometry.ts';
import { CHART_WIDTH } from './charts/LineChart.tsx';
import { seriesColour } from './charts/palette.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { DataTable } from './DataTable.tsx';
import { fmtUsd } from './format.ts';
import { costByComponent, costLinesTable, costTable } from './run-tables.ts';

const FIXED = seriesColour(0);
const USAGE = seriesColour(1);

/** Monthly cost: fixed vs usage per component as stacked bars, the total, the lines, and what is left out. */
export function CostBreakdown({ run, staticMode }: { run: RunResult; staticMode?: boolean }) {
  const cost = run.cost;
  if (cost.lines.length === 0) {
    return (
      <section className="results-section" data-testid={TEST_IDS.costBreakdown}>
        <h3>Cost</h3>
        <p className="muted">
          {cost.priceList ? `Nothing in this scenario is priced by ${cost.priceList.name}.` : 'Not priced: give components an instance type or `prices:` to see the monthly bill.'}
        </p>
      </section>
    );
  }
  const rows = costByComponent(run);
  const g = stackedBarGeometry({ width: CHART_WIDTH, rows: rows.map((r) => ({ label: r.component, parts: [r.fixed, r.usage] })), format: fmtUsd });
  const bottom = g.plot.top + g.plot.height;
  return (
    <section className="results-section" data-testid={TEST_IDS.costBreakdown}>
      <h3>
        Cost <span className="headline-figure">{fmtUsd(cost.monthly)}/month</span>
      </h3>
      <p className="muted">
        {cost.priceList ? `Prices: ${cost.priceList.name} (${cost.priceList.date}). ` : ''}Fixed = running replicas × hours; usage = what the simulated load produced, scaled to a month.
      </p>
      <ChartFrame
        title="Monthly cost by component"
        table={costTable(run)}
        fileName={`${run.scenario}-cost`}
        staticMode={staticMode}
        legend={
          <ul className="chart-legend">
            <li>
              <span className="legend-swatch" style={{ background: FIXED }} aria-hidden="true" />
              fixed
            </li>
            <li>
              <span className="legend-swatch" style={{ background: USAGE }} aria-hidden="true" />
              usage
            </li>
          </ul>
        }
      >
        <svg className="chart" viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label="Monthly cost by component, fixed and usage" xmlns="http://www.w3.org/2000/svg">
          {g.xTicks.map((t) => (
            <g key={t.value}>
              <line x1={t.pos} x2={t.pos} y1={g.plot.top} y2={bottom} stroke="var(--border, #ccc)" strokeWidth={0.5} />
              <text x={t.pos} y={bottom + 16} textAnchor="middle" fill="var(--muted, #666)" fontSize={11}>
                {t.label}
              </text>
            </g>
          ))}
          {g.rows.map((r) => (
            <g key={r.label}>
              <text x={g.plot.left - 8} y={r.labelY} dy="0.32em" textAnchor="end" fill="var(--text, #222)" fontSize={12}>
                {r.label}
              </text>
              {r.rects.map((rect) => (
                <rect key={rect.part} x={rect.x} y={r.y} width={Math.max(0, rect.width)} height={r.height} fill={rect.part === 0 ? FIXED : USAGE}>
                  <title>{`${r.label} ${rect.part === 0 ? 'fixed' : 'usage'}: ${fmtUsd(rect.value)}/month`}</title>
                </rect>
              ))}
            </g>
          ))}
        </svg>
      </ChartFrame>
      <details className="cost-lines" open={staticMode}>
        <summary>Every priced line ({cost.lines.length})</summary>
        <DataTable table={costLinesTable(run)} />
      </details>
      {cost.excluded.length > 0 ? (
        <p className="muted">
          Not included: {cost.excluded.join('; ')}.
        </p>
      ) : null}
    </section>
  );
}

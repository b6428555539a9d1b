import { useRef, useState, type ReactNode } from 'react';
import { exportChart } from './charts/export-chart.ts';
import { CsvButton, DataTable } from './DataTable.tsx';
import type { TableModel } from './table-model.ts';

/**
 * A titled chart with its table alternative: a "Table" toggle shows the same data as a table,
 * "CSV" downloads it, "SVG" and "PNG" export the chart with its title and legend
 * (charts/export-chart.ts). In a static render (the exported report) the chart is shown and the
 * table follows in a <details>, so the report needs no script.
 */
export function ChartFrame(props: {
  title: string;
  testId?: string;
  table: TableModel;
  fileName: string;
  staticMode?: boolean;
  legend?: ReactNode;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const figure = useRef<HTMLElement>(null);
  const { title, testId, table, fileName, staticMode, legend, children } = props;
  const save = (format: 'svg' | 'png') => {
    if (figure.current) exportChart(figure.current, title, fileName, format).catch((e: unknown) => console.error('archsim: chart export failed', e));
  };
  if (staticMode) {
    return (
      <figure className="chart-frame" data-testid={testId}>
        <figcaption className="chart-title">{title}</figcaption>
        {children}
        {legend}
        <details>
          <summary>Data as a table</summary>
          <DataTable table={table} />
        </details>
      </figure>
    );
  }
  return (
    <figure className="chart-frame" data-testid={testId} ref={figure}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-actions">
          <button type="button" className="chart-action" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Chart' : 'Table'}
          </button>
          <CsvButton table={table} fileName={fileName} />
          <button type="button" className="chart-action" disabled={asTable} onClick={() => save('svg')} title={`Download ${title} as SVG`}>
            SVG
          </button>
          <button type="button" className="chart-action" disabled={asTable} onClick={() => save('png')} title={`Download ${title} as PNG`}>
            PNG
          </button>
        </span>
      </figcaption>
      {asTable ? <DataTable table={table} /> : (
        <>
          {children}
          {legend}
        </>
      )}
    </figure>
  );
}

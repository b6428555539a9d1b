import type { TableModel } from './table-model.ts';
import { tableToCsv } from './table-model.ts';

/** A TableModel as an HTML table; numbers right-aligned, hover detail in `title`. */
export function DataTable({ table, testId, caption = false }: { table: TableModel; testId?: string; caption?: boolean }) {
  return (
    <div className="results-table-wrap">
      <table className="results-table" data-testid={testId}>
        {caption ? <caption>{table.caption}</caption> : null}
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell.text}
                  </th>
                ) : (
                  <td key={c} className={[table.columns[c]?.numeric ? 'num' : '', cell.title ? 'has-detail' : '', cell.tone ? `tone-${cell.tone}` : ''].join(' ').trim() || undefined} title={cell.title}>
                    <CellText text={cell.text} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A value with its `±` half-width under it, small, so wide tables stay narrow. */
export function CellText({ text }: { text: string }) {
  const at = text.indexOf(' ±');
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="ci">{text.slice(at + 1)}</span>
    </>
  );
}

/** Downloads the table as CSV (a Blob link; works in the browser and in Electron's renderer). */
export function CsvButton({ table, fileName }: { table: TableModel; fileName: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="chart-action" onClick={download} title={`Download ${table.caption} as CSV`}>
      CSV
    </button>
  );
}

/**
 * Plain-text tables with aligned columns, for terminals and logs. Pure.
 */

export interface Column {
  header: string;
  align: 'left' | 'right';
}

/** A row of cells, or a horizontal rule across the table. */
export type TableRow = readonly string[] | 'rule';

const GAP = '  ';

/** Terminal width of a cell: every character we print (µ, ±, —) is one column wide. */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: Column['align']): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** Renders a header, a rule under it and the rows; trailing spaces are trimmed from each line. */
export function renderTable(columns: readonly Column[], rows: readonly TableRow[]): string {
  const widths = columns.map((c, i) =>
    Math.max(width(c.header), ...rows.map((r) => (r === 'rule' ? 0 : width(r[i] ?? '')))),
  );
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
  const line = (cells: readonly string[]): string =>
    columns.map((c, i) => pad(cells[i] ?? '', widths[i], c.align)).join(GAP).trimEnd();
  const rule = '─'.repeat(total);
  const out = [line(columns.map((c) => c.header)), rule];
  for (const r of rows) out.push(r === 'rule' ? rule : line(r));
  return out.join('\n');
}

/**
 * A table as data: what the results views render as <table>, the report embeds, and CSV export
 * writes. Each cell has the text shown and, for numbers, the raw value and 95% half-width, so the
 * CSV carries full precision in separate columns rather than formatted strings.
 */
export interface TableCell {
  text: string;
  value?: number;
  halfWidth?: number;
  /** Extra detail shown on hover (e.g. errors by cause). */
  title?: string;
  /** A verdict's reading (lower latency is better, lower throughput worse): the views colour it. */
  tone?: 'better' | 'worse' | 'neutral';
}

export interface TableColumn {
  label: string;
  numeric?: boolean;
}

export interface TableModel {
  caption: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

export const textCell = (text: string, title?: string): TableCell => (title === undefined ? { text } : { text, title });

export function numberCell(text: string, value: number, halfWidth?: number, title?: string): TableCell {
  const cell: TableCell = { text, value };
  if (halfWidth !== undefined && Number.isFinite(halfWidth)) cell.halfWidth = halfWidth;
  if (title !== undefined) cell.title = title;
  return cell;
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rawNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/**
 * RFC 4180 CSV of a table: numeric cells as their raw values (empty for NaN), and a column
 * `<label> ±95%` after every column where some row has a half-width. Lines end with CRLF.
 */
export function tableToCsv(table: TableModel): string {
  const withHalfWidth = table.columns.map((_, c) => table.rows.some((r) => r[c]?.halfWidth !== undefined));
  const header: string[] = [];
  table.columns.forEach((col, c) => {
    header.push(col.label);
    if (withHalfWidth[c]) header.push(`${col.label} ±95%`);
  });
  const lines = [header.map(csvField).join(',')];
  for (const row of table.rows) {
    const fields: string[] = [];
    table.columns.forEach((_, c) => {
      const cell = row[c];
      fields.push(cell === undefined ? '' : cell.value !== undefined ? rawNumber(cell.value) : cell.text);
      if (withHalfWidth[c]) fields.push(cell?.halfWidth !== undefined ? rawNumber(cell.halfWidth) : '');
    });
    lines.push(fields.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

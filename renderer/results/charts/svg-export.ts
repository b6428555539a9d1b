/**
 * A chart as a standalone SVG file (pure): the chart's own markup (its colours already inlined,
 * export-chart.ts) under its title, with its legend drawn beneath, on the theme's background, so
 * the file reads the same outside the app (a slide, a board paper) as on screen.
 */

export type LegendSwatch = { kind: 'line'; stroke: string; dash?: string } | { kind: 'band'; fill: string };

export interface ChartExport {
  title: string;
  /** The chart's <svg> markup, styles inlined, with width and height set. */
  chart: string;
  width: number;
  height: number;
  legend: ReadonlyArray<{ label: string; swatch: LegendSwatch }>;
  background: string;
  text: string;
  muted: string;
  font: string;
}

const TITLE_H = 30;
const LEGEND_H = 24;
const PAD = 12;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/** Width of a legend entry: swatch, gap, label (an estimate at 12 px; no text measuring in a pure function). */
const entryWidth = (label: string): number => 22 + 6 + label.length * 6.6 + 18;

/** The legend entries laid out in rows that fit `width`. */
export function legendRows(labels: readonly string[], width: number): Array<Array<{ index: number; x: number }>> {
  const rows: Array<Array<{ index: number; x: number }>> = [];
  let row: Array<{ index: number; x: number }> = [];
  let x = 0;
  labels.forEach((label, index) => {
    const w = entryWidth(label);
    if (row.length > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ index, x });
    x += w;
  });
  if (row.length > 0) rows.push(row);
  return rows;
}

export function composeChartSvg(c: ChartExport): { svg: string; width: number; height: number } {
  const innerW = c.width;
  const rows = legendRows(c.legend.map((l) => l.label), innerW);
  const width = Math.ceil(innerW + 2 * PAD);
  const height = Math.ceil(PAD + TITLE_H + c.height + rows.length * LEGEND_H + PAD);
  const legendTop = PAD + TITLE_H + c.height;
  const legend = rows
    .flatMap((row, r) =>
      row.map(({ index, x }) => {
        const { label, swatch } = c.legend[index];
        const y = legendTop + r * LEGEND_H + LEGEND_H / 2;
        const lx = PAD + x;
        const mark =
          swatch.kind === 'line'
            ? `<line x1="${lx}" x2="${lx + 22}" y1="${y}" y2="${y}" stroke="${escapeXml(swatch.stroke)}" stroke-width="2.5"${swatch.dash ? ` stroke-dasharray="${escapeXml(swatch.dash)}"` : ''}/>`
            : `<rect x="${lx}" y="${y - 6}" width="22" height="12" fill="${escapeXml(swatch.fill)}"/>`;
        return `${mark}<text x="${lx + 28}" y="${y + 4}" font-size="12" fill="${escapeXml(c.text)}">${escapeXml(label)}</text>`;
      }),
    )
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(c.font)}">`,
    `<title>${escapeXml(c.title)}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXml(c.background)}"/>`,
    `<text x="${PAD}" y="${PAD + 18}" font-size="15" font-weight="600" fill="${escapeXml(c.text)}">${escapeXml(c.title)}</text>`,
    `<g transform="translate(${PAD},${PAD + TITLE_H})">${c.chart}</g>`,
    legend,
    `<text x="${width - PAD}" y="${height - 4}" font-size="9" text-anchor="end" fill="${escapeXml(c.muted)}">archsim</text>`,
    '</svg>',
  ].join('');
  return { svg, width, height };
}

/** The presentation properties copied from the computed style onto each exported element. */
export const INLINED_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
] as const;

/** A style attribute from computed values, leaving out the defaults that add nothing. */
export function styleAttribute(get: (property: string) => string): string {
  const skip: Record<string, string> = { opacity: '1', 'fill-opacity': '1', 'stroke-opacity': '1', visibility: 'visible', 'stroke-dasharray': 'none', display: 'inline' };
  return INLINED_PROPERTIES.map((p) => [p, get(p).trim()] as const)
    .filter(([p, v]) => v !== '' && skip[p] !== v)
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
}

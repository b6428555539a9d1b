import { describe, expect, it } from 'vitest';
import { composeChartSvg, legendRows, styleAttribute } from '../../renderer/results/charts/svg-export.ts';

describe('chart export as SVG', () => {
  const base = { title: 'Latency <CDF> & more', chart: '<svg width="400" height="200"></svg>', width: 400, height: 200, background: '#fff', text: '#111', muted: '#666', font: 'system-ui' };

  it('puts the title above the chart and the legend below, on the theme background', () => {
    const { svg, width, height } = composeChartSvg({ ...base, legend: [{ label: 'browse', swatch: { kind: 'line', stroke: 'rgb(230, 159, 0)', dash: '6 3' } }, { label: 'incident', swatch: { kind: 'band', fill: 'rgba(213, 94, 0, 0.12)' } }] });
    expect(width).toBe(424);
    expect(height).toBe(12 + 30 + 200 + 24 + 12);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Latency &lt;CDF&gt; &amp; more</title>');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#fff"/>');
    expect(svg).toContain('<g transform="translate(12,42)"><svg width="400" height="200"></svg></g>');
    expect(svg).toContain('stroke="rgb(230, 159, 0)" stroke-width="2.5" stroke-dasharray="6 3"');
    expect(svg).toContain('fill="rgba(213, 94, 0, 0.12)"');
    expect(svg).toContain('>browse</text>');
  });

  it('wraps a long legend into rows', () => {
    const labels = Array.from({ length: 12 }, (_, i) => `endpoint-${i}`);
    const rows = legendRows(labels, 400);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.flat().map((e) => e.index)).toEqual(labels.map((_, i) => i));
    expect(rows.every((r) => r[0].x === 0)).toBe(true);
  });

  it('inlines computed styles, leaving out the defaults', () => {
    const computed: Record<string, string> = { fill: 'none', stroke: 'rgb(0, 114, 178)', 'stroke-width': '2px', opacity: '1', 'stroke-dasharray': 'none', 'font-size': '' };
    expect(styleAttribute((p) => computed[p] ?? '')).toBe('fill:none;stroke:rgb(0, 114, 178);stroke-width:2px');
  });
});

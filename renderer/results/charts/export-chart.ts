import { platform } from '../../platform/current-platform.ts';
import { composeChartSvg, styleAttribute, type ChartExport, type LegendSwatch } from './svg-export.ts';

/**
 * Exports the chart of a chart frame (<figure>) as SVG or PNG: its <svg> cloned with every
 * element's computed colours and type inlined (the CSS variables of the theme do not travel),
 * under the title, with the legend (svg-export.ts). PNG: that SVG drawn on an offscreen canvas at
 * twice the size.
 */

function inlined(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    to[i].setAttribute('style', styleAttribute((p) => style.getPropertyValue(p)));
    to[i].removeAttribute('class');
  });
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('role');
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function legendOf(figure: Element): ChartExport['legend'] {
  return Array.from(figure.querySelectorAll('.chart-legend li')).map((li) => {
    const line = li.querySelector('line');
    const band = li.querySelector('.legend-band');
    let swatch: LegendSwatch;
    if (line) {
      const s = getComputedStyle(line);
      const dash = s.getPropertyValue('stroke-dasharray');
      swatch = { kind: 'line', stroke: s.getPropertyValue('stroke'), ...(dash && dash !== 'none' ? { dash } : {}) };
    } else {
      swatch = { kind: 'band', fill: band ? getComputedStyle(band).backgroundColor : 'transparent' };
    }
    return { label: (li.textContent ?? '').trim(), swatch };
  });
}

/** The standalone SVG of the frame's chart, or undefined if it shows no chart (the table view). */
export function chartSvg(figure: Element, title: string): { svg: string; width: number; height: number } | undefined {
  const svg = Array.from(figure.querySelectorAll('svg')).find((s) => !s.closest('.chart-legend'));
  if (!svg) return undefined;
  const chart = inlined(svg);
  const page = getComputedStyle(figure);
  const css = (v: string, fallback: string) => page.getPropertyValue(v).trim() || fallback;
  return composeChartSvg({
    title,
    chart: chart.markup,
    width: chart.width,
    height: chart.height,
    legend: legendOf(figure),
    background: css('--panel', '#ffffff'),
    text: css('--text', '#1b1f24'),
    muted: css('--muted', '#5f6b7a'),
    font: page.fontFamily || 'system-ui, sans-serif',
  });
}

/** Draws an SVG on an offscreen canvas at `scale` and returns it as PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportChart(figure: Element, title: string, fileName: string, format: 'svg' | 'png'): Promise<void> {
  const out = chartSvg(figure, title);
  if (!out) return;
  const base = fileName.replace(/\.(svg|png|csv)$/i, '');
  if (format === 'svg') await platform().exportFile(`<?xml version="1.0" encoding="UTF-8"?>\n${out.svg}`, `${base}.svg`, 'image/svg+xml');
  else await platform().exportFile(await svgToPng(out.svg, out.width, out.height), `${base}.png`, 'image/png');
}

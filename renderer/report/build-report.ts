import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import type { ScenarioDocument, RunState } from '../state/store-types.ts';
import resultsCss from '../results/results.css?raw';
import { REPORT_CSS } from './report-css.ts';
import { ReportDocument } from './ReportDocument.tsx';

export { tableToCsv } from '../results/table-model.ts';

export interface ReportOptions {
  /** When the report was made (default: now). */
  date?: Date;
  /** Display names of the compared scenarios, in order (default: each RunResult's scenario name). */
  names?: readonly string[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * The exported report: one self-contained HTML file (inline CSS, inline SVG charts, no script,
 * no external request) with the title and date, the scenario text as the assumptions, the
 * results with their CIs, the charts with their data tables, availability, cost and, when given,
 * the comparison. Light or dark follows the reader's system; it prints cleanly (PDF).
 */
export function buildReportHtml(doc: ScenarioDocument, run: RunState | undefined, comparison?: ComparisonResult, options: ReportOptions = {}): string {
  const date = options.date ?? new Date();
  const body = renderToStaticMarkup(createElement(ReportDocument, { doc, run, comparison, names: options.names, date }));
  const title = `${doc.scenario?.name ?? doc.name} — archsim report`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="archsim">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}\n${resultsCss}</style>`,
    '</head>',
    `<body class="report">${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * The report's own styles: the theme variables the app's stylesheet would give (Okabe–Ito
 * --c1…--c8, text, muted, border, panel), light by default, dark when the reader's system is,
 * and print rules. The results styles (results.css) follow them in the same <style>.
 */
export const REPORT_CSS = `
:root {
  --c1: #E69F00; --c2: #56B4E9; --c3: #009E73; --c4: #F0E442;
  --c5: #0072B2; --c6: #D55E00; --c7: #CC79A7; --c8: #555555;
  --text: #1d2330; --muted: #5b6475; --border: #dde1e8; --panel: #ffffff; --bg: #f6f7f9;
  --band: rgba(213, 94, 0, 0.12); --ok: #1a7f4b; --danger: #c0392b; --warning: #9a6200;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --c5: #3d9be0; --c8: #bbbbbb;
    --text: #e6e9ef; --muted: #a3abba; --border: #353b48; --panel: #1c2029; --bg: #12151b;
    --band: rgba(230, 159, 0, 0.16); --ok: #5cc98f; --danger: #f0776a; --warning: #e0b050;
  }
}
* { box-sizing: border-box; }
body.report {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.report main { max-width: 1100px; margin: 0 auto; padding: 32px 28px 64px; }
.report h1 { margin: 0 0 4px; font-size: 1.8rem; }
.report h2 { margin: 40px 0 8px; font-size: 1.35rem; border-bottom: 1px solid var(--border); padding-bottom: 6px; }
.report pre.assumptions {
  background: var(--panel); border: 1px solid var(--border); border-radius: 8px;
  padding: 14px 16px; overflow-x: auto; font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  white-space: pre;
}
.report .chart-action { display: none; }
.report .topology { margin: 0; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px; }
.report .topology-svg { display: block; max-width: 100%; height: auto; margin: 0 auto; font-family: inherit; }
.report .topology figcaption { margin-top: 6px; font-size: 12.5px; }
.report .topo-edge { fill: none; stroke: var(--muted); stroke-width: 1.6; }
.report .topo-edge-async { stroke-dasharray: 6 4; }
.report .topo-arrowhead { fill: var(--muted); }
.report .topo-arrowhead-entry { fill: var(--c5); }
.report .topo-entry path { stroke: var(--c5); stroke-width: 2; fill: none; }
.report .topo-entry text { fill: var(--c5); font-size: 11px; font-weight: 600; }
.report .topo-box { fill: var(--bg); stroke: var(--border); stroke-width: 1.2; }
.report .topo-icon { color: var(--c5); }
.report .topo-name { fill: var(--text); font-size: 13px; font-weight: 600; }
.report .topo-sub { fill: var(--muted); font-size: 11.5px; white-space: pre; }
@media print {
  body.report { background: #fff; }
  .report main { padding: 0; max-width: none; }
  .report .chart-frame, .report .results-table-wrap, .report .figure, .report .topology { break-inside: avoid; }
  .report details > summary { display: none; }
  .report details { display: block; }
}
`;

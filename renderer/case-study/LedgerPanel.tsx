import { useMemo, useState } from 'react';
import { assumptionLedger } from '../../sim-core/case-study/assumption-ledger.ts';
import type { CaseStudyEntry } from '../library/case-study-library.ts';
import { CsvButton } from '../results/DataTable.tsx';
import { openText } from '../shell/actions.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { ledgerCounts, ledgerTable } from './replay-tables.ts';

type Filter = 'all' | 'source' | 'assumption';

/**
 * The assumption ledger of each of the study's scenarios (sim-core/case-study/assumption-ledger.ts):
 * one tab per scenario, every `# source: "…"` and `# assumption: …` comment with the YAML path
 * and value it annotates. Read from the bundled text on demand (one scenario at a time).
 */
export function LedgerPanel({ study }: { study: CaseStudyEntry }) {
  const scenarios = study.scenarios.filter((s) => s.text !== undefined);
  const [selected, setSelected] = useState(scenarios[0]?.file);
  const [filter, setFilter] = useState<Filter>('all');
  const current = scenarios.find((s) => s.file === selected) ?? scenarios[0];
  const entries = useMemo(() => (current?.text === undefined ? [] : assumptionLedger(current.text)), [current?.text]);
  if (!current) return null;
  const shown = filter === 'all' ? entries : entries.filter((e) => e.kind === filter);
  const table = ledgerTable(current.name, current.file, entries);
  return (
    <section className="results-section" aria-labelledby="cs-ledger" data-testid={TEST_IDS.assumptionLedger}>
      <div className="section-head">
        <h3 id="cs-ledger">Assumption ledger</h3>
        <CsvButton table={table} fileName={`${study.slug}-${current.name}-ledger`} />
      </div>
      <p className="muted">Where each topology choice and parameter comes from: a quote of the source text, or an assumption with its reason.</p>
      <div className="cs-ledger-bar">
        <div className="cs-tabs" role="tablist" aria-label="Scenario">
          {scenarios.map((s) => (
            <button key={s.file} type="button" role="tab" aria-selected={s.file === current.file} className={s.file === current.file ? 'active' : undefined} onClick={() => setSelected(s.file)}>
              {s.name}
            </button>
          ))}
        </div>
        <label className="cs-filter">
          <span>Show</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="all">sources and assumptions</option>
            <option value="source">sources only</option>
            <option value="assumption">assumptions only</option>
          </select>
        </label>
        <span className="muted">{ledgerCounts(entries)}</span>
        <button type="button" className="chart-action" onClick={() => openText(current.docName, current.text!)} title={`Open ${current.file} in the editor`}>
          Open {current.file}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No {filter === 'all' ? '' : `${filter} `}comments in {current.file}.</p>
      ) : (
        <div className="results-table-wrap cs-ledger-wrap">
          <table className="results-table cs-ledger">
            <thead>
              <tr>
                <th scope="col">kind</th>
                <th scope="col">path</th>
                <th scope="col">value</th>
                <th scope="col">source or assumption</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={`${e.line}-${e.kind}`}>
                  <td>
                    <span className={`cs-kind cs-kind-${e.kind}`}>{e.kind}</span>
                  </td>
                  <td className="cs-path" title={`line ${e.line}`}>
                    {e.path || '(file)'}
                  </td>
                  <td className="cs-value">{e.value}</td>
                  <td className="cs-text">{e.kind === 'source' ? <q>{stripQuotes(e.text)}</q> : e.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** `"one server"` → `one server` (the <q> adds the marks). */
function stripQuotes(text: string): string {
  const m = /^"(.*)"$/.exec(text.trim());
  return m ? m[1] : text;
}

import type { LedgerEntry } from '../case-study/assumption-ledger.ts';
import type { ReplayReport } from '../case-study/replay.ts';
import { formatSpan } from './format-units.ts';
import { renderTable } from './text-table.ts';

/**
 * The replay as text: the verdict table (reported vs simulated ± 95% half-width), footnotes for
 * what is not modelled or not reproduced, the plausibility checks with their working, and the
 * counts. Pure.
 */
export function formatReplayReport(r: ReplayReport, ledgers?: ReadonlyArray<{ scenario: string; file: string; entries: LedgerEntry[] }>): string {
  const out: string[] = [`Replay: ${r.title}`, `Source: ../shared/case-studies/${r.source}`];
  if (r.scenarios.length > 0) {
    out.push(`Ran: ${r.scenarios.map((s) => `${s.name} (${s.file}, ${s.replications} × ${formatSpan(s.simulatedSeconds * 1000)}, ${s.wallSeconds.toFixed(1)} s)`).join(', ')}`);
  }
  out.push('');
  const notes: string[] = [];
  const rows = r.figures.map((f) => {
    let verdict: string = f.verdict;
    if (f.verdict !== 'reproduced' && f.why !== undefined) {
      notes.push(f.why);
      verdict += ` [${notes.length}]`;
    }
    return [f.figure, f.scenario, f.reported, f.simulated === '' ? '—' : f.simulated, verdict];
  });
  out.push(
    renderTable(
      [
        { header: 'figure', align: 'left' },
        { header: 'scenario', align: 'left' },
        { header: 'reported', align: 'right' },
        { header: 'simulated (±95%)', align: 'right' },
        { header: 'verdict', align: 'left' },
      ],
      rows,
    ),
  );
  if (notes.length > 0) out.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  if (r.checks.length > 0) {
    out.push('', 'Plausibility checks (no calibration; the text\'s own numbers):');
    r.checks.forEach((c, i) => {
      out.push(`${i + 1}. ${c.title}: ${c.verdict.toUpperCase()} — ${c.why}`);
      for (const w of c.working) out.push(`     ${w}`);
    });
  }
  const { counts } = r;
  out.push('', `${counts.reproduced} reproduced, ${counts['not reproduced']} not reproduced, ${counts['not modelled']} not modelled; ${r.checks.filter((c) => c.verdict === 'implausible' || c.verdict === 'inconsistent').length} of ${r.checks.length} checks flag a problem.`);
  out.push('Reproduced: within ±15% of the reported value (for uptime and availability, of the downtime) or the reported value inside the 95% interval.');
  for (const l of ledgers ?? []) {
    out.push('', `Assumption ledger of ${l.scenario} (${l.file}):`);
    for (const e of l.entries) out.push(`  ${e.kind === 'source' ? 'source    ' : 'assumption'}  ${e.path || '(file)'}${e.value === '' ? '' : ` = ${e.value}`}: ${e.text}`);
  }
  return `${out.join('\n')}\n`;
}

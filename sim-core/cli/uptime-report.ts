import type { RunResult } from '../run/result.ts';
import { formatPercent } from './format-units.ts';
import { renderTable, type TableRow } from './text-table.ts';

/** The uptime study's part of `archsim run`'s report (run/uptime-study.ts); '' without one. */
export function formatUptime(r: RunResult): string {
  const u = r.uptimeStudy;
  if (!u) return '';
  const pm = (x: { mean: number; halfWidth: number }, f: (v: number, digits: number) => string) =>
    `${f(x.mean, 6)}${Number.isFinite(x.halfWidth) && x.halfWidth > 0 ? ` ±${f(x.halfWidth, 2)}` : ''}`;
  const pct = (v: number, digits = 6) => `${Number((v * 100).toPrecision(digits))}%`;
  const min = (v: number, digits: number) => `${Number(v.toPrecision(digits === 6 ? 4 : 2))} min`;
  const years = (u.horizonSeconds * u.failureReplications) / (365 * 86400);
  const head = [
    `availability (two time scales: ${u.failureReplications} failure-only replications of ${(u.horizonSeconds / 86400).toFixed(0)} days, ${years.toFixed(0)} simulated years in ${u.failureWallSeconds.toFixed(2)} s; docs/uptime-method.md)`,
    `  request-based  ${pm(u.availability, pct)} of requests succeed within their SLO: ${pm(u.downtimeMinutesPerYear, min)} of downtime a year`,
    `  time-based     uptime ${pm(u.uptime, pct)} (a state is down when under ${formatPercent(u.threshold)} succeed): ${pm(u.uptimeDowntimeMinutesPerYear, min)} down a year`,
  ];
  if (u.deploys) {
    const d = u.deploys;
    const who = Object.entries(d.components).map(([name, c]) => `${name} ${pct(c.windowShare, 3)}`).join(', ');
    head.push(`  deploys        replicas out ${pct(d.windowShare.mean, 3)} of the time (${who}); of the downtime above: ${pm(d.downtimeMinutesPerYear, min)} (request-based), ${pm(d.uptimeDowntimeMinutesPerYear, min)} (time-based) a year`);
  }
  if (u.availabilityRange.high > u.availabilityRange.low) {
    head.push(`  rare states (${pct(u.availabilityRange.high - u.availabilityRange.low)} of the time) are not run and count as down: availability is at most ${pct(u.availabilityRange.high)}`);
  }
  const rows: TableRow[] = u.states.map((s) => [
    s.key,
    pct(s.share),
    s.successRatio === null ? '—' : formatPercent(s.successRatio),
    s.source,
    s.countsAsUp ? 'up' : 'down',
  ]);
  const table = renderTable(
    [{ header: 'state (replicas up)', align: 'left' }, { header: 'time', align: 'right' }, { header: 'within SLO', align: 'right' }, { header: 'from', align: 'left' }, { header: '', align: 'left' }],
    rows,
  );
  return `${head.join('\n')}\n\n${table}`;
}

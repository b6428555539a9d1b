import type { ComponentResult, RunResult } from '../run/result.ts';
import { formatDuration, formatNumber, formatPercent } from './format-units.ts';
import { renderTable, type Column, type TableRow } from './text-table.ts';

/**
 * The data-tier part of `archsim run`'s report: what databases, connection pools, caches and
 * queues did, beside the component table. Each table appears only when the scenario has such
 * components. Means over replications; the JSON has every half-width.
 */
export function formatDataTier(r: RunResult): string {
  return [databaseTable(r), poolTable(r), cacheTable(r), queueTable(r), callTable(r)].filter((s) => s !== '').join('\n\n');
}

const left = (header: string): Column => ({ header, align: 'left' });
const right = (header: string): Column => ({ header, align: 'right' });
const ms = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : formatDuration(x));

/** Databases: queries/s by type and the replicas' lag. */
function databaseTable(r: RunResult): string {
  const rows: TableRow[] = Object.entries(r.components)
    .filter(([, c]) => c.kind === 'database' && c.queries)
    .map(([name, c]) => {
      const lag = r.components[`${name}.replicas`]?.replicationLag;
      const types = Object.entries(c.queries!).map(([type, perSecond]) => `${type} ${formatNumber(perSecond)}`).join(', ');
      return [name, types, lag ? ms(lag.mean) : '—', lag ? ms(lag.p95) : '—'];
    });
  if (rows.length === 0) return '';
  return renderTable([left('database'), left('queries/s by type'), right('replica lag mean'), right('lag p95')], rows);
}

/** Connection pools (one row per database and calling service): connections in use, wait for one. */
function poolTable(r: RunResult): string {
  const rows: TableRow[] = Object.entries(r.components)
    .filter(([, c]) => c.kind === 'pool' && c.wait)
    .map(([name, c]) => [name, utilisation(c), ms(c.wait!.mean), ms(c.wait!.p95), ms(c.wait!.p99)]);
  if (rows.length === 0) return '';
  return renderTable([left('connection pool'), right('in use'), right('wait mean'), right('wait p95'), right('wait p99')], rows);
}

function cacheTable(r: RunResult): string {
  const rows: TableRow[] = Object.entries(r.components)
    .filter(([, c]) => c.kind === 'cache' && c.lookups !== undefined)
    .map(([name, c]) => [name, formatNumber(c.lookups!), ratio(c.hitRatio), formatNumber(c.hits!), formatNumber(c.lookups! - c.hits!)]);
  if (rows.length === 0) return '';
  return renderTable([left('cache'), right('lookups/s'), right('hit ratio'), right('hits/s (load removed)'), right('misses/s')], rows);
}

function queueTable(r: RunResult): string {
  const rows: TableRow[] = Object.entries(r.components)
    .filter(([, c]) => c.kind === 'queue' && c.published !== undefined)
    .map(([name, c]) => [
      name,
      formatNumber(c.published!),
      formatNumber(c.consumed!),
      formatNumber(c.failedMessages!),
      formatNumber(c.backlog!),
      ms(c.wait?.mean),
      ms(c.wait?.p95),
      ms(c.endToEnd?.mean),
      ms(c.endToEnd?.p95),
      ms(c.endToEnd?.p99),
    ]);
  if (rows.length === 0) return '';
  return renderTable(
    [left('queue'), right('published/s'), right('consumed/s'), right('failed/s'), right('backlog'), right('lag mean'), right('lag p95'), right('e2e mean'), right('e2e p95'), right('e2e p99')],
    rows,
  );
}

/** Calls with resilience options, per target: attempts (retry amplification), timeouts, breaker. */
function callTable(r: RunResult): string {
  const rows: TableRow[] = Object.entries(r.components)
    .filter(([, c]) => c.calls !== undefined)
    .map(([name, c]) => {
      const k = c.calls!;
      return [
        name,
        formatNumber(k.calls),
        formatNumber(k.attempts),
        Number.isFinite(k.retryAmplification) ? `${k.retryAmplification.toFixed(2)}×` : '—',
        formatNumber(k.timeouts),
        formatNumber(k.shortCircuited),
        formatNumber(k.failed),
        formatNumber(k.fallbacks),
        k.breakerOpen === undefined ? '—' : formatPercent(k.breakerOpen),
      ];
    });
  if (rows.length === 0) return '';
  return renderTable(
    [left('calls to'), right('calls/s'), right('attempts/s'), right('amplification'), right('timeouts/s'), right('refused/s'), right('failed/s'), right('fallbacks/s'), right('breaker open')],
    rows,
  );
}

function utilisation(c: ComponentResult): string {
  return c.utilisation === null ? '—' : formatPercent(c.utilisation);
}

function ratio(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '—' : formatPercent(x);
}

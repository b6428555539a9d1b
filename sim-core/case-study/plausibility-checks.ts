import { formatGrouped } from '../cli/format-units.ts';
import { parseDuration, type Parsed } from '../model/units.ts';
import type { RunResult } from '../run/result.ts';
import type { Check } from './case-study-schema.ts';
import { parseReportedValue } from './metric-path.ts';

/**
 * Plausibility checks of a case study (docs/decisions/0013): arithmetic on the text's own
 * numbers, with a scenario's simulated demand where the check names one. None needs
 * calibration. Each prints its working, a verdict and one sentence why — an implausible claim is
 * the finding, not a failure.
 */
export type CheckVerdict = 'consistent' | 'inconsistent' | 'plausible' | 'implausible';

export interface CheckRow {
  check: Check['check'];
  title: string;
  quote: string;
  /** The computation, one step per line. */
  working: string[];
  verdict: CheckVerdict;
  why: string;
}

/** Simulated results by scenario name, for the checks that use one. */
export type ResultsByScenario = Readonly<Record<string, RunResult | undefined>>;

const MINUTES_PER_YEAR = 365 * 24 * 60;

export function runCheck(check: Check, results: ResultsByScenario): CheckRow {
  const base = { check: check.check, title: check.title, quote: check.quote };
  switch (check.check) {
    case 'change':
      return { ...base, ...changeCheck(check) };
    case 'littles-law':
      return { ...base, ...littlesLawCheck(check) };
    case 'capacity-cost':
      return { ...base, ...capacityCostCheck(check, results[check.scenario]) };
    case 'downtime-budget':
      return { ...base, ...downtimeBudgetCheck(check, check.scenario === undefined ? undefined : results[check.scenario]) };
  }
}

type Verdicted = Pick<CheckRow, 'working' | 'verdict' | 'why'>;

function value(text: string | number, what: string): number {
  const parsed = parseReportedValue(text);
  if (!parsed) throw new Error(`${what}: cannot read '${text}'`);
  return parsed.value;
}

function ms(text: string, what: string): number {
  const d = parseSpan(text);
  if (!d.ok) throw new Error(`${what}: ${d.message}`);
  return d.value;
}

/** A duration as scenarios write them, or in years (`1y` = 365 days) for the period of an uptime claim. */
export function parseSpan(text: string): Parsed<number> {
  const years = /^\s*(\d+(\.\d*)?|\.\d+)\s*y\s*$/.exec(text);
  if (years) return { ok: true, value: Number(years[1]) * 365 * 86_400_000 };
  const d = parseDuration(text);
  return d.ok ? { ok: true, value: d.value } : d;
}

/** Does the text's percentage or factor follow from its own two figures? */
function changeCheck(c: Extract<Check, { check: 'change' }>): Verdicted {
  const from = value(c.from, 'from');
  const to = value(c.to, 'to');
  const claimed = String(c.claimed).trim();
  const factor = /^([\d.,]+)\s*x$/i.exec(claimed);
  if (factor) {
    const claimedFactor = Number(factor[1].replace(/,/g, ''));
    const actual = Math.max(to / from, from / to);
    const ok = Math.abs(actual - claimedFactor) <= 0.05 * claimedFactor;
    return {
      working: [`${c.from} → ${c.to}: a factor of ${fmt(actual)}`, `claimed: ${claimedFactor}x`],
      verdict: ok ? 'consistent' : 'inconsistent',
      why: ok ? 'the factor follows from the figures' : `the figures give ${fmt(actual)}x, not ${claimedFactor}x`,
    };
  }
  const claimedPct = value(claimed.replace(/^\+/, '').replace(/,/g, ''), 'claimed') * 100;
  const actualPct = ((to - from) / from) * 100;
  // A claim written without a sign ("89% improvement", "85% reduction") is read with the sign of the change.
  const signed = /^[+-]/.test(claimed) ? claimedPct : Math.sign(actualPct) * Math.abs(claimedPct);
  const ok = Math.abs(actualPct - signed) <= 2;
  return {
    working: [`${c.from} → ${c.to}: ${signedPct(actualPct)}`, `claimed: ${claimed}`],
    verdict: ok ? 'consistent' : 'inconsistent',
    why: ok ? 'the percentage follows from the figures (within 2 points)' : `the figures give ${signedPct(actualPct)}, not ${signedPct(signed)}`,
  };
}

/** X = N / (Z + R) against a reported throughput or daily volume. */
function littlesLawCheck(c: Extract<Check, { check: 'littles-law' }>): Verdicted {
  const z = ms(c.thinkTime, 'thinkTime') / 1000;
  const r = ms(c.latency, 'latency') / 1000;
  const x = c.users / (z + r);
  const working = [`X = N / (Z + R) = ${formatGrouped(c.users)} / (${fmt(z)} s + ${fmt(r)} s) = ${formatGrouped(x)}/s at that concurrency`];
  if (c.perDay !== undefined) {
    const peakHoursEquivalent = c.perDay / x / 3600;
    working.push(`${formatGrouped(c.perDay)} a day is ${fmt(peakHoursEquivalent)} hours of that rate`);
    const ok = peakHoursEquivalent <= 24;
    return {
      working,
      verdict: ok ? 'plausible' : 'implausible',
      why: ok
        ? `the daily volume needs the stated concurrency for only ${fmt(peakHoursEquivalent)} h a day (with ${fmt(z)} s think time, an assumption)`
        : `even sustained all day the stated concurrency gives only ${formatGrouped(x * 86400)} a day`,
    };
  }
  const reported = value(c.throughput ?? NaN, 'throughput');
  const ratio = x / reported;
  working.push(`reported: ${formatGrouped(reported)}/s (${fmt(ratio)}× the law's figure)`);
  const ok = ratio >= 1 / 1.5 && ratio <= 1.5;
  return {
    working,
    verdict: ok ? 'plausible' : 'implausible',
    why: ok ? 'the throughput and the concurrency agree under the think time assumed' : `the concurrency and the throughput need a think time far from ${fmt(z)} s (N/X − R = ${fmt(c.users / reported - r)} s)`,
  };
}

/**
 * The compute the claimed load needs, scaled linearly from the scenario's simulated run: every
 * billed component's instance cost × (claimed throughput / simulated throughput) × (its
 * utilisation / the target utilisation); usage-billed items × the throughput ratio.
 */
function capacityCostCheck(c: Extract<Check, { check: 'capacity-cost' }>, result: RunResult | undefined): Verdicted {
  const claimedCost = value(c.cost, 'cost');
  if (!result) return { working: [`scenario '${c.scenario}' did not run`], verdict: 'implausible', why: 'no simulated demand to scale' };
  const z = ms(c.thinkTime, 'thinkTime') / 1000;
  const r = ms(c.latency, 'latency') / 1000;
  const claimedX = c.users / (z + r);
  const simX = result.overall.throughput;
  const k = claimedX / simX;
  const target = c.utilisation ?? 0.7;
  let fixed = 0;
  let usage = 0;
  for (const line of result.cost.lines) {
    if (line.kind === 'usage') {
      usage += line.monthly * k;
      continue;
    }
    const u = utilisationOf(result, line.component);
    fixed += line.monthly * k * (u / target);
  }
  const needed = fixed + usage;
  const ok = needed <= claimedCost * (1 + 0.15);
  return {
    working: [
      `load: ${formatGrouped(c.users)} users / (${fmt(z)} s think + ${fmt(r)} s) = ${formatGrouped(claimedX)} requests/s, ${fmt(k)}× the ${formatGrouped(simX)}/s simulated`,
      `instances at ${Math.round(target * 100)}% utilisation: $${formatGrouped(fixed)}/month; per-request items: $${formatGrouped(usage)}/month`,
      `needed: $${formatGrouped(needed)}/month against $${formatGrouped(claimedCost)} claimed`,
    ],
    verdict: ok ? 'plausible' : 'implausible',
    why: ok
      ? 'the claimed budget covers the compute the scenario needs at that load'
      : `the topology as modelled needs ${fmt(needed / claimedCost)}× the claimed budget at that load (its per-request demand is an assumption)`,
  };
}

/** The busiest station of a component (a database's primary and replicas are two stations). */
function utilisationOf(result: RunResult, component: string): number {
  let best = 0;
  for (const [name, c] of Object.entries(result.components)) {
    if (name !== component && !name.startsWith(`${component}.`)) continue;
    if (c.utilisation !== null && Number.isFinite(c.utilisation)) best = Math.max(best, c.utilisation);
  }
  return best;
}

/** The minutes down an uptime claim allows over its period, against the outages and MTTR the text gives. */
function downtimeBudgetCheck(c: Extract<Check, { check: 'downtime-budget' }>, result: RunResult | undefined): Verdicted {
  const uptime = value(c.uptime, 'uptime');
  const periodMin = c.period === undefined ? MINUTES_PER_YEAR : ms(c.period, 'period') / 60000;
  const budget = (1 - uptime) * periodMin;
  const working = [`${fmtPct(uptime)} over ${periodLabel(periodMin)} allows ${fmt(budget)} min down`];
  const problems: string[] = [];
  if (c.mttr !== undefined) {
    const mttr = ms(c.mttr, 'mttr') / 60000;
    working.push(`at an MTTR of ${fmt(mttr)} min: ${budget > 0 ? `at most ${fmt(budget / mttr)} incidents` : 'not one incident'} in that period`);
  }
  if (c.outage !== undefined) {
    const outage = ms(c.outage, 'outage') / 60000;
    working.push(budget > 0 ? `one ${c.outage} outage is ${fmt(outage)} min, ${fmt(outage / budget)}× the budget` : `one ${c.outage} outage is ${fmt(outage)} min; the claim allows none`);
    if (outage > budget) problems.push(`a single ${c.outage} outage exceeds the whole downtime budget`);
  }
  if (c.scenario !== undefined) {
    const study = result?.uptimeStudy;
    if (!study) {
      working.push(`scenario '${c.scenario}' models no failures: no simulated downtime to compare`);
    } else {
      const perYear = study.uptimeDowntimeMinutesPerYear;
      const inPeriod = (perYear.mean * periodMin) / MINUTES_PER_YEAR;
      const low = ((perYear.mean - perYear.halfWidth) * periodMin) / MINUTES_PER_YEAR;
      working.push(`the scenario's failures and deploys: ${fmt(inPeriod)} ± ${fmt((perYear.halfWidth * periodMin) / MINUTES_PER_YEAR)} min down in that period (uptime ${fmtPct(study.uptime.mean)})`);
      if (low > budget) {
        problems.push(budget > 0 ? `the scenario's own failure and deploy assumptions give ${fmt(inPeriod / budget)}× the downtime the claim allows` : `the scenario's own failure and deploy assumptions give downtime where the claim allows none`);
      }
    }
  }
  return problems.length > 0
    ? { working, verdict: 'implausible', why: problems.join('; ') }
    : { working, verdict: 'plausible', why: 'nothing stated contradicts the claim' };
}

function periodLabel(minutes: number): string {
  if (Math.abs(minutes - MINUTES_PER_YEAR) < 1) return 'a year';
  const days = minutes / 1440;
  return days >= 1 ? `${fmt(days)} days` : `${fmt(minutes)} min`;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 100) return formatGrouped(x);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

function signedPct(p: number): string {
  return `${p >= 0 ? '+' : '−'}${Math.abs(p).toFixed(1)}%`;
}

/** A ratio near 1 with enough decimals to tell 99.99% from 99.995%. */
export function fmtPct(ratio: number): string {
  const pct = ratio * 100;
  const decimals = pct >= 99.9 ? 3 : pct >= 99 ? 2 : 1;
  return `${pct.toFixed(decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;
}

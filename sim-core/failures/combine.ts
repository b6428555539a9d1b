import { estimate, studentTQuantile, type Estimate } from '../run/stats.ts';
import { MINUTES_PER_YEAR } from './year.ts';

/**
 * Time scale 2 meets time scale 1 (docs/uptime-method.md): the time share πₛ of every degraded
 * state, from the long-horizon replications, is combined with the success ratio pₛ within SLO
 * that request-level runs measured in that state.
 *
 * Request-based availability A = Σ πₛ·pₛ. The two estimates come from independent runs, so
 *   Var(Â) ≈ Var(Σ π̂ₛ·pₛ) + Σ πₛ²·Var(p̂ₛ)
 * The first term is the sample variance over long-horizon replications of aᵢ = Σ πₛ,ᵢ·p̂ₛ
 * divided by their number — it carries the covariances of the shares (they sum to one). The
 * second uses σₛ = half-widthₛ / t_{0.975, nₛ−1}. Plugging in estimates counts the small
 * second-order term Σ Var(π̂ₛ)·Var(p̂ₛ) about twice instead of once: slightly conservative.
 * The half-width is t·√V with the Welch–Satterthwaite degrees of freedom of the sum.
 *
 * Time-based uptime: a state counts as down when p̂ₛ < X (default 0.99), and uptime is the share
 * of time in up states; its CI is that of the summed shares. States whose success CI contains X
 * are "borderline": `uptimeRange` counts them all down, then all up.
 *
 * States without a request-level result ("unrun": lumped rare states, and any share missing
 * from the list) count as down — pₛ = 0 and not up — and `availabilityRange` / `uptimeRange`
 * say how far the truth can lie above that.
 */
export interface StateTimeShares {
  key: string;
  /** The share of time in this state in each long-horizon replication (same order for all states). */
  perReplication: readonly number[];
}

export interface StateSuccess {
  state: string;
  /** Share of requests that succeeded within the SLO in this state. */
  successRatio: number;
  /** 95% half-width of successRatio (0 when it is exact). */
  halfWidth: number;
  /** Replications behind it, to turn the half-width into a standard error; default: treated as normal. */
  replications?: number;
}

export interface CombineOptions {
  /** A state (a minute) counts as down when fewer than this share of requests succeed within SLO; default 0.99. */
  uptimeThreshold?: number;
}

export interface CombinedState {
  key: string;
  /** Mean time share. */
  share: number;
  /** Null when the state was not run at request level. */
  successRatio: number | null;
  countsAsUp: boolean;
  /** The success ratio's CI contains the threshold. */
  borderline: boolean;
  /** share × success ratio (0 for unrun states). */
  contribution: number;
}

export interface CombinedAvailability {
  /** Request-based availability, unrun states counted as failing every request. `df`: Welch–Satterthwaite. */
  availability: Estimate & { df: number };
  /** Where the truth can lie given unrun states: as failing (low) or as serving every request (high). */
  availabilityRange: { low: number; high: number };
  /** (1 − availability) in minutes per year. */
  downtimeMinutesPerYear: Estimate;
  /** Time-based uptime: share of time in states with success ratio ≥ threshold (unrun: down). */
  uptime: Estimate;
  /** Borderline and unrun states all down (low) or all up (high). */
  uptimeRange: { low: number; high: number };
  uptimeDowntimeMinutesPerYear: Estimate;
  uptimeThreshold: number;
  unrun: { states: string[]; share: Estimate };
  borderline: string[];
  states: CombinedState[];
}

/** Key of the implicit state holding the time the listed shares do not cover. */
export const UNLISTED_STATES_KEY = '(unlisted)';

const Z975 = 1.959963984540054;

export function combineAvailability(
  shares: readonly StateTimeShares[],
  successes: readonly StateSuccess[],
  options: CombineOptions = {},
): CombinedAvailability {
  const threshold = options.uptimeThreshold ?? 0.99;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`combine: uptimeThreshold must be in [0, 1], got ${threshold}`);
  if (shares.length === 0) throw new RangeError('combine: no state shares');
  const n = shares[0].perReplication.length;
  const keys = new Set<string>();
  for (const s of shares) {
    if (s.perReplication.length !== n) throw new RangeError(`combine: state '${s.key}' has ${s.perReplication.length} replications, the first state ${n}`);
    if (keys.has(s.key)) throw new RangeError(`combine: state '${s.key}' is listed twice`);
    keys.add(s.key);
  }
  const byState = new Map<string, StateSuccess>();
  for (const r of successes) {
    if (!keys.has(r.state)) throw new RangeError(`combine: a success ratio is given for '${r.state}', which has no time share`);
    if (byState.has(r.state)) throw new RangeError(`combine: two success ratios for '${r.state}'`);
    if (!(r.successRatio >= 0 && r.successRatio <= 1)) throw new RangeError(`combine: '${r.state}': successRatio must be in [0, 1], got ${r.successRatio}`);
    if (!(r.halfWidth >= 0)) throw new RangeError(`combine: '${r.state}': halfWidth must be a number ≥ 0, got ${r.halfWidth}`);
    if (r.replications !== undefined && !(Number.isInteger(r.replications) && r.replications >= 2)) {
      throw new RangeError(`combine: '${r.state}': replications must be an integer ≥ 2, got ${r.replications}`);
    }
    byState.set(r.state, r);
  }

  // Time the list does not cover (e.g. rare states dropped rather than lumped) is an unrun state.
  const rows: StateTimeShares[] = [...shares];
  const unlisted = Array.from({ length: n }, (_, i) => Math.max(0, 1 - shares.reduce((s, st) => s + st.perReplication[i], 0)));
  if (unlisted.some((v) => v > 1e-9)) rows.push({ key: UNLISTED_STATES_KEY, perReplication: unlisted });

  const states: CombinedState[] = rows.map((row) => {
    const share = mean(row.perReplication);
    const r = byState.get(row.key);
    if (!r) return { key: row.key, share, successRatio: null, countsAsUp: false, borderline: false, contribution: 0 };
    return {
      key: row.key,
      share,
      successRatio: r.successRatio,
      countsAsUp: r.successRatio >= threshold,
      borderline: Math.abs(r.successRatio - threshold) <= r.halfWidth,
      contribution: share * r.successRatio,
    };
  });

  // Request-based availability, per long-horizon replication (success ratios fixed at their estimates).
  const perReplication = Array.from({ length: n }, (_, i) => rows.reduce((s, row, j) => s + row.perReplication[i] * (states[j].successRatio ?? 0), 0));
  const fromShares = estimate(perReplication);
  const vShares = n >= 2 ? sampleVariance(perReplication) / n : NaN;
  let vSuccess = 0, dfDenominator = n >= 2 ? vShares ** 2 / (n - 1) : 0;
  states.forEach((st) => {
    const r = byState.get(st.key);
    if (!r) return;
    const sigma = r.halfWidth / (r.replications ? studentTQuantile(0.975, r.replications - 1) : Z975);
    const v = st.share ** 2 * sigma ** 2;
    vSuccess += v;
    if (r.replications) dfDenominator += v ** 2 / (r.replications - 1);
  });
  const variance = vShares + vSuccess;
  const df = dfDenominator > 0 ? variance ** 2 / dfDenominator : Infinity;
  const halfWidth = variance > 0 ? tQuantile975(df) * Math.sqrt(variance) : variance === 0 ? 0 : NaN;
  const availability = { mean: fromShares.mean, halfWidth, n, df };

  const unrunRows = rows.filter((_, j) => states[j].successRatio === null);
  const unrunShare = estimate(sumRows(unrunRows, n));
  const upRows = rows.filter((_, j) => states[j].countsAsUp);
  const uptime = estimate(sumRows(upRows, n));
  const borderline = states.filter((s) => s.borderline);
  const borderlineUp = borderline.filter((s) => s.countsAsUp).reduce((s, st) => s + st.share, 0);
  const borderlineDown = borderline.filter((s) => !s.countsAsUp).reduce((s, st) => s + st.share, 0);

  return {
    availability,
    availabilityRange: { low: availability.mean, high: availability.mean + unrunShare.mean },
    downtimeMinutesPerYear: { mean: (1 - availability.mean) * MINUTES_PER_YEAR, halfWidth: halfWidth * MINUTES_PER_YEAR, n },
    uptime,
    uptimeRange: { low: uptime.mean - borderlineUp, high: uptime.mean + borderlineDown + unrunShare.mean },
    uptimeDowntimeMinutesPerYear: { mean: (1 - uptime.mean) * MINUTES_PER_YEAR, halfWidth: uptime.halfWidth * MINUTES_PER_YEAR, n },
    uptimeThreshold: threshold,
    unrun: { states: unrunRows.map((r) => r.key), share: unrunShare },
    borderline: borderline.map((s) => s.key),
    states,
  };
}

function tQuantile975(df: number): number {
  // Beyond ~10⁶ degrees of freedom t is the normal quantile to 7 digits (and the incomplete beta loses accuracy).
  return df > 1e6 ? Z975 : studentTQuantile(0.975, df);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function sampleVariance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

function sumRows(rows: readonly StateTimeShares[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => rows.reduce((s, r) => s + r.perReplication[i], 0));
}

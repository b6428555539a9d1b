import { estimate, type Estimate } from '../run/stats.ts';
import type { StateShare } from './long-horizon.ts';

/**
 * Which degraded states deserve a request-level run. States are taken by decreasing time share
 * while either rule asks for more — until they cover `coverage` of the time, and any state with
 * a share above `minShare` — and at most `maxStates` of them. The rest are lumped into one
 * entry whose share (with its CI, from the per-replication sums) is reported as it is: combine.ts
 * counts it as down, so it bounds what the lumping can cost.
 */
export interface RareStateRule {
  /** Keep states until they cover this share of time; default 0.99999 (≈ 5 minutes a year left). */
  coverage?: number;
  /** Also keep every state with a larger share; default: no such rule. */
  minShare?: number;
  /** Never keep more than this many states; default: no cap. */
  maxStates?: number;
}

export interface LumpedStates {
  /** `(other)`: no state key has this form (keys are `name=count,…`). */
  key: string;
  /** Keys of the lumped states. */
  states: string[];
  share: Estimate;
  perReplication: number[];
}

export interface GroupedStates {
  kept: StateShare[];
  /** Null when nothing was lumped. */
  other: LumpedStates | null;
}

export const LUMPED_STATES_KEY = '(other)';

export function groupRareStates(states: readonly StateShare[], rule: RareStateRule = {}): GroupedStates {
  const coverage = rule.coverage ?? 0.99999;
  const minShare = rule.minShare ?? Infinity;
  const maxStates = rule.maxStates ?? Infinity;
  if (!(coverage >= 0 && coverage <= 1)) throw new RangeError(`groupRareStates: coverage must be in [0, 1], got ${coverage}`);
  if (!(maxStates >= 0)) throw new RangeError(`groupRareStates: maxStates must be ≥ 0, got ${maxStates}`);
  const sorted = [...states].sort((a, b) => b.share.mean - a.share.mean || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const kept: StateShare[] = [];
  let covered = 0;
  for (const state of sorted) {
    if (kept.length >= maxStates || !(covered < coverage || state.share.mean > minShare)) break;
    kept.push(state);
    covered += state.share.mean;
  }
  const rest = sorted.slice(kept.length);
  if (rest.length === 0) return { kept, other: null };
  const perReplication = rest[0].perReplication.map((_, i) => rest.reduce((s, st) => s + st.perReplication[i], 0));
  return {
    kept,
    other: { key: LUMPED_STATES_KEY, states: rest.map((s) => s.key), share: estimate(perReplication), perReplication },
  };
}

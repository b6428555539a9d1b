/**
 * Usage-priced items by component kind: which per-second counter a kind reports in
 * `ComponentResult.usage`, and which price-list item bills it. A kind that reports usage adds
 * its entry here. No kind reports usage yet (gateway and queue arrive with their components),
 * so today's bills have fixed lines only; compute-cost.ts does the arithmetic for any entry.
 *
 * Counters are per second of simulated time, in the unit the price is per: requests/s for
 * `/million`, bytes/s for `/GB`, a mean level (vCPUs, GB held) for `/vCPU-h` and `/GB-h`.
 */
export interface UsageItem {
  counter: string;
  item: string;
}

const USAGE_ITEMS: Readonly<Record<string, readonly UsageItem[]>> = {};

export function usageItemsOf(kind: string): readonly UsageItem[] {
  return Object.hasOwn(USAGE_ITEMS, kind) ? USAGE_ITEMS[kind] : [];
}

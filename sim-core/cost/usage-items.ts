/**
 * Usage-priced items by component kind: which per-second counter a kind reports in
 * `ComponentResult.usage`, and which price-list item bills it. A kind that reports usage adds
 * its entry here (and fills the counter in run/summarise.ts); compute-cost.ts does the
 * arithmetic for any entry: rate × SECONDS_PER_MONTH ÷ 10⁶ × the price per million.
 *
 * Counters are per second of simulated time, in the unit the price is per: requests/s for
 * `/million`, bytes/s for `/GB`, a mean level (vCPUs, GB held) for `/vCPU-h` and `/GB-h`.
 *
 * gateway: `requests`, the requests it admitted per second — every request that reached it
 * minus those its rate limit rejected, because API Gateway does not bill requests throttled
 * with a 429 (nor failed authorisations); requests that pass and then fail behind it are billed.
 * Priced as an HTTP API ($1.00/million in the bundled list). A REST API ($3.50/million) needs a
 * per-component choice (`api: rest | http`), which needs the plan to pass the component, not
 * only its kind, to usageItemsOf; until then a REST gateway can be billed with an inline
 * override, `prices: { apigateway.http.requests: $3.50/million }`.
 */
export interface UsageItem {
  counter: string;
  item: string;
}

/** The counter a gateway reports its admitted requests per second under. */
export const GATEWAY_REQUESTS = 'requests';

const USAGE_ITEMS: Readonly<Record<string, readonly UsageItem[]>> = {
  gateway: [{ counter: GATEWAY_REQUESTS, item: 'apigateway.http.requests' }],
};

export function usageItemsOf(kind: string): readonly UsageItem[] {
  return Object.hasOwn(USAGE_ITEMS, kind) ? USAGE_ITEMS[kind] : [];
}

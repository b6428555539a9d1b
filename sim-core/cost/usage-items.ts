/**
 * Usage-priced items of a component: which per-second counter it reports in
 * `ComponentResult.usage`, and which price-list item bills it. Chosen from the component itself
 * (its kind and fields, e.g. a gateway's `api`, a queue's `broker`), so one kind can be billed
 * under different items. A kind that reports usage adds its case here (and fills the counter in
 * run/summarise.ts); compute-cost.ts does the arithmetic for any item: rate × SECONDS_PER_MONTH
 * ÷ 10⁶ × the price per million.
 *
 * Counters are per second of simulated time, in the unit the price is per: requests/s for
 * `/million`, bytes/s for `/GB`, a mean level (vCPUs, GB held) for `/vCPU-h` and `/GB-h`.
 *
 * gateway: `requests`, the requests it admitted per second — every request that reached it
 * minus those its rate limit rejected, because API Gateway does not bill requests throttled
 * with a 429 (nor failed authorisations); requests that pass and then fail behind it are billed.
 * `api: http` (the default) bills `apigateway.http.requests` ($1.00/million in the bundled
 * list), `api: rest` bills `apigateway.rest.requests` ($3.50/million).
 *
 * queue: `broker: sqs` (the default) bills `sqs.requests` ($0.40/million) on `requests`, the SQS
 * API requests per second — three per message (send, receive, delete). `broker: kafka` has no
 * usage item: MSK bills its brokers per hour, a fixed price (`instance: kafka.m5.large`).
 */
export interface UsageItem {
  counter: string;
  item: string;
}

/** The counter a gateway reports its admitted requests per second under. */
export const GATEWAY_REQUESTS = 'requests';

/** The counter an SQS queue reports its API requests per second under (3 per message). */
export const QUEUE_REQUESTS = 'requests';

/** The counter an endpoint's entry component reports the bytes sent back to users per second under. */
export const EGRESS_BYTES = 'bytesOut';

/**
 * Data out to users: what a component serving endpoints with a `responseSize` bills its bytes as —
 * CloudFront's price for a cdn (origin fetches from AWS origins are free), internet egress for
 * anything else (API Gateway and EC2 alike).
 */
export function egressItemOf(component: BilledComponent): UsageItem {
  return { counter: EGRESS_BYTES, item: component.kind === 'cdn' ? 'cloudfront.egress' : 'internet.egress' };
}

/** What the usage items read of a component: its kind and its raw fields. */
export interface BilledComponent {
  readonly kind: string;
  readonly [field: string]: unknown;
}

export function usageItemsOf(component: BilledComponent): readonly UsageItem[] {
  switch (component.kind) {
    case 'gateway':
      return [{ counter: GATEWAY_REQUESTS, item: component.api === 'rest' ? 'apigateway.rest.requests' : 'apigateway.http.requests' }];
    case 'queue':
      return component.broker === 'kafka' ? [] : [{ counter: QUEUE_REQUESTS, item: 'sqs.requests' }];
    default:
      return [];
  }
}

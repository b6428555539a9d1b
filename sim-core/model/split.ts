import * as z from 'zod';
import type { ModelBuilder } from './builder.ts';
import { Op } from './compiled.ts';
import type { PathSegment } from './errors.ts';
import { isObject } from './is-object.ts';
import { ALWAYS, share, shareValue, splitTarget, TARGET_PATTERN } from './schema-fields.ts';

/**
 * `split:` on an endpoint or a gateway route — strangler-fig routing (decision 0013):
 *
 *   transfer: { call: monolith.transfer, split: { payments.transfer: 2% } }
 *
 * sends each listed share of the requests to its target instead of `call`; `call` gets the rest.
 * Shares are fractions (0.02) or percentages (2%), like every other share field, and sum to at
 * most 100%. Each request draws once from a stream of its own, named after the field's path
 * (`endpoints.<endpoint>.split`, `components.<gateway>.routes.<route>.split`; no other stream
 * has such a name), so adding or changing a split leaves every other stream where it was: the
 * phases of a migration run on common random numbers.
 */

/** Target (`component.operation`) → share. */
export type Split = Record<string, number | string>;

const SUM_TOLERANCE = 1e-9;

/** The `split:` field: checked shares, `component.operation` keys, a sum of at most 100%. */
export const splitField = (
  description = 'Strangler-fig routing: the share of requests sent to each target (component.operation) instead of call, e.g. { payments.transfer: 2% }; at most 100% in all',
) =>
  z
    .record(z.string(), share('Share of the requests sent to this target instead of call: 2% or 0.02'))
    .superRefine((split, ctx) => {
      if (!isObject(split)) return;
      let sum = 0;
      for (const [target, value] of Object.entries(split)) {
        if (!splitTarget(target)) ctx.addIssue({ code: 'custom', path: [target], message: `a split target is 'component.operation', got '${target}'`, input: target });
        const x = shareValue(value);
        if (x !== undefined && x >= 0 && x <= 1) sum += x;
      }
      if (sum > 1 + SUM_TOLERANCE) {
        ctx.addIssue({ code: 'custom', message: `split shares sum to ${+(sum * 100).toPrecision(12)}%, above 100% (call gets what is left)`, input: split });
      }
    }, ALWAYS)
    .meta({ description, propertyNames: { pattern: TARGET_PATTERN } });

/** The targets named in raw (possibly invalid) split data, with their paths: for reference and cycle checks. */
export function splitTargetsOf(raw: unknown, path: PathSegment[]): { target: string; path: PathSegment[] }[] {
  return isObject(raw) ? Object.keys(raw).map((target) => ({ target, path: [...path, target] })) : [];
}

/** Stream of an endpoint's split draws. */
export const endpointSplitStream = (endpoint: string) => `endpoints.${endpoint}.split`;
/** Stream of a gateway route's split draws. */
export const routeSplitStream = (gateway: string, route: string) => `components.${gateway}.routes.${route}.split`;

/** Targets in the order written and their cumulative shares; undefined without a split (absent or empty). */
function plan(split: Split | undefined): { targets: string[]; cumulative: number[] } | undefined {
  if (split === undefined) return undefined;
  const targets = Object.keys(split);
  if (targets.length === 0) return undefined;
  let sum = 0;
  const cumulative = targets.map((t) => (sum += shareValue(split[t]) ?? 0));
  // Shares summing to 100% up to rounding leave nothing for call.
  if (Math.abs(sum - 1) <= SUM_TOLERANCE) cumulative[cumulative.length - 1] = 1;
  return { targets, cumulative };
}

/**
 * A gateway route's forwarding, where the route's body would `CALL call`:
 *   BRANCH <stream> cumulative t₀ … tₙ₋₁ else
 *   t_i:  CALL target_i; RETURN
 *   else: CALL call; RETURN
 * Without a split, just `CALL call; RETURN`. The branch instruction is the one `branch` steps use.
 */
export function emitSplitCall(b: ModelBuilder, stream: string, call: string, split: Split | undefined): void {
  const p = plan(split);
  if (!p) {
    b.call(b.block(call));
    b.ret();
    return;
  }
  const n = p.targets.length;
  const at = b.emit(Op.BRANCH, b.stream(stream), n, b.constants(p.cumulative), ...new Array<number>(n + 1).fill(-1));
  [...p.targets, call].forEach((target, i) => {
    b.patch(at + 4 + i, b.pc);
    b.call(b.block(target));
    b.ret();
  });
}

/**
 * The block an endpoint's requests start in. Without a split, the called operation's own block.
 * With one, a block of a single BRANCH whose targets are the pcs of the operations' blocks: the
 * request's root frame goes straight on in the operation drawn, exactly as if the endpoint called
 * it — no frame, hop or event of its own. So every operation block must already be emitted (its
 * pc known) when this runs: compile() flushes deferred bodies first. A target whose block has no
 * code (its component did not compile) is reported through `error`, and the split is left out.
 */
export function endpointEntryBlock(b: ModelBuilder, endpoint: string, call: string, split: Split | undefined, error: (message: string) => void): number {
  const p = plan(split);
  if (!p) return b.block(call);
  const targets = [...p.targets, call];
  const pcs = targets.map((target) => b.blocks[b.block(target)].pc);
  const missing = targets.filter((_, i) => pcs[i] < 0);
  if (missing.length > 0) {
    error(`cannot split to ${missing.join(', ')}: not compiled`);
    return b.block(call);
  }
  // A space cannot appear in a component, operation or endpoint name: no other block has this name.
  const block = b.block(`endpoint ${endpoint}#split`);
  b.beginBlock(block);
  b.emit(Op.BRANCH, b.stream(endpointSplitStream(endpoint)), p.targets.length, b.constants(p.cumulative), ...pcs);
  return block;
}

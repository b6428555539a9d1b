import * as z from 'zod';
import { componentSchema } from '../components/registry.ts';
import { pricesField } from '../cost/price-field.ts';
import { show } from './errors.ts';
import { MSER_BATCH_SIZE, MSER_MIN_BATCHES } from '../run/mser.ts';
import { ALWAYS, callTarget, distribution, duration, namedRecord, nonNegativeNumber, positiveInt, positiveNumber, rate, size } from './schema-fields.ts';
import { DURATION_PATTERN, parseDuration, parsePercent } from './units.ts';
import { isObject } from './is-object.ts';
import { splitField } from './split.ts';
import { incidentSchema } from './incidents.ts';
import { uptimeSchema, zoneFailuresSchema } from './failures-schema.ts';

/**
 * The scenario language v1 (DESIGN.md §3) as a zod schema: strict objects everywhere (an
 * unknown key is an error), defaults applied, units kept as the user's text and checked by the
 * unit parsers. The JSON Schema for editors is generated from this (json-schema.ts).
 */

const millis = (text: unknown): number | undefined => {
  const r = parseDuration(text);
  return r.ok ? r.value : undefined;
};

/** `warmup: auto` asks MSER-5 to choose the warm-up (run/auto-warmup.ts). */
export const AUTO_WARMUP = 'auto';
/** Series intervals (duration ÷ seriesInterval) `warmup: auto` needs: MSER-5 must see enough batches. */
export const AUTO_WARMUP_MIN_INTERVALS = MSER_BATCH_SIZE * MSER_MIN_BATCHES;

/** A duration, or `auto`. */
const warmupField = z
  .string({ error: (iss) => (iss.input === undefined ? undefined : `${(parseDuration(iss.input) as { message?: string }).message}, or 'auto'`) })
  .superRefine((text, ctx) => {
    if (text === AUTO_WARMUP) return;
    const r = parseDuration(text);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `${r.message}, or 'auto'`, input: text });
  })
  .meta({
    description: "Statistics from before this time are discarded; must be shorter than duration. 'auto': a pilot replication and MSER-5 choose it",
    pattern: `^auto$|${DURATION_PATTERN}`,
  });

/** A percentage strictly between 0% and 100%, e.g. `2%`. */
const precisionField = z
  .string({ error: (iss) => (iss.input === undefined ? undefined : `expected a percentage such as 2%, got ${show(iss.input)}`) })
  .superRefine((text, ctx) => {
    const r = parsePercent(text);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message, input: text });
    else if (!(r.value > 0 && r.value < 1)) ctx.addIssue({ code: 'custom', message: `precision must be more than 0% and less than 100%, got '${text}'`, input: text });
  })
  .meta({
    description: "Sequential stopping: add replications until every key metric's 95% half-width is within this share of its mean, e.g. 2%",
    pattern: String.raw`^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%\s*$`,
  });

export const runSchema = z
  .strictObject({
    duration: duration('Simulated time of one replication').default('10m'),
    warmup: warmupField.default('1m'),
    replications: positiveInt().default(5).meta({ description: 'Independent runs, each with its own streams (the minimum, with precision)' }),
    seed: z
      .number({ error: (iss) => (iss.input === undefined ? undefined : `expected a whole number, got ${show(iss.input)}`) })
      .int({ error: (iss) => `expected a whole number, got ${show(iss.input)}` })
      .min(0, { error: (iss) => `expected a seed ≥ 0, got ${show(iss.input)}` })
      .default(1)
      .meta({ description: 'Scenario seed; the same seed gives the same results' }),
    seriesInterval: duration('Width of one time-series interval').default('10s'),
    precision: precisionField.optional(),
    maxReplications: positiveInt()
      .optional()
      .meta({ description: 'With precision: the most replications to run before giving up (default 50); at least replications' }),
  })
  .superRefine((run, ctx) => {
    if (!isObject(run)) return;
    const d = millis(run.duration ?? '10m');
    const auto = run.warmup === AUTO_WARMUP;
    const w = auto ? undefined : millis(run.warmup ?? '1m');
    if (d !== undefined && d <= 0) ctx.addIssue({ code: 'custom', path: ['duration'], message: 'duration must be positive', input: run.duration });
    if (d !== undefined && w !== undefined && w >= d) {
      ctx.addIssue({ code: 'custom', path: ['warmup'], message: `warmup (${run.warmup ?? '1m'}) must be shorter than duration (${run.duration ?? '10m'})`, input: run.warmup });
    }
    const s = millis(run.seriesInterval ?? '10s');
    if (s !== undefined && s <= 0) ctx.addIssue({ code: 'custom', path: ['seriesInterval'], message: 'seriesInterval must be positive', input: run.seriesInterval });
    if (auto && d !== undefined && s !== undefined && s > 0 && Math.floor(d / s) < AUTO_WARMUP_MIN_INTERVALS) {
      ctx.addIssue({
        code: 'custom',
        path: ['warmup'],
        message: `warmup: auto needs at least ${AUTO_WARMUP_MIN_INTERVALS} series intervals (duration ÷ seriesInterval), got ${Math.floor(d / s)}: ` +
          `lengthen duration or shorten seriesInterval`,
        input: run.warmup,
      });
    }
    // Only between valid counts: a bad one already has its own error.
    const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
    const replications = run.replications === undefined ? 5 : run.replications;
    if (count(run.maxReplications) && count(replications) && run.maxReplications < replications) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxReplications'],
        message: `maxReplications (${run.maxReplications}) must be at least replications (${replications})`,
        input: run.maxReplications,
      });
    }
  }, ALWAYS);

const profilePoint = z.strictObject({
  at: duration('When this point starts, from the beginning of the run'),
  x: nonNegativeNumber('Load multiplier from this point on'),
  ramp: duration('Move linearly from the previous multiplier to x over this time (default: a step)').optional(),
});

export const workloadSchema = z
  .strictObject({
    users: positiveInt().optional().meta({ description: 'Closed workload: a population that thinks, sends, waits, thinks …' }),
    thinkTime: distribution('Think time between a user’s requests (closed workload)').optional(),
    arrivals: rate('Open workload: Poisson arrivals, e.g. 5000/s').optional(),
    profile: z.array(profilePoint).optional().meta({ description: 'Optional multiplier of the load over time; 1 before the first point' }),
    mix: z
      .record(z.string(), positiveNumber('Relative weight of this endpoint'))
      .optional()
      .meta({ description: 'Endpoint weights; default: equal weights over all endpoints; endpoints left out get no traffic' }),
  })
  .superRefine((w, ctx) => {
    if (!isObject(w)) return;
    const closed = w.users !== undefined;
    const open = w.arrivals !== undefined;
    if (closed && open) ctx.addIssue({ code: 'custom', path: ['arrivals'], message: 'give either users (closed) or arrivals (open), not both', input: w.arrivals });
    if (!closed && !open) ctx.addIssue({ code: 'custom', path: [], message: 'give either users (with thinkTime) for a closed workload or arrivals for an open one', input: w });
    if (closed && w.thinkTime === undefined) ctx.addIssue({ code: 'custom', path: ['thinkTime'], message: 'a closed workload (users) needs a thinkTime, e.g. exp(10s)', input: undefined });
    if (!closed && w.thinkTime !== undefined) ctx.addIssue({ code: 'custom', path: ['thinkTime'], message: 'thinkTime applies only to a closed workload (users)', input: w.thinkTime });
    if (Array.isArray(w.profile)) {
      let previous = -Infinity;
      w.profile.forEach((point, i) => {
        const at = isObject(point) ? millis(point.at) : undefined;
        if (at === undefined) return;
        if (at <= previous) ctx.addIssue({ code: 'custom', path: ['profile', i, 'at'], message: `profile times must be strictly increasing ('${String((point as { at: unknown }).at)}' is not after the point before)`, input: at });
        previous = at;
      });
    }
  }, ALWAYS);

export const endpointSchema = z.strictObject({
  call: callTarget('The operation a request runs: component.operation'),
  split: splitField().optional(),
  slo: duration('Latency objective: the share of requests within it is reported').optional(),
  responseSize: size('Bytes a successful request sends back to the user, e.g. 20KB: billed as data out (CloudFront when the endpoint enters through a cdn, internet egress otherwise)').optional(),
});

export const networkSchema = z.strictObject({
  hop: distribution('One-way delay added to each direction of every call between components (default: none)').optional(),
  crossZone: distribution('Extra one-way delay of a call between replicas in different zones (needs zones; default: none)').optional(),
});

export const scenarioSchema = z
  .strictObject({
    archsim: z
      .literal(1, { error: (iss) => (iss.input === undefined ? undefined : `unsupported scenario version ${show(iss.input)}; this archsim reads archsim: 1`) })
      .meta({ description: 'Version of the scenario language' }),
    name: z.string({ error: (iss) => (iss.input === undefined ? undefined : `expected a name (text), got ${show(iss.input)}`) }).min(1, { error: 'the name must not be empty' }),
    description: z.string().optional(),
    run: runSchema.prefault({}),
    workload: workloadSchema,
    endpoints: namedRecord(endpointSchema, 'endpoint', 'What users call, and where it enters').superRefine((e, ctx) => {
      if (isObject(e) && Object.keys(e).length === 0) ctx.addIssue({ code: 'custom', message: 'define at least one endpoint', input: e });
    }),
    network: networkSchema.optional(),
    components: namedRecord(componentSchema, 'component', 'The components, by name; each has a kind'),
    prices: pricesField().optional(),
    incidents: z.array(incidentSchema).optional().meta({ description: 'Scheduled incidents: components down, slowed or erroring for a while' }),
    zones: positiveInt().optional().meta({ description: 'Availability zones; replicas are spread round-robin over them' }),
    zoneFailures: zoneFailuresSchema.optional(),
    uptime: uptimeSchema.optional(),
  })
  .meta({ title: 'archsim scenario v1', description: 'An archsim scenario: workload, endpoints and components (DESIGN.md §3)' });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Workload = z.output<typeof workloadSchema>;
export type Endpoint = z.output<typeof endpointSchema>;

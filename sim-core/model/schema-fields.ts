import * as z from 'zod';
import { DISTRIBUTION_PATTERN, parseDistribution } from './distribution-text.ts';
import { show } from './errors.ts';
import { DURATION_PATTERN, RATE_PATTERN, parseDuration, parsePercent, parseRate, type Parsed } from './units.ts';
import { parseSize, SIZE_PATTERN } from './size.ts';

/**
 * Field schemas shared by the scenario, its components and their steps. Text with units stays
 * text in the validated Scenario (so it round-trips to YAML); each text field is checked by the
 * one unit/distribution parser, and carries a pattern and description for the JSON Schema.
 */

/** Refinements that must also run when sibling fields are invalid, so all errors surface at once. */
export const ALWAYS = { when: () => true } as const;

/** A string checked by a text parser; a non-string gets the parser's own message too. */
function parsedText(parse: (text: unknown) => Parsed<unknown>, meta: { description: string; pattern: string }) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : (parse(iss.input) as { message?: string }).message) })
    .superRefine((text, ctx) => {
      const r = parse(text);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message, input: text });
    })
    .meta(meta);
}

export const duration = (description = 'A duration with a unit: 250us, 4ms, 1.5s, 10m, 2h, 1d, 1w') =>
  parsedText(parseDuration, { description, pattern: DURATION_PATTERN });

export const rate = (description = 'A rate with a unit: 7200/s, 300/min, 5/ms, 10/h') =>
  parsedText(parseRate, { description, pattern: RATE_PATTERN });

export const size = (description = 'A data size with a unit: 512B, 20KB, 1.5MB') => parsedText(parseSize, { description, pattern: SIZE_PATTERN });

export const distribution = (description = 'A distribution: 4ms, const(4ms), exp(4ms), lognormal(mean=4ms, cv=2), lognormal(p50=120ms, p99=900ms), uniform(1ms, 3ms), erlang(k=4, mean=8ms), gamma(shape=0.5, mean=8ms), hyperexp(mean=4ms, cv=3), hyperexp(0.9: 1ms, 0.1: 10ms), empirical([1ms, 2ms, 5ms])') =>
  parsedText(parseDistribution, { description, pattern: DISTRIBUTION_PATTERN });

const NAME = /^[^.\s[\]"]+$/;
const TARGET = /^([^.\s[\]"]+)\.([^.\s[\]"]+)$/;
export const TARGET_PATTERN = TARGET.source;

/** `component.operation` */
export const callTarget = (description = 'component.operation') =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : `expected 'component.operation', got ${show(iss.input)}`) })
    .superRefine((text, ctx) => {
      if (!TARGET.test(text)) ctx.addIssue({ code: 'custom', message: `expected 'component.operation', got '${text}'`, input: text });
    })
    .meta({ description, pattern: TARGET_PATTERN });

export function splitTarget(target: string): { component: string; operation: string } | undefined {
  const m = TARGET.exec(target);
  return m ? { component: m[1], operation: m[2] } : undefined;
}

/** An integer ≥ min; `what` words the message ("a positive integer"). */
function integer(min: number, what: string, alsoAllowed = '') {
  const error = (iss: { input?: unknown }) =>
    iss.input === undefined ? undefined : `expected ${what}${alsoAllowed}, got ${show(iss.input)}`;
  return z.number({ error }).int({ error }).min(min, { error });
}

export const positiveInt = (alsoAllowed = '') => integer(1, 'a positive integer', alsoAllowed);
export const nonNegativeInt = (alsoAllowed = '') => integer(0, 'a non-negative integer', alsoAllowed);

/** A count that may also be `unbounded`. */
export const countOrUnbounded = (min: 0 | 1, description: string) => {
  const what = min === 1 ? 'a positive integer' : 'a non-negative integer';
  return z
    .union([integer(min, what, " or 'unbounded'"), z.literal('unbounded')], {
      error: (iss) => (iss.input === undefined ? undefined : `expected ${what} or 'unbounded', got ${show(iss.input)}`),
    })
    .meta({ description });
};

export const positiveNumber = (description: string) => {
  const error = (iss: { input?: unknown }) => (iss.input === undefined ? undefined : `expected a positive number, got ${show(iss.input)}`);
  return z.number({ error }).positive({ error }).meta({ description });
};

export const nonNegativeNumber = (description: string) => {
  const error = (iss: { input?: unknown }) => (iss.input === undefined ? undefined : `expected a number ≥ 0, got ${show(iss.input)}`);
  return z.number({ error }).min(0, { error }).meta({ description });
};

export const probability = (description: string) => {
  const error = (iss: { input?: unknown }) => (iss.input === undefined ? undefined : `expected a probability between 0 and 1, got ${show(iss.input)}`);
  return z.number({ error }).min(0, { error }).max(1, { error }).meta({ description });
};

/**
 * A map of user-chosen names. Names cannot contain dots, spaces, brackets or quotes, because
 * they appear in `component.operation` references and in error paths. Checked by a refinement
 * rather than a key schema so that the values of a badly named entry are still validated.
 */
export function namedRecord<T extends z.ZodType>(value: T, what: string, description: string) {
  return z
    .record(z.string(), value)
    .superRefine((record, ctx) => {
      if (typeof record !== 'object' || record === null) return;
      for (const name of Object.keys(record)) {
        if (!NAME.test(name)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `${what} name '${name}' must not contain dots, spaces, brackets or quotes`, input: name });
        }
      }
    }, ALWAYS)
    .meta({ description, propertyNames: { pattern: NAME.source } });
}

const PERCENT_PATTERN = String.raw`^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%\s*$`;

/**
 * A probability written as a number between 0 and 1 (`0.8`) or as a percentage (`80%`,
 * `0.5%`): hit ratios and error rates are quoted both ways. `shareValue` turns either into
 * the fraction.
 */
export const share = (description: string) => {
  const message = (input: unknown) => `expected a probability between 0 and 1 or a percentage such as 0.5%, got ${show(input)}`;
  return z
    // The range is checked once, below, for both forms; the JSON Schema still gets it.
    .union([z.number().meta({ minimum: 0, maximum: 1 }), z.string().meta({ pattern: PERCENT_PATTERN })], {
      error: (iss) => (iss.input === undefined ? undefined : message(iss.input)),
    })
    .superRefine((v, ctx) => {
      const x = shareValue(v);
      if (x === undefined || !(x >= 0 && x <= 1)) ctx.addIssue({ code: 'custom', message: message(v), input: v });
    })
    .meta({ description });
};

/** The fraction a `share` field stands for; undefined when it is not a number or a percentage. */
export function shareValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const r = parsePercent(v);
  return r.ok ? r.value : undefined;
}

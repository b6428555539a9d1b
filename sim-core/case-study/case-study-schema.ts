import * as z from 'zod';
import { parseReportedValue } from './metric-path.ts';
import { parseSpan } from './plausibility-checks.ts';

/**
 * `case-study.yaml`: the manifest `archsim replay` reads (docs/decisions/0013). It names the
 * scenarios of one published story, the figures the text reports (each compared with a
 * simulated metric, or marked not modelled with the reason), and plausibility checks computed
 * from the text's own numbers.
 */

const text = z.string().min(1);
/** A duration (`30s`, `12m`, `1y`), checked when the manifest is read so a typo is bad input with its line. */
const span = z.string().refine((t) => parseSpan(t).ok, { error: (iss) => `expected a duration such as 30s, 12m, 6h or 1y, got '${String(iss.input)}'` });
/** A reported value as the text gives it: `2.8s`, `99.99%`, `$27000`, `7200/s`, a number. */
const reported = z.union([z.string().min(1), z.number()]);
/** A reported value a check computes with: it must read as a number. */
const figure = reported.refine((v) => parseReportedValue(v) !== undefined, { error: (iss) => `expected a value such as 2.8s, 99.99%, $27000, 7200/s or a number, got '${String(iss.input)}'` });
/** The text's own change: `-89%`, `+1,340%` or a factor `14x`. */
const claimedChange = reported.refine((v) => /^\s*[\d.,]+\s*x\s*$/i.test(String(v)) || parseReportedValue(String(v).replace(/^\s*\+/, '').replace(/,/g, '')) !== undefined, {
  error: (iss) => `expected a change such as -89%, +1,340% or 14x, got '${String(iss.input)}'`,
});
const scenarioName = z.string().min(1).meta({ description: 'A name from `scenarios`' });

const figureSchema = z
  .strictObject({
    figure: text.meta({ description: 'Label of the row, e.g. "avg latency"' }),
    scenario: scenarioName,
    metric: text.optional().meta({ description: 'RunResult path compared with `reported`, e.g. overall.latency.mean' }),
    sustains: z
      .record(z.string(), reported)
      .optional()
      .meta({ description: 'The claim "handles this load": metric path → upper bound (e.g. errorRate: 1%, latency.p95: 1s)' }),
    reported,
    quote: text.meta({ description: 'The sentence (fragment) of the source the figure comes from, verbatim' }),
    notModelled: text.optional().meta({ description: 'Why archsim cannot check this figure' }),
  })
  .refine((f) => [f.metric, f.sustains, f.notModelled].filter((x) => x !== undefined).length === 1, {
    message: 'a figure needs exactly one of metric, sustains or notModelled',
  });

const changeCheck = z.strictObject({
  check: z.literal('change'),
  title: text,
  from: figure,
  to: figure,
  claimed: claimedChange.meta({ description: 'The text\'s own change: "-89%" or "14x"' }),
  quote: text,
});

const littlesLawCheck = z.strictObject({
  check: z.literal('littles-law'),
  title: text,
  users: z.number().positive(),
  thinkTime: span,
  latency: span,
  throughput: figure.optional(),
  perDay: z.number().positive().optional(),
  quote: text,
});

const capacityCostCheck = z.strictObject({
  check: z.literal('capacity-cost'),
  title: text,
  scenario: scenarioName,
  users: z.number().positive(),
  thinkTime: span,
  latency: span,
  cost: figure,
  utilisation: z.number().gt(0).lte(1).optional().meta({ description: 'Target utilisation of the compute; default 0.7' }),
  quote: text,
});

const downtimeBudgetCheck = z.strictObject({
  check: z.literal('downtime-budget'),
  title: text,
  uptime: figure,
  mttr: span.optional(),
  period: span.optional().meta({ description: 'Over which the uptime was measured; default 365d' }),
  outage: span.optional().meta({ description: 'One outage the text reports in that period, e.g. 6h' }),
  scenario: scenarioName.optional().meta({ description: "Compare with this scenario's uptime study" }),
  quote: text,
});

export const checkSchema = z.discriminatedUnion('check', [changeCheck, littlesLawCheck, capacityCostCheck, downtimeBudgetCheck]);

export const caseStudySchema = z.strictObject({
  archsim: z.literal(1),
  kind: z.literal('case-study'),
  title: text,
  source: text.meta({ description: 'File name in ../shared/case-studies/' }),
  summary: text.optional(),
  scenarios: z.record(z.string(), text).refine((s) => Object.keys(s).length > 0, { message: 'name at least one scenario' }),
  migration: text.optional(),
  calibration: z
    .strictObject({
      scenario: scenarioName,
      targets: z.record(z.string(), reported),
      free: z.array(text).min(1),
    })
    .optional(),
  figures: z.array(figureSchema).min(1),
  checks: z.array(checkSchema).default([]),
});

export type CaseStudy = z.output<typeof caseStudySchema>;
export type Figure = CaseStudy['figures'][number];
export type Check = z.output<typeof checkSchema>;

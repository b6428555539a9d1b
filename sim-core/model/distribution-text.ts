import { hyperexpFromMeanCv, lognormalFromMeanCv, lognormalFromPercentiles, type DistSpec } from '../engine/distributions.ts';
import { didYouMean } from './suggest.ts';
import { fail, ok, parseDuration, type Parsed } from './units.ts';

/**
 * Distribution text → DistSpec. Forms (all times are durations with units):
 *   4ms | const(4ms) · exp(4ms) · lognormal(mean=4ms, cv=2) · lognormal(p50=120ms, p99=900ms)
 *   uniform(1ms, 3ms) · erlang(k=4, mean=8ms) · gamma(shape=0.5, mean=8ms)
 *   hyperexp(mean=4ms, cv=3) · hyperexp(0.9: 1ms, 0.1: 10ms) · empirical([1ms, 2ms, 5ms])
 */
export const DISTRIBUTION_NAMES = ['const', 'exp', 'lognormal', 'uniform', 'erlang', 'gamma', 'hyperexp', 'empirical'] as const;

/** A loose pattern for the JSON Schema: a duration, or name(...). */
export const DISTRIBUTION_PATTERN = String.raw`^\s*([a-z]+\s*\(.*\)|[0-9.]+\s*[a-z]+)\s*$`;

interface Arg {
  /** `key=value` */
  key?: string;
  /** `0.9: 10ms` (hyperexp phases) */
  weight?: string;
  value: string;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const CALL_RE = /^([A-Za-z_][\w-]*)\s*\(([\s\S]*)\)$/;
const KEY_RE = /^([A-Za-z_]\w*)\s*=\s*([\s\S]*)$/;
const PHASE_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*:\s*([\s\S]*)$/;

export function parseDistribution(text: unknown): Parsed<DistSpec> {
  if (typeof text === 'number') return fail(`a distribution needs a unit: write ${text}ms, or e.g. exp(${text}ms)`);
  if (typeof text !== 'string') return fail(`expected a distribution such as exp(4ms) or 4ms, got ${typeof text === 'object' ? JSON.stringify(text) : String(text)}`);
  const t = text.trim();
  const call = CALL_RE.exec(t);
  if (!call) {
    if (/^[A-Za-z_][\w-]*$/.test(t)) {
      const known = (DISTRIBUTION_NAMES as readonly string[]).includes(t);
      return fail(known ? `${t} needs its parameters, e.g. ${EXAMPLES[t as DistName]}` : unknownName(t));
    }
    if (t.includes('(') || t.includes(')')) return fail(`malformed distribution '${t}': unbalanced parentheses`);
    const d = parseDuration(t);
    return d.ok ? ok({ kind: 'const', value: d.value }) : fail(d.message);
  }
  const [, name, body] = call;
  const args = splitArgs(body);
  if (!args.ok) return fail(`${name}: ${args.message}`);
  if (!(DISTRIBUTION_NAMES as readonly string[]).includes(name)) return fail(unknownName(name));
  const spec = PARSERS[name as DistName](args.value);
  return spec.ok ? spec : fail(`${name}: ${spec.message}`);
}

type DistName = (typeof DISTRIBUTION_NAMES)[number];

const EXAMPLES: Record<DistName, string> = {
  const: 'const(4ms)',
  exp: 'exp(4ms)',
  lognormal: 'lognormal(mean=4ms, cv=2) or lognormal(p50=120ms, p99=900ms)',
  uniform: 'uniform(1ms, 3ms)',
  erlang: 'erlang(k=4, mean=8ms)',
  gamma: 'gamma(shape=0.5, mean=8ms)',
  hyperexp: 'hyperexp(mean=4ms, cv=3) or hyperexp(0.9: 1ms, 0.1: 10ms)',
  empirical: 'empirical([1ms, 2ms, 5ms])',
};

function unknownName(name: string): string {
  const hint = didYouMean(name, DISTRIBUTION_NAMES);
  return `unknown distribution '${name}'${hint}${hint ? '' : ` (known: ${DISTRIBUTION_NAMES.join(', ')})`}`;
}

/** Split on commas outside brackets and parentheses. */
function splitArgs(body: string): Parsed<Arg[]> {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth < 0) return fail('unbalanced brackets');
    } else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return fail('unbalanced brackets');
  parts.push(body.slice(start));
  const trimmed = parts.map((p) => p.trim());
  if (trimmed.length === 1 && trimmed[0] === '') return ok([]);
  if (trimmed.some((p) => p === '')) return fail('empty parameter (a stray comma?)');
  return ok(
    trimmed.map((p): Arg => {
      const kv = KEY_RE.exec(p);
      if (kv) return { key: kv[1], value: kv[2].trim() };
      const phase = PHASE_RE.exec(p);
      if (phase) return { weight: phase[1], value: phase[2].trim() };
      return { value: p };
    }),
  );
}

function positiveDuration(value: string, what: string): Parsed<number> {
  const d = parseDuration(value);
  if (!d.ok) return fail(`${what}: ${d.message}`);
  if (d.value <= 0) return fail(`${what} must be positive, got ${value}`);
  return ok(d.value);
}

function plainNumber(value: string, what: string): Parsed<number> {
  if (!NUMBER_RE.test(value)) return fail(`${what} must be a plain number, got '${value}'`);
  return ok(Number(value));
}

/**
 * Match keyword arguments against the accepted signatures (each a list of keys, all required).
 * Positional arguments are not allowed here.
 */
function keywords(args: Arg[], signatures: string[][]): Parsed<Record<string, string>> {
  const accepted = signatures.map((s) => s.map((k) => `${k}=`).join(' and ')).join(', or ');
  const values: Record<string, string> = {};
  for (const a of args) {
    if (a.key === undefined) return fail(`takes ${accepted}; got '${a.weight !== undefined ? `${a.weight}: ` : ''}${a.value}'`);
    const all = signatures.flat();
    if (!all.includes(a.key)) return fail(`unknown parameter '${a.key}'${didYouMean(a.key, all)} (takes ${accepted})`);
    if (a.key in values) return fail(`parameter '${a.key}' given twice`);
    values[a.key] = a.value;
  }
  const given = Object.keys(values);
  const match = signatures.find((s) => s.length === given.length && s.every((k) => k in values));
  if (!match) return fail(`takes ${accepted}; got ${given.length ? given.map((k) => `${k}=`).join(', ') : 'nothing'}`);
  return ok(values);
}

/** One positional duration, or the named parameter `key=`. */
function single(args: Arg[], key: string): Parsed<string> {
  if (args.length !== 1) return fail(`takes one duration, got ${args.length} parameters`);
  const a = args[0];
  if (a.weight !== undefined || (a.key !== undefined && a.key !== key)) return fail(`takes one duration (or ${key}=), got '${a.key ?? a.weight}'`);
  return ok(a.value);
}

const PARSERS: Record<DistName, (args: Arg[]) => Parsed<DistSpec>> = {
  const(args) {
    const v = single(args, 'value');
    if (!v.ok) return v;
    const d = parseDuration(v.value);
    return d.ok ? ok({ kind: 'const', value: d.value }) : fail(d.message);
  },

  exp(args) {
    const v = single(args, 'mean');
    if (!v.ok) return v;
    const mean = positiveDuration(v.value, 'the mean');
    return mean.ok ? ok({ kind: 'exp', mean: mean.value }) : mean;
  },

  lognormal(args) {
    const kw = keywords(args, [['mean', 'cv'], ['p50', 'p99']]);
    if (!kw.ok) return kw;
    const k = kw.value;
    if ('mean' in k) {
      const mean = positiveDuration(k.mean, 'mean');
      if (!mean.ok) return mean;
      const cv = plainNumber(k.cv, 'cv');
      if (!cv.ok) return cv;
      if (!(cv.value > 0)) return fail(`cv must be positive, got ${k.cv}`);
      return ok(lognormalFromMeanCv(mean.value, cv.value));
    }
    const p50 = positiveDuration(k.p50, 'p50');
    if (!p50.ok) return p50;
    const p99 = positiveDuration(k.p99, 'p99');
    if (!p99.ok) return p99;
    if (!(p99.value > p50.value)) return fail(`p99 (${k.p99}) must be greater than p50 (${k.p50})`);
    return ok(lognormalFromPercentiles(p50.value, p99.value));
  },

  uniform(args) {
    let lo: string, hi: string;
    if (args.length === 2 && args.every((a) => a.key === undefined && a.weight === undefined)) {
      [lo, hi] = [args[0].value, args[1].value];
    } else {
      const kw = keywords(args, [['min', 'max']]);
      if (!kw.ok) return fail(`takes two durations, e.g. uniform(1ms, 3ms) (${kw.message})`);
      [lo, hi] = [kw.value.min, kw.value.max];
    }
    const min = parseDuration(lo);
    if (!min.ok) return fail(`min: ${min.message}`);
    const max = parseDuration(hi);
    if (!max.ok) return fail(`max: ${max.message}`);
    if (min.value > max.value) return fail(`min (${lo}) must not exceed max (${hi})`);
    return ok({ kind: 'uniform', min: min.value, max: max.value });
  },

  erlang(args) {
    const kw = keywords(args, [['k', 'mean']]);
    if (!kw.ok) return kw;
    const k = plainNumber(kw.value.k, 'k');
    if (!k.ok) return k;
    if (!Number.isInteger(k.value) || k.value < 1) return fail(`k must be a positive integer, got ${kw.value.k}`);
    const mean = positiveDuration(kw.value.mean, 'mean');
    return mean.ok ? ok({ kind: 'erlang', k: k.value, mean: mean.value }) : mean;
  },

  gamma(args) {
    const kw = keywords(args, [['shape', 'mean']]);
    if (!kw.ok) return kw;
    const shape = plainNumber(kw.value.shape, 'shape');
    if (!shape.ok) return shape;
    if (!(shape.value > 0)) return fail(`shape must be positive, got ${kw.value.shape}`);
    const mean = positiveDuration(kw.value.mean, 'mean');
    return mean.ok ? ok({ kind: 'gamma', shape: shape.value, mean: mean.value }) : mean;
  },

  hyperexp(args) {
    if (args.length > 0 && args.every((a) => a.weight !== undefined)) return hyperexpPhases(args);
    const kw = keywords(args, [['mean', 'cv']]);
    if (!kw.ok) return fail(`${kw.message}; or phases such as hyperexp(0.9: 1ms, 0.1: 10ms)`);
    const mean = positiveDuration(kw.value.mean, 'mean');
    if (!mean.ok) return mean;
    const cv = plainNumber(kw.value.cv, 'cv');
    if (!cv.ok) return cv;
    if (!(cv.value >= 1)) return fail(`cv must be at least 1 (a hyperexponential is at least as variable as an exponential), got ${kw.value.cv}`);
    return ok(hyperexpFromMeanCv(mean.value, cv.value));
  },

  empirical(args) {
    let items = args;
    if (args.length === 1 && args[0].key === undefined && args[0].weight === undefined && /^\[[\s\S]*\]$/.test(args[0].value)) {
      const inner = splitArgs(args[0].value.slice(1, -1));
      if (!inner.ok) return inner;
      items = inner.value;
    }
    if (items.length === 0) return fail('needs at least one value, e.g. empirical([1ms, 2ms, 5ms])');
    const values: number[] = [];
    for (const [i, a] of items.entries()) {
      if (a.key !== undefined || a.weight !== undefined) return fail(`value ${i + 1} must be a duration, e.g. empirical([1ms, 2ms, 5ms])`);
      const d = parseDuration(a.value);
      if (!d.ok) return fail(`value ${i + 1}: ${d.message}`);
      values.push(d.value);
    }
    return ok({ kind: 'empirical', values });
  },
};

function hyperexpPhases(args: Arg[]): Parsed<DistSpec> {
  const probs: number[] = [];
  const means: number[] = [];
  for (const a of args) {
    const p = Number(a.weight);
    if (!(p > 0 && p <= 1)) return fail(`phase probability must be in (0, 1], got ${a.weight}`);
    const mean = positiveDuration(a.value, `the mean of phase ${probs.length + 1}`);
    if (!mean.ok) return mean;
    probs.push(p);
    means.push(mean.value);
  }
  const sum = probs.reduce((s, p) => s + p, 0);
  if (Math.abs(sum - 1) > 1e-9) return fail(`phase probabilities must sum to 1, got ${+sum.toPrecision(12)}`);
  return ok({ kind: 'hyperexp', probs, means });
}

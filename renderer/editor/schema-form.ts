import schemaJson from '../../sim-core/model/scenario.schema.json';
import type { ScenarioError, PathSegment } from '../../sim-core/model/errors.ts';
import { formatPath } from '../../sim-core/model/errors.ts';

/**
 * The inspector's forms, generated from the JSON Schema the engine publishes
 * (sim-core/model/scenario.schema.json), so a new field in the engine shows up in the editor
 * without UI work. Pure: the field list, input parsing and path helpers are unit-tested.
 */

export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
}

export const SCENARIO_SCHEMA = schemaJson as unknown as JsonSchema;

/**
 * - number / integer: a number input; select: an enum; checkbox: a boolean;
 * - text: a string (units, distributions) with the pattern and description as hint;
 * - mixed: a number or a word (workers: 8 | unbounded, hit: 0.8 | 80%), a text input parsed by parseFieldInput;
 * - list: an array of strings, edited as comma-separated text;
 * - group: a nested object (autoscale, failures, …), a collapsible set of children;
 * - record: a map of named entries (queries, routes, operations) whose values follow `item`;
 * - summary: structure the form does not edit (steps): shown read-only, edited in the YAML view.
 */
export type Control = 'number' | 'integer' | 'select' | 'checkbox' | 'text' | 'mixed' | 'list' | 'group' | 'record' | 'summary';

export interface FieldSpec {
  key: string;
  /** Relative to the form's base (e.g. ['failures', 'mtbf']). */
  path: PathSegment[];
  control: Control;
  description?: string;
  pattern?: string;
  options?: string[];
  default?: unknown;
  required: boolean;
  min?: number;
  max?: number;
  /** mixed: the scalar types it accepts. */
  accepts?: Array<'number' | 'integer' | 'string' | 'boolean'>;
  /** mixed: words it accepts besides numbers ('unbounded'). */
  words?: string[];
  children?: FieldSpec[];
  /** record: the spec of each entry's value (path relative to the entry). */
  item?: FieldSpec;
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

function resolve(s: JsonSchema): JsonSchema {
  if (s.$ref?.startsWith('#/$defs/')) {
    const defs = (SCENARIO_SCHEMA as { $defs?: Record<string, JsonSchema> }).$defs ?? {};
    return { ...(defs[s.$ref.slice('#/$defs/'.length)] ?? {}), description: s.description };
  }
  return s;
}

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/** One field of the form from its property schema. */
export function fieldFromSchema(key: string, path: PathSegment[], raw: JsonSchema, required: boolean): FieldSpec {
  const s = resolve(raw);
  const base = { key, path, required, description: s.description ?? raw.description, default: s.default ?? raw.default };
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const accepts = new Set<'number' | 'integer' | 'string' | 'boolean'>();
    const words: string[] = [];
    let pattern: string | undefined;
    for (const v of variants) {
      const t = typeOf(v);
      if (t === 'number' || t === 'integer' || t === 'string' || t === 'boolean') accepts.add(t);
      if (typeof v.const === 'string') words.push(v.const);
      if (v.pattern) pattern ??= v.pattern;
    }
    return { ...base, control: 'mixed', accepts: [...accepts].sort(), words, pattern };
  }
  const t = typeOf(s);
  if (s.enum) return { ...base, control: 'select', options: s.enum.map(String) };
  if (t === 'boolean') return { ...base, control: 'checkbox' };
  if (t === 'integer' || t === 'number') {
    const min = s.minimum ?? s.exclusiveMinimum;
    const max = s.maximum !== undefined && s.maximum < SAFE_MAX ? s.maximum : undefined;
    return { ...base, control: t, min, max };
  }
  if (t === 'string') return { ...base, control: 'text', pattern: s.pattern };
  if (t === 'array') {
    const item = s.items ? resolve(s.items) : {};
    if (typeOf(item) === 'string') return { ...base, control: 'list' };
    return { ...base, control: 'summary' };
  }
  if (t === 'object' && s.properties) return { ...base, control: 'group', children: formFields(s, path) };
  if (t === 'object' && typeof s.additionalProperties === 'object') {
    return { ...base, control: 'record', item: fieldFromSchema('*', [], s.additionalProperties, true) };
  }
  return { ...base, control: 'summary' };
}

/** The fields of an object schema, in schema order; `kind` (the discriminator) is left out. */
export function formFields(object: JsonSchema, base: PathSegment[] = []): FieldSpec[] {
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {})
    .filter(([key]) => key !== 'kind')
    .map(([key, prop]) => fieldFromSchema(key, [...base, key], prop, required.has(key)));
}

/** The JSON Schema of one component kind. */
export function componentKindSchema(kind: string, root: JsonSchema = SCENARIO_SCHEMA): JsonSchema | undefined {
  const components = root.properties?.components?.additionalProperties;
  if (typeof components !== 'object') return undefined;
  return (components.oneOf ?? components.anyOf ?? []).find((s) => s.properties?.kind?.const === kind);
}

/** The inspector fields of a component kind (empty for an unknown kind). */
export function componentFields(kind: string): FieldSpec[] {
  const s = componentKindSchema(kind);
  return s ? formFields(s) : [];
}

/** The schema of a top-level scenario property (workload, zoneFailures, incidents, …). */
export function scenarioProperty(key: string): JsonSchema | undefined {
  return SCENARIO_SCHEMA.properties?.[key];
}

export type ParsedInput = { ok: true; value: unknown } | { ok: false };

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * The value to write for what the user typed. Empty text deletes an optional key (undefined); a
 * number field that does not hold a number yet is not written ({ ok: false }) — except in a mixed
 * field, where text is a legitimate value and the validator reports it if wrong, beside the field.
 */
export function parseFieldInput(field: FieldSpec, text: string): ParsedInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  switch (field.control) {
    case 'number':
    case 'integer':
      return NUMERIC.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
    case 'mixed': {
      const numeric = field.accepts?.includes('number') || field.accepts?.includes('integer');
      if (numeric && NUMERIC.test(trimmed)) return { ok: true, value: Number(trimmed) };
      return { ok: true, value: text };
    }
    case 'list':
      return { ok: true, value: trimmed.split(',').map((s) => s.trim()).filter((s) => s !== '') };
    case 'checkbox':
      return { ok: true, value: trimmed === 'true' };
    default:
      return { ok: true, value: text };
  }
}

/** How a stored value shows in a text input. */
export function formatFieldValue(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.control === 'list' && Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A hint for a text input: the description, and what the pattern accepts when it is a unit. */
export function fieldHint(field: FieldSpec): string {
  const parts = [field.description ?? ''];
  if (field.words?.length) parts.push(`or ${field.words.map((w) => `'${w}'`).join(', ')}`);
  if (field.default !== undefined) parts.push(`default: ${typeof field.default === 'object' ? JSON.stringify(field.default) : String(field.default)}`);
  return parts.filter((p) => p !== '').join(' — ');
}

/** `components.app.failures.mtbf`, the form of ScenarioError paths and data-path attributes. */
export const pathString = (segments: readonly PathSegment[]): string => formatPath(segments);

/** Errors at `path` or below it (`components.app` holds `components.app.replicas`, not `components.application`). */
export function errorsUnder(errors: readonly ScenarioError[], path: string): ScenarioError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`));
}

/** The value at a path in raw data, or undefined. */
export function getIn(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

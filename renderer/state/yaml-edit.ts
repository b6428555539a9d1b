import { Composer, CST, isMap, isScalar, isSeq, parse, parseDocument, Parser, type Document, type Node as YamlNode } from 'yaml';
import { componentReferences } from './component-references.ts';

/**
 * Edits of a scenario's text by path that keep the user's comments and key order. YAML: a
 * scalar replaced by a scalar is rewritten in the source tokens (CST), so every other byte of
 * the file — aligned comments, blank lines, flow maps — stays as it was; structural edits go
 * through the `yaml` Document API, which keeps comments and key order but reprints the file in
 * its own layout. JSON is parsed, changed and printed again
 * with two-space indentation (JSON has no comments to keep). Pure: text in, text out; a text that
 * does not parse is returned unchanged with an error.
 */

export type EditPath = ReadonlyArray<string | number>;
export type TextFormat = 'yaml' | 'json';

export interface EditOutcome {
  text: string;
  /** Set when the edit could not be applied (the text does not parse, or the path crosses a scalar). */
  error?: string;
}

/** 'json' when the text (ignoring leading whitespace) starts with `{`, else 'yaml'. */
export function detectFormat(name: string, text: string): TextFormat {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return /^\s*\{/.test(text) ? 'json' : 'yaml';
}

/** Sets (or, with `undefined`, deletes) the value at `path`, creating missing maps on the way. */
export function setValueAt(text: string, format: TextFormat, path: EditPath, value: unknown): EditOutcome {
  if (path.length === 0) return { text, error: 'an edit needs a path' };
  if (format === 'json') return editJson(text, (data) => setPlain(data, path, value));
  if (isPrimitive(value)) {
    const inPlace = replaceScalarInSource(text, path, value);
    if (inPlace !== undefined) return { text: inPlace };
  }
  return editYaml(text, (doc) => {
    if (value === undefined) {
      doc.deleteIn(path);
      return;
    }
    const existing = doc.getIn(path, true);
    if (isScalar(existing) && isPrimitive(value)) {
      existing.value = value;
      return;
    }
    doc.setIn(path, doc.createNode(value));
  });
}

/** Adds `components.<name>` at the end of the components map. */
export function addComponentTo(text: string, format: TextFormat, name: string, definition: Record<string, unknown>): EditOutcome {
  return setValueAt(text, format, ['components', name], definition);
}

/** Removes `components.<name>` (references to it elsewhere become validation errors the user sees). */
export function removeComponentFrom(text: string, format: TextFormat, name: string): EditOutcome {
  return setValueAt(text, format, ['components', name], undefined);
}

/** The step a call to a component of a given kind is written as. */
export function stepFor(targetKind: string | undefined, target: string, operation: string): Record<string, string> {
  if (targetKind === 'database') return { query: `${target}.${operation}` };
  if (targetKind === 'external') return { external: target };
  return { call: `${target}.${operation}` };
}

/** Appends a step to `components.<component>.operations.<operation>.steps` (created if missing). */
export function appendStep(text: string, format: TextFormat, component: string, operation: string, step: Record<string, unknown>): EditOutcome {
  const path = ['components', component, 'operations', operation, 'steps'];
  if (format === 'json') {
    return editJson(text, (data) => {
      const steps = getPlain(data, path);
      if (steps === undefined) return setPlain(data, path, [step]);
      if (!Array.isArray(steps)) return `${path.join('.')} is not a list`;
      steps.push(step);
      return undefined;
    });
  }
  return editYaml(text, (doc) => {
    const steps = doc.getIn(path, true);
    if (steps === undefined || steps === null) {
      doc.setIn(path, doc.createNode([step]));
      return;
    }
    if (!isSeq(steps)) return `${path.join('.')} is not a list`;
    steps.add(doc.createNode(step));
    return undefined;
  });
}

/**
 * Removes the steps or map entries at `paths` as one edit (deleting a canvas edge): a list item is
 * spliced out, a map key deleted. A cache step with `miss` steps is replaced by them (without the
 * cache every request takes the miss path). Paths are applied deepest and last first, so indexes
 * stay valid; a path that is not there is an error (the text changed under the canvas).
 */
export function removeEntriesAt(text: string, format: TextFormat, paths: readonly EditPath[]): EditOutcome {
  if (paths.length === 0) return { text, error: 'nothing to remove' };
  const ordered = [...paths].sort(laterFirst);
  if (format === 'json') {
    return editJson(text, (data) => {
      for (const path of ordered) {
        const parent = getPlain(data, path.slice(0, -1));
        const last = path[path.length - 1];
        if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) {
          const item: unknown = parent[last];
          const miss = typeof item === 'object' && item !== null && 'cache' in item ? (item as { miss?: unknown }).miss : undefined;
          parent.splice(last, 1, ...(Array.isArray(miss) ? (miss as unknown[]) : []));
        } else if (typeof parent === 'object' && parent !== null && !Array.isArray(parent) && typeof last === 'string' && last in parent) {
          delete (parent as Record<string, unknown>)[last];
        } else return `nothing at ${path.join('.')}`;
      }
      return undefined;
    });
  }
  const inPlace = removeInSource(text, ordered);
  if (inPlace !== undefined) return { text: inPlace };
  return editYaml(text, (doc) => {
    for (const path of ordered) {
      const parent = doc.getIn(path.slice(0, -1), true);
      const last = path[path.length - 1];
      if (isSeq(parent) && typeof last === 'number' && last < parent.items.length) {
        const item = parent.items[last];
        const miss = isMap(item) && item.has('cache') ? item.get('miss', true) : undefined;
        parent.items.splice(last, 1, ...(isSeq(miss) ? (miss.items as YamlNode[]) : []));
      } else if (isMap(parent) && parent.has(last)) {
        parent.delete(last);
      } else return `nothing at ${path.join('.')}`;
    }
    return undefined;
  });
}

/**
 * Removes block-list items and block-map entries from the source tokens (their leading comment
 * lines go with them; every other byte stays); undefined when a path is in a flow collection, is a
 * cache step with misses, would empty its list, or the file has errors (the caller then uses the
 * Document API).
 */
function removeInSource(text: string, ordered: readonly EditPath[]): string | undefined {
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (docs.length !== 1 || docs[0].errors.length > 0) return undefined;
  const doc = docs[0];
  const left = new Map<unknown, number>();
  for (const path of ordered) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    let child: unknown;
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last];
      if (isMap(item) && item.has('cache') && isSeq(item.get('miss', true))) return undefined;
      child = isScalar(item) || isMap(item) || isSeq(item) ? item.srcToken : undefined;
    } else if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      child = isScalar(pair?.key) ? pair.key.srcToken : undefined;
    } else return undefined;
    const token = (parent as { srcToken?: CST.Token }).srcToken;
    if (!child || !token || (token.type !== 'block-seq' && token.type !== 'block-map')) return undefined;
    const items = token.items as Array<{ key?: unknown; value?: unknown }>;
    const at = items.findIndex((it) => (token.type === 'block-seq' ? it.value : it.key) === child);
    if (at < 0) return undefined;
    const count = left.get(token) ?? items.length;
    if (count <= 1) return undefined;
    left.set(token, count - 1);
    items.splice(at, 1);
  }
  const out = tokens.map((t) => CST.stringify(t)).join('');
  return parseDocument(out).errors.length === 0 ? out : undefined;
}

/** Deeper and later paths first: removing them does not move the ones still to remove. */
function laterFirst(a: EditPath, b: EditPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const x = a[i];
    const y = b[i];
    return typeof x === 'number' && typeof y === 'number' ? y - x : String(y).localeCompare(String(x));
  }
  return b.length - a.length;
}

/** As the scenario schema's names (schema-fields.ts): no dots, spaces, brackets or quotes. */
const COMPONENT_NAME = /^[^.\s[\]"]+$/;

/** Why `name` cannot be a new component name, or undefined when it can. */
export function componentNameError(name: string, existing: Iterable<string>): string | undefined {
  if (name.length === 0) return 'a name cannot be empty';
  if (!COMPONENT_NAME.test(name)) return 'a name must not contain dots, spaces, brackets or quotes';
  for (const n of existing) if (n === name) return `${name} is already a component`;
  return undefined;
}

/**
 * Renames `components.<from>` to `<to>` in place (same position, comments kept) and every
 * reference to it (component-references.ts). YAML: only those scalars are rewritten in the source
 * tokens, so every other byte stays; JSON is printed again.
 */
export function renameComponent(text: string, format: TextFormat, from: string, to: string): EditOutcome {
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parse(text);
  } catch (e) {
    return { text, error: `the ${format === 'json' ? 'JSON' : 'YAML'} does not parse: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  const components = (data as { components?: unknown } | null)?.components;
  if (typeof components !== 'object' || components === null || Array.isArray(components) || !(from in components)) return { text, error: `there is no component ${from}` };
  if (from === to) return { text };
  const problem = componentNameError(to, Object.keys(components));
  if (problem) return { text, error: problem };
  const refs = componentReferences(data, from);

  if (format === 'json') {
    return editJson(text, (json) => {
      for (const ref of refs) setPlain(json, ref.path, ref.renamed(to));
      json.components = Object.fromEntries(Object.entries(json.components as Record<string, unknown>).map(([k, v]) => [k === from ? to : k, v]));
      return undefined;
    });
  }

  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (docs.length !== 1 || docs[0].errors.length > 0) return { text, error: 'the YAML does not parse' };
  const doc = docs[0];
  const map = doc.getIn(['components'], true);
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === from) : undefined;
  const targets: Array<{ node: unknown; value: string }> = [{ node: pair?.key, value: to }, ...refs.map((r) => ({ node: doc.getIn(r.path, true), value: r.renamed(to) }))];
  for (const { node, value } of targets) {
    if (!isScalar(node) || !node.srcToken || !('source' in node.srcToken)) return { text, error: 'a reference could not be rewritten in place' };
    const plain = /^[A-Za-z_][\w-]*(\.[\w-]+)?$/.test(value) && safeParse(value) === value;
    CST.setScalarValue(node.srcToken, value, plain ? undefined : { type: 'QUOTE_DOUBLE' });
  }
  return { text: tokens.map((t) => CST.stringify(t)).join('') };
}

/**
 * Rewrites the scalar at `path` in the source tokens; undefined when there is no scalar there,
 * the file has errors, or the result would not read back as `value` (then the caller falls back
 * to the Document API).
 */
function replaceScalarInSource(text: string, path: EditPath, value: string | number | boolean | null): string | undefined {
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (docs.length !== 1 || docs[0].errors.length > 0) return undefined;
  const node = docs[0].getIn(path, true);
  if (!isScalar(node) || !node.srcToken || !('source' in node.srcToken)) return undefined;
  const source = value === null ? 'null' : String(value);
  const needsQuotes = typeof value === 'string' && safeParse(source) !== value;
  try {
    CST.setScalarValue(node.srcToken, source, needsQuotes ? { type: 'QUOTE_DOUBLE' } : undefined);
  } catch {
    return undefined;
  }
  const out = tokens.map((t) => CST.stringify(t)).join('');
  const check = parseDocument(out);
  if (check.errors.length > 0 || check.getIn(path) !== value) return undefined;
  return out;
}

function safeParse(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

function editYaml(text: string, change: (doc: Document) => string | void): EditOutcome {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { text, error: `the YAML does not parse: ${doc.errors[0].message.split('\n')[0]}` };
  if (doc.contents !== null && !isMap(doc.contents)) return { text, error: 'the document is not a map' };
  try {
    const error = change(doc);
    if (error) return { text, error };
  } catch (e) {
    return { text, error: e instanceof Error ? e.message : String(e) };
  }
  return { text: doc.toString({ lineWidth: 0 }) };
}

function editJson(text: string, change: (data: Record<string, unknown>) => string | undefined): EditOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { text, error: `the JSON does not parse: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { text, error: 'the document is not an object' };
  const error = change(data as Record<string, unknown>);
  if (error) return { text, error };
  return { text: `${JSON.stringify(data, null, 2)}\n` };
}

function getPlain(data: unknown, path: EditPath): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function setPlain(data: Record<string, unknown>, path: EditPath, value: unknown): string | undefined {
  let at: Record<string | number, unknown> = data;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = at[key];
    if (next === undefined) {
      if (value === undefined) return undefined; // deleting under a missing key: nothing to do
      next = typeof path[i + 1] === 'number' ? [] : {};
      at[key] = next;
    }
    if (typeof next !== 'object' || next === null) return `${path.slice(0, i + 1).join('.')} is not a map or a list`;
    at = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(at) && typeof last === 'number') at.splice(last, 1);
    else delete at[last];
  } else at[last] = value;
  return undefined;
}

function isPrimitive(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

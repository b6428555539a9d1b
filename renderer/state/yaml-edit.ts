import { Composer, CST, isMap, isScalar, isSeq, parse, parseDocument, Parser, type Document } from 'yaml';

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

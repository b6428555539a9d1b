import { isScalar, parseDocument, type Scalar } from 'yaml';
import { formatPath, type PathSegment } from '../model/errors.ts';
import { protectDistributionText, restoreDistributionText } from '../model/yaml-protect.ts';

/**
 * Reading a scenario's text as data and rewriting values in it without touching anything else
 * — comments, key order, flow maps, blank lines — as calibrate needs. Distribution text may be
 * written unquoted inside flow maps (`{ latency: lognormal(p50=1ms, p99=9ms) }`), so the text
 * is parsed the way the loader parses it: through yaml-protect.ts, which swaps the YAML
 * indicators inside `name( … )` one character for one, so source positions do not move. Pure.
 */

/** The private-use characters yaml-protect.ts stands in with; a text that already has them is parsed as it is. */
const STANDINS = /[\uE000-\uE005]/;

export interface ScalarEdit {
  path: readonly PathSegment[];
  value: string | number;
}

/** The scenario's raw data, as the loader sees it before validation (undefined: the YAML has errors). */
export function readScenarioData(text: string): { data?: unknown; error?: string } {
  const doc = parseDocument(protectedSource(text), { uniqueKeys: true });
  if (doc.errors.length > 0) return { error: doc.errors[0].message.split('\n')[0] };
  return { data: restoreDistributionText(doc.toJS()) };
}

function protectedSource(text: string): string {
  return STANDINS.test(text) ? text : protectDistributionText(text);
}

/**
 * Rewrites the scalars at the given paths. Each is replaced in the text where it stands (the
 * yaml Document gives every scalar's source range), quoted as it was quoted, so every other
 * byte stays. If that cannot be done — a block scalar, a value that would read back
 * differently — the yaml Document API sets the values instead (comments and key order survive;
 * the layout is the library's). Throws when a path is not a scalar of the text.
 */
export function replaceScalars(text: string, edits: readonly ScalarEdit[]): string {
  const source = protectedSource(text);
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`the scenario's YAML does not parse: ${doc.errors[0].message.split('\n')[0]}`);
  const splices: Array<{ from: number; to: number; text: string }> = [];
  let inPlace = true;
  for (const edit of edits) {
    const node = doc.getIn(edit.path, true);
    if (!isScalar(node) || !node.range) throw new Error(`${formatPath(edit.path)} is not a value of the scenario text`);
    const written = writeScalar(node, edit.value);
    if (written === undefined) inPlace = false;
    else splices.push({ from: node.range[0], to: node.range[1], text: written });
  }
  if (inPlace) {
    let out = text;
    for (const s of splices.sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
    if (readsBack(out, edits)) return out;
  }
  return setWithDocument(text, edits);
}

/** The source text of a scalar holding `value`, in the original's style; undefined for block scalars. */
function writeScalar(node: Scalar, value: string | number): string | undefined {
  const text = String(value);
  switch (node.type) {
    case 'PLAIN':
      return text;
    case 'QUOTE_DOUBLE':
      return JSON.stringify(text);
    case 'QUOTE_SINGLE':
      return `'${text.replace(/'/g, "''")}'`;
    default:
      return undefined;
  }
}

function readsBack(text: string, edits: readonly ScalarEdit[]): boolean {
  const { data } = readScenarioData(text);
  if (data === undefined) return false;
  return edits.every((e) => valueAt(data, e.path) === e.value);
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let at = data;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function setWithDocument(text: string, edits: readonly ScalarEdit[]): string {
  const protect = !STANDINS.test(text);
  const doc = parseDocument(protect ? protectDistributionText(text) : text, { uniqueKeys: true });
  for (const edit of edits) {
    const node = doc.getIn(edit.path, true) as Scalar;
    node.type = 'PLAIN'; // a block scalar would add a line break; the library quotes where plain cannot be
    // Written protected, so the library has no reason to quote it; restored below with the rest.
    node.value = typeof edit.value === 'string' && protect ? protectDistributionText(edit.value) : edit.value;
  }
  const out = doc.toString({ lineWidth: 0 });
  const restored = protect ? (restoreDistributionText(out) as string) : out;
  if (!readsBack(restored, edits)) throw new Error(`could not write ${edits.map((e) => formatPath(e.path)).join(', ')} back into the scenario text`);
  return restored;
}

import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './errors.ts';

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Finds where a path lives in the parsed YAML (or JSON) document: the node at the path, or —
 * when part of the path is missing (a required key not given) — the deepest enclosing node
 * that exists, i.e. the parent object.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[], atKey = false): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let at = rangeStart(node);
  // Where the current node was named (its key, or its list item): a missing key points there.
  let named = at;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) {
        at = named ?? at;
        break;
      }
      const keyStart = rangeStart(pair.key);
      named = keyStart ?? named;
      if ((last && atKey) || pair.value === null || pair.value === undefined) {
        at = keyStart ?? at;
        if (pair.value === null || pair.value === undefined) break;
        continue;
      }
      node = pair.value;
    } else if (isSeq(node)) {
      const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : -1;
      const item = index >= 0 ? node.items[index] : undefined;
      if (item === undefined || item === null) break;
      node = item;
      named = rangeStart(item) ?? named;
    } else {
      break;
    }
    at = rangeStart(node) ?? at;
  }
  if (at === undefined) return undefined;
  const { line, col } = lines.linePos(at);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { formatPath, type PathSegment } from '../model/errors.ts';
import { protectDistributionText } from '../model/yaml-protect.ts';

/**
 * The assumption ledger of a scenario file (docs/decisions/0013): every `# source: "…"` and
 * `# assumption: …` comment, with the YAML path and value of the line it annotates. A tag on a
 * line with a key annotates that key; a tag on a comment-only line annotates the next key. The
 * comment-only lines right below a tag, with their `#` in the same column, continue it.
 */
export interface LedgerEntry {
  kind: 'source' | 'assumption';
  /** Dotted path of the annotated key ('' when none follows). */
  path: string;
  /** The value on that line as written (flow maps and lists included), '' for a block. */
  value: string;
  /** The comment's text after the tag, continuation lines joined with a space. */
  text: string;
  line: number;
}

const TAG = /^#\s*(source|assumption):\s*(.*)$/;

export function assumptionLedger(fileText: string): LedgerEntry[] {
  const lines = fileText.split('\n');
  const keys = keyLines(fileText);
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const hash = commentStart(lines[i]);
    if (hash < 0) continue;
    const tag = TAG.exec(lines[i].slice(hash));
    if (!tag) continue;
    const parts = [tag[2].trim()];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const h = commentStart(lines[j]);
      if (h !== hash || lines[j].slice(0, h).trim() !== '') break;
      const rest = lines[j].slice(h + 1).trim();
      if (rest === '' || TAG.test(lines[j].slice(h))) break;
      parts.push(rest);
    }
    const standalone = lines[i].slice(0, hash).trim() === '';
    let target: KeyLine | undefined = keys.get(i + 1);
    if (standalone) for (let k = j; k < lines.length && !target; k++) target = keys.get(k + 1);
    entries.push({
      kind: tag[1] as LedgerEntry['kind'],
      path: target?.path ?? '',
      value: target?.value ?? '',
      text: parts.join(' '),
      line: i + 1,
    });
  }
  return entries;
}

interface KeyLine {
  path: string;
  value: string;
}

/** 1-based line → the first key that starts on it, with the value's source text. */
function keyLines(fileText: string): Map<number, KeyLine> {
  const counter = new LineCounter();
  // Distribution text is protected as the scenario loader does (one character for one, so offsets hold).
  const doc = parseDocument(protectDistributionText(fileText), { lineCounter: counter });
  const out = new Map<number, KeyLine>();
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const name = isScalar(key) ? String(key.value) : '';
        const child = [...path, name];
        const start = key?.range?.[0];
        if (start !== undefined) {
          const line = counter.linePos(start).line;
          if (!out.has(line)) out.set(line, { path: formatPath(child), value: valueText(fileText, pair.value as Node | null) });
        }
        visit(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(doc.contents, []);
  return out;
}

function valueText(fileText: string, node: Node | null): string {
  if (!node?.range) return '';
  if (isScalar(node) || (isMap(node) && node.flow) || (isSeq(node) && node.flow)) {
    return fileText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ').trim();
  }
  return '';
}

/** Index of the `#` that starts a comment on the line (outside quotes), or -1. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      // A quote starts a quoted scalar only at a token boundary.
      if (i === 0 || /[\s:[{,]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return i;
    }
  }
  return -1;
}

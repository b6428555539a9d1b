/**
 * Lets distribution text be written unquoted anywhere, as DESIGN.md does:
 * `{ kind: external, latency: lognormal(p50=120ms, p99=900ms) }`. In plain YAML the comma
 * would split that flow map, and `hyperexp(0.9: 1ms, 0.1: 10ms)` or `empirical([1ms, 2ms])`
 * would not parse at all. Before parsing, the YAML indicators inside `name( … )` (closed on the
 * same line) are swapped for private-use characters; after parsing they are swapped back in
 * every string. One character for one, so lines and columns do not move, and the values are
 * exactly what the user wrote whether or not the text was quoted.
 */
const INDICATORS = ',[]{}:';
const STANDINS = '\uE000\uE001\uE002\uE003\uE004\uE005';
const STANDIN_RE = /[\uE000-\uE005]/g;
const GROUP_START = /[A-Za-z_][\w-]*\(/g;

export function protectDistributionText(text: string): string {
  if (STANDIN_RE.test(text)) return text; // the user's own text uses them: leave it alone
  STANDIN_RE.lastIndex = 0;
  return text.split('\n').map(protectLine).join('\n');
}

function protectLine(line: string): string {
  if (!line.includes('(')) return line;
  const chars = line.split('');
  GROUP_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GROUP_START.exec(line)) !== null) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < line.length; i++) {
      if (line[i] === '(') depth++;
      else if (line[i] === ')' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) break;
    for (let i = open + 1; i < close; i++) {
      const k = INDICATORS.indexOf(line[i]);
      if (k >= 0) chars[i] = STANDINS[k];
    }
    GROUP_START.lastIndex = close + 1;
  }
  return chars.join('');
}

function restoreString(s: string): string {
  return s.replace(STANDIN_RE, (c) => INDICATORS[STANDINS.indexOf(c)]);
}

/** Undo protectDistributionText in every string (and map key) of parsed data. */
export function restoreDistributionText(value: unknown): unknown {
  if (typeof value === 'string') return restoreString(value);
  if (Array.isArray(value)) return value.map(restoreDistributionText);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[restoreString(k)] = restoreDistributionText(v);
    return out;
  }
  return value;
}

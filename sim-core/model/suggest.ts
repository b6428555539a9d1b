/** Edit distance (Levenshtein) between two short strings. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(up + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * The candidate closest to `name` (case-insensitive edit distance), or undefined when none is
 * plausibly meant: the distance must be at most a third of the longer name (at least 1, and 0
 * for names of one or two letters), or one must be a prefix of the other (`replica` → `replicas`).
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const isPrefix = Math.min(lower.length, c.length) >= 3 && (c.startsWith(lower) || lower.startsWith(c));
    const d = isPrefix ? Math.min(1, editDistance(lower, c)) : editDistance(lower, c);
    const longer = Math.max(lower.length, c.length);
    // Names of one or two letters are too short for a guess to mean anything.
    const limit = longer <= 2 ? 0 : Math.max(1, Math.floor(longer / 3));
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "; did you mean 'x'?" or "" — to append to an error message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = nearest(name, candidates);
  return match === undefined ? '' : `; did you mean '${match}'?`;
}

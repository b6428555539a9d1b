/**
 * A degraded state is the vector of up-replica counts per unit. During a replication it is kept
 * as one number — a mixed-radix code, Σ upᵤ·strideᵤ with radix (replicasᵤ + 1) — updated by
 * ±strideᵤ per change, so a state change costs an addition and one Map update. When the product
 * of the radices exceeds 2^53 (e.g. 30 units of 3 replicas) the code would lose precision, and
 * the state is keyed by the joined counts instead. Labels (`app=3,db=1`) are made once at the end.
 */
export class StateCoder {
  readonly strides: Float64Array;
  /** True when the numeric code is exact; otherwise keys are strings. */
  readonly numeric: boolean;

  constructor(private readonly names: readonly string[], private readonly replicas: readonly number[]) {
    this.strides = new Float64Array(names.length);
    let stride = 1;
    for (let u = 0; u < names.length; u++) {
      this.strides[u] = stride;
      stride *= replicas[u] + 1;
    }
    this.numeric = stride <= Number.MAX_SAFE_INTEGER;
  }

  /** The key of `up` when keys are strings. */
  stringKey(up: Int32Array): string {
    return up.join(',');
  }

  /** The up-count per unit of a key made by `code`/`stringKey`. */
  decode(key: number | string): number[] {
    if (typeof key === 'string') return key.split(',').map(Number);
    const counts: number[] = [];
    let rest = key;
    for (let u = 0; u < this.names.length; u++) {
      const radix = this.replicas[u] + 1;
      counts.push(rest % radix);
      rest = Math.floor(rest / radix);
    }
    return counts;
  }

  /** `app=3,db=1`: unit names in input order. */
  label(counts: readonly number[]): string {
    return counts.map((c, u) => `${this.names[u]}=${c}`).join(',');
  }
}

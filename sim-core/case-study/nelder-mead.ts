/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965) with the standard coefficients —
 * reflection 1, expansion 2, contraction ½, shrink ½ — and the acceptance rules of Lagarias et
 * al. (1998), the ones MATLAB's fminsearch uses. Written for a handful of parameters and an
 * expensive objective (each evaluation is a simulation): it needs no derivatives, every
 * evaluation counts against `maxEvals`, and the caller can stop it after any evaluation.
 * One dimension works too (the simplex is a segment).
 */

export interface NelderMeadOptions {
  /** The initial simplex is x0 and x0 + step·eᵢ for every coordinate i. */
  step: number;
  /** Evaluations at most, the initial simplex included. */
  maxEvals: number;
  /** Called after every evaluation (1-based count); returning true stops at once. */
  onEvaluation?: (x: readonly number[], f: number, evaluation: number) => boolean | void;
  /**
   * Converged when every vertex lies within this distance of the best in every coordinate
   * (default 1e-6) and the values spread at most `fTolerance` (default: not checked).
   */
  xTolerance?: number;
  fTolerance?: number;
}

export interface NelderMeadResult {
  /** The best point evaluated, and its value. */
  x: number[];
  f: number;
  evaluations: number;
  /** `stopped`: onEvaluation asked to stop; `maxEvals`: out of budget; `converged`: the simplex collapsed. */
  reason: 'stopped' | 'maxEvals' | 'converged';
}

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/** Thrown inside the search to unwind it when the budget is spent or the caller stops. */
class Stop {
  constructor(readonly reason: 'stopped' | 'maxEvals') {}
}

interface Vertex {
  x: number[];
  f: number;
}

/** Minimises `objective` from `x0`. A NaN value counts as +∞ (a point to move away from). */
export async function nelderMead(
  objective: (x: readonly number[]) => number | Promise<number>,
  x0: readonly number[],
  opts: NelderMeadOptions,
): Promise<NelderMeadResult> {
  const n = x0.length;
  if (n === 0) throw new RangeError('nelderMead: needs at least one coordinate');
  if (!(opts.step !== 0 && Number.isFinite(opts.step))) throw new RangeError(`nelderMead: step must be finite and non-zero, got ${opts.step}`);
  if (!(Number.isInteger(opts.maxEvals) && opts.maxEvals >= 1)) throw new RangeError(`nelderMead: maxEvals must be a positive integer, got ${opts.maxEvals}`);
  const xTol = opts.xTolerance ?? 1e-6;
  const fTol = opts.fTolerance ?? Infinity;

  let evaluations = 0;
  let best: Vertex | undefined;
  const evaluate = async (x: number[]): Promise<Vertex> => {
    if (evaluations >= opts.maxEvals) throw new Stop('maxEvals');
    evaluations++;
    const raw = await objective(x);
    const f = Number.isNaN(raw) ? Infinity : raw;
    if (best === undefined || f < best.f) best = { x: [...x], f };
    if (opts.onEvaluation?.(x, f, evaluations) === true) throw new Stop('stopped');
    return { x, f };
  };
  const result = (reason: NelderMeadResult['reason']): NelderMeadResult => ({ x: best!.x, f: best!.f, evaluations, reason });

  try {
    const simplex: Vertex[] = [await evaluate([...x0])];
    for (let i = 0; i < n; i++) {
      const x = [...x0];
      x[i] += opts.step;
      simplex.push(await evaluate(x));
    }
    for (;;) {
      // Stable sort: among equal values the older vertex stays ahead (Lagarias et al.'s tie rule).
      simplex.sort((a, b) => a.f - b.f);
      if (collapsed(simplex, xTol, fTol)) return result('converged');
      const worst = simplex[n];
      const c = centroid(simplex.slice(0, n));
      const reflected = await evaluate(along(c, worst.x, -REFLECT));
      if (reflected.f < simplex[0].f) {
        const expanded = await evaluate(along(c, worst.x, -REFLECT * EXPAND));
        simplex[n] = expanded.f < reflected.f ? expanded : reflected;
      } else if (reflected.f < simplex[n - 1].f) {
        simplex[n] = reflected;
      } else {
        // Contract outside (towards the reflected point) or inside (towards the worst).
        const outside = reflected.f < worst.f;
        const contracted = await evaluate(along(c, worst.x, outside ? -REFLECT * CONTRACT : CONTRACT));
        if (outside ? contracted.f <= reflected.f : contracted.f < worst.f) {
          simplex[n] = contracted;
        } else {
          for (let i = 1; i <= n; i++) simplex[i] = await evaluate(simplex[0].x.map((b, j) => b + SHRINK * (simplex[i].x[j] - b)));
        }
      }
    }
  } catch (e) {
    if (e instanceof Stop) return result(e.reason);
    throw e;
  }
}

/** c + t·(w − c): t = −1 reflects w through c, −2 expands, −½ and ½ contract. */
function along(c: readonly number[], w: readonly number[], t: number): number[] {
  return c.map((ci, j) => ci + t * (w[j] - ci));
}

function centroid(vertices: readonly Vertex[]): number[] {
  const c = new Array<number>(vertices[0].x.length).fill(0);
  for (const v of vertices) for (let j = 0; j < c.length; j++) c[j] += v.x[j] / vertices.length;
  return c;
}

function collapsed(simplex: readonly Vertex[], xTol: number, fTol: number): boolean {
  const [b, ...rest] = simplex;
  for (const v of rest) {
    if (fTol !== Infinity && !(Math.abs(v.f - b.f) <= fTol)) return false;
    for (let j = 0; j < b.x.length; j++) if (Math.abs(v.x[j] - b.x[j]) > xTol) return false;
  }
  return true;
}

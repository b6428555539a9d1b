/**
 * Student t quantiles t_{0.975, df}: the factor between a 95% confidence half-width and the
 * standard error it was built from (half-width = t·s/√n). Exact table for df ≤ 30 (values to 4
 * decimals, e.g. NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2); above that the
 * Cornish–Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5), accurate to < 10⁻⁴ there.
 */
const T975 = [
  NaN, 12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281,
  2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
  2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

const Z975 = 1.959963984540054;

export function studentT975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new RangeError(`degrees of freedom must be an integer ≥ 1, got ${df}`);
  if (df < T975.length) return T975[df];
  const z = Z975, z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

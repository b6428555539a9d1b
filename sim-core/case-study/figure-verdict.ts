/**
 * The verdict on one reported figure (docs/decisions/0013): reproduced when the simulated value
 * is within ±15% of the reported one, or the reported value lies inside the simulated 95%
 * interval. Availability and uptime are compared on their complement (the downtime): 99.99%
 * against 99.9% is ten times the downtime, which a 15% band on the value itself would hide.
 */
export type FigureVerdict = 'reproduced' | 'not reproduced' | 'not modelled';

export const REPRODUCED_WITHIN = 0.15;

/** Metric paths whose figures are compared on 1 − value. */
export function comparesDowntime(metric: string): boolean {
  return /(^|\.)(availability|uptime)$/.test(metric);
}

export function figureVerdict(metric: string, reported: number, simulated: number, halfWidth = 0): Exclude<FigureVerdict, 'not modelled'> {
  if (!Number.isFinite(simulated)) return 'not reproduced';
  const flip = comparesDowntime(metric);
  const r = flip ? 1 - reported : reported;
  const s = flip ? 1 - simulated : simulated;
  const h = Number.isFinite(halfWidth) ? Math.abs(halfWidth) : 0;
  if (Math.abs(s - r) <= REPRODUCED_WITHIN * Math.abs(r)) return 'reproduced';
  if (r >= s - h && r <= s + h) return 'reproduced';
  return 'not reproduced';
}

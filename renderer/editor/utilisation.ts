import { interpolateCividis, rgb, scaleSequential } from 'd3';
import type { RunResult } from '../../sim-core/run/result.ts';

/**
 * Colouring the canvas by the last run: utilisation on a sequential, colour-blind-safe scale
 * (cividis: readable with every common colour-vision deficiency and in greyscale), and the
 * bottleneck, the component with the highest utilisation.
 */

const scale = scaleSequential(interpolateCividis).domain([0, 1]).clamp(true);

/** Fill colour of a node at utilisation u (0–1, clamped), as `rgb(r, g, b)`. */
export function utilisationColour(u: number): string {
  return rgb(scale(u)).formatRgb();
}

/** A readable text colour on `background`: dark on light fills, light on dark ones (WCAG relative luminance). */
export function textOn(background: string): string {
  const c = rgb(background);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return l > 0.2 ? '#111111' : '#ffffff';
}

/** Utilisation by component name, for components that report one. */
export function utilisationByComponent(result: Pick<RunResult, 'components'> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!result) return out;
  for (const [name, c] of Object.entries(result.components)) if (typeof c.utilisation === 'number' && Number.isFinite(c.utilisation)) out[name] = c.utilisation;
  return out;
}

/** The component with the highest utilisation (ties: the first by name), if any is above 0. */
export function bottleneck(utilisation: Record<string, number>): string | undefined {
  let best: string | undefined;
  for (const name of Object.keys(utilisation).sort()) if (utilisation[name] > 0 && (best === undefined || utilisation[name] > utilisation[best])) best = name;
  return best;
}

/** Stops of the legend gradient, 0 to 1. */
export function legendStops(n = 6): Array<{ offset: number; colour: string }> {
  return Array.from({ length: n }, (_, i) => ({ offset: i / (n - 1), colour: utilisationColour(i / (n - 1)) }));
}

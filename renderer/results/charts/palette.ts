/**
 * Okabe–Ito, the colour-blind-safe palette, through the app's CSS variables --c1…--c8 (defined
 * in renderer/styles.css for both themes); the fallbacks keep an exported SVG coloured on its own.
 * Yellow (#F0E442) is left out of the line order: it is unreadable on a light background.
 */
const OKABE_ITO: ReadonlyArray<[number, string]> = [
  [5, '#0072B2'],
  [1, '#E69F00'],
  [3, '#009E73'],
  [6, '#D55E00'],
  [2, '#56B4E9'],
  [7, '#CC79A7'],
  [8, '#7F7F7F'],
];

export function seriesColour(i: number): string {
  const [v, hex] = OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length];
  return `var(--c${v}, ${hex})`;
}

/** Dash patterns that tell lines apart without colour, cycled after the colours. */
export function seriesDash(i: number): string | undefined {
  const k = Math.floor(i / OKABE_ITO.length) % 3;
  return k === 0 ? undefined : k === 1 ? '6 3' : '2 3';
}

import type { ComponentKind } from './topology.ts';

/** A 24×24 line glyph per component kind, drawn in currentColor. */
export function KindIcon({ kind, size = 24 }: { kind: ComponentKind | 'unknown'; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {GLYPHS[kind]}
    </svg>
  );
}

const GLYPHS: Record<ComponentKind | 'unknown', React.ReactNode> = {
  // A server box with two status lights.
  service: (
    <>
      <rect x="3.5" y="4" width="17" height="7" rx="1.5" />
      <rect x="3.5" y="13" width="17" height="7" rx="1.5" />
      <circle cx="7" cy="7.5" r="0.9" fill="currentColor" />
      <circle cx="7" cy="16.5" r="0.9" fill="currentColor" />
      <path d="M11 7.5h6M11 16.5h6" />
    </>
  ),
  // A gate: one line in, fanned out.
  gateway: (
    <>
      <rect x="3" y="5" width="5" height="14" rx="1.2" />
      <path d="M8 12h4M12 12l4-5h4M12 12h8M12 12l4 5h4" />
    </>
  ),
  // A globe.
  cdn: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.6 2.4 3.8 5.2 3.8 8.5s-1.2 6.1-3.8 8.5M12 3.5c-2.6 2.4-3.8 5.2-3.8 8.5s1.2 6.1 3.8 8.5" />
    </>
  ),
  // A lightning bolt.
  cache: <path d="M13.5 2.5L5 13.5h6l-1.5 8 8.5-11h-6l1.5-8z" />,
  // A cylinder.
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.8" />
      <path d="M4.5 5.5v13c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8v-13" />
      <path d="M4.5 12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8" />
    </>
  ),
  // Messages in a pipe.
  queue: (
    <>
      <path d="M2.5 7h19M2.5 17h19" />
      <rect x="4.5" y="9.5" width="4" height="5" rx="0.8" />
      <rect x="10" y="9.5" width="4" height="5" rx="0.8" />
      <rect x="15.5" y="9.5" width="4" height="5" rx="0.8" />
    </>
  ),
  // A cloud.
  external: <path d="M7 18.5h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.6 9.6 4.5 4.5 0 0 0 7 18.5z" />,
  unknown: (
    <>
      <rect x="4" y="4" width="16" height="16" rx="3" strokeDasharray="3 2" />
      <path d="M10 9.5a2 2 0 1 1 2.5 1.9c-.4.2-.5.5-.5.9v.7M12 15.5v.5" />
    </>
  ),
};

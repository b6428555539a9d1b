import type { Badge } from './replay-tables.ts';

/** A verdict as a text badge: symbol and words, tinted with an Okabe–Ito colour (never colour alone). */
export function VerdictBadge({ badge }: { badge: Badge }) {
  return (
    <span className={`cs-badge cs-badge-${badge.tone}`}>
      <span className="cs-badge-symbol" aria-hidden="true">
        {badge.symbol}
      </span>
      {badge.label}
    </span>
  );
}

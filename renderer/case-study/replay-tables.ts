import type { LedgerEntry } from '../../sim-core/case-study/assumption-ledger.ts';
import type { FigureVerdict } from '../../sim-core/case-study/figure-verdict.ts';
import type { CheckVerdict } from '../../sim-core/case-study/plausibility-checks.ts';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import { numberCell, textCell, type TableModel } from '../results/table-model.ts';

/**
 * The replay's tables as data (pure): the verdict table, the plausibility checks and an
 * assumption ledger, for the view and their CSV export, plus how each verdict is shown — a text
 * badge with a symbol and an Okabe–Ito colour, so colour is never the only cue.
 */

export type BadgeTone = 'good' | 'bad' | 'neutral';

export interface Badge {
  /** The verdict in words, as the CLI prints it. */
  label: string;
  /** A symbol that tells the verdicts apart without colour. */
  symbol: string;
  tone: BadgeTone;
}

export const FIGURE_BADGES: Record<FigureVerdict, Badge> = {
  reproduced: { label: 'reproduced', symbol: '✓', tone: 'good' },
  'not reproduced': { label: 'not reproduced', symbol: '✗', tone: 'bad' },
  'not modelled': { label: 'not modelled', symbol: '–', tone: 'neutral' },
};

export const CHECK_BADGES: Record<CheckVerdict, Badge> = {
  consistent: { label: 'consistent', symbol: '✓', tone: 'good' },
  plausible: { label: 'plausible', symbol: '✓', tone: 'good' },
  inconsistent: { label: 'inconsistent', symbol: '!', tone: 'bad' },
  implausible: { label: 'implausible', symbol: '!', tone: 'bad' },
};

/** One row per reported figure; the simulated value carries its raw number and half-width for the CSV. */
export function verdictTable(r: ReplayReport): TableModel {
  return {
    caption: `Replay of ${r.title}: reported against simulated`,
    columns: [
      { label: 'figure' },
      { label: 'scenario' },
      { label: 'metric' },
      { label: 'reported', numeric: true },
      { label: 'simulated', numeric: true },
      { label: 'verdict' },
      { label: 'why' },
      { label: 'quote' },
    ],
    rows: r.figures.map((f) => [
      textCell(f.figure),
      textCell(f.scenario),
      textCell(f.metric ?? ''),
      textCell(f.reported),
      f.value !== undefined ? numberCell(f.simulated, f.value, f.halfWidth) : textCell(f.simulated),
      textCell(f.verdict),
      textCell(f.why ?? ''),
      textCell(f.quote),
    ]),
  };
}

export function checksTable(r: ReplayReport): TableModel {
  return {
    caption: `Plausibility checks of ${r.title}`,
    columns: [{ label: 'check' }, { label: 'kind' }, { label: 'verdict' }, { label: 'why' }, { label: 'working' }, { label: 'quote' }],
    rows: r.checks.map((c) => [textCell(c.title), textCell(c.check), textCell(c.verdict), textCell(c.why), textCell(c.working.join(' | ')), textCell(c.quote)]),
  };
}

export function ledgerTable(scenario: string, file: string, entries: readonly LedgerEntry[]): TableModel {
  return {
    caption: `Assumption ledger of ${scenario} (${file})`,
    columns: [{ label: 'line', numeric: true }, { label: 'kind' }, { label: 'path' }, { label: 'value' }, { label: 'text' }],
    rows: entries.map((e) => [numberCell(String(e.line), e.line), textCell(e.kind), textCell(e.path || '(file)'), textCell(e.value), textCell(e.text)]),
  };
}

/** `2 reproduced, 1 not reproduced, 1 not modelled; 3 of 5 checks flag a problem.` */
export function replaySummary(r: ReplayReport): string {
  const flagged = r.checks.filter((c) => CHECK_BADGES[c.verdict].tone === 'bad').length;
  const checks = r.checks.length === 0 ? '' : `; ${flagged} of ${r.checks.length} check${r.checks.length === 1 ? '' : 's'} flag${flagged === 1 ? 's' : ''} a problem`;
  return `${r.counts.reproduced} reproduced, ${r.counts['not reproduced']} not reproduced, ${r.counts['not modelled']} not modelled${checks}.`;
}

/** Counts of a ledger's two kinds: `14 sources, 31 assumptions`. */
export function ledgerCounts(entries: readonly LedgerEntry[]): string {
  const sources = entries.filter((e) => e.kind === 'source').length;
  const assumptions = entries.length - sources;
  return `${sources} source${sources === 1 ? '' : 's'}, ${assumptions} assumption${assumptions === 1 ? '' : 's'}`;
}

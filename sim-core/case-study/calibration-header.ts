import type { CalibrationResult } from './calibrate.ts';
import { formatReportedValue, significant, type ReportedUnit } from './metric-path.ts';

/**
 * The comment block `archsim calibrate` writes at the top of a calibrated scenario: the targets,
 * the simulated values at the fit with their errors, the factor of every free pattern, the run
 * settings and the evaluations used. Date-free, so calibrating twice the same way writes the same
 * file. It sits between two marker lines; calibrating the file again replaces the block instead of
 * stacking a second one. Pure.
 */

const FIRST = '# ── Calibrated by archsim calibrate';
const LAST = '# ── end of calibration';

/** The header's lines, without the markers and without the leading `# `. */
export function calibrationHeaderLines(fit: Omit<CalibrationResult, 'text'>): string[] {
  const targetRows = fit.targets.map((t) => [
    t.path,
    t.reported,
    formatFitValue(t.simulated, t.halfWidth, t.unit),
    `${formatRelativeError(t.error)}${t.complement ? ' of 1 − value' : ''}`,
  ]);
  const parameterRows = fit.parameters.map((p) => [p.pattern, p.description, p.kind === 'scale' ? `(${count(p.values.length, 'value')})` : '']);
  const s = fit.settings;
  // The run line gives these four; other overrides are listed, since the text does not hold them.
  const sets = s.overrides.filter((o) => !/^run\.(duration|warmup|replications|seed)\s*=/.test(o));
  const lines = [
    'The values the free patterns below match were fitted to the reported figures;',
    'running archsim calibrate on this file again replaces this block.',
    '',
    'Targets (reported, simulated at the fit ± 95% CI, error):',
    ...aligned(targetRows).map((l) => `  ${l}`),
    '',
    'Free parameters (a factor on the durations, or shares before → after; relative to the',
    'values as they were before this calibration):',
    ...aligned(parameterRows).map((l) => `  ${l}`),
    '',
    `Run: seed ${s.seed}, duration ${s.duration}, warmup ${s.warmup}, ${count(s.replications, 'replication')}, the same for every`,
    `evaluation (common random numbers)${s.precisionIgnored ? '; run.precision ignored while fitting' : ''}${sets.length > 0 ? ', with:' : '.'}`,
    ...sets.map((o) => `  --set ${o}`),
    `Fit: Nelder–Mead on the log factors${fit.parameters.some((p) => p.kind === 'logit') ? ' and share logits' : ''}, ${count(fit.evaluations, 'evaluation')}; ${verdict(fit)}.`,
  ];
  return lines;
}

function verdict(fit: Omit<CalibrationResult, 'text'>): string {
  const tol = `${significant(fit.tolerance * 100)}%`;
  if (fit.converged) return `every target within ${tol}`;
  const worst = fit.targets.reduce((a, b) => (!(Math.abs(b.error) <= Math.abs(a.error)) ? b : a));
  return `NOT every target within ${tol} (worst: ${worst.path}, ${formatRelativeError(worst.error)})`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** Left-aligned columns two spaces apart, trailing spaces trimmed. */
function aligned(rows: readonly string[][]): string[] {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, [...c].length)), []);
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd());
}

/** `2.79s ±0.031s`, `99.91% ±0.01%`: the value as a reported figure and its half-width on the same scale. */
export function formatFitValue(value: number, halfWidth: number | undefined, unit: ReportedUnit): string {
  if (!Number.isFinite(value)) return 'no value';
  const text = formatReportedValue(value, unit);
  if (halfWidth === undefined || !Number.isFinite(halfWidth)) return text;
  const scale = unit === 'ms' && Math.abs(value) >= 1000 ? { f: 1 / 1000, u: 's' } : { f: unit === 'ratio' ? 100 : 1, u: UNIT_SUFFIX[unit] };
  const prefix = unit === 'usd' ? '$' : '';
  return `${text} ±${prefix}${significant(halfWidth * scale.f, 2)}${scale.u}`;
}

const UNIT_SUFFIX: Record<ReportedUnit, string> = { ms: 'ms', ratio: '%', usd: '', perSecond: '/s', number: '' };

/** `+0.41%`, `-12.3%`; `—` when there is no value. */
export function formatRelativeError(error: number): string {
  if (!Number.isFinite(error)) return '—';
  const pct = error * 100;
  return `${pct >= 0 ? '+' : ''}${significant(pct, Math.abs(pct) >= 10 ? 3 : 2)}%`;
}

/** The text with a leading calibration block (and the blank line after it) removed. */
export function stripCalibrationHeader(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  if (!body.startsWith(FIRST)) return text;
  const lines = body.split('\n');
  const end = lines.findIndex((l) => l.replace(/\r$/, '').startsWith(LAST));
  // Only a whole block of comment lines is ours; anything else is left for the user to see.
  if (end < 0 || !lines.slice(0, end + 1).every((l) => l.startsWith('#'))) return text;
  let rest = end + 1;
  if (rest < lines.length && lines[rest].replace(/\r$/, '') === '') rest++;
  return bom + lines.slice(rest).join('\n');
}

/** The text with `lines` as its calibration block on top, replacing one that is there. */
export function replaceCalibrationHeader(text: string, lines: readonly string[]): string {
  const stripped = stripCalibrationHeader(text);
  const bom = stripped.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = stripped.includes('\r\n') ? '\r\n' : '\n';
  const rule = (start: string) => `${start} ${'─'.repeat(Math.max(3, 78 - [...start].length))}`;
  const block = [rule(FIRST), ...lines.map((l) => (l === '' ? '#' : `# ${l}`)), rule(LAST)];
  return `${bom}${block.join(eol)}${eol}${eol}${stripped.slice(bom.length)}`;
}

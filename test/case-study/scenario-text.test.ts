import { describe, expect, it } from 'vitest';
import { calibrationHeaderLines, replaceCalibrationHeader, stripCalibrationHeader } from '../../sim-core/case-study/calibration-header.ts';
import { readScenarioData, replaceScalars } from '../../sim-core/case-study/scenario-text.ts';

const TEXT = `# Payments (before) — every number is an assumption unless it says source.
archsim: 1
name: payments

components:
  bank: { kind: external, latency: lognormal(p50=120ms, p99=900ms), errors: 0.5% }   # assumption: the bank's round trip

  app:
    kind: service
    operations:
      read:
        cpu: exp(8ms)          # assumption: CPU per read
        steps:
          - cache: redis
            hit: 0.8           # assumption
      write: { cpu: "exp(15ms)", steps: [] }
      audit: { cpu: 'const(2ms)' }
`;

describe('replaceScalars', () => {
  it('rewrites only the values, where they stand: comments, blank lines, flow maps and quotes stay', () => {
    const out = replaceScalars(TEXT, [
      { path: ['components', 'bank', 'latency'], value: 'lognormal(p50=180ms, p99=1350ms)' },
      { path: ['components', 'app', 'operations', 'read', 'cpu'], value: 'exp(12ms)' },
      { path: ['components', 'app', 'operations', 'read', 'steps', 0, 'hit'], value: 0.8571 },
      { path: ['components', 'app', 'operations', 'write', 'cpu'], value: 'exp(22.5ms)' },
      { path: ['components', 'app', 'operations', 'audit', 'cpu'], value: 'const(3ms)' },
    ]);
    expect(out).toBe(
      TEXT.replace('p50=120ms, p99=900ms', 'p50=180ms, p99=1350ms')
        .replace('cpu: exp(8ms)   ', 'cpu: exp(12ms)   ')
        .replace('hit: 0.8 ', 'hit: 0.8571 ')
        .replace('"exp(15ms)"', '"exp(22.5ms)"')
        .replace("'const(2ms)'", "'const(3ms)'"),
    );
    const { data } = readScenarioData(out);
    expect((data as { components: { bank: { latency: string } } }).components.bank.latency).toBe('lognormal(p50=180ms, p99=1350ms)');
  });

  it('falls back to the yaml Document API for a block scalar, keeping the comments', () => {
    const text = 'a: 1 # one\nb: |\n  exp(4ms)\nc: 2 # two\n';
    const out = replaceScalars(text, [{ path: ['b'], value: 'exp(8ms)' }]);
    expect(readScenarioData(out).data).toEqual({ a: 1, b: 'exp(8ms)', c: 2 });
    expect(out).toContain('# one');
    expect(out).toContain('# two');
  });

  it('throws for a path that is not a value of the text', () => {
    expect(() => replaceScalars(TEXT, [{ path: ['components', 'app'], value: 'x' }])).toThrow(/components.app is not a value/);
  });
});

describe('the calibration header', () => {
  const lines = ['Targets:', '  overall.latency.mean  2.8s', '', 'Fit: 12 evaluations.'];

  it('goes on top of the file, marked, above the user’s own leading comments', () => {
    const out = replaceCalibrationHeader(TEXT, lines);
    const head = out.split('\n');
    expect(head[0]).toMatch(/^# ── Calibrated by archsim calibrate ─+$/);
    expect(head.slice(1, 5)).toEqual(['# Targets:', '#   overall.latency.mean  2.8s', '#', '# Fit: 12 evaluations.']);
    expect(head[5]).toMatch(/^# ── end of calibration ─+$/);
    expect(head[6]).toBe('');
    expect(out.endsWith(TEXT)).toBe(true);
    expect(stripCalibrationHeader(out)).toBe(TEXT);
  });

  it('replaces an earlier block instead of stacking a second one', () => {
    const once = replaceCalibrationHeader(TEXT, lines);
    const twice = replaceCalibrationHeader(once, ['Fit: 3 evaluations.']);
    expect(twice.match(/Calibrated by archsim calibrate/g)).toHaveLength(1);
    expect(twice).toContain('# Fit: 3 evaluations.');
    expect(twice).not.toContain('12 evaluations');
    expect(twice.endsWith(TEXT)).toBe(true);
  });

  it('leaves alone a block that is not whole (no end marker) and keeps CRLF line ends', () => {
    const broken = '# ── Calibrated by archsim calibrate ──\n# edited by hand\narchsim: 1\n';
    expect(stripCalibrationHeader(broken)).toBe(broken);
    const crlf = 'archsim: 1\r\nname: x\r\n';
    const out = replaceCalibrationHeader(crlf, ['Fit.']);
    expect(out).toMatch(/^# ── Calibrated[^\n]*\r\n# Fit\.\r\n# ── end of calibration[^\n]*\r\n\r\narchsim: 1\r\n/);
    expect(stripCalibrationHeader(out)).toBe(crlf);
  });

  it('records targets, simulated values with CIs and errors, factors, run settings and evaluations', () => {
    const text = calibrationHeaderLines({
      targets: [
        { path: 'overall.latency.mean', reported: '2.8s', unit: 'ms', target: 2800, simulated: 2790, halfWidth: 31, error: -0.00357, complement: false },
        { path: 'overall.availability', reported: '99.9%', unit: 'ratio', target: 0.999, simulated: 0.9991, error: -0.1, complement: true },
      ],
      parameters: [{ pattern: 'components.app.operations.*.cpu', kind: 'scale', x: Math.log(1.43), description: '×1.43', values: [] }],
      objective: 0.01,
      evaluations: 23,
      converged: false,
      stopReason: 'maxEvals',
      tolerance: 0.01,
      settings: { seed: 1, duration: '5m', warmup: '1m', replications: 2, overrides: ['run.seed=1', 'components.app.replicas=4'], precisionIgnored: true },
      result: undefined as never,
    }).join('\n');
    expect(text).toContain('overall.latency.mean  2.8s   2.79s ±0.031s  -0.36%');
    expect(text).toContain('overall.availability  99.9%  99.91%         -10% of 1 − value');
    expect(text).toContain('components.app.operations.*.cpu  ×1.43  (0 values)');
    expect(text).toContain('Run: seed 1, duration 5m, warmup 1m, 2 replications');
    expect(text).toContain('run.precision ignored while fitting');
    expect(text).toContain('--set components.app.replicas=4');
    expect(text).not.toContain('--set run.seed');
    expect(text).toContain('23 evaluations; NOT every target within 1% (worst: overall.availability, -10%)');
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d/);
  });
});

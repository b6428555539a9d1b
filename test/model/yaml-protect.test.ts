import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from '../../sim-core/model/errors.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { protectDistributionText, restoreDistributionText } from '../../sim-core/model/yaml-protect.ts';

describe('distribution text inside YAML flow collections', () => {
  it('keeps commas, colons and brackets of name(...) out of the YAML syntax', () => {
    const text = `a: { x: lognormal(p50=120ms, p99=900ms), y: hyperexp(0.9: 1ms, 0.1: 10ms) }
b: [ empirical([1ms, 2ms]), "uniform(1ms, 3ms)" ]
c: hyperexp(0.5: 1ms, 0.5: 2ms)
`;
    const protectedText = protectDistributionText(text);
    expect(protectedText).toHaveLength(text.length);
    expect(protectedText.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(restoreDistributionText(parse(protectedText))).toEqual({
      a: { x: 'lognormal(p50=120ms, p99=900ms)', y: 'hyperexp(0.9: 1ms, 0.1: 10ms)' },
      b: ['empirical([1ms, 2ms])', 'uniform(1ms, 3ms)'],
      c: 'hyperexp(0.5: 1ms, 0.5: 2ms)',
    });
  });

  it('leaves text without groups alone', () => {
    const text = 'a: { b: 1, c: [2, 3] }\n# (not, a group\n';
    expect(protectDistributionText(text)).toBe(text);
  });

  it('errors inside a flow map keep their columns', () => {
    const text = `archsim: 1
name: t
workload: { arrivals: 10/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: lognormal(p50=9ms, p99=1ms), steps: [] } } }
`;
    const { errors } = loadModel(text);
    expect(errors).toEqual([
      { path: 'components.s.operations.op.cpu', message: 'lognormal: p99 (1ms) must be greater than p50 (9ms)', line: 6, column: 60 },
    ]);
    expect(text.split('\n')[5].slice(59)).toMatch(/^lognormal\(/);
  });
});

describe('paths', () => {
  it('format and parse back', () => {
    const segments = ['components', 'app', 'operations', 'transfer', 'steps', 2, 'parallel', 0, 1, 'call'];
    expect(formatPath(segments)).toBe('components.app.operations.transfer.steps[2].parallel[0][1].call');
    expect(parsePath(formatPath(segments))).toEqual(segments);
    expect(formatPath(['components', 'x.y', 'kind'])).toBe('components["x.y"].kind');
    expect(parsePath('components["x.y"].kind')).toEqual(['components', 'x.y', 'kind']);
    expect(parsePath('steps.2.call')).toEqual(['steps', '2', 'call']);
    expect(formatPath(['components', 'bank-api'])).toBe('components.bank-api');
    for (const bad of ['', 'a..b', 'a.', 'a[x]', 'a[1']) expect(parsePath(bad)).toBeUndefined();
  });
});

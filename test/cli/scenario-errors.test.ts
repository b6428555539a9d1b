import { describe, expect, it } from 'vitest';
import { formatScenarioError, formatScenarioErrors } from '../../sim-core/cli/scenario-errors.ts';

describe('formatScenarioErrors', () => {
  it('prints file:line:col: path: message, one per line, then a count', () => {
    const text = formatScenarioErrors('shop.yaml', [
      { path: 'components.app.replicas', message: 'expected a positive integer, got -2', line: 12, column: 15 },
      { path: 'endpoints.buy.call', message: 'unknown operation app.buy', line: 7 },
      { path: 'run.duration', message: 'expected a duration, got 7200/s' },
    ]);
    expect(text).toBe(
      [
        'shop.yaml:12:15: components.app.replicas: expected a positive integer, got -2',
        'shop.yaml:7: endpoints.buy.call: unknown operation app.buy',
        'shop.yaml: run.duration: expected a duration, got 7200/s',
        '3 errors in shop.yaml',
        '',
      ].join('\n'),
    );
  });

  it('leaves out an empty path (a syntax error belongs to no field) and counts one error singular', () => {
    expect(formatScenarioError('x.yaml', { path: '', message: 'bad indentation', line: 3, column: 1 })).toBe(
      'x.yaml:3:1: bad indentation',
    );
    expect(formatScenarioErrors('x.yaml', [{ path: 'a', message: 'b' }]).trimEnd().split('\n').at(-1)).toBe('1 error in x.yaml');
  });
});

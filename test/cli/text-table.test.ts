import { describe, expect, it } from 'vitest';
import { renderTable } from '../../sim-core/cli/text-table.ts';

describe('renderTable', () => {
  it('aligns left and right columns under a rule, with rules between row groups', () => {
    const text = renderTable(
      [
        { header: 'name', align: 'left' },
        { header: 'p99', align: 'right' },
      ],
      [['getBalance', '8.10 ms'], ['login', '1.24 s'], 'rule', ['overall', '±0.05 ms']],
    );
    expect(text.split('\n')).toEqual([
      'name             p99',
      '────────────────────',
      'getBalance   8.10 ms',
      'login         1.24 s',
      '────────────────────',
      'overall     ±0.05 ms',
    ]);
  });

  it('trims trailing spaces when the last column is left-aligned or empty', () => {
    const text = renderTable(
      [
        { header: 'a', align: 'right' },
        { header: 'kind', align: 'left' },
      ],
      [['1', ''], ['22', 'x']],
    );
    expect(text.split('\n').every((line) => line === line.trimEnd())).toBe(true);
  });
});

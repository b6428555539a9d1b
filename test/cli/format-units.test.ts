import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatDurationHalfWidth,
  formatGrouped,
  formatNumber,
  formatNumberHalfWidth,
  formatPercent,
  formatPercentHalfWidth,
  formatSpan,
} from '../../sim-core/cli/format-units.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.412, '412 µs'],
    [8.1034, '8.10 ms'],
    [81.03, '81.0 ms'],
    [810.4, '810 ms'],
    [1240, '1.24 s'],
    [12_400, '12.4 s'],
    [123_456, '2.06 min'],
    [-5, '-5.00 ms'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('switches unit when rounding reaches the next one (999.6 ms is 1.00 s, not 1000 ms)', () => {
    expect(formatDuration(0.9996)).toBe('1.00 ms');
    expect(formatDuration(999.6)).toBe('1.00 s');
    expect(formatDuration(99_960)).toBe('1.67 min');
  });

  it('shows a dash for values that are not numbers', () => {
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(Infinity)).toBe('—');
  });
});

describe('formatDurationHalfWidth', () => {
  it('uses the unit and precision of the value it belongs to', () => {
    expect(formatDurationHalfWidth(0.0523, 8.1034)).toBe('±0.05 ms');
    expect(formatDurationHalfWidth(12.3, 810)).toBe('±12 ms');
    expect(formatDurationHalfWidth(30, 1240)).toBe('±0.03 s');
  });

  it('keeps one significant digit when the value precision would round it to zero', () => {
    expect(formatDurationHalfWidth(0.004, 8.1034)).toBe('±0.004 ms');
    expect(formatDurationHalfWidth(0, 8.1)).toBe('±0 ms');
  });
});

describe('formatSpan', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1500, '1.5s'],
    [60_000, '1m'],
    [90_500, '1m 30.5s'],
    [300_000, '5m'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30m'],
  ])('%d ms reads %s, in the units of the scenario language', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});

describe('formatNumber and formatGrouped', () => {
  it.each([
    [0, '0'],
    [4995.95, '4,996'],
    [41.23, '41.2'],
    [0.5, '0.500'],
    [0.000123, '0.000123'],
    [1_234_567.8, '1,234,568'],
    [99.96, '100'],
    [-3.2, '-3.20'],
  ])('%d reads %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it('groups thousands and never prints a negative zero', () => {
    expect(formatGrouped(1234.5, 1)).toBe('1,234.5');
    expect(formatGrouped(-0.0001, 2)).toBe('0.00');
    expect(formatGrouped(-1234, 0)).toBe('-1,234');
  });

  it('gives half-widths at the precision of their value', () => {
    expect(formatNumberHalfWidth(12.3, 4996)).toBe('±12');
    expect(formatNumberHalfWidth(0.03, 41.2)).toBe('±0.03');
    expect(formatNumberHalfWidth(0.001, 41.2)).toBe('±0.001');
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [1000, '1.00k'],
    [12_345_678, '12.3M'],
    [999_960, '1.00M'],
    [5.1e9, '5.10G'],
  ])('%d reads %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.5, '50.00%'],
    [0.0123, '1.23%'],
    [0.9987, '99.87%'],
  ])('%d reads %s', (x, text) => {
    expect(formatPercent(x)).toBe(text);
  });

  it('never rounds a rare error to none, nor a near-perfect share to all', () => {
    expect(formatPercent(0.000_01)).toBe('<0.01%');
    expect(formatPercent(0.999_99)).toBe('>99.99%');
  });

  it('gives half-widths in percentage points', () => {
    expect(formatPercentHalfWidth(0.0012)).toBe('±0.12%');
    expect(formatPercentHalfWidth(0.000_01)).toBe('±0.001%');
  });
});

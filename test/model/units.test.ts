import { describe, expect, it } from 'vitest';
import { parseDuration, parsePercent, parseRate, perSecond, type PerMs } from '../../sim-core/model/units.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
};
const message = (r: { ok: boolean; message?: string }): string => {
  expect(r.ok).toBe(false);
  return r.message ?? '';
};

describe('parseDuration', () => {
  it.each([
    ['250us', 0.25],
    ['4ms', 4],
    ['1.5s', 1500],
    ['10m', 600_000],
    ['10min', 600_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['0m', 0],
    ['.5s', 500],
    [' 3 ms ', 3],
    ['1e3ms', 1000],
  ])('%s = %d ms', (text, ms) => {
    expect(value(parseDuration(text))).toBeCloseTo(ms, 12);
  });

  it('asks for a unit on a bare number (text or YAML number)', () => {
    expect(message(parseDuration('250'))).toMatch(/add a unit: 250ms/);
    expect(message(parseDuration(250))).toMatch(/needs a unit: write 250ms/);
  });

  it('says a rate is not a duration', () => {
    expect(message(parseDuration('7200/s'))).toMatch(/'7200\/s' is a rate, but a duration is expected/);
  });

  it('names the valid units for an unknown one, and suggests the meant one', () => {
    expect(message(parseDuration('5y'))).toMatch(/unknown unit 'y'.*us, ms, s, m, h, d, w/);
    expect(message(parseDuration('5sec'))).toMatch(/did you mean 's'/);
  });

  it('rejects negatives, garbage and non-strings', () => {
    expect(message(parseDuration('-1s'))).toMatch(/negative/);
    expect(message(parseDuration('fast'))).toMatch(/expected a duration/);
    expect(message(parseDuration('1.2.3s'))).toMatch(/expected a duration/);
    expect(message(parseDuration(null))).toMatch(/expected a duration/);
    expect(message(parseDuration('0.5%'))).toMatch(/percentage/);
  });
});

describe('parseRate', () => {
  it.each([
    ['7200/s', 7.2],
    ['300/min', 0.005],
    ['300/m', 0.005],
    ['5/ms', 5],
    ['10/h', 10 / 3_600_000],
    ['2 / us', 2000],
  ])('%s = %d per ms', (text, perMs) => {
    expect(value(parseRate(text))).toBeCloseTo(perMs, 15);
  });

  it('exposes per second', () => {
    expect(perSecond(value(parseRate('300/min')))).toBeCloseTo(5, 12);
    expect(perSecond(0.25 as PerMs)).toBe(250);
  });

  it('says a duration is not a rate', () => {
    expect(message(parseRate('5s'))).toMatch(/'5s' is a duration, but a rate is expected/);
  });

  it('asks for a unit, rejects unknown units, zero and negatives', () => {
    expect(message(parseRate('5000'))).toMatch(/add a unit: 5000\/s/);
    expect(message(parseRate(5000))).toMatch(/needs a unit: write 5000\/s/);
    expect(message(parseRate('5/fortnight'))).toMatch(/unknown unit 'fortnight'.*\/s/);
    expect(message(parseRate('5/w'))).toMatch(/unknown unit 'w'/);
    expect(message(parseRate('0/s'))).toMatch(/positive/);
    expect(message(parseRate('-3/s'))).toMatch(/positive/);
  });
});

describe('parsePercent', () => {
  it('turns 0.5% into 0.005', () => {
    expect(value(parsePercent('0.5%'))).toBeCloseTo(0.005, 15);
    expect(value(parsePercent('100%'))).toBe(1);
  });
  it('rejects text without %', () => {
    expect(message(parsePercent('0.5'))).toMatch(/percentage/);
    expect(message(parsePercent(0.5))).toMatch(/percentage/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatPrice, hourlyAmount, parsePrice } from '../../sim-core/cost/money.ts';

describe('parsePrice', () => {
  it.each([
    ['$0.096/h', 0.096, 'h'],
    ['$50/month', 50, 'month'],
    ['$3.50/million', 3.5, 'million'],
    ['$0.085/GB', 0.085, 'GB'],
    ['$0.04048/vCPU-h', 0.04048, 'vCPU-h'],
    [' $ 0.004445 / GB-h ', 0.004445, 'GB-h'],
    ['$0/h', 0, 'h'],
  ])('reads %s', (text, amount, unit) => {
    expect(parsePrice(text)).toEqual({ ok: true, value: { amount, unit } });
  });

  it('refuses a price without a unit, saying how to write one', () => {
    const r = parsePrice('$0.096');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("'$0.096' has no unit: write e.g. $0.096/h (units: /h, /month, /million, /GB, /vCPU-h, /GB-h)");
  });

  it.each(['-$0.1/h', '$-0.1/h', '- $3/million'])('refuses the negative price %s', (text) => {
    const r = parsePrice(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`a price cannot be negative, got '${text.trim()}'`);
  });

  it('refuses a bare number and a price without a dollar sign', () => {
    expect(parsePrice(0.096)).toMatchObject({ ok: false, message: expect.stringContaining('write $0.096/h') });
    expect(parsePrice('0.096/h')).toMatchObject({ ok: false, message: expect.stringContaining('with a dollar sign, e.g. $0.096/h') });
  });

  it('suggests the unit meant for a common misspelling', () => {
    expect(parsePrice('$0.096/hour')).toMatchObject({ ok: false, message: expect.stringContaining("did you mean '/h'?") });
    expect(parsePrice('$0.40/1M')).toMatchObject({ ok: false, message: expect.stringContaining("did you mean '/million'?") });
    expect(parsePrice('$1/fortnight')).toMatchObject({ ok: false, message: expect.stringContaining("unknown price unit '/fortnight'") });
  });

  it('converts per-month prices to per-hour at 730 h a month, and formats back', () => {
    expect(hourlyAmount({ amount: 73 as never, unit: 'month' })).toBeCloseTo(0.1, 12);
    expect(formatPrice({ amount: 0.096 as never, unit: 'h' })).toBe('$0.096/h');
  });
});

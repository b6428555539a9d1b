import { describe, expect, it } from 'vitest';
import { stableJson } from '../../sim-core/cli/stable-json.ts';

describe('stableJson', () => {
  it('serialises objects built in different key orders to the same bytes', () => {
    const a = { b: 1, a: { y: [3, { q: 1, p: 2 }], x: null } };
    const b = { a: { x: null, y: [3, { p: 2, q: 1 }] }, b: 1 };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(stableJson(a)).toBe('{\n  "a": {\n    "x": null,\n    "y": [\n      3,\n      {\n        "p": 2,\n        "q": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('keeps array order and writes typed arrays as arrays', () => {
    expect(JSON.parse(stableJson({ s: new Float64Array([3, 1, 2]), t: [3, 1, 2] }))).toEqual({ s: [3, 1, 2], t: [3, 1, 2] });
  });
});

import { describe, expect, it } from 'vitest';
import { componentFields, errorsUnder, fieldHint, formatFieldValue, getIn, parseFieldInput, pathString, type FieldSpec } from '../../renderer/editor/schema-form.ts';

const byKey = (fields: FieldSpec[], key: string): FieldSpec => {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('componentFields (from scenario.schema.json)', () => {
  const service = componentFields('service');

  it('maps each schema type to a control', () => {
    expect(service.map((f) => f.key)).not.toContain('kind');
    expect(byKey(service, 'replicas')).toMatchObject({ control: 'integer', min: 1, default: 1, required: false, path: ['replicas'] });
    expect(byKey(service, 'balancer')).toMatchObject({ control: 'select', options: ['roundRobin', 'random', 'leastConnections', 'powerOfTwo'] });
    expect(byKey(service, 'threading').options).toEqual(['blocking', 'async']);
    expect(byKey(service, 'workers')).toMatchObject({ control: 'mixed', accepts: ['integer', 'string'], words: ['unbounded'], required: true });
    expect(byKey(service, 'instance').control).toBe('text');
    expect(byKey(service, 'price').pattern).toMatch(/\\\$/);
    expect(byKey(componentFields('cache'), 'warm')).toMatchObject({ control: 'checkbox', default: true });
    expect(byKey(componentFields('cdn'), 'hit')).toMatchObject({ control: 'mixed', accepts: ['number', 'string'] });
    expect(byKey(componentFields('database'), 'reads').control).toBe('list');
  });

  it('turns nested objects into groups with full paths, and maps into records', () => {
    const failures = byKey(service, 'failures');
    expect(failures.control).toBe('group');
    expect(failures.children?.map((c) => c.path)).toEqual([['failures', 'mtbf'], ['failures', 'mttr'], ['failures', 'required']]);
    const retries = byKey(byKey(service, 'resilience').children ?? [], 'retries');
    expect(byKey(retries.children ?? [], 'max').path).toEqual(['resilience', 'retries', 'max']);
    expect(byKey(retries.children ?? [], 'jitter').control).toBe('select');
    const ops = byKey(service, 'operations');
    expect(ops.control).toBe('record');
    expect(ops.item?.control).toBe('group');
    expect(ops.item?.children?.map((c) => `${c.key}:${c.control}`)).toEqual(['cpu:text', 'steps:summary']);
    expect(byKey(componentFields('database'), 'queries').item?.control).toBe('text');
    // A route is a target or `{ call, split }`: a mixed field (text for the target; a split is edited in YAML).
    expect(byKey(componentFields('gateway'), 'routes').item?.control).toBe('mixed');
  });

  it('has a form for every kind and none for an unknown one', () => {
    for (const kind of ['service', 'gateway', 'cdn', 'cache', 'database', 'queue', 'external']) expect(componentFields(kind).length).toBeGreaterThan(0);
    expect(componentFields('servise')).toEqual([]);
  });
});

describe('parseFieldInput', () => {
  const f = (control: FieldSpec['control'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key: 'k', path: ['k'], control, required: false, ...extra });
  it('writes numbers as numbers, holds back half-typed ones, and deletes on empty', () => {
    expect(parseFieldInput(f('integer'), '12')).toEqual({ ok: true, value: 12 });
    expect(parseFieldInput(f('number'), '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseFieldInput(f('number'), '1e')).toEqual({ ok: false });
    expect(parseFieldInput(f('integer'), '  ')).toEqual({ ok: true, value: undefined });
  });
  it('reads mixed fields as a number when they can be one, else keeps the text for the validator', () => {
    const workers = f('mixed', { accepts: ['integer', 'string'], words: ['unbounded'] });
    expect(parseFieldInput(workers, '8')).toEqual({ ok: true, value: 8 });
    expect(parseFieldInput(workers, 'unbounded')).toEqual({ ok: true, value: 'unbounded' });
    expect(parseFieldInput(workers, 'lots')).toEqual({ ok: true, value: 'lots' });
    expect(parseFieldInput(f('mixed', { accepts: ['string'] }), '10')).toEqual({ ok: true, value: '10' });
  });
  it('splits lists and round-trips them for display', () => {
    const reads = f('list');
    expect(parseFieldInput(reads, 'read, history,')).toEqual({ ok: true, value: ['read', 'history'] });
    expect(formatFieldValue(reads, ['read', 'history'])).toBe('read, history');
    expect(formatFieldValue(f('text'), undefined)).toBe('');
  });
  it('hints with the description, the words and the default', () => {
    expect(fieldHint(f('mixed', { description: 'Workers', words: ['unbounded'], default: 4 }))).toBe("Workers — or 'unbounded' — default: 4");
  });
});

describe('paths', () => {
  it('formats paths like ScenarioError and finds errors under a path', () => {
    expect(pathString(['components', 'app', 'failures', 'mtbf'])).toBe('components.app.failures.mtbf');
    expect(pathString(['workload', 'profile', 2, 'at'])).toBe('workload.profile[2].at');
    const errors = [
      { path: 'components.app.replicas', message: 'x' },
      { path: 'components.application.replicas', message: 'y' },
      { path: 'components.app', message: 'z' },
      { path: 'components.app.operations.a.steps[0]', message: 'w' },
    ];
    expect(errorsUnder(errors, 'components.app').map((e) => e.message)).toEqual(['x', 'z', 'w']);
    expect(errorsUnder(errors, 'components.app.replicas').map((e) => e.message)).toEqual(['x']);
  });
  it('reads values by path', () => {
    expect(getIn({ a: { b: [1, { c: 2 }] } }, ['a', 'b', 1, 'c'])).toBe(2);
    expect(getIn({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });
});

describe('lineStart', () => {
  it('finds the offset of a 1-based line, clamped to the text', async () => {
    const { lineStart } = await import('../../renderer/editor/text-position.ts');
    expect(lineStart('ab\ncd\nef', 1)).toBe(0);
    expect(lineStart('ab\ncd\nef', 3)).toBe(6);
    expect(lineStart('ab\ncd\nef', 9)).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addComponentTo, appendStep, detectFormat, removeComponentFrom, setValueAt, stepFor } from '../../renderer/state/yaml-edit.ts';
import { recordEdit, redoEdit, undoEdit, type History } from '../../renderer/state/history.ts';

const SOURCE = `# header comment
archsim: 1
name: Demo
components:
  app:
    kind: service
    replicas: 3        # three instances
    operations:
      get:
        cpu: exp(2ms)
        steps:
          - query: db.read   # one lookup
  db:
    kind: database
    cores: 4
`;

describe('setValueAt (YAML)', () => {
  it('changes a nested scalar and keeps its comment, the other comments and the key order', () => {
    const { text, error } = setValueAt(SOURCE, 'yaml', ['components', 'app', 'replicas'], 5);
    expect(error).toBeUndefined();
    expect(text).toBe(SOURCE.replace('replicas: 3        #', 'replicas: 5        #'));
    expect(Object.keys(parse(text).components.app)).toEqual(['kind', 'replicas', 'operations']);
  });

  it('quotes a string that would otherwise read back as another type', () => {
    const { text } = setValueAt(SOURCE, 'yaml', ['name'], '123');
    expect(parse(text).name).toBe('123');
    const dist = setValueAt(SOURCE, 'yaml', ['components', 'app', 'operations', 'get', 'cpu'], 'lognormal(mean=8ms, cv=1.5)').text;
    expect(dist).toContain('cpu: lognormal(mean=8ms, cv=1.5)\n');
  });

  it('replaces a scalar by a map through the Document API, keeping comments', () => {
    const { text } = setValueAt(SOURCE, 'yaml', ['components', 'app', 'replicas'], { min: 1, max: 4 });
    expect(parse(text).components.app.replicas).toEqual({ min: 1, max: 4 });
    expect(text).toContain('# header comment');
    expect(text).toContain('- query: db.read # one lookup');
    expect(Object.keys(parse(text).components.app)).toEqual(['kind', 'replicas', 'operations']);
  });

  it('creates missing maps on the way and deletes with undefined', () => {
    const added = setValueAt(SOURCE, 'yaml', ['components', 'app', 'failures', 'mtbf'], '720h').text;
    expect(parse(added).components.app.failures).toEqual({ mtbf: '720h' });
    const removed = setValueAt(added, 'yaml', ['components', 'app', 'replicas'], undefined).text;
    expect(parse(removed).components.app.replicas).toBeUndefined();
    expect(removed).toContain('# header comment');
  });

  it('returns the text unchanged with an error when it does not parse', () => {
    const bad = 'a: [1,\n';
    const out = setValueAt(bad, 'yaml', ['a'], 1);
    expect(out.text).toBe(bad);
    expect(out.error).toMatch(/does not parse/);
  });
});

describe('components and connections', () => {
  it('adds a component at the end and removes one, keeping the rest', () => {
    const added = addComponentTo(SOURCE, 'yaml', 'cache', { kind: 'cache', hitRatio: 0.9 }).text;
    expect(Object.keys(parse(added).components)).toEqual(['app', 'db', 'cache']);
    const removed = removeComponentFrom(added, 'yaml', 'db').text;
    expect(Object.keys(parse(removed).components)).toEqual(['app', 'cache']);
    expect(removed).toContain('replicas: 3 # three instances');
  });

  it('connect appends a `- call: x.op` step, creating the list when missing', () => {
    const one = appendStep(SOURCE, 'yaml', 'app', 'get', stepFor('service', 'other', 'op')).text;
    expect(parse(one).components.app.operations.get.steps).toEqual([{ query: 'db.read' }, { call: 'other.op' }]);
    expect(one).toContain('- call: other.op');
    const fresh = appendStep(SOURCE, 'yaml', 'app', 'put', stepFor('database', 'db', 'write')).text;
    expect(parse(fresh).components.app.operations.put.steps).toEqual([{ query: 'db.write' }]);
    expect(stepFor('external', 'bank', 'x')).toEqual({ external: 'bank' });
  });
});

describe('JSON documents', () => {
  it('edits JSON as JSON', () => {
    const json = JSON.stringify({ archsim: 1, components: { app: { replicas: 1 } } }, null, 2);
    expect(detectFormat('a.json', json)).toBe('json');
    expect(detectFormat('a.yaml', json)).toBe('yaml');
    const out = setValueAt(json, 'json', ['components', 'app', 'replicas'], 4).text;
    expect(JSON.parse(out).components.app.replicas).toBe(4);
    expect(JSON.parse(appendStep(out, 'json', 'app', 'get', { call: 'b.c' }).text).components.app.operations.get.steps).toEqual([{ call: 'b.c' }]);
  });
});

describe('undo/redo', () => {
  const start: History = { text: 'a', layout: {}, past: [], future: [] };

  it('undoes and redoes each edit', () => {
    let h = recordEdit(recordEdit(start, 'b'), 'c');
    h = undoEdit(h);
    expect(h.text).toBe('b');
    h = undoEdit(h);
    expect(h.text).toBe('a');
    expect(undoEdit(h)).toBe(h);
    h = redoEdit(redoEdit(h));
    expect(h.text).toBe('c');
    expect(redoEdit(h)).toBe(h);
  });

  it('coalesces consecutive edits with the same key (a drag is one step)', () => {
    let h = recordEdit(start, 'x1', 'drag:app');
    h = recordEdit(h, 'x2', 'drag:app');
    h = recordEdit(h, 'x3', 'drag:app');
    expect(h.past).toEqual(['a']);
    h = recordEdit(h, 'y', 'field:name');
    expect(h.past).toEqual(['a', 'x3']);
    expect(undoEdit(undoEdit(h)).text).toBe('a');
  });

  it('a new edit clears the redo list; an undo ends coalescing', () => {
    let h = recordEdit(recordEdit(start, 'b', 'k'), 'c');
    h = undoEdit(h);
    h = recordEdit(h, 'd');
    expect(h.future).toEqual([]);
    let k = recordEdit(start, 'b', 'k');
    k = undoEdit(k);
    k = recordEdit(k, 'c', 'k');
    expect(k.past).toEqual(['a']);
  });
});

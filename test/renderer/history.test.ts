import { describe, expect, it } from 'vitest';
import { MAX_UNDO, recordChange, recordEdit, recordLayout, redoEdit, sameLayout, undoEdit, type History, type Layout } from '../../renderer/state/history.ts';

const start: History = { text: 'a', layout: { app: { x: 0, y: 0 } }, past: [], future: [] };
const at = (h: History, name: string) => h.layout[name];

/** One drag: `moves` positions of `name` under one gesture key, as Canvas.tsx sends them. */
function drag(h: History, name: string, moves: number, key: string): History {
  let out = h;
  for (let i = 1; i <= moves; i++) out = recordLayout(out, { ...out.layout, [name]: { x: i * 10, y: i } }, key);
  return out;
}

describe('history of text and layout', () => {
  it('a drag of 30 moves is one undo step', () => {
    const h = drag(start, 'app', 30, 'drag-app-1');
    expect(at(h, 'app')).toEqual({ x: 300, y: 30 });
    expect(h.past).toHaveLength(1);
    const u = undoEdit(h);
    expect(at(u, 'app')).toEqual({ x: 0, y: 0 });
    expect(u.past).toHaveLength(0);
    expect(at(redoEdit(u), 'app')).toEqual({ x: 300, y: 30 });
  });

  it('two drags are two steps; Auto layout (many nodes, one key) is one', () => {
    let h = drag(start, 'app', 5, 'drag-app-1');
    h = drag(h, 'app', 3, 'drag-app-2');
    expect(h.past).toHaveLength(2);
    const auto: Layout = { app: { x: 1, y: 1 }, db: { x: 2, y: 2 }, cache: { x: 3, y: 3 } };
    for (const [name, p] of Object.entries(auto)) h = recordLayout(h, { ...h.layout, [name]: p }, 'auto-layout-3');
    expect(h.past).toHaveLength(3);
    expect(undoEdit(h).layout).toEqual({ app: { x: 30, y: 3 } });
  });

  it('undo after a text edit and a drag restores both, in order', () => {
    let h = recordEdit(start, 'b', 'inspector:components.app.replicas');
    h = drag(h, 'app', 30, 'drag-app-1');
    expect(h.text).toBe('b');
    h = undoEdit(h);
    expect(h.text).toBe('b');
    expect(at(h, 'app')).toEqual({ x: 0, y: 0 });
    h = undoEdit(h);
    expect(h.text).toBe('a');
    expect(at(h, 'app')).toEqual({ x: 0, y: 0 });
    h = redoEdit(h);
    expect(h.text).toBe('b');
    expect(at(h, 'app')).toEqual({ x: 0, y: 0 });
    h = redoEdit(h);
    expect(h.text).toBe('b');
    expect(at(h, 'app')).toEqual({ x: 300, y: 30 });
  });

  it('a text edit and a layout change made together are one step (removing a node)', () => {
    const h = recordChange(start, { text: 'no app', layout: {} });
    expect(h.past).toEqual(['a']);
    const u = undoEdit(h);
    expect(u.text).toBe('a');
    expect(at(u, 'app')).toEqual({ x: 0, y: 0 });
  });

  it('ignores a move to the same place and keeps the layouts aligned with the texts', () => {
    expect(recordLayout(start, { app: { x: 0, y: 0 } })).toBe(start);
    let h: History = start;
    for (let i = 0; i < MAX_UNDO + 20; i++) h = i % 2 ? recordEdit(h, `t${i}`) : recordLayout(h, { app: { x: i, y: 0 } });
    expect(h.past).toHaveLength(MAX_UNDO);
    expect(h.pastLayouts).toHaveLength(MAX_UNDO);
    const u = undoEdit(undoEdit(h));
    expect(u.future).toHaveLength(2);
    expect(u.futureLayouts).toHaveLength(2);
  });

  it('compares layouts by value', () => {
    expect(sameLayout({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } })).toBe(true);
    expect(sameLayout({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 3 } })).toBe(false);
    expect(sameLayout({ a: { x: 1, y: 2 } }, { b: { x: 1, y: 2 } })).toBe(false);
  });
});

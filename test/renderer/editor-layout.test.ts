import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractTopology, type Topology } from '../../renderer/editor/topology.ts';
import { bounds, edgePath, layerDepths, layeredLayout, MARGIN, NODE_H, NODE_W, nodeAt, placePositions, ROW_GAP } from '../../renderer/editor/layout.ts';

const example = (name: string) => extractTopology(parse(readFileSync(new URL(`../../scenarios/examples/${name}.yaml`, import.meta.url), 'utf8')));

const topo = (edges: Array<[string, string]>, names: string[], entries: string[] = []): Topology => ({
  nodes: names.map((name) => ({ name, kind: 'service', replicas: 1 })),
  edges: edges.map(([from, to]) => ({ from, to, kinds: ['call'], async: false, sources: [] })),
  entries: entries.map((component) => ({ component, endpoints: ['e'] })),
});

describe('layerDepths', () => {
  it('puts entries left and callees right by their longest call depth', () => {
    const d = layerDepths(example('microservices'));
    expect(d.get('gateway')).toBe(0);
    expect(d.get('payments')).toBe(1);
    // payments calls accounts and ledger, so they sit one column to its right, not beside it.
    expect(d.get('accounts')).toBe(2);
    expect(d.get('ledger')).toBe(2);
    expect(d.get('accounts-db')).toBe(3);
    expect(d.get('notifications')).toBe(2);
    expect(d.get('notifier')).toBe(3);
    expect(d.get('push')).toBe(4);
  });

  it('terminates on cycles and places components nobody reaches at depth 0', () => {
    const d = layerDepths(topo([['a', 'b'], ['b', 'c'], ['c', 'a']], ['a', 'b', 'c', 'lonely'], ['a']));
    expect(Object.fromEntries(d)).toEqual({ a: 0, b: 1, c: 2, lonely: 0 });
  });
});

describe('layeredLayout', () => {
  it('is deterministic, never overlaps nodes, and spaces columns by depth', () => {
    const t = example('microservices');
    const p = layeredLayout(t);
    expect(layeredLayout(t)).toEqual(p);
    expect(Object.keys(p).sort()).toEqual(t.nodes.map((n) => n.name).sort());
    const names = Object.keys(p);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = p[names[i]];
        const b = p[names[j]];
        expect(Math.abs(a.x - b.x) >= NODE_W || Math.abs(a.y - b.y) >= NODE_H).toBe(true);
      }
    }
    expect(p.gateway.x).toBe(MARGIN + NODE_W / 2);
    expect(p.payments.x).toBeGreaterThan(p.gateway.x);
    expect(p.push.x).toBeGreaterThan(p.notifier.x);
  });

  it('lays out the monolith as one entry with its two dependencies in the next column', () => {
    const p = layeredLayout(example('monolith'));
    expect(p.db.x).toBe(p.interbank.x);
    expect(p.db.x).toBeGreaterThan(p.app.x);
    expect(Math.abs(p.db.y - p.interbank.y)).toBe(NODE_H + ROW_GAP);
    // The single-node column is centred on the taller one.
    expect(p.app.y).toBe((p.db.y + p.interbank.y) / 2);
  });
});

describe('placePositions', () => {
  it('keeps pinned nodes and moves the automatic ones below them', () => {
    const auto = { a: { x: 100, y: 100 }, b: { x: 300, y: 100 } };
    expect(placePositions(['a', 'b'], auto, {})).toEqual(auto);
    const placed = placePositions(['a', 'b'], auto, { a: { x: 500, y: 400 } });
    expect(placed.a).toEqual({ x: 500, y: 400 });
    expect(placed.b).toEqual({ x: 300, y: 400 + NODE_H + ROW_GAP });
    // Layout entries for components that no longer exist are ignored.
    expect(placePositions(['b'], auto, { gone: { x: 0, y: 0 } })).toEqual({ b: auto.b });
  });
});

describe('geometry', () => {
  it('draws edges border to border: sideways between columns, vertically within one', () => {
    expect(edgePath({ x: 0, y: 0 }, { x: 400, y: 100 })).toBe(`M${NODE_W / 2},0 C200,0 ${400 - NODE_W / 2 - 116},100 ${400 - NODE_W / 2},100`);
    expect(edgePath({ x: 0, y: 0 }, { x: 0, y: 200 })).toMatch(new RegExp(`^M0,${NODE_H / 2} C.* 0,${200 - NODE_H / 2}$`));
    expect(edgePath({ x: 400, y: 0 }, { x: 0, y: 0 })).toMatch(new RegExp(`^M${400 - NODE_W / 2},0 `));
  });

  it('bounds every node with a margin and finds the node under a point', () => {
    const p = { a: { x: 100, y: 100 }, b: { x: 400, y: 300 } };
    expect(bounds(p, 10)).toEqual({ x: 100 - NODE_W / 2 - 10, y: 100 - NODE_H / 2 - 10, width: 300 + NODE_W + 20, height: 200 + NODE_H + 20 });
    expect(nodeAt(p, { x: 110, y: 90 })).toBe('a');
    expect(nodeAt(p, { x: 250, y: 200 })).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../sim-core/model/load.ts';
import { extractTopology, firstOperation, stepUses } from '../../renderer/editor/topology.ts';

const example = (name: string) => readFileSync(new URL(`../../scenarios/examples/${name}.yaml`, import.meta.url), 'utf8');
const edgeSet = (t: ReturnType<typeof extractTopology>) => t.edges.map((e) => `${e.from}->${e.to}${e.async ? ' (async)' : ''} [${e.kinds.join(',')}]`).sort();

describe('extractTopology', () => {
  it('draws the monolith: one service querying its database and calling the other bank', () => {
    const t = extractTopology(parse(example('monolith')));
    expect(t.nodes).toEqual([
      { name: 'app', kind: 'service', replicas: 3 },
      { name: 'db', kind: 'database', replicas: 1 },
      { name: 'interbank', kind: 'external', replicas: 1 },
    ]);
    // The external call sits inside a branch: nested step lists are walked.
    expect(edgeSet(t)).toEqual(['app->db [query]', 'app->interbank [external]']);
    expect(t.entries).toEqual([{ component: 'app', endpoints: ['getBalance', 'history', 'transfer', 'login'] }]);
  });

  it('draws microservices: routes, parallel calls, cache misses, the queue and its consumer', () => {
    const t = extractTopology(parse(example('microservices')));
    expect(t.nodes.map((n) => `${n.name}:${n.kind}×${n.replicas}`)).toContain('ledger-db:database×2');
    expect(t.nodes.map((n) => `${n.name}:${n.kind}×${n.replicas}`)).toContain('accounts:service×2');
    const edges = edgeSet(t);
    expect(edges).toEqual(
      expect.arrayContaining([
        'gateway->accounts [route]',
        'gateway->ledger [route]',
        'gateway->payments [route]',
        'accounts->accounts-cache [cache]',
        'accounts->accounts-db [query]', // both in the cache's miss steps and in login
        'payments->accounts [call]', // inside parallel, and the debit
        'payments->ledger [call]',
        'payments->interbank [external]',
        'payments->notifications (async) [publish]',
      ]),
    );
    const consumer = t.edges.find((e) => e.from === 'notifications');
    expect(consumer?.async).toBe(true);
    expect(consumer?.kinds).toEqual(['consume']);
    expect(t.entries).toEqual([{ component: 'gateway', endpoints: ['getBalance', 'history', 'transfer', 'login'] }]);
    // One edge per pair and mode, however many steps make it.
    expect(new Set(edges).size).toBe(edges.length);
  });

  it('gives the same graph for the validated Scenario as for the raw document', () => {
    for (const name of ['monolith', 'microservices']) {
      const { scenario, errors } = loadScenario(example(name));
      expect(errors).toEqual([]);
      expect(edgeSet(extractTopology(scenario))).toEqual(edgeSet(extractTopology(parse(example(name)))));
    }
  });

  it('survives broken documents: unknown kinds, dangling targets, junk', () => {
    expect(extractTopology(undefined)).toEqual({ nodes: [], edges: [], entries: [] });
    const t = extractTopology({
      endpoints: { a: { call: 'ghost.op' }, b: { call: 42 } },
      components: { x: { kind: 'servise', operations: { o: { steps: [{ call: 'ghost.op' }, null, { call: 'y.o' }] } } }, y: 'junk' },
    });
    expect(t.nodes).toEqual([
      { name: 'x', kind: 'unknown', replicas: 1 },
      { name: 'y', kind: 'unknown', replicas: 1 },
    ]);
    expect(edgeSet(t)).toEqual(['x->y [call]']);
    expect(t.entries).toEqual([]);
  });
});

describe('stepUses and firstOperation', () => {
  it('walks fallbacks and misses', () => {
    expect(stepUses([{ call: 'a.b', fallback: [{ external: 'e' }] }, { cache: 'c', miss: [{ query: 'd.read' }] }])).toEqual([
      { kind: 'call', to: 'a', path: [0] },
      { kind: 'external', to: 'e', path: [0, 'fallback', 0] },
      { kind: 'cache', to: 'c', path: [1] },
      { kind: 'query', to: 'd', path: [1, 'miss', 0] },
    ]);
  });
  it('names the operation a call would target', () => {
    expect(firstOperation({ kind: 'service', operations: { x: {}, y: {} } })).toBe('x');
    expect(firstOperation({ kind: 'gateway', routes: { r: 'a.b' } })).toBe('r');
    expect(firstOperation({ kind: 'cdn' })).toBe('get');
    expect(firstOperation({ kind: 'database' })).toBeUndefined();
  });
});

describe('strangler-fig splits on the canvas', () => {
  it('draws an edge to every split target of a route, and an entry at every split target of an endpoint', () => {
    const t = extractTopology({
      endpoints: { transfer: { call: 'gw.transfer' }, balance: { call: 'mono.balance', split: { 'svc.balance': '10%' } } },
      components: {
        gw: { kind: 'gateway', routes: { transfer: { call: 'mono.transfer', split: { 'svc.transfer': '2%' } } } },
        mono: { kind: 'service', operations: { transfer: {}, balance: {} } },
        svc: { kind: 'service', operations: { transfer: {}, balance: {} } },
      },
    });
    expect(t.edges.map((e) => [e.from, e.to, e.sources.map((s) => s.path.join('.'))])).toEqual([
      ['gw', 'mono', ['components.gw.routes.transfer']],
      ['gw', 'svc', ['components.gw.routes.transfer.split.svc.transfer']],
    ]);
    expect(t.entries).toEqual([
      { component: 'gw', endpoints: ['transfer'] },
      { component: 'mono', endpoints: ['balance'] },
      { component: 'svc', endpoints: ['balance'] },
    ]);
  });
});

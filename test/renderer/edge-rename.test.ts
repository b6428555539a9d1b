import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { create } from 'zustand';
import { loadScenario } from '../../sim-core/model/load.ts';
import { planEdgeRemoval } from '../../renderer/editor/edge-removal.ts';
import { extractTopology, type TopologyEdge } from '../../renderer/editor/topology.ts';
import { componentReferences } from '../../renderer/state/component-references.ts';
import { createDocumentsSlice } from '../../renderer/state/documents-slice.ts';
import type { Store } from '../../renderer/state/store-types.ts';
import { componentNameError, removeEntriesAt, renameComponent } from '../../renderer/state/yaml-edit.ts';

const MICRO = readFileSync(new URL('../../scenarios/examples/microservices.yaml', import.meta.url), 'utf8');
const edgeOf = (text: string, from: string, to: string): TopologyEdge => {
  const edge = extractTopology(parse(text)).edges.find((e) => e.from === from && e.to === to);
  if (!edge) throw new Error(`no edge ${from} → ${to}`);
  return edge;
};
const hasEdge = (text: string, from: string, to: string) => extractTopology(parse(text)).edges.some((e) => e.from === from && e.to === to);
const ops = (c: string, op: string) => ['components', c, 'operations', op, 'steps'];

describe('edge sources (topology.ts)', () => {
  it('records the path of every step, route, origin and consumer behind an edge', () => {
    expect(edgeOf(MICRO, 'accounts', 'accounts-db').sources).toEqual([
      { kind: 'query', path: [...ops('accounts', 'getBalance'), 0, 'miss', 0] },
      { kind: 'query', path: [...ops('accounts', 'login'), 0] },
      { kind: 'query', path: [...ops('accounts', 'debit'), 0] },
    ]);
    expect(edgeOf(MICRO, 'payments', 'accounts').sources.map((s) => s.path)).toEqual([
      [...ops('payments', 'transfer'), 0, 'parallel', 0, 0],
      [...ops('payments', 'transfer'), 1],
    ]);
    expect(edgeOf(MICRO, 'payments', 'interbank').sources[0].path).toEqual([...ops('payments', 'transfer'), 3, 'branch', 0, 'steps', 0]);
    expect(edgeOf(MICRO, 'gateway', 'ledger').sources).toEqual([{ kind: 'route', path: ['components', 'gateway', 'routes', 'history'] }]);
    expect(edgeOf(MICRO, 'notifications', 'notifier').sources).toEqual([{ kind: 'consume', path: ['components', 'notifications', 'consumer'] }]);
  });
});

describe('planEdgeRemoval', () => {
  it('removes the steps behind a service edge', () => {
    const plan = planEdgeRemoval(parse(MICRO), edgeOf(MICRO, 'payments', 'accounts'));
    expect(plan).toEqual({ type: 'remove', paths: edgeOf(MICRO, 'payments', 'accounts').sources.map((s) => s.path) });
  });

  it('refuses required wiring and routes that are still called, pointing to the inspector', () => {
    const raw = parse(MICRO);
    const consumer = planEdgeRemoval(raw, edgeOf(MICRO, 'notifications', 'notifier'));
    expect(consumer).toEqual({ type: 'refuse', message: expect.stringContaining('inspector') });
    const route = planEdgeRemoval(raw, edgeOf(MICRO, 'gateway', 'ledger'));
    expect(route).toEqual({ type: 'refuse', message: expect.stringContaining('gateway.history is still called') });
    const cdn = `components:\n  edge: { kind: cdn, origin: app.get }\n  app: { kind: service, operations: { get: {} } }\n`;
    expect(planEdgeRemoval(parse(cdn), edgeOf(cdn, 'edge', 'app')).type).toBe('refuse');
  });

  it('removes a route no endpoint or step calls', () => {
    const text = MICRO.replace('      history:    ledger.history\n', '      history:    ledger.history\n      audit:      ledger.post\n');
    const raw = parse(text);
    const withCaller = planEdgeRemoval(raw, edgeOf(text, 'gateway', 'ledger'));
    expect(withCaller.type).toBe('refuse'); // history is still called
    const unused = text.replace('  history:    { call: gateway.history,', '  history:    { call: ledger.history,');
    expect(planEdgeRemoval(parse(unused), edgeOf(unused, 'gateway', 'ledger'))).toEqual({
      type: 'remove',
      paths: [
        ['components', 'gateway', 'routes', 'history'],
        ['components', 'gateway', 'routes', 'audit'],
      ],
    });
  });
});

describe('removeEntriesAt', () => {
  it('removes the steps of an edge in the source, keeping every other byte; the scenario still validates', () => {
    const paths = edgeOf(MICRO, 'payments', 'interbank').sources.map((s) => s.path);
    const { text, error } = removeEntriesAt(MICRO, 'yaml', paths);
    expect(error).toBeUndefined();
    expect(hasEdge(text, 'payments', 'interbank')).toBe(false);
    // The only step of the branch option was in a flow list: the Document API printed it as [].
    expect(parse(text).components.payments.operations.transfer.steps[3]).toEqual({ branch: [{ p: 0.1, steps: [] }] });
    expect(loadScenario(text).errors).toEqual([]);
  });

  it('splices block list items out with their leading comments, the rest byte for byte', () => {
    const debit = [...ops('payments', 'transfer'), 1];
    const branch = [...ops('payments', 'transfer'), 3];
    const { text } = removeEntriesAt(MICRO, 'yaml', [debit, branch]);
    const removed = MICRO.split('\n').filter((l) => !text.split('\n').includes(l));
    expect(removed).toEqual([
      '          - call: accounts.debit',
      '          # one transfer in ten goes to another bank, as in the monolith; async, so the wait',
      '          # for the interbank network holds no worker here',
      '          - branch:',
      '              - p: 0.1',
      '                steps: [ { external: interbank } ]',
    ]);
    expect(text.split('\n').length).toBe(MICRO.split('\n').length - removed.length);
    expect(loadScenario(text).errors).toEqual([]);
  });

  it('replaces a cache step by its miss steps, and removes a whole edge in one edit', () => {
    const { text } = removeEntriesAt(MICRO, 'yaml', edgeOf(MICRO, 'accounts', 'accounts-cache').sources.map((s) => s.path));
    expect(parse(text).components.accounts.operations.getBalance.steps).toEqual([{ query: 'accounts-db.read' }]);
    expect(text).toContain('# Owns customers and balances.');
    expect(loadScenario(text).errors).toEqual([]);

    const both = removeEntriesAt(MICRO, 'yaml', edgeOf(MICRO, 'accounts', 'accounts-db').sources.map((s) => s.path)).text;
    expect(hasEdge(both, 'accounts', 'accounts-db')).toBe(false);
    expect(parse(both).components.accounts.operations.getBalance.steps[0]).toEqual({ cache: 'accounts-cache', hit: 0.7, miss: [] });
  });

  it('edits JSON too, and refuses paths that are not there', () => {
    const json = JSON.stringify(parse(MICRO), null, 2);
    const { text } = removeEntriesAt(json, 'json', edgeOf(json, 'payments', 'accounts').sources.map((s) => s.path));
    expect(hasEdge(text, 'payments', 'accounts')).toBe(false);
    expect(JSON.parse(text).components.payments.operations.transfer.steps[0].parallel).toEqual([[], [{ call: 'ledger.recentActivity' }]]);
    expect(removeEntriesAt(MICRO, 'yaml', [[...ops('accounts', 'login'), 5]]).error).toMatch(/nothing at/);
    expect(removeEntriesAt(json, 'json', [['components', 'ghost']]).error).toMatch(/nothing at/);
  });
});

/** Every string value or key of the parsed data that names `accounts` (not accounts-db or accounts-cache). */
function accountsRefs(data: unknown, at = ''): string[] {
  if (typeof data === 'string') return data === 'accounts' || data.startsWith('accounts.') ? [at] : [];
  if (Array.isArray(data)) return data.flatMap((x, i) => accountsRefs(x, `${at}[${i}]`));
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([k, v]) => [...(k === 'accounts' ? [`${at}.${k} (key)`] : []), ...accountsRefs(v, `${at}.${k}`)]);
  }
  return [];
}

describe('renameComponent', () => {
  const withIncident = `${MICRO}incidents:\n  - { at: 2m, for: 1m, target: accounts, effect: slow(x3) }   # a slow deploy\n`;

  it('renames accounts to users everywhere on microservices.yaml: the result validates, comments stay', () => {
    const { text, error } = renameComponent(withIncident, 'yaml', 'accounts', 'users');
    expect(error).toBeUndefined();
    const { errors } = loadScenario(text);
    expect(errors).toEqual([]);
    const data = parse(text);
    expect(accountsRefs(data)).toEqual([]);
    expect(Object.keys(data.components)).toEqual(Object.keys(parse(MICRO).components).map((k) => (k === 'accounts' ? 'users' : k)));
    expect(data.incidents[0].target).toBe('users');
    expect(data.components.users.operations.getBalance.steps[0].cache).toBe('accounts-cache');
    // No code line mentions accounts as a component any more; comments are untouched.
    const code = text.split('\n').map((l) => l.replace(/#.*$/, ''));
    expect(code.filter((l) => /(?<![\w-])accounts(?![\w-])/.test(l))).toEqual([]);
    const before = withIncident.split('\n');
    const after = text.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.filter((l, i) => l !== before[i]);
    expect(changed).toEqual([
      '      getBalance: users.getBalance',
      '      login:      users.login',
      '  users:',
      '              - [ { call: users.getBalance } ]',
      '          - call: users.debit',
      '  - { at: 2m, for: 1m, target: users, effect: slow(x3) }   # a slow deploy',
    ]);
  });

  it('finds references in endpoints, origins, consumers and fallbacks', () => {
    const raw = {
      endpoints: { e: { call: 'app.get' } },
      components: {
        edge: { kind: 'cdn', origin: 'app.get' },
        q: { kind: 'queue', consumer: 'app.work' },
        other: { kind: 'service', operations: { x: { steps: [{ call: 'b.c', fallback: [{ publish: 'app' }, { call: 'apps.x' }] }] } } },
      },
    };
    expect(componentReferences(raw, 'app').map((r) => `${r.path.join('.')}=${r.renamed('web')}`)).toEqual([
      'endpoints.e.call=web.get',
      'components.edge.origin=web.get',
      'components.q.consumer=web.work',
      'components.other.operations.x.steps.0.fallback.0.publish=web',
    ]);
  });

  it('refuses taken and invalid names, and quotes names YAML would read otherwise', () => {
    expect(renameComponent(MICRO, 'yaml', 'accounts', 'ledger').error).toBe('ledger is already a component');
    expect(renameComponent(MICRO, 'yaml', 'accounts', 'my accounts').error).toMatch(/spaces/);
    expect(renameComponent(MICRO, 'yaml', 'ghost', 'x').error).toMatch(/no component ghost/);
    expect(renameComponent(MICRO, 'yaml', 'accounts', 'accounts')).toEqual({ text: MICRO });
    const quoted = renameComponent(MICRO, 'yaml', 'interbank', 'true').text;
    expect(parse(quoted).components.true.kind).toBe('external');
    expect(loadScenario(quoted).errors).toEqual([]);
  });

  it('renames in JSON, keeping the key position', () => {
    const json = JSON.stringify(parse(MICRO), null, 2);
    const { text } = renameComponent(json, 'json', 'accounts', 'users');
    expect(Object.keys(JSON.parse(text).components)[1]).toBe('users');
    expect(accountsRefs(JSON.parse(text))).toEqual([]);
    expect(loadScenario(text).errors).toEqual([]);
  });

  it('names what is wrong with a new name', () => {
    expect(componentNameError('', [])).toMatch(/empty/);
    expect(componentNameError('a.b', [])).toMatch(/dots/);
    expect(componentNameError('a', ['a'])).toMatch(/already/);
    expect(componentNameError('users-2', ['a'])).toBeUndefined();
  });
});

describe('store actions removeEdge and renameComponent', () => {
  const makeStore = () =>
    create<Store>()((set, get, api) => ({
      ...createDocumentsSlice(set, get, api),
      selection: undefined,
      select: (name: string | undefined) => set({ selection: name }),
    }) as unknown as Store);

  it('are one undo step each; rename moves the canvas position and the selection', () => {
    const store = makeStore();
    const id = store.getState().openDocument('microservices.yaml', MICRO);
    store.getState().moveNode(id, 'accounts', 10, 20);
    store.getState().select('accounts');
    store.getState().renameComponent(id, 'accounts', 'users');
    let doc = store.getState().documents[id];
    expect(doc.layout).toEqual({ users: { x: 10, y: 20 } });
    expect(store.getState().selection).toBe('users');
    expect(doc.past.length).toBe(2);

    store.getState().removeEdge(id, edgeOf(doc.text, 'payments', 'users').sources.map((s) => s.path));
    doc = store.getState().documents[id];
    expect(hasEdge(doc.text, 'payments', 'users')).toBe(false);
    expect(doc.past.length).toBe(3);

    store.getState().undo(id);
    store.getState().undo(id);
    doc = store.getState().documents[id];
    expect(doc.text).toBe(MICRO);
    expect(doc.layout).toEqual({ accounts: { x: 10, y: 20 } });
  });

  it('leave the document alone when the rename is refused', () => {
    const store = makeStore();
    const id = store.getState().openDocument('microservices.yaml', MICRO);
    const warn = console.warn;
    console.warn = () => {};
    store.getState().renameComponent(id, 'accounts', 'ledger');
    console.warn = warn;
    expect(store.getState().documents[id].past).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../sim-core/model/load.ts';
import { defaultDefinition, planConnection, uniqueName } from '../../renderer/editor/edits.ts';
import { COMPONENT_KINDS } from '../../renderer/editor/topology.ts';

const monolith = readFileSync(new URL('../../scenarios/examples/monolith.yaml', import.meta.url), 'utf8');

describe('uniqueName', () => {
  it('takes the base, then base-2, base-3 …', () => {
    expect(uniqueName(['app'], 'service')).toBe('service');
    expect(uniqueName(['service'], 'service')).toBe('service-2');
    expect(uniqueName(['service', 'service-2', 'service-4'], 'service')).toBe('service-3');
  });
});

describe('defaultDefinition', () => {
  it('gives each kind a definition the engine accepts once wired', () => {
    const raw = parse(monolith) as { components: Record<string, unknown> };
    raw.components['service'] = defaultDefinition('service');
    raw.components['cache'] = defaultDefinition('cache');
    raw.components['database'] = defaultDefinition('database');
    raw.components['external'] = defaultDefinition('external');
    raw.components['gateway'] = { ...defaultDefinition('gateway'), routes: { r: 'app.login' } };
    raw.components['cdn'] = { ...defaultDefinition('cdn'), origin: 'app.login' };
    raw.components['queue'] = { ...defaultDefinition('queue'), consumer: 'service.handle' };
    expect(loadScenario(JSON.stringify(raw)).errors).toEqual([]);
    for (const kind of COMPONENT_KINDS) expect(defaultDefinition(kind).kind).toBe(kind);
  });
});

describe('planConnection', () => {
  const components = {
    app: { kind: 'service', operations: { getBalance: { steps: [{ query: 'db.read' }] }, other: {} } },
    svc: { kind: 'service', operations: { handle: {} } },
    empty: { kind: 'service', operations: {} },
    db: { kind: 'database', queries: { history: 'exp(1ms)', read: 'exp(1ms)' } },
    db2: { kind: 'database', queries: { scan: 'exp(1ms)' } },
    redis: { kind: 'cache', latency: 'const(1ms)' },
    bank: { kind: 'external', latency: 'const(1ms)' },
    q: { kind: 'queue' },
    api: { kind: 'gateway', routes: { handle: 'app.getBalance' } },
    edge: { kind: 'cdn' },
  };
  it('adds a call from the first operation to the first operation for services', () => {
    expect(planConnection(components, 'app', 'svc')).toEqual({ type: 'connect', from: { component: 'app', operation: 'getBalance' }, to: { component: 'svc', operation: 'handle' } });
  });
  it("appends the kind's natural step to the first operation's steps", () => {
    expect(planConnection(components, 'app', 'db2')).toEqual({ type: 'set', path: ['components', 'app', 'operations', 'getBalance', 'steps', 1], value: { query: 'db2.scan' } });
    expect(planConnection(components, 'svc', 'db')).toMatchObject({ path: ['components', 'svc', 'operations', 'handle', 'steps', 0], value: { query: 'db.read' } });
    expect(planConnection(components, 'app', 'redis')).toMatchObject({ value: { cache: 'redis', hit: 0.8, miss: [] } });
    expect(planConnection(components, 'app', 'bank')).toMatchObject({ value: { external: 'bank' } });
    expect(planConnection(components, 'app', 'q')).toMatchObject({ value: { publish: 'q' } });
  });
  it('wires gateways, cdns and queues through their own fields', () => {
    expect(planConnection(components, 'api', 'svc')).toEqual({ type: 'set', path: ['components', 'api', 'routes', 'handle-2'], value: 'svc.handle' });
    expect(planConnection(components, 'edge', 'api')).toEqual({ type: 'set', path: ['components', 'edge', 'origin'], value: 'api.handle' });
    expect(planConnection(components, 'q', 'svc')).toEqual({ type: 'set', path: ['components', 'q', 'consumer'], value: 'svc.handle' });
  });
  it('refuses what the language cannot express, saying why', () => {
    expect(planConnection(components, 'app', 'db')).toEqual({ type: 'error', message: 'app.getBalance already uses db' });
    expect(planConnection(components, 'db', 'app')).toEqual({ type: 'error', message: 'a database does not call other components' });
    expect(planConnection(components, 'app', 'app').type).toBe('error');
    expect(planConnection(components, 'empty', 'svc')).toEqual({ type: 'error', message: 'empty has no operation to add the step to' });
    expect(planConnection(components, 'app', 'empty')).toEqual({ type: 'error', message: 'empty has no operation to call' });
    expect(planConnection(components, 'q', 'db').type).toBe('error');
  });
});

describe('planConnection applied by the store', () => {
  it("appends the natural step at the end of the operation's steps in the YAML, keeping comments", async () => {
    const { setValueAt } = await import('../../renderer/state/yaml-edit.ts');
    const raw = parse(monolith) as { components: Record<string, unknown> };
    raw.components.redis = defaultDefinition('cache');
    const plan = planConnection(raw.components, 'app', 'redis');
    expect(plan.type).toBe('set');
    if (plan.type !== 'set') return;
    const withCache = setValueAt(monolith, 'yaml', ['components', 'redis'], defaultDefinition('cache')).text;
    const out = setValueAt(withCache, 'yaml', plan.path, plan.value);
    expect(out.error).toBeUndefined();
    expect(out.text).toContain('# one indexed lookup');
    const { scenario, errors } = loadScenario(out.text);
    expect(errors).toEqual([]);
    expect(scenario?.components.app.kind === 'service' && scenario.components.app.operations.getBalance.steps).toEqual([{ query: 'db.read' }, { cache: 'redis', hit: 0.8, miss: [] }]);
  });
});

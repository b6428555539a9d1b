import { CDN_OPERATION } from '../../sim-core/components/cdn.ts';

/**
 * The graph the canvas draws, extracted from a scenario. It reads the raw parsed document as well
 * as a validated Scenario (every access is defensive), so the canvas keeps showing the topology
 * while the text has errors.
 */

export const COMPONENT_KINDS = ['service', 'gateway', 'cdn', 'cache', 'database', 'queue', 'external'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** How one component uses another: the step kind, or the wiring of a gateway, cdn or queue. */
export type EdgeKind = 'call' | 'external' | 'query' | 'cache' | 'publish' | 'route' | 'origin' | 'consume';

export interface TopologyNode {
  name: string;
  /** The declared kind; 'unknown' when missing or misspelt. */
  kind: ComponentKind | 'unknown';
  /** Declared replicas (services), read replicas + 1 (databases), else 1. */
  replicas: number;
}

/** Where one use behind an edge is written: a step, a gateway route, a cdn origin or a queue consumer. */
export interface EdgeSource {
  kind: EdgeKind;
  /**
   * Path from the document root: `components.app.operations.get.steps[2]`, nested steps inside
   * `branch[i].steps`, `parallel[lane]`, `miss`, `fallback`; `components.gw.routes.<route>`,
   * `components.edge.origin`, `components.q.consumer`.
   */
  path: Array<string | number>;
}

export interface TopologyEdge {
  from: string;
  to: string;
  /** Step kinds behind this edge, sorted (a service may both call and query one component). */
  kinds: EdgeKind[];
  /** Publishing to a queue and its consumption are asynchronous (drawn dashed). */
  async: boolean;
  /** Every step or wiring entry that makes this edge, in document order. */
  sources: EdgeSource[];
}

export interface TopologyEntry {
  component: string;
  endpoints: string[];
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Endpoints grouped by the component they enter. */
  entries: TopologyEntry[];
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `component.operation` → its component, or undefined. */
export function targetComponent(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined;
  const dot = target.indexOf('.');
  return dot > 0 ? target.slice(0, dot) : undefined;
}

const ASYNC_KINDS: ReadonlySet<EdgeKind> = new Set(['publish', 'consume']);

export interface StepUse {
  kind: EdgeKind;
  to: string;
  /** The step's path: `base` followed by its index and, when nested, the way into it. */
  path: Array<string | number>;
}

/** Every use of another component in a list of steps (recursing into branch, parallel, miss, fallback). */
export function stepUses(steps: unknown, base: ReadonlyArray<string | number> = []): StepUse[] {
  const out: StepUse[] = [];
  const walk = (list: unknown, at: Array<string | number>): void => {
    if (!Array.isArray(list)) return;
    list.forEach((step: unknown, i) => {
      if (!isRaw(step)) return;
      const path = [...at, i];
      const use = (kind: EdgeKind, to: string | undefined) => {
        if (to) out.push({ kind, to, path });
      };
      use('call', targetComponent(step.call));
      use('query', targetComponent(step.query));
      if (typeof step.external === 'string') use('external', step.external);
      if (typeof step.cache === 'string') use('cache', step.cache);
      if (typeof step.publish === 'string') use('publish', step.publish);
      if (Array.isArray(step.branch)) step.branch.forEach((option: unknown, o) => isRaw(option) && walk(option.steps, [...path, 'branch', o, 'steps']));
      if (Array.isArray(step.parallel)) step.parallel.forEach((lane: unknown, l) => walk(lane, [...path, 'parallel', l]));
      walk(step.miss, [...path, 'miss']);
      walk(step.fallback, [...path, 'fallback']);
    });
  };
  walk(steps, [...base]);
  return out;
}

function nodeOf(name: string, raw: unknown): TopologyNode {
  const def = isRaw(raw) ? raw : {};
  const kind = (COMPONENT_KINDS as readonly string[]).includes(def.kind as string) ? (def.kind as ComponentKind) : 'unknown';
  let replicas = 1;
  if (kind === 'service' && typeof def.replicas === 'number' && def.replicas >= 1) replicas = def.replicas;
  if (kind === 'database' && typeof def.readReplicas === 'number' && def.readReplicas >= 0) replicas = 1 + def.readReplicas;
  return { name, kind, replicas };
}

/** Uses of other components by one component, with where each is written. */
function usesOf(name: string, def: Raw): StepUse[] {
  const uses: StepUse[] = [];
  const at = ['components', name];
  if (isRaw(def.operations)) {
    for (const [op, opDef] of Object.entries(def.operations)) if (isRaw(opDef)) uses.push(...stepUses(opDef.steps, [...at, 'operations', op, 'steps']));
  }
  if (isRaw(def.routes)) {
    for (const [route, target] of Object.entries(def.routes)) {
      const path = [...at, 'routes', route];
      // A route is a target, or `{ call, split }` (strangler-fig routing): an edge to each path.
      const targets: Array<[unknown, Array<string | number>]> = isRaw(target)
        ? [[target.call, path], ...Object.keys(isRaw(target.split) ? target.split : {}).map((t): [unknown, Array<string | number>] => [t, [...path, 'split', t]])]
        : [[target, path]];
      for (const [t, p] of targets) {
        const to = targetComponent(t);
        if (to) uses.push({ kind: 'route', to, path: p });
      }
    }
  }
  const origin = def.kind === 'cdn' ? targetComponent(def.origin) : undefined;
  if (origin) uses.push({ kind: 'origin', to: origin, path: [...at, 'origin'] });
  const consumer = def.kind === 'queue' ? targetComponent(def.consumer) : undefined;
  if (consumer) uses.push({ kind: 'consume', to: consumer, path: [...at, 'consumer'] });
  return uses;
}

/** The nodes, edges (only between declared components) and entries of a scenario, raw or validated. */
export function extractTopology(scenario: unknown): Topology {
  const root = isRaw(scenario) ? scenario : {};
  const components = isRaw(root.components) ? root.components : {};
  const names = Object.keys(components);
  const known = new Set(names);
  const nodes = names.map((name) => nodeOf(name, components[name]));

  const edgeMap = new Map<string, TopologyEdge>();
  for (const from of names) {
    const def = components[from];
    if (!isRaw(def)) continue;
    for (const use of usesOf(from, def)) {
      if (!known.has(use.to)) continue;
      const async = ASYNC_KINDS.has(use.kind);
      const key = `${from}\u0000${use.to}\u0000${async}`;
      const edge = edgeMap.get(key) ?? { from, to: use.to, kinds: [], async, sources: [] };
      if (!edge.kinds.includes(use.kind)) edge.kinds.push(use.kind);
      edge.sources.push({ kind: use.kind, path: use.path });
      edgeMap.set(key, edge);
    }
  }
  const edges = [...edgeMap.values()];
  for (const e of edges) e.kinds.sort();

  const byComponent = new Map<string, string[]>();
  const endpoints = isRaw(root.endpoints) ? root.endpoints : {};
  for (const [endpoint, def] of Object.entries(endpoints)) {
    // An endpoint enters at its call's component and, with a split, at each split target's too.
    const targets = isRaw(def) ? [def.call, ...Object.keys(isRaw(def.split) ? def.split : {})] : [];
    for (const component of new Set(targets.map(targetComponent))) {
      if (!component || !known.has(component)) continue;
      byComponent.set(component, [...(byComponent.get(component) ?? []), endpoint]);
    }
  }
  const entries = [...byComponent].map(([component, eps]) => ({ component, endpoints: eps }));
  return { nodes, edges, entries };
}

/** The operation a new call into `def` (of the given kind) should target, if it has one. */
export function firstOperation(def: unknown): string | undefined {
  if (!isRaw(def)) return undefined;
  if (def.kind === 'cdn') return CDN_OPERATION;
  const ops = def.kind === 'gateway' ? def.routes : def.operations;
  return isRaw(ops) ? Object.keys(ops)[0] : undefined;
}

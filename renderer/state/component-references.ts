/**
 * Every place a scenario names a component (pure, on parsed data): the `component.operation`
 * targets of endpoints, call/query steps, gateway routes, a cdn's origin and a queue's consumer;
 * the bare names of external/cache/publish steps and of incident targets. Steps are found inside
 * branch options, parallel lanes, cache misses and fallbacks. Used to rename a component.
 */

export type RefPath = Array<string | number>;

export interface ComponentReference {
  path: RefPath;
  /** The value there with `name` replaced by `to`. */
  renamed(to: string): string;
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const TARGET_KEYS = ['call', 'query'] as const;
const NAME_KEYS = ['external', 'cache', 'publish'] as const;

/** References to component `name` in the parsed document `root`, in document order. */
export function componentReferences(root: unknown, name: string): ComponentReference[] {
  const out: ComponentReference[] = [];
  const prefix = `${name}.`;
  const target = (v: unknown, path: RefPath) => {
    if (typeof v === 'string' && v.startsWith(prefix)) out.push({ path, renamed: (to) => `${to}.${v.slice(prefix.length)}` });
  };
  const bare = (v: unknown, path: RefPath) => {
    if (v === name) out.push({ path, renamed: (to) => to });
  };
  const steps = (list: unknown, at: RefPath): void => {
    if (!Array.isArray(list)) return;
    list.forEach((step: unknown, i) => {
      if (!isRaw(step)) return;
      const path = [...at, i];
      for (const k of TARGET_KEYS) target(step[k], [...path, k]);
      for (const k of NAME_KEYS) bare(step[k], [...path, k]);
      if (Array.isArray(step.branch)) step.branch.forEach((o: unknown, j) => isRaw(o) && steps(o.steps, [...path, 'branch', j, 'steps']));
      if (Array.isArray(step.parallel)) step.parallel.forEach((lane: unknown, j) => steps(lane, [...path, 'parallel', j]));
      steps(step.miss, [...path, 'miss']);
      steps(step.fallback, [...path, 'fallback']);
    });
  };

  if (!isRaw(root)) return out;
  if (isRaw(root.endpoints)) for (const [ep, def] of Object.entries(root.endpoints)) if (isRaw(def)) target(def.call, ['endpoints', ep, 'call']);
  if (isRaw(root.components)) {
    for (const [c, def] of Object.entries(root.components)) {
      if (!isRaw(def)) continue;
      const at = ['components', c];
      if (isRaw(def.operations)) for (const [op, o] of Object.entries(def.operations)) if (isRaw(o)) steps(o.steps, [...at, 'operations', op, 'steps']);
      // A route is a target or `{ call, split }`; split targets are map keys, which renaming does not reach yet.
      if (isRaw(def.routes)) for (const [r, t] of Object.entries(def.routes)) target(isRaw(t) ? t.call : t, isRaw(t) ? [...at, 'routes', r, 'call'] : [...at, 'routes', r]);
      target(def.origin, [...at, 'origin']);
      target(def.consumer, [...at, 'consumer']);
    }
  }
  if (Array.isArray(root.incidents)) root.incidents.forEach((inc: unknown, i) => isRaw(inc) && bare(inc.target, ['incidents', i, 'target']));
  return out;
}

import { databaseQueryTypes } from '../components/database.ts';
import { componentCalls, componentKind } from '../components/registry.ts';
import { problem, type PathSegment, type Problem } from './errors.ts';
import { splitTarget } from './schema-fields.ts';
import { splitTargetsOf } from './split.ts';
import { walkSteps, type UsedKind } from './steps.ts';
import { didYouMean } from './suggest.ts';

/**
 * The checks that need the whole scenario: every `call` (in steps, endpoints and their `split`, a
 * cdn's origin) names an existing component and operation, every `cache:`/`external:` step a component of
 * that kind, every `query:` a database and a query type it defines, every mix entry an
 * existing endpoint, and synchronous calls form no cycle. They read the data defensively, so
 * they also run on data the schema rejected — a broken file gets all its errors at once.
 */
export function checkReferences(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const root = isObject(data) ? data : {};
  const components = isObject(root.components) ? root.components : {};

  // component → its operations; undefined when its kind is unknown (reported by the schema).
  const operations = new Map<string, Set<string> | undefined>();
  const kinds = new Map<string, string | undefined>();
  for (const [name, raw] of Object.entries(components)) {
    const kind = isObject(raw) ? componentKind(raw.kind) : undefined;
    operations.set(name, kind ? new Set(kind.operationNames(raw)) : undefined);
    kinds.set(name, kind?.kind);
  }

  /** A step that names a component directly (`cache: redis`) must name one of that kind; true when it does. */
  const uses = (wanted: UsedKind, name: unknown, path: PathSegment[]): boolean => {
    if (typeof name !== 'string') return false; // the schema says so
    const ofKind = [...kinds].filter(([, k]) => k === wanted).map(([n]) => n);
    if (!kinds.has(name)) {
      const known = ofKind.length > 0 ? ` (${wanted} components: ${ofKind.join(', ')})` : ` (there is no component of kind ${wanted})`;
      const hint = didYouMean(name, ofKind);
      problems.push(problem(path, `unknown ${wanted} '${name}'${hint || known}`));
      return false;
    }
    const kind = kinds.get(name);
    if (kind !== undefined && kind !== wanted) problems.push(problem(path, `'${name}' is ${article(kind)} ${kind}, not ${article(wanted)} ${wanted}`));
    return kind === wanted;
  };

  /** `query: pg.read` names a database and one of its query types. */
  const query = (target: unknown, path: PathSegment[]): void => {
    const parts = typeof target === 'string' ? splitTarget(target) : undefined;
    // Malformed: the schema says so; not a database: `uses` said so.
    if (!parts || !uses('database', parts.component, path)) return;
    const types = databaseQueryTypes(components[parts.component]);
    if (types.includes(parts.operation)) return;
    const known = types.length > 0 ? ` (it has: ${types.join(', ')})` : ' (it defines no query types)';
    problems.push(problem(path, `database '${parts.component}' has no query type '${parts.operation}'${didYouMean(parts.operation, types) || known}`));
  };

  /** True when the target exists; reports it when it does not. */
  const resolve = (target: unknown, path: PathSegment[]): target is string => {
    if (typeof target !== 'string') return false;
    const parts = splitTarget(target);
    if (!parts) return false; // malformed: the schema says so
    if (!operations.has(parts.component)) {
      problems.push(problem(path, `unknown component '${parts.component}' in '${target}'${didYouMean(parts.component, operations.keys())}`));
      return false;
    }
    const ops = operations.get(parts.component);
    if (ops === undefined) return false;
    if (!ops.has(parts.operation)) {
      const known = ops.size > 0 ? ` (it has: ${[...ops].join(', ')})` : ' (it has no operations)';
      const hint = didYouMean(parts.operation, ops);
      problems.push(problem(path, `component '${parts.component}' has no operation '${parts.operation}'${hint || known}`));
      return false;
    }
    return true;
  };

  const calls = new Map<string, { target: string; path: PathSegment[] }[]>();
  const edgesOf = (owner: string) => {
    const edges = calls.get(owner) ?? [];
    calls.set(owner, edges);
    return edges;
  };
  for (const [name, raw] of Object.entries(components)) {
    const kind = isObject(raw) ? componentKind(raw.kind) : undefined;
    for (const list of kind?.stepLists(name, raw) ?? []) {
      const edges = edgesOf(list.owner);
      walkSteps(list.steps, list.path, {
        call: (target, path) => {
          if (resolve(target, path)) edges.push({ target, path });
        },
        uses,
        query,
      });
    }
    // Calls a component makes by configuration rather than steps (a cdn's origin).
    for (const c of componentCalls(name, raw)) {
      if (resolve(c.target, c.path)) edgesOf(c.owner).push({ target: c.target, path: c.path });
    }
  }

  const endpoints = isObject(root.endpoints) ? root.endpoints : undefined;
  for (const [name, def] of Object.entries(endpoints ?? {})) {
    if (!isObject(def)) continue;
    resolve(def.call, ['endpoints', name, 'call']);
    for (const t of splitTargetsOf(def.split, ['endpoints', name, 'split'])) resolve(t.target, t.path);
  }

  const workload = isObject(root.workload) ? root.workload : {};
  if (isObject(workload.mix) && endpoints) {
    for (const name of Object.keys(workload.mix)) {
      if (!Object.hasOwn(endpoints, name)) {
        problems.push(problem(['workload', 'mix', name], `unknown endpoint '${name}'${didYouMean(name, Object.keys(endpoints))}`, true));
      }
    }
  }

  problems.push(...findCallCycles(calls));
  return problems;
}

/**
 * Cycles of synchronous calls (a request would wait on itself forever, or recurse without
 * bound). Depth-first search; each back edge closes one cycle, reported once at that call.
 */
function findCallCycles(calls: Map<string, { target: string; path: PathSegment[] }[]>): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();

  const visit = (node: string): void => {
    state.set(node, 'active');
    stack.push(node);
    for (const edge of calls.get(node) ?? []) {
      const s = state.get(edge.target);
      if (s === 'active') {
        const cycle = [...stack.slice(stack.indexOf(edge.target)), edge.target];
        const key = canonical(cycle.slice(0, -1));
        if (!seen.has(key)) {
          seen.add(key);
          problems.push(problem(edge.path, `synchronous call cycle: ${cycle.join(' → ')}`));
        }
      } else if (s === undefined) {
        visit(edge.target);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };

  for (const node of calls.keys()) if (!state.has(node)) visit(node);
  return problems;
}

/** The same cycle read from any starting point gives the same key. */
function canonical(cycle: string[]): string {
  let best = '';
  for (let i = 0; i < cycle.length; i++) {
    const rotated = [...cycle.slice(i), ...cycle.slice(0, i)].join('\u0000');
    if (best === '' || rotated < best) best = rotated;
  }
  return best;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

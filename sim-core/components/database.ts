import * as z from 'zod';
import { Op } from '../model/compiled.ts';
import type { ComponentKind } from '../model/compile-context.ts';
import { ALWAYS, distribution, duration, namedRecord, nonNegativeInt, positiveInt } from '../model/schema-fields.ts';
import { databaseQueryBlock } from '../model/block-names.ts';
import { instanceType, replicaPrice } from '../cost/price-field.ts';
import { compileFailures, compileHealthCheck, failuresSchema, healthCheckSchema } from '../model/failures-schema.ts';
import { didYouMean } from '../model/suggest.ts';
import { resilienceDefaultsSchema } from '../model/resilience.ts';

/**
 * `kind: database` — a primary with optional read replicas, used from a service operation's
 * steps (`- query: pg.read`):
 *
 *   pg:
 *     kind: database
 *     cores: 8                                      # queries served at once per instance
 *     readReplicas: 2                               # reads spread over the primary and its replicas
 *     queries: { read: exp(3ms), search: exp(20ms), write: exp(9ms) }
 *     reads: [read, search]                         # the query types that are reads
 *
 * Query types: each maps to its service time. A type is a *read* when it is listed in `reads`,
 * otherwise a *write*. Without `reads`, the type named exactly `read` (if any) is the only read,
 * so DESIGN.md's `queries: { read: …, write: … }` means what it says; `reads: []` makes every
 * type a write.
 *
 * Instances and the read policy: the primary is the station `<db>` (1 instance × `cores`
 * workers); the replicas are the station `<db>.replicas` (`readReplicas` instances × `cores`,
 * random balancer). Each read goes to an instance chosen uniformly at random among the primary
 * and its replicas — the primary with probability 1/(1 + readReplicas), else a random replica —
 * so under Poisson load each instance sees reads at λ_read/(1 + R) (Poisson splitting). Writes
 * go to the primary only. Queues are unbounded FIFO per instance.
 *
 * Blocks, one per query type, run by `query:` call sites as a one-body FORK (steps.ts): a frame
 * of its own holding a core while the caller keeps its worker, and no network hop — the query
 * time is what the caller waits (network round trip included), plus any wait for a core.
 *   <db>#<write>:  COUNT; ENTER <db>; SLEEP time; LEAVE; RETURN
 *   <db>#<read>:   COUNT; BRANCH <db>.route [1/(1+R)] primary else replicas   (no draw without replicas)
 *                  primary:  ENTER <db>;          SLEEP time; LEAVE; RETURN
 *                  replicas: [RECORD lag]; ENTER <db>.replicas; SLEEP time; LEAVE; RETURN
 *
 * Streams: `<db>.query.<type>` for the service times of each type (so common random numbers
 * keep one type aligned when another's load changes), `<db>.route` for the read routing draws.
 *
 * Each query block begins with `COUNT <db>.queries.<type>`: the component row reports queries/s
 * by type (`queries`).
 *
 * Connection pool (`pool: 20`): every calling service replica keeps its own pool of that many
 * connections to this database (PgBouncer-less application pools, as HikariCP or pgx keep). A
 * query holds a connection from before it waits for a core until its answer is back; waiting for
 * a connection is its own wait, reported as the pool's `wait` (mean, p95, p99). The pools of one
 * caller are the station `<db>.pool.<caller>` (replicas = the caller's replicas, workers = pool,
 * FIFO, unbounded); a query enters the pool replica of the caller replica its request is on
 * (ENTER_HOME; steps.ts emits the block). When pool × callers < cores the pool is the bottleneck.
 *
 * Replication lag (`replicationLag: exp(20ms)`): how far behind the primary a replica is when it
 * serves a read — no effect on timing, reported for the reads replicas served
 * (`<db>.replicas` row: `replicationLag` mean and p95), drawn from stream `<db>.lag`.
 *
 * Billing: `instance`/`price` per instance; the primary and every read replica are billed
 * (cost/billed-results.ts: the `<db>` and `<db>.replicas` rows).
 */

export const databaseSchema = z
  .strictObject({
    kind: z.literal('database'),
    cores: positiveInt().meta({ description: 'Queries served at once per instance (primary and each replica); further queries wait in a FIFO queue' }),
    readReplicas: nonNegativeInt().default(0).meta({ description: 'Read replicas beside the primary; each read goes to one of the 1 + readReplicas instances chosen uniformly at random, writes to the primary' }),
    queries: namedRecord(
      distribution('Service time of one query of this type on one core, as the caller sees it (network included), e.g. exp(3ms)'),
      'query type',
      'Query types and their service times; steps run them as query: <database>.<type>',
    ),
    reads: z
      .array(z.string())
      .optional()
      .meta({ description: "The query types that are reads (served by the primary or a replica); the others are writes (primary only). Default: the type named 'read', if there is one" }),
    pool: positiveInt()
      .optional()
      .meta({ description: 'Connections per calling service replica, held for the whole query; without it a query only waits for a core' }),
    replicationLag: distribution('How far behind the primary a replica is when it serves a read, e.g. exp(20ms); reported, no effect on timing').optional(),
    instance: instanceType('Instance type of the primary and of each read replica, priced from the price list (e.g. db.m6g.large)').optional(),
    price: replicaPrice('Price of one instance (primary or replica), e.g. $0.159/h; overrides the price list').optional(),
    failures: failuresSchema.optional().meta({ description: 'Failures of the primary (the database serves only while it is up; no failover yet)' }),
    healthCheck: healthCheckSchema.optional(),
    failover: duration('With read replicas: a replica is promoted this long after the primary fails (the primary is down only that long)').optional(),
    resilience: resilienceDefaultsSchema.optional(),
  })
  .superRefine((db, ctx) => {
    if (typeof db !== 'object' || db === null || typeof db.queries !== 'object' || db.queries === null) return;
    const types = Object.keys(db.queries);
    if (Array.isArray(db.reads)) {
      db.reads.forEach((name, i) => {
        if (typeof name === 'string' && !types.includes(name)) {
          const known = types.length > 0 ? ` (query types: ${types.join(', ')})` : '';
          ctx.addIssue({ code: 'custom', path: ['reads', i], message: `unknown query type '${name}'${didYouMean(name, types) || known}`, input: name });
        }
      });
    }
    const replicas = db.readReplicas;
    if (db.failover !== undefined && !(typeof replicas === 'number' && replicas > 0)) {
      ctx.addIssue({ code: 'custom', path: ['failover'], message: 'failover promotes a read replica, and this database has none: give readReplicas', input: db.failover });
    }
    if (db.replicationLag !== undefined && !(typeof replicas === 'number' && replicas > 0)) {
      ctx.addIssue({ code: 'custom', path: ['replicationLag'], message: 'replicationLag is the lag of read replicas, and this database has none: give readReplicas, or drop replicationLag', input: db.replicationLag });
    }
    if (typeof replicas === 'number' && replicas > 0 && readTypes(db).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['readReplicas'],
        message: `readReplicas is ${replicas} but no query type is a read, so the replicas would serve nothing: list the reads (e.g. reads: [${types[0] ?? 'read'}])`,
        input: replicas,
      });
    }
  }, ALWAYS)
  .meta({ description: 'A database: a primary and optional read replicas, each with cores serving queries; query types with service times' });

export type Database = z.output<typeof databaseSchema>;

/**
 * The primary's failures as the engine and the uptime study see them: with `failover`, a read
 * replica is promoted after that delay, so the primary role is down for the failover, not for the
 * repair. (The cluster then has one replica fewer until the failed instance is repaired: not
 * modelled.)
 */
export function primaryFailures(db: Pick<Database, 'failures' | 'failover'>): NonNullable<Database['failures']> {
  const f = db.failures!;
  return db.failover === undefined ? f : { ...f, mttr: `const(${db.failover})` };
}

/** The query types that are reads, by the rule in the header. */
function readTypes(db: { queries?: unknown; reads?: unknown }): string[] {
  const types = typeof db.queries === 'object' && db.queries !== null ? Object.keys(db.queries) : [];
  if (db.reads === undefined) return types.includes('read') ? ['read'] : [];
  return Array.isArray(db.reads) ? db.reads.filter((r): r is string => typeof r === 'string' && types.includes(r)) : [];
}

/** The query types of a raw (possibly invalid) database, for reference checks. */
export function databaseQueryTypes(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const queries = (raw as { queries?: unknown }).queries;
  return typeof queries === 'object' && queries !== null && !Array.isArray(queries) ? Object.keys(queries) : [];
}

/** Station of the read replicas, beside the primary's station `<db>`. */
export const replicaStationName = (db: string) => `${db}.replicas`;

export const databaseKind: ComponentKind<Database> = {
  kind: 'database',
  schema: databaseSchema,
  operationNames: () => [],
  stepLists: () => [],

  compile(ctx, name, db, path) {
    const { b } = ctx;
    const primary = b.station({
      name,
      kind: 'database',
      replicas: 1,
      workers: db.cores,
      queue: Infinity,
      balancer: 'roundRobin',
      ...(db.failures ? { failures: compileFailures(b, name, primaryFailures(db)) } : {}),
      ...(db.healthCheck ? { healthCheck: compileHealthCheck(db.healthCheck) } : {}),
    });
    const replicas =
      db.readReplicas > 0
        ? b.station({ name: replicaStationName(name), kind: 'database', replicas: db.readReplicas, workers: db.cores, queue: Infinity, balancer: 'random' })
        : -1;
    const reads = new Set(readTypes(db));
    const lag = replicas >= 0 && db.replicationLag !== undefined ? ctx.dist(db.replicationLag, [...path, 'replicationLag']) : -1;
    const lagStat = lag >= 0 ? b.stat({ component: replicaStationName(name), key: 'replicationLag' }) : -1;
    const serve = (station: number, time: number, stream: number) => {
      if (station === replicas && lagStat >= 0) b.record(lag, b.stream(`${name}.lag`), lagStat);
      b.enter(station);
      if (time >= 0) b.sleep(time, stream);
      b.leave();
      b.ret();
    };
    for (const [type, text] of Object.entries(db.queries)) {
      const time = ctx.dist(text, [...path, 'queries', type]);
      const stream = b.stream(`${name}.query.${type}`);
      b.beginBlock(b.block(databaseQueryBlock(name, type)));
      b.count(b.counter({ component: name, group: 'queries', key: type }));
      if (!reads.has(type) || replicas < 0) {
        serve(primary, time, stream);
        continue;
      }
      // u < 1/(1 + R): the primary (falls through); otherwise a replica.
      const at = b.emit(Op.BRANCH, b.stream(`${name}.route`), 1, b.constants([1 / (1 + db.readReplicas)]), -1, -1);
      b.patch(at + 4, b.pc);
      serve(primary, time, stream);
      b.patch(at + 5, b.pc);
      serve(replicas, time, stream);
    }
  },
};

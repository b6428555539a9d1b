import { DistTable, type DistSpec } from '../engine/distributions.ts';
import { Op, type BlockDef, type BreakerDef, type CacheDef, type CallPolicyDef, type CompiledModel, type CounterDef, type IncidentDef, type LimiterDef, type QueueDef, type StatDef, type StationDef } from './compiled.ts';

/**
 * Assembles a CompiledModel: interns streams, distributions and stations, and emits the step
 * program. Component compilers use it; tests use it to hand-build small models.
 */
export class ModelBuilder {
  readonly dists = new DistTable();
  readonly stations: StationDef[] = [];
  readonly blocks: BlockDef[] = [];
  readonly limiters: LimiterDef[] = [];
  readonly counters: CounterDef[] = [];
  readonly stats: StatDef[] = [];
  readonly caches: CacheDef[] = [];
  readonly queues: QueueDef[] = [];
  readonly policies: CallPolicyDef[] = [];
  readonly breakers: BreakerDef[] = [];
  readonly incidents: IncidentDef[] = [];
  /** Values memoised by key for compilers that create things on first use (e.g. a connection pool per caller). */
  private readonly memo = new Map<string, unknown>();
  private readonly streamIds = new Map<string, number>();
  private readonly blockIds = new Map<string, number>();
  private code: number[] = [];
  private consts: number[] = [];
  private deferred: Array<() => void> = [];

  stream(name: string): number {
    let id = this.streamIds.get(name);
    if (id === undefined) {
      id = this.streamIds.size;
      this.streamIds.set(name, id);
    }
    return id;
  }

  dist(spec: DistSpec): number {
    return this.dists.add(spec);
  }

  station(def: Omit<StationDef, 'stream'> & { stream?: number }): number {
    this.stations.push({ ...def, stream: def.stream ?? this.stream(`${def.name}.balancer`) });
    return this.stations.length - 1;
  }

  /** Id of the block called `name`, reserving it if new (so calls can precede definitions). */
  block(name: string): number {
    let id = this.blockIds.get(name);
    if (id === undefined) {
      id = this.blocks.length;
      this.blocks.push({ name, pc: -1 });
      this.blockIds.set(name, id);
    }
    return id;
  }

  hasBlock(name: string): boolean {
    return this.blockIds.has(name);
  }

  /** Start emitting the body of block `id` at the current end of the program. */
  beginBlock(id: number): void {
    this.blocks[id].pc = this.code.length;
  }

  /** Emit a block body later (after the current block), e.g. the bodies of a FORK. */
  defer(emitBody: () => void): void {
    this.deferred.push(emitBody);
  }

  flushDeferred(): void {
    while (this.deferred.length > 0) this.deferred.shift()!();
  }

  get pc(): number {
    return this.code.length;
  }

  emit(...words: number[]): number {
    const at = this.code.length;
    for (const w of words) this.code.push(w);
    return at;
  }

  patch(at: number, value: number): void {
    this.code[at] = value;
  }

  constants(values: number[]): number {
    const at = this.consts.length;
    this.consts.push(...values);
    return at;
  }

  // Convenience emitters for the common instructions.
  enter(station: number): void { this.emit(Op.ENTER, station); }
  sleep(dist: number, stream: number): void { this.emit(Op.SLEEP, dist, stream); }
  leave(): void { this.emit(Op.LEAVE); }
  call(block: number): void { this.emit(Op.CALL, block); }
  ret(): void { this.emit(Op.RETURN); }
  /** A token bucket for LIMIT instructions; returns its id. */
  limiter(def: LimiterDef): number {
    this.limiters.push(def);
    return this.limiters.length - 1;
  }
  /** A counter for COUNT instructions; returns its id. */
  counter(def: CounterDef): number {
    this.counters.push(def);
    return this.counters.length - 1;
  }
  count(counter: number): void { this.emit(Op.COUNT, counter); }
  /** A sampled statistic for RECORD instructions; returns its id. */
  stat(def: StatDef): number {
    this.stats.push(def);
    return this.stats.length - 1;
  }
  record(dist: number, stream: number, stat: number): void { this.emit(Op.RECORD, dist, stream, stat); }
  /** Enter `station` at the replica whose index is that of the frame's home replica at `home` (a pool per caller replica). */
  enterHome(station: number, home: number): void { this.emit(Op.ENTER_HOME, station, home); }
  cache(def: CacheDef): number {
    this.caches.push(def);
    return this.caches.length - 1;
  }
  queue(def: QueueDef): number {
    this.queues.push(def);
    return this.queues.length - 1;
  }
  /** The value memoised under `key`, made by `make` on first use. */
  once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }
  /** Take a token from `limiter` or fail with `rate-limited`, counted at `station`. */
  limit(limiter: number, station: number): void { this.emit(Op.LIMIT, limiter, station); }
  /** With probability p the frame fails with `cause` (an ERROR_CAUSES index), counted at `station`. */
  fail(p: number, stream: number, cause: number, station: number): void { this.emit(Op.FAIL, stream, this.constants([p]), cause, station); }

  build(rest: Omit<CompiledModel, 'stations' | 'blocks' | 'code' | 'consts' | 'dists' | 'streams' | 'limiters' | 'counters' | 'stats' | 'caches' | 'queues' | 'policies' | 'breakers' | 'incidents'>): CompiledModel {
    this.flushDeferred();
    for (const b of this.blocks) {
      if (b.pc < 0) throw new Error(`internal: block ${b.name} referenced but never emitted`);
    }
    return {
      ...rest,
      stations: this.stations,
      blocks: this.blocks,
      limiters: this.limiters,
      counters: this.counters,
      stats: this.stats,
      caches: this.caches,
      queues: this.queues,
      policies: this.policies,
      breakers: this.breakers,
      incidents: this.incidents,
      code: Int32Array.from(this.code),
      consts: Float64Array.from(this.consts),
      dists: this.dists,
      streams: [...this.streamIds.keys()],
    };
  }
}

import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledModel } from '../../sim-core/model/compiled.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { errorsOf } from '../helpers/errors-of.ts';
import { compileScenario, runScenario } from '../helpers/scenario.ts';

/**
 * Resilience defaults per component (`resilience:` on a service, external or database) and how
 * call sites override them (resilience.ts).
 */

const BANK_DEFAULTS = `
    resilience:
      timeout: 2s
      retries: { max: 2, backoff: exp(100ms) }
      circuitBreaker: { failureRate: 50%, window: 20, openFor: 30s }`;

/** `app.pay` runs `steps`; bank (external), pg (database) and ledger (service) can be called. */
const scenario = (steps: string, opts: { bank?: string; pg?: string; ledger?: string; extra?: string } = {}) => `archsim: 1
name: resilience defaults
run: { duration: 10s, warmup: 0s, replications: 1 }
workload: { arrivals: 10/s }
endpoints: { pay: { call: app.pay } }
components:
  app:
    kind: service
    workers: 4
    operations:
      pay:
        steps:
${steps
  .trim()
  .split('\n')
  .map((l) => `          ${l}`)
  .join('\n')}
  bank:
    kind: external
    latency: exp(20ms)${opts.bank ?? BANK_DEFAULTS}
  pg:
    kind: database
    cores: 4
    queries: { read: exp(2ms) }${opts.pg ?? ''}
  ledger:
    kind: service
    workers: 4
    operations: { post: { cpu: exp(1ms) } }${opts.ledger ?? ''}
${opts.extra ?? ''}`;

const policiesTo = (m: CompiledModel, target: string) => m.policies.filter((p) => p.target === target);

describe('resilience defaults: compile', () => {
  it('a call site without options gets the target’s defaults (timeout, retries, breaker)', () => {
    const m = compileScenario(scenario('- external: bank'));
    const [p] = policiesTo(m, 'bank');
    expect(policiesTo(m, 'bank')).toHaveLength(1);
    expect(p).toMatchObject({ site: 'app.pay → bank', timeoutMs: 2000, retries: 2, backoffMs: 100, backoffMultiplier: 2, jitter: 'full', fallbackPc: -1 });
    expect(m.breakers[p.breaker]).toEqual({ name: 'app→bank', failureRate: 0.5, window: 20, openForMs: 30_000, halfOpenCalls: 5 });
  });

  it('a target without defaults and a site without options: a plain call, no policy', () => {
    const m = compileScenario(scenario('- external: bank', { bank: '' }));
    expect(m.policies).toEqual([]);
    expect(m.breakers).toEqual([]);
  });

  it('a site’s fields override the defaults one by one; its retries replace the default retries whole', () => {
    const m = compileScenario(scenario('- { external: bank, timeout: 500ms, retries: { max: 1, backoff: const(50ms), jitter: none } }'));
    const [p] = policiesTo(m, 'bank');
    expect(p).toMatchObject({ timeoutMs: 500, retries: 1, backoffMs: 50, backoffMultiplier: 1, jitter: 'none' });
    // The breaker still comes from the defaults.
    expect(m.breakers[p.breaker]).toMatchObject({ name: 'app→bank', window: 20, openForMs: 30_000 });
  });

  it('a site’s retries take their own backoff default, not the component’s', () => {
    const m = compileScenario(
      scenario('- { external: bank, retries: { max: 4 } }', { bank: '\n    resilience: { retries: { max: 2, backoff: const(300ms), jitter: equal } }' }),
    );
    expect(policiesTo(m, 'bank')[0]).toMatchObject({ retries: 4, backoffMs: 100, backoffMultiplier: 2, jitter: 'full' });
  });

  it('none switches a default off at one site; switching all off leaves a plain call', () => {
    const m = compileScenario(scenario('- { external: bank, timeout: none, circuitBreaker: none }\n- { external: bank, retries: { max: 0 } }'));
    const [off, noRetries] = policiesTo(m, 'bank');
    expect(off).toMatchObject({ timeoutMs: Infinity, retries: 2, breaker: -1 });
    expect(noRetries).toMatchObject({ timeoutMs: 2000, retries: 0 });
    expect(m.breakers[noRetries.breaker].name).toBe('app→bank');

    const plain = compileScenario(scenario('- { external: bank, timeout: none, retries: none, circuitBreaker: none }'));
    expect(plain.policies).toEqual([]);
    expect(plain.breakers).toEqual([]);
  });

  it('one breaker per caller component and target, whichever sites use it', () => {
    const audit = '  audit: { kind: service, workers: 4, operations: { log: { steps: [ { external: bank } ] } } }\n';
    const m = compileScenario(scenario('- external: bank\n- external: bank', { extra: audit }));
    const ps = policiesTo(m, 'bank');
    expect(ps.map((p) => m.breakers[p.breaker].name).sort()).toEqual(['app→bank', 'app→bank', 'audit→bank']);
    expect(ps[0].breaker).toBe(ps[1].breaker);
    expect(m.breakers).toHaveLength(2);
  });

  it('a database’s defaults apply to its queries; a service’s to calls of any of its operations (with the hop)', () => {
    const m = compileScenario(
      scenario('- query: pg.read\n- call: ledger.post', {
        pg: '\n    resilience: { timeout: 50ms }',
        ledger: '\n    resilience: { timeout: 1s, bulkhead: { maxConcurrent: 3 } }',
      }),
    );
    expect(policiesTo(m, 'pg')).toMatchObject([{ site: 'app.pay → pg', timeoutMs: 50, retries: 0, breaker: -1 }]);
    expect(policiesTo(m, 'ledger')).toMatchObject([{ site: 'app.pay → ledger', timeoutMs: 1000 }]);
    expect(m.stations.find((s) => s.name === 'app.bulkhead.ledger')).toMatchObject({ kind: 'bulkhead', workers: 3, queue: 0 });
  });

  it('a site can switch a default bulkhead off', () => {
    const m = compileScenario(scenario('- { call: ledger.post, bulkhead: none }', { ledger: '\n    resilience: { bulkhead: { maxConcurrent: 3 } }' }));
    expect(m.policies).toEqual([]);
    expect(m.stations.some((s) => s.kind === 'bulkhead')).toBe(false);
  });
});

describe('resilience defaults: bad input', () => {
  it('a breaker window of zero in a default, with its path', () => {
    expect(errorsOf(scenario('- external: bank', { bank: '\n    resilience: { circuitBreaker: { failureRate: 50%, window: 0, openFor: 5s } }' }))).toEqual([
      '17:63 components.bank.resilience.circuitBreaker.window: expected a positive integer of calls or a positive duration (10s), got 0',
    ]);
  });

  it('a fallback as a default; an unknown default', () => {
    expect(errorsOf(scenario('- external: bank', { bank: '\n    resilience: { fallback: [ { delay: 1ms } ], timeuot: 1s }' }))).toEqual([
      '17:29 components.bank.resilience.fallback: fallback is not a component default: what to do instead of a failed call depends on the caller, so give fallback: on the call sites',
      "17:49 components.bank.resilience.timeuot: unknown key 'timeuot'; did you mean 'timeout'?",
    ]);
  });

  it('off instead of none; a site breaker with a missing or mistyped key; a bad jitter; a bad timeout', () => {
    expect(errorsOf(scenario('- { external: bank, circuitBreaker: off }'))).toEqual([
      "13:47 components.app.operations.pay.steps[0].circuitBreaker: expected a map { failureRate, window, openFor, halfOpenCalls }, or 'none' to switch the target's default circuitBreaker off at this call site; got 'off'",
    ]);
    expect(errorsOf(scenario('- { external: bank, circuitBreaker: { failureRate: 50%, openFor: 5s } }'))).toEqual([
      "13:47 components.app.operations.pay.steps[0].circuitBreaker: missing required key 'window'",
    ]);
    expect(errorsOf(scenario('- { external: bank, circuitBreaker: { failureRate: 50%, window: many, openFor: 5s } }'))).toEqual([
      "13:75 components.app.operations.pay.steps[0].circuitBreaker.window: expected a number of calls (20) or a positive duration (10s), got 'many'",
    ]);
    expect(errorsOf(scenario('- { external: bank, retries: { max: 2, jitter: half } }'))).toEqual([
      "13:40 components.app.operations.pay.steps[0].retries: jitter: expected one of 'full' | 'equal' | 'none', got 'half'",
    ]);
    expect(errorsOf(scenario('- { external: bank, timeout: soon }'))).toEqual([
      "13:40 components.app.operations.pay.steps[0].timeout: expected a duration such as 250ms or 1.5s, got 'soon'",
    ]);
  });

  it('retries on a publish stay an error; a queue has no resilience defaults', () => {
    const queue = '  events: { kind: queue, consumer: ledger.post }\n';
    expect(errorsOf(scenario('- { publish: events, retries: { max: 2 } }', { extra: queue }))).toEqual([
      '13:41 components.app.operations.pay.steps[0].retries: retries does not apply to publish: a publish is asynchronous (the caller does not wait for the consumer), so there is no answer to time out, retry or fall back from',
    ]);
    const withDefaults = '  events: { kind: queue, consumer: ledger.post, resilience: { timeout: 1s } }\n';
    expect(errorsOf(scenario('- publish: events', { extra: withDefaults })).map((e) => e.replace(/^\d+:\d+ /, ''))).toEqual([
      expect.stringMatching(/^components\.events\.resilience: unknown key 'resilience'/),
    ]);
  });
});

/**
 * Behaviour: the bank API slows down 50× from 20 s to 40 s (mean latency 20 ms → 1 s, so
 * P(latency > 300 ms) = e^−0.3 ≈ 74% of calls). The call site has no options; the bank's
 * defaults (timeout 300 ms, breaker 50% of 10 calls, open 2 s) make those calls time out and the
 * breaker open. The same run with the site switching both off has no errors at all.
 */
const behaviour = (site: string) => `
archsim: 1
name: defaults under a slowdown
run: { duration: 60s, warmup: 0s, replications: 2, seed: 71, seriesInterval: 1s }
workload: { arrivals: 100/s }
endpoints: { pay: { call: app.pay } }
components:
  app:
    kind: service
    workers: unbounded
    threading: async
    operations:
      pay:
        steps:
          - { external: bank${site} }
  bank:
    kind: external
    latency: exp(20ms)
    resilience:
      timeout: 300ms
      circuitBreaker: { failureRate: 50%, window: 10, openFor: 2s, halfOpenCalls: 3 }
incidents:
  - { at: 20s, for: 20s, target: bank, effect: slow(x50) }
`;

describe('resilience defaults: a slow external with a default timeout and breaker, seed 71', () => {
  let r: RunResult;
  let off: RunResult;
  beforeAll(() => {
    r = runScenario(behaviour(''));
    off = runScenario(behaviour(', timeout: none, circuitBreaker: none'));
  });

  it('without call-site options, calls time out and the breaker refuses calls during the slowdown', () => {
    expect(r.overall.errorsByCause.timeout).toBeGreaterThan(0);
    expect(r.overall.errorsByCause['circuit-open']).toBeGreaterThan(0);
    expect(r.components.bank.calls!.timeouts).toBeGreaterThan(0);
    expect(r.components.bank.calls!.shortCircuited).toBeGreaterThan(0);
    const open = r.series.breakerOpen['app→bank'];
    const between = (from: number, to: number) => open.filter((_, i) => r.series.t[i] >= from && r.series.t[i] < to);
    expect(Math.max(...between(0, 20))).toBe(0);
    expect(Math.max(...between(21, 40))).toBeGreaterThan(0.5);
    // Open (or half-open) about through the 20 s slowdown: a third of the 60 s run.
    expect(r.components.bank.calls!.breakerOpen).toBeGreaterThan(0.25);
    expect(r.components.bank.calls!.breakerOpen).toBeLessThan(0.4);
  });

  it('switched off at the site: no timeouts, no breaker, no errors (the calls just wait)', () => {
    expect(off.overall.errorRate).toBe(0);
    expect(off.series.breakerOpen['app→bank']).toBeUndefined();
    expect(off.components.bank.calls).toBeUndefined();
  });
});

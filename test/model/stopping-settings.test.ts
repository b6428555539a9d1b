import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../sim-core/model/json-schema.ts';
import { loadModel } from '../../sim-core/model/load.ts';

/** A valid scenario with the given `run:` block (flow style). */
const withRun = (run: string) => `
archsim: 1
name: run settings
run: ${run}
workload: { arrivals: 100/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: exp(1ms) } } }
`;

function errorsOf(run: string, overrides?: string[]) {
  return loadModel(withRun(run), { overrides }).errors.map((e) => `${e.path}: ${e.message}`);
}

function runOf(run: string, overrides?: string[]) {
  const { model, errors } = loadModel(withRun(run), { overrides });
  expect(errors).toEqual([]);
  return model!.run;
}

describe('run.precision and run.maxReplications', () => {
  it('compile to a fraction and a count; absent by default', () => {
    expect(runOf('{ precision: 2%, maxReplications: 40 }')).toMatchObject({ precision: 0.02, maxReplications: 40 });
    expect(runOf('{ precision: 0.5% }')).toMatchObject({ precision: 0.005 });
    const plain = runOf('{}');
    expect(plain.precision).toBeUndefined();
    expect(plain.maxReplications).toBeUndefined();
  });

  it('reject a precision that is not a percentage strictly between 0% and 100%', () => {
    expect(errorsOf('{ precision: 0% }')).toEqual(["run.precision: precision must be more than 0% and less than 100%, got '0%'"]);
    expect(errorsOf('{ precision: 100% }')).toEqual(["run.precision: precision must be more than 0% and less than 100%, got '100%'"]);
    expect(errorsOf('{ precision: 0.02 }')).toEqual(['run.precision: expected a percentage such as 2%, got 0.02']);
    expect(errorsOf('{ precision: two }')).toEqual(["run.precision: expected a percentage such as 0.5%, got 'two'"]);
  });

  it('reject a cap below the replications, or not a positive integer', () => {
    expect(errorsOf('{ precision: 2%, replications: 10, maxReplications: 8 }')).toEqual(['run.maxReplications: maxReplications (8) must be at least replications (10)']);
    expect(errorsOf('{ precision: 2%, maxReplications: 3 }')).toEqual(['run.maxReplications: maxReplications (3) must be at least replications (5)']);
    expect(errorsOf('{ precision: 2%, maxReplications: 0 }')).toEqual(['run.maxReplications: expected a positive integer, got 0']);
  });

  it('can be set from the command line (--set)', () => {
    expect(runOf('{}', ['run.precision=1%', 'run.maxReplications=20'])).toMatchObject({ precision: 0.01, maxReplications: 20 });
  });
});

describe('run.warmup: auto', () => {
  it('compiles to warmupAuto with a warm-up of 0 (the runner chooses it)', () => {
    expect(runOf('{ warmup: auto }')).toMatchObject({ warmupAuto: true, warmupMs: 0 });
    expect(runOf('{ warmup: 30s }')).toMatchObject({ warmupAuto: false, warmupMs: 30_000 });
    expect(runOf('{}', ['run.warmup=auto'])).toMatchObject({ warmupAuto: true, warmupMs: 0 });
  });

  it('a warm-up that is neither a duration nor auto says both are allowed', () => {
    expect(errorsOf('{ warmup: automatic }')).toEqual(["run.warmup: expected a duration such as 250ms or 1.5s, got 'automatic', or 'auto'"]);
    expect(errorsOf('{ warmup: 60 }')).toEqual(["run.warmup: a duration needs a unit: write 60ms or 60s, or 'auto'"]);
  });

  it('needs 50 series intervals, so that MSER-5 sees 10 batches', () => {
    expect(errorsOf('{ warmup: auto, duration: 5m, seriesInterval: 10s }')).toEqual([
      'run.warmup: warmup: auto needs at least 50 series intervals (duration ÷ seriesInterval), got 30: lengthen duration or shorten seriesInterval',
    ]);
    expect(errorsOf('{ warmup: auto, duration: 5m, seriesInterval: 6s }')).toEqual([]);
  });

  it('the JSON Schema accepts auto and durations for warmup, and percentages for precision', () => {
    const run = (scenarioJsonSchema() as { properties: { run: { properties: Record<string, { pattern: string }> } } }).properties.run.properties;
    const warmup = new RegExp(run.warmup.pattern);
    expect(['auto', '1m', '250ms'].map((t) => warmup.test(t))).toEqual([true, true, true]);
    expect(['automatic', 'auto 1m', '5%'].map((t) => warmup.test(t))).toEqual([false, false, false]);
    const precision = new RegExp(run.precision.pattern);
    expect(['2%', '0.5%', ' 1 %'].map((t) => precision.test(t))).toEqual([true, true, true]);
    expect(['2', '2s', '%'].map((t) => precision.test(t))).toEqual([false, false, false]);
  });
});

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { migrationPhaseTexts } from '../../sim-core/case-study/migration-phases.ts';
import { migrationSchema, type Migration } from '../../sim-core/case-study/migration-schema.ts';
import { readYamlFile } from '../../sim-core/case-study/read-yaml-file.ts';

const BASE = `archsim: 1
name: base
run: { duration: 5m, seed: 1 }
workload: { arrivals: 10/s }
endpoints:
  transfer: { call: gw.transfer }
  balance: { call: mono.balance }
components:
  gw: { kind: gateway, routes: { transfer: mono.transfer } }
  mono:
    kind: service
    operations: { transfer: { cpu: lognormal(p50=1ms, p99=9ms) }, balance: { cpu: exp(1ms) } }
    failures: { mtbf: 100h, mttr: 1h }
`;

interface Raw {
  run: unknown;
  endpoints: Record<string, unknown>;
  components: {
    mono: { replicas?: number; failures?: unknown; operations: { transfer: { cpu: string } } };
    gw: { routes: Record<string, unknown> };
  };
}

function phases(text: string) {
  const { value, errors } = readYamlFile(text, migrationSchema);
  expect(errors).toEqual([]);
  return migrationPhaseTexts(value as Migration, () => BASE);
}

describe('migration phases', () => {
  it('patches the phase before: set, delete, splits on endpoints and gateway routes, and the run block for all', () => {
    const { phases: ps, errors } = phases(`archsim: 1
kind: migration
name: m
run: { replications: 3, seed: 9 }
phases:
  - { name: before, scenario: base.yaml }
  - name: canary
    patch: { components.mono.replicas: 2, components.mono.failures: null }
    split: { gw.transfer: { new.transfer: 2% }, balance: { new.balance: 0.5 } }
  - name: more
    split: { gw.transfer: { new.transfer: 50% } }
  - name: file and patch
    scenario: base.yaml
    patch: { components.mono.replicas: 4 }
`);
    expect(errors).toEqual([]);
    const [before, canary, more, filePatched] = ps.map((p) => parse(p.text) as Raw);
    expect(before.run).toEqual({ duration: '5m', seed: 9, replications: 3 });
    expect(before.components.mono.operations.transfer.cpu).toBe('lognormal(p50=1ms, p99=9ms)');
    expect(canary.components.mono.replicas).toBe(2);
    expect(canary.components.mono.failures).toBeUndefined();
    expect(canary.components.gw.routes.transfer).toEqual({ call: 'mono.transfer', split: { 'new.transfer': '2%' } });
    expect(canary.endpoints.balance).toEqual({ call: 'mono.balance', split: { 'new.balance': 0.5 } });
    // A later patch starts from the patched phase, not from the file.
    expect(more.components.mono.replicas).toBe(2);
    expect(more.components.gw.routes.transfer).toEqual({ call: 'mono.transfer', split: { 'new.transfer': '50%' } });
    expect(ps[1].changes).toEqual(['set components.mono.replicas', 'remove components.mono.failures', 'split gw.transfer: 2% → new.transfer', 'split balance: 0.5 → new.balance']);
    expect(ps[2].baseFile).toBe('base.yaml');
    // A scenario file with a patch of its own: the file, then the patch.
    expect(filePatched.components.mono.replicas).toBe(4);
    expect(filePatched.components.gw.routes.transfer).toBe('mono.transfer');
    expect(ps[3].changes).toEqual(['scenario base.yaml', 'set components.mono.replicas']);
  });

  it('names the phase and the entry of a split it cannot apply', () => {
    const { errors } = phases(`archsim: 1
kind: migration
name: m
phases:
  - { name: before, scenario: base.yaml }
  - { name: bad, split: { nope: { x.y: 1% }, gw.nope: { x.y: 1% } } }
`);
    expect(errors).toEqual([
      { path: 'phases[1] (bad).split.nope', message: "no endpoint 'nope' in the phase before" },
      { path: 'phases[1] (bad).split.gw.nope', message: "gateway 'gw' has no route 'nope'" },
    ]);
  });

  it('rejects a first phase that is a patch, and a phase that changes nothing, with lines', () => {
    const { errors } = readYamlFile(`archsim: 1
kind: migration
name: m
phases:
  - { name: a, patch: { x: 1 } }
  - { name: b, note: nothing }
`, migrationSchema);
    expect(errors.map((e) => `${e.line}: ${e.path}: ${e.message}`)).toEqual([
      '5: phases[0].scenario: the first phase must be a scenario file',
      '6: phases[1]: a phase needs a scenario file, or a patch or split of the phase before (or a scenario file with a patch or split of its own)',
    ]);
  });
});

describe('case-study manifest values', () => {
  it('are checked when the manifest is read: a bad duration or value is an error with its line', async () => {
    const { caseStudySchema } = await import('../../sim-core/case-study/case-study-schema.ts');
    const { errors } = readYamlFile(`archsim: 1
kind: case-study
title: t
source: s.txt
scenarios: { before: b.yaml }
figures:
  - { figure: f, scenario: before, metric: overall.latency.mean, reported: 1s, quote: q }
checks:
  - { check: downtime-budget, title: t, uptime: 99.99%, period: 1yr, quote: q }
  - { check: change, title: t, from: 2.8s, to: fast, claimed: 70%, quote: q }
  - { check: downtime-budget, title: t, uptime: 99.99%, period: 1y, mttr: 12m, quote: q }
`, caseStudySchema);
    expect(errors.map((e) => `${e.line}: ${e.path}: ${e.message}`)).toEqual([
      "9: checks[0].period: expected a duration such as 30s, 12m, 6h or 1y, got '1yr'",
      "10: checks[1].to: expected a value such as 2.8s, 99.99%, $27000, 7200/s or a number, got 'fast'",
    ]);
  });
});

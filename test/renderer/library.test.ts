import { describe, expect, it } from 'vitest';
import { EXAMPLES, libraryFileName } from '../../renderer/library/examples.ts';

describe('the library', () => {
  it('lists every example in scenarios/examples, by file name', () => {
    expect(EXAMPLES.map((e) => e.fileName)).toEqual(expect.arrayContaining(['monolith.yaml', 'microservices.yaml', 'retry-storm.yaml']));
    expect(EXAMPLES.find((e) => e.id === 'monolith')?.title).toBe('Banking monolith');
  });

  it('names a case study file after its folder, so the phases of different studies do not collide', () => {
    expect(libraryFileName('../../scenarios/case-studies/payfinity/before.yaml', 'scenarios/case-studies/')).toBe('payfinity-before.yaml');
    expect(libraryFileName('../../scenarios/examples/monolith.yaml', 'scenarios/examples/')).toBe('monolith.yaml');
  });
});

import { DistTable, type DistSpec } from '../engine/distributions.ts';
import type { CompiledModel } from '../model/compiled.ts';

/**
 * A CompiledModel as plain data that structured clone carries to a worker: everything but the
 * DistTable is typed arrays, numbers and strings already, and the table is rebuilt from its
 * specs (DistTable.add is deterministic, so the ids and parameters come out the same).
 *
 * Workers receive this rather than the Scenario so that they never load the scenario compiler
 * (zod and the schemas): that halves a worker's start-up, the main cost of the pool.
 */
export type PortableModel = Omit<CompiledModel, 'dists'> & { dists: DistSpec[] };

export function toPortableModel(model: CompiledModel): PortableModel {
  return { ...model, dists: model.dists.specs };
}

export function fromPortableModel(portable: PortableModel): CompiledModel {
  const dists = new DistTable();
  for (const spec of portable.dists) dists.add(spec);
  return { ...portable, dists };
}

import type { DistSpec } from '../../sim-core/engine/distributions.ts';
import type { FailureUnit } from '../../sim-core/failures/long-horizon-input.ts';

/** Test inputs in hours, converted to the engine's milliseconds. */
export const HOUR = 3600e3;

export const expHours = (mean: number): DistSpec => ({ kind: 'exp', mean: mean * HOUR });
export const constHours = (value: number): DistSpec => ({ kind: 'const', value: value * HOUR });

export function exponentialUnit(name: string, replicas: number, required: number, mtbfHours: number, mttrHours: number): FailureUnit {
  return { name, replicas, required, timeToFailure: expHours(mtbfHours), timeToRepair: expHours(mttrHours) };
}

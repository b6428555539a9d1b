import * as z from 'zod';

/**
 * `migration.yaml` (docs/decisions/0013): the phases of a migration in order. A phase is a
 * scenario file, or a patch of the phase before it (or a scenario file with a patch of its own) — dotted paths set to values (null deletes)
 * and per-endpoint traffic splits between the old and the new path (strangler-fig routing).
 */
const share = z.union([z.string().min(1), z.number()]);

const phaseSchema = z
  .strictObject({
    name: z.string().min(1),
    scenario: z.string().min(1).optional().meta({ description: 'A scenario file, relative to this file' }),
    patch: z.record(z.string(), z.unknown()).optional().meta({ description: 'Dotted path → value, applied to the previous phase' }),
    split: z
      .record(z.string(), z.record(z.string(), share))
      .optional()
      .meta({ description: '<endpoint> or <gateway>.<route> → { target: share }: that share goes to the target instead' }),
    note: z.string().optional(),
  })
  .refine((p) => p.scenario !== undefined || p.patch !== undefined || p.split !== undefined, {
    message: 'a phase needs a scenario file, or a patch or split of the phase before (or a scenario file with a patch or split of its own)',
  });

export const migrationSchema = z.strictObject({
  archsim: z.literal(1),
  kind: z.literal('migration'),
  name: z.string().min(1),
  run: z
    .strictObject({
      duration: z.string().optional(),
      warmup: z.string().optional(),
      replications: z.number().int().positive().optional(),
      seed: z.number().int().nonnegative().optional(),
    })
    .optional()
    .meta({ description: 'Overrides every phase, so all share their random numbers' }),
  phases: z
    .array(phaseSchema)
    .min(2)
    .refine((ps) => ps[0].scenario !== undefined, { message: 'the first phase must be a scenario file', path: [0, 'scenario'] }),
});

export type Migration = z.output<typeof migrationSchema>;
export type MigrationPhase = Migration['phases'][number];

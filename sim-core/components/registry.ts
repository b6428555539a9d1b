import * as z from 'zod';
import type { ComponentKind, ConfiguredCall } from '../model/compile-context.ts';
import { didYouMean } from '../model/suggest.ts';
import { cacheKind, cacheSchema, type Cache } from './cache.ts';
import { cdnKind, cdnSchema, type Cdn } from './cdn.ts';
import { databaseKind, databaseSchema, type Database } from './database.ts';
import { externalKind, externalSchema, type External } from './external.ts';
import { gatewayKind, gatewaySchema, type Gateway } from './gateway.ts';
import { queueKind, queueSchema, type Queue } from './queue.ts';
import { serviceKind, serviceSchema, type Service } from './service.ts';

/**
 * Every component kind, by its `kind:` value. A new kind is one file exporting its schema and
 * a ComponentKind, listed here in KINDS and in the schema union below.
 */
export type Component = Service | Cache | Cdn | External | Gateway | Database | Queue;

export const COMPONENT_KINDS: Readonly<Record<string, ComponentKind>> = {
  service: serviceKind as unknown as ComponentKind,
  cache: cacheKind as unknown as ComponentKind,
  cdn: cdnKind as unknown as ComponentKind,
  external: externalKind as unknown as ComponentKind,
  gateway: gatewayKind as unknown as ComponentKind,
  database: databaseKind as unknown as ComponentKind,
  queue: queueKind as unknown as ComponentKind,
};

export const KIND_NAMES = Object.keys(COMPONENT_KINDS);

/** The kind named by a raw `kind:` value, if there is one. */
export function componentKind(kind: unknown): ComponentKind | undefined {
  return typeof kind === 'string' && Object.hasOwn(COMPONENT_KINDS, kind) ? COMPONENT_KINDS[kind] : undefined;
}

/** The configured calls of a raw (possibly invalid) component. */
export function componentCalls(name: string, raw: unknown): ConfiguredCall[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const kind = (raw as { kind?: unknown }).kind;
  return typeof kind === 'string' && Object.hasOwn(COMPONENT_KINDS, kind) ? (COMPONENT_KINDS[kind].calls?.(name, raw) ?? []) : [];
}

export const componentSchema = z.discriminatedUnion('kind', [serviceSchema, cacheSchema, cdnSchema, externalSchema, gatewaySchema, databaseSchema, queueSchema], {
  error(iss) {
    const input = iss.input as { kind?: unknown } | undefined;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    if (input.kind === undefined) return `missing 'kind' (one of: ${KIND_NAMES.join(', ')})`;
    const kind = String(input.kind);
    return `unknown component kind '${kind}'${didYouMean(kind, KIND_NAMES)} (known kinds: ${KIND_NAMES.join(', ')})`;
  },
});

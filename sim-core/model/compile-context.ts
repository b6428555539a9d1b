import type * as z from 'zod';
import type { ModelBuilder } from './builder.ts';
import type { PathSegment } from './errors.ts';
import type { Step } from './steps.ts';
import type { Component } from '../components/registry.ts';

/** What a component or step compiler gets from `compile()`. */
export interface CompileContext {
  readonly b: ModelBuilder;
  /** Report a problem; compilation goes on so that all problems are found. */
  error(path: PathSegment[], message: string): void;
  /** Parse distribution text and intern it; -1 (after reporting) when the text is invalid. */
  dist(text: string, path: PathSegment[]): number;
  /** The (validated) component called `name`, for compilers that depend on another's settings. */
  component(name: string): Component | undefined;
}

/** The service whose operation a list of steps belongs to. */
export interface StepCaller {
  name: string;
  /** Its station (the replicas a connection pool is kept per). */
  station: number;
  replicas: number;
}

/** One block of steps being emitted, e.g. the body of `app.transfer`. */
export interface StepScope {
  readonly ctx: CompileContext;
  /** Stream for this component's draws (delays, branches). */
  readonly stream: number;
  /** Name of the enclosing operation block, used to name FORK bodies. */
  readonly owner: string;
  /** Next FORK number within the owner operation. */
  forks: { next: number };
  readonly caller: StepCaller;
}

/** A list of steps found in raw (unvalidated) component data, with where it lives. */
export interface StepList {
  /** `component.operation` whose program these steps belong to. */
  owner: string;
  path: PathSegment[];
  steps: unknown;
}

/** A call made by configuration: `owner` (component.operation) calls the raw `target`. */
export interface ConfiguredCall {
  owner: string;
  target: unknown;
  path: PathSegment[];
}

/**
 * A component kind: its schema and compiler. Adding a kind is one file exporting one of these
 * plus its entry in sim-core/components/registry.ts.
 */
export interface ComponentKind<C extends { kind: string } = { kind: string }> {
  kind: C['kind'];
  schema: z.ZodType<C>;
  /**
   * Read defensively from raw data (which may be invalid): the operations other components
   * can `call`, and the step lists this component runs — so references and call cycles are
   * checked even when the schema reports other errors.
   */
  operationNames(raw: unknown): string[];
  stepLists(name: string, raw: unknown): StepList[];
  /**
   * Synchronous calls the component makes by its configuration rather than by steps (a cdn's
   * `origin`, a gateway's routes), read defensively from raw data, so references and call
   * cycles are checked through them.
   */
  calls?(name: string, raw: unknown): ConfiguredCall[];
  /** Emit stations and one block per operation, named `<component>.<operation>`. */
  compile(ctx: CompileContext, name: string, component: C, path: PathSegment[]): void;
}

export type { Step };

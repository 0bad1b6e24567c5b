import type { FieldDef, ModelFields } from './schema/fields.js';
import type { Raw, RecordStore } from './store.js';
import type { FakeOdooUser, FakeOdooVersion } from './types.js';

/** What a model method runs with: the store, the calling user and the call's context. */
export interface Env {
  readonly version: FakeOdooVersion;
  readonly store: RecordStore;
  readonly registry: Registry;
  readonly uid: number;
  /** The model the dispatched method was called on. */
  readonly model: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly users: readonly FakeOdooUser[];
}

/** A public model method, with its Python signature for argument binding. */
export interface MethodSpec {
  /** `model` for `@api.model` methods (no ids), `records` for record methods. */
  readonly api: 'model' | 'records';
  /** Parameter names after `self`, in order; names after `required` have defaults. */
  readonly params: readonly string[];
  readonly required?: number;
  /** Python class for TypeError messages (`BaseModel`, `SaleOrder`…). */
  readonly owner?: string;
  /** The parameters are keyword-only (`def m(self, *, …)`): `execute_kw` must name them. */
  readonly keywordOnly?: boolean;
  /** The method also takes `**kwargs`: keywords beyond `params` are accepted. */
  readonly varKeywords?: boolean;
  run(env: Env, ids: number[], kw: Record<string, unknown>): unknown;
}

/** How a computed field gets its raw value. */
export type Compute = (env: Env, rec: Raw) => unknown;

/** The behaviour of one model on top of the generic ORM. */
export interface ModelSpec {
  readonly name: string;
  /** `_description`, for access error messages. */
  readonly description?: string;
  /** `_order`. */
  readonly order?: string;
  /** `_parent_name`, for `child_of` / `parent_of`. */
  readonly parentName?: string;
  readonly computes?: Readonly<Record<string, Compute>>;
  displayName?(env: Env, rec: Raw): string;
  /** Default values for create (before the given values). */
  defaults?(env: Env, vals: Record<string, unknown>): Record<string, unknown>;
  /** Checks and rewrites create values; may return an existing id instead of creating. */
  beforeCreate?(env: Env, vals: Record<string, unknown>): number | undefined;
  afterCreate?(env: Env, rec: Raw): void;
  beforeWrite?(env: Env, recs: readonly Raw[], vals: Record<string, unknown>): void;
  afterWrite?(env: Env, recs: readonly Raw[], vals: Record<string, unknown>): void;
  beforeUnlink?(env: Env, recs: readonly Raw[]): void;
  /** Throws an `AccessError` when the user may not do `operation`. */
  checkAccess?(env: Env, operation: 'read' | 'write' | 'create' | 'unlink', ids: readonly number[]): void;
  readonly methods?: Readonly<Record<string, MethodSpec>>;
}

/** The models of one engine: their fields and behaviour. */
export interface Registry {
  readonly fields: Readonly<Record<string, ModelFields>>;
  readonly specs: Readonly<Record<string, ModelSpec>>;
}

/** The field definition, or `undefined`. */
export function fieldOf(env: Env, model: string, name: string): FieldDef | undefined {
  return env.registry.fields[model]?.[name];
}

/** The spec of a model (an empty one for models with no behaviour of their own). */
export function specOf(env: Env, model: string): ModelSpec {
  return env.registry.specs[model] ?? { name: model };
}

/** A copy of the env with more context. */
export function withContext(env: Env, context: Readonly<Record<string, unknown>>): Env {
  return { ...env, context: { ...env.context, ...context } };
}

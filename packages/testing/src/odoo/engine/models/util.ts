import { faults } from '../faults.js';
import type { Env } from '../registry.js';
import type { Raw } from '../store.js';

/** A many2one raw value as an id, or `undefined`. */
export function m2o(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The record a many2one raw value points at. */
export function related(env: Env, model: string, value: unknown): Raw | undefined {
  const id = m2o(value);
  return id === undefined ? undefined : env.store.get(model, id);
}

/** Numeric raw value (unset → 0). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** Rounds away float noise (Odoo rounds quantities to the UoM precision). */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether the calling user has a group. */
export function hasGroup(env: Env, group: string): boolean {
  return env.users.find((u) => u.id === env.uid)?.groups.includes(group) ?? false;
}

/** The group names Odoo prints in access errors, per version. */
export function groupLabel(env: Env, group: 'system' | 'erp_manager'): string {
  if (env.version === 19) return 'Role / Administrator';
  return group === 'system' ? 'Administration/Settings' : 'Administration/Access Rights';
}

const VERBS = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' } as const;

/** An `AccessError` for an operation on a model the user's groups do not grant. */
export function denyModel(
  env: Env,
  operation: keyof typeof VERBS,
  description: string,
  model: string,
  group: 'system' | 'erp_manager',
) {
  return faults.modelAccess(VERBS[operation], description, model, [groupLabel(env, group)]);
}

/** Whether a product is storable: `detailed_type == 'product'` on 17, `is_storable` from 18. */
export function isStorable(env: Env, product: Raw | undefined): boolean {
  if (!product) return false;
  return env.version === 17 ? product.detailed_type === 'product' : product.is_storable === true;
}

/** Zero-padded sequence number: `pad(25)` → `00025`. */
export function pad(n: number, width = 5): string {
  return String(n).padStart(width, '0');
}

/** The sale order line's unit field: `product_uom` up to 18, `product_uom_id` in 19. */
export function lineUomField(env: Env): string {
  return env.version === 19 ? 'product_uom_id' : 'product_uom';
}

import { z } from 'zod';
import { parseCanonical } from '../issues.js';

const name = z.string().min(1).max(64);

/** Who owns one kind of record: a role for every field, and which other roles may create it. */
export const RecordOwnershipSchema = z.strictObject({
  /** The role owning every field not listed in `fields`. */
  owner: name,
  /** Fields owned by another role than `owner`; a field covers its sub-fields (`lots` covers `lots.expiry`). */
  fields: z.record(name, name).optional(),
  /** Roles that may create the record although they do not own it (a channel creates the orders the ERP owns). */
  createdBy: z.array(name).optional(),
});
export type RecordOwnership = z.infer<typeof RecordOwnershipSchema>;

/**
 * A declarative system-of-record policy: the role each system plays, and the role owning each
 * field of each kind of record. A write by a system whose role does not own the field is refused.
 */
export const OwnershipPolicySchema = z
  .strictObject({
    /** System → role, e.g. `{ odoo: 'erp', shipbob: 'warehouse' }`. */
    roles: z.record(name, name),
    /** Record kind → ownership, e.g. `{ sales_order: { owner: 'erp' } }`. */
    records: z.record(name, RecordOwnershipSchema),
  })
  .superRefine((policy, ctx) => {
    const known = new Set(Object.values(policy.roles));
    for (const [record, ownership] of Object.entries(policy.records)) {
      type Named = readonly [path: (string | number)[], role: string];
      const named: Named[] = [
        [['records', record, 'owner'], ownership.owner],
        ...Object.entries(ownership.fields ?? {}).map(
          ([field, role]): Named => [['records', record, 'fields', field], role],
        ),
        ...(ownership.createdBy ?? []).map(
          (role, index): Named => [['records', record, 'createdBy', index], role],
        ),
      ];
      for (const [path, role] of named) {
        if (!known.has(role)) {
          ctx.addIssue({ code: 'custom', path, message: `role "${role}" is played by no system in roles` });
        }
      }
    }
  })
  .meta({ title: 'OwnershipPolicy' });
export type OwnershipPolicy = z.infer<typeof OwnershipPolicySchema>;

/**
 * Validates a policy: every role it names must be played by a system. Throws a
 * `CanonicalParseError` naming each wrong entry.
 *
 * @example
 * const policy = defineOwnershipPolicy({
 *   roles: { odoo: 'erp', shipbob: 'warehouse' },
 *   records: { fulfillment: { owner: 'erp', fields: { shipped: 'warehouse', lots: 'warehouse' } } },
 * });
 */
export function defineOwnershipPolicy(input: z.input<typeof OwnershipPolicySchema>): OwnershipPolicy {
  return parseCanonical(OwnershipPolicySchema, input);
}

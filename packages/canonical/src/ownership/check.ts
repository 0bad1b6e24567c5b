import { CanonicalError } from '../errors.js';
import type { OwnershipPolicy, RecordOwnership } from './policy.js';

/** A write a system is about to make: which record kind, created or updated, which fields. */
export interface WriteIntent {
  /** The system writing, as named in the policy's `roles`. @example 'shipbob' */
  readonly system: string;
  /** The record kind, as named in the policy's `records`. @example 'fulfillment' */
  readonly record: string;
  /** Default `update`. A `create` is allowed to the owner and to the record's `createdBy` roles. */
  readonly action?: 'create' | 'update';
  /** The fields written, dotted for sub-fields. @example ['shipped', 'lots'] */
  readonly fields: readonly string[];
}

/** Why one field (or the whole write) was refused. */
export interface RefusedField {
  /** The field, or `*` when the whole write is refused. */
  readonly field: string;
  /** The role owning it; absent when the system or record kind is unknown to the policy. */
  readonly owner?: string;
  readonly reason: 'not_owner' | 'unknown_system' | 'unknown_record' | 'may_not_create';
}

/** What the policy says about one write. */
export interface OwnershipDecision {
  readonly allowed: boolean;
  /** The writer's role, when the policy knows the system. */
  readonly role?: string;
  readonly refused: readonly RefusedField[];
}

/** The role owning `field`: the longest listed prefix wins, else the record's owner. */
function ownerOf(ownership: RecordOwnership, field: string): string {
  let best: string | undefined;
  for (const listed of Object.keys(ownership.fields ?? {})) {
    const covers = field === listed || field.startsWith(`${listed}.`);
    if (covers && (best === undefined || listed.length > best.length)) best = listed;
  }
  return best === undefined ? ownership.owner : (ownership.fields?.[best] ?? ownership.owner);
}

/**
 * Decides a write against the policy. Unknown systems and record kinds are refused: a system of
 * record that lets unknown writers through protects nothing.
 *
 * @example
 * const decision = checkWrite(policy, { system: 'shopify', record: 'sales_order', fields: ['price'] });
 * if (!decision.allowed) report(decision.refused); // [{ field: 'price', owner: 'erp', reason: 'not_owner' }]
 */
export function checkWrite(policy: OwnershipPolicy, intent: WriteIntent): OwnershipDecision {
  const role = policy.roles[intent.system];
  if (role === undefined) return { allowed: false, refused: [{ field: '*', reason: 'unknown_system' }] };
  const ownership = policy.records[intent.record];
  if (ownership === undefined) {
    return { allowed: false, role, refused: [{ field: '*', reason: 'unknown_record' }] };
  }
  if (intent.action === 'create') {
    const allowed = role === ownership.owner || (ownership.createdBy ?? []).includes(role);
    return allowed
      ? { allowed, role, refused: [] }
      : { allowed, role, refused: [{ field: '*', owner: ownership.owner, reason: 'may_not_create' }] };
  }
  const refused = intent.fields.flatMap((field): RefusedField[] => {
    const owner = ownerOf(ownership, field);
    return owner === role ? [] : [{ field, owner, reason: 'not_owner' }];
  });
  return { allowed: refused.length === 0, role, refused };
}

/** A write refused by the ownership policy; `refused` names each field and its owner. */
export class OwnershipViolationError extends CanonicalError {
  override name = 'OwnershipViolationError';
  readonly intent: WriteIntent;
  readonly refused: readonly RefusedField[];

  constructor(intent: WriteIntent, refused: readonly RefusedField[]) {
    const fields = refused.map((entry) =>
      entry.owner === undefined
        ? `${entry.field} (${entry.reason})`
        : `${entry.field} (owned by ${entry.owner})`,
    );
    super(`${intent.system} may not ${intent.action ?? 'update'} ${intent.record}: ${fields.join(', ')}`);
    this.intent = intent;
    this.refused = refused;
  }
}

/**
 * Like {@link checkWrite}, but throws an `OwnershipViolationError` when the write is refused.
 *
 * @example
 * assertWrite(policy, { system: 'shipbob', record: 'fulfillment', fields: ['shipped', 'lots'] });
 */
export function assertWrite(policy: OwnershipPolicy, intent: WriteIntent): void {
  const decision = checkWrite(policy, intent);
  if (!decision.allowed) throw new OwnershipViolationError(intent, decision.refused);
}

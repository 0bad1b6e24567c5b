import { describe, expect, it } from 'vitest';
import {
  assertWrite,
  CanonicalParseError,
  checkWrite,
  defaultOwnershipPolicy,
  defineOwnershipPolicy,
  OwnershipViolationError,
} from '../src/index.js';
import { thrown } from './thrown.js';

const policy = defaultOwnershipPolicy;

describe('ownership policy', () => {
  it('lets the warehouse write what it picked onto a fulfillment', () => {
    expect(
      checkWrite(policy, {
        system: 'shipbob',
        record: 'fulfillment',
        fields: ['shipped', 'lots', 'serials'],
      }),
    ).toEqual({ allowed: true, role: 'warehouse', refused: [] });
  });

  it('refuses a channel update of an order price and names the field and its owner', () => {
    const decision = checkWrite(policy, {
      system: 'shopify',
      record: 'sales_order',
      fields: ['lines.price', 'note'],
    });
    expect(decision.allowed).toBe(false);
    expect(decision.refused).toEqual([
      { field: 'lines.price', owner: 'erp', reason: 'not_owner' },
      { field: 'note', owner: 'erp', reason: 'not_owner' },
    ]);
  });

  it('lets a channel create an order the ERP owns, but not a warehouse', () => {
    expect(
      checkWrite(policy, { system: 'shopify', record: 'sales_order', action: 'create', fields: [] }).allowed,
    ).toBe(true);
    expect(
      checkWrite(policy, { system: 'shipbob', record: 'sales_order', action: 'create', fields: [] }),
    ).toEqual({
      allowed: false,
      role: 'warehouse',
      refused: [{ field: '*', owner: 'erp', reason: 'may_not_create' }],
    });
  });

  it('refuses the carrier writing picked quantities and the warehouse writing tracking', () => {
    expect(
      checkWrite(policy, { system: 'easypost', record: 'fulfillment', fields: ['shipped'] }).refused,
    ).toEqual([{ field: 'shipped', owner: 'warehouse', reason: 'not_owner' }]);
    expect(checkWrite(policy, { system: 'shipbob', record: 'tracking', fields: ['status'] }).allowed).toBe(
      false,
    );
  });

  it('gives a sub-field to the owner of its closest listed parent', () => {
    const nested = defineOwnershipPolicy({
      roles: { odoo: 'erp', wms: 'warehouse' },
      records: { fulfillment: { owner: 'erp', fields: { lots: 'warehouse', 'lots.note': 'erp' } } },
    });
    expect(
      checkWrite(nested, { system: 'wms', record: 'fulfillment', fields: ['lots.expiry'] }).allowed,
    ).toBe(true);
    expect(checkWrite(nested, { system: 'wms', record: 'fulfillment', fields: ['lots.note'] }).allowed).toBe(
      false,
    );
    expect(checkWrite(nested, { system: 'wms', record: 'fulfillment', fields: ['lotsize'] }).allowed).toBe(
      false,
    );
  });

  it('refuses writes from a system or to a record kind the policy does not know', () => {
    expect(checkWrite(policy, { system: 'acme', record: 'inventory', fields: ['onHand'] })).toEqual({
      allowed: false,
      refused: [{ field: '*', reason: 'unknown_system' }],
    });
    expect(checkWrite(policy, { system: 'shipbob', record: 'invoice', fields: ['total'] }).refused).toEqual([
      { field: '*', reason: 'unknown_record' },
    ]);
  });

  it('throws an OwnershipViolationError naming the writer, the record and each refused field', () => {
    const error = thrown(() =>
      assertWrite(policy, { system: 'shopify', record: 'customer', fields: ['email', 'street'] }),
    );
    expect(error).toBeInstanceOf(OwnershipViolationError);
    expect((error as Error).message).toBe(
      'shopify may not update customer: email (owned by erp), street (owned by erp)',
    );
    expect((error as OwnershipViolationError).refused).toHaveLength(2);
    expect(() =>
      assertWrite(policy, { system: 'odoo', record: 'customer', fields: ['email'] }),
    ).not.toThrow();
  });

  it('refuses a policy naming a role no system plays, at the exact entry', () => {
    const error = thrown(() =>
      defineOwnershipPolicy({
        roles: { odoo: 'erp' },
        records: { tracking: { owner: 'carrier' }, sales_order: { owner: 'erp', createdBy: ['channel'] } },
      }),
    );
    expect(error).toBeInstanceOf(CanonicalParseError);
    expect((error as CanonicalParseError).issues.map((issue) => issue.path)).toEqual([
      'records.tracking.owner',
      'records.sales_order.createdBy[0]',
    ]);
  });
});

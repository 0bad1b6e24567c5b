import { z } from 'zod';
import { WarehouseRefSchema } from './fulfillment/request.js';
import { ItemRefSchema } from './item.js';
import { ShipmentStateSchema } from './lifecycle/shipment.js';
import { decimal, PositiveDecimalSchema } from './primitives/decimal.js';
import { hasValidGs1CheckDigit } from './primitives/gs1.js';
import { DimensionsSchema, WeightSchema } from './primitives/measures.js';
import { MoneySchema } from './primitives/money.js';
import { PartySchema } from './primitives/party.js';
import { UomCodeSchema } from './primitives/quantity.js';
import { ExternalRefsSchema } from './primitives/references.js';
import { CalendarDateSchema, TimestampSchema } from './primitives/timestamp.js';
import { CarrierServiceSchema } from './service-level.js';
import { uniqueBy } from './unique.js';

/** Serial Shipping Container Code: 18 digits with a GS1 check digit (the label on a carton or pallet). */
export const SsccSchema = z
  .string()
  .regex(/^\d{18}$/, { error: 'must be an SSCC of exactly 18 digits', abort: true })
  .refine(hasValidGs1CheckDigit, {
    error: 'has a wrong GS1 check digit',
    params: { rule: 'sscc.check_digit' },
  });

/**
 * A physical unit that left the dock. Nesting is by `parentId`: cartons on a pallet name the
 * pallet as parent. Weight and dimensions are of the package with its contents.
 */
export const PackageSchema = z.object({
  id: z.string().min(1).max(128),
  type: z.enum(['carton', 'pallet', 'envelope', 'tote', 'other']),
  sscc: SsccSchema.optional(),
  parentId: z.string().min(1).max(128).optional(),
  trackingNumber: z.string().min(1).max(64).optional(),
  weight: WeightSchema.optional(),
  dimensions: DimensionsSchema.optional(),
});
export type Package = z.infer<typeof PackageSchema>;

/** A lot or batch as shipped, with its dates. */
export const LotSchema = z.object({
  number: z.string().min(1).max(128),
  expiresOn: CalendarDateSchema.optional(),
  producedOn: CalendarDateSchema.optional(),
});
export type Lot = z.infer<typeof LotSchema>;

/**
 * What shipped for one request line, in one package, from one lot. A line shipped from two lots
 * or in two cartons has two contents. On a substitution `item` is what shipped and `orderedItem`
 * what was ordered.
 */
export const ShipmentContentSchema = z.object({
  requestLineId: z.string().min(1).max(128),
  orderLineId: z.string().min(1).max(128).optional(),
  item: ItemRefSchema,
  quantity: PositiveDecimalSchema,
  uom: UomCodeSchema,
  packageId: z.string().min(1).max(128).optional(),
  lot: LotSchema.optional(),
  /** One serial number per unit shipped, for serial-tracked items. */
  serials: z.array(z.string().min(1).max(128)).default([]),
  /** `CS` when the whole line shipped as another item, `IS` when part of it did. */
  substitution: z.enum(['CS', 'IS']).optional(),
  orderedItem: ItemRefSchema.optional(),
});
export type ShipmentContent = z.infer<typeof ShipmentContentSchema>;

function checkPackages(shipment: { packages: readonly Package[] }, ctx: z.RefinementCtx): void {
  const byId = new Map(shipment.packages.map((pkg) => [pkg.id, pkg]));
  shipment.packages.forEach((pkg, index) => {
    if (pkg.parentId === undefined) return;
    if (!byId.has(pkg.parentId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['packages', index, 'parentId'],
        message: `names package "${pkg.parentId}", which is not in this shipment`,
        params: { rule: 'shipment.unknown_parent' },
      });
      return;
    }
    // Walk up the parents; coming back to this package means the nesting is a cycle.
    const visited = new Set([pkg.id]);
    for (
      let parent = byId.get(pkg.parentId);
      parent;
      parent = parent.parentId ? byId.get(parent.parentId) : undefined
    ) {
      if (parent.id === pkg.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['packages', index, 'parentId'],
          message: `package "${pkg.id}" ends up inside itself; nesting must not loop`,
          params: { rule: 'shipment.nesting_cycle' },
        });
        return;
      }
      // A loop further up is reported on the packages that form it, not on this one.
      if (visited.has(parent.id)) return;
      visited.add(parent.id);
    }
  });
}

function checkContents(
  shipment: { packages: readonly Package[]; contents: readonly ShipmentContent[] },
  ctx: z.RefinementCtx,
) {
  const packageIds = new Set(shipment.packages.map((pkg) => pkg.id));
  const serialsSeen = new Set<string>();
  shipment.contents.forEach((content, index) => {
    const at = (...rest: PropertyKey[]) => ['contents', index, ...rest];
    if (content.packageId !== undefined && !packageIds.has(content.packageId)) {
      ctx.addIssue({
        code: 'custom',
        path: at('packageId'),
        message: `names package "${content.packageId}", which is not in this shipment`,
        params: { rule: 'shipment.unknown_package' },
      });
    }
    const substituted = content.substitution !== undefined;
    if (substituted !== (content.orderedItem !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: at(substituted ? 'orderedItem' : 'substitution'),
        message: 'a substitution needs both the reason (CS or IS) and the ordered item',
        params: { rule: 'shipment.substitution_incomplete' },
      });
    } else if (substituted && content.orderedItem?.sku === content.item.sku) {
      ctx.addIssue({
        code: 'custom',
        path: at('orderedItem', 'sku'),
        message: `is the same item as shipped (${content.item.sku}); a substitution ships a different item`,
        params: { rule: 'shipment.substitution_same_item' },
      });
    }
    if (content.serials.length > 0 && !decimal.eq(content.quantity, String(content.serials.length))) {
      ctx.addIssue({
        code: 'custom',
        path: at('serials'),
        message: `${content.serials.length} serial numbers for a quantity of ${content.quantity}; give one serial per unit`,
        params: { rule: 'shipment.serial_count' },
      });
    }
    content.serials.forEach((serial, serialIndex) => {
      const key = `${content.item.sku}\u0000${serial}`;
      if (serialsSeen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: at('serials', serialIndex),
          message: `serial "${serial}" of ${content.item.sku} is shipped twice`,
          params: { rule: 'shipment.duplicate_serial' },
        });
      }
      serialsSeen.add(key);
    });
  });
}

/** What actually left a warehouse (X12 945/856, a 3PL shipment, a carrier label): fact, not demand. */
export const ShipmentSchema = z
  .object({
    id: z.string().min(1).max(128),
    requestId: z.string().min(1).max(128).optional(),
    orderId: z.string().min(1).max(128).optional(),
    warehouse: WarehouseRefSchema.optional(),
    state: ShipmentStateSchema.default('shipped'),
    carrierService: CarrierServiceSchema.optional(),
    trackingNumbers: z.array(z.string().min(1).max(64)).default([]).meta({ uniqueItems: true }),
    shippedAt: TimestampSchema.optional(),
    shipTo: PartySchema.optional(),
    packages: z.array(PackageSchema).default([]),
    contents: z.array(ShipmentContentSchema).min(1),
    /** What the carrier charged, label and surcharges included. */
    cost: MoneySchema.optional(),
    refs: ExternalRefsSchema.default([]),
  })
  .superRefine((shipment, ctx) => {
    uniqueBy(shipment.packages, (pkg) => pkg.id, ctx, {
      path: ['packages'],
      field: 'id',
      noun: 'package id',
    });
    uniqueBy(shipment.trackingNumbers, (number) => number, ctx, {
      path: ['trackingNumbers'],
      noun: 'tracking number',
    });
    checkPackages(shipment, ctx);
    checkContents(shipment, ctx);
    if (shipment.state === 'shipped' && shipment.shippedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['shippedAt'],
        message: 'a shipment in state "shipped" needs the time it shipped',
        params: { rule: 'shipment.shipped_at' },
      });
    }
  })
  .meta({ title: 'Shipment', description: 'What actually left a warehouse.' });
export type Shipment = z.infer<typeof ShipmentSchema>;

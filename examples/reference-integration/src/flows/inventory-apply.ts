import { checkWrite, createEvent, type InventoryLevel } from '@crossdock/canonical';
import type { StepHandler } from '../runtime/runtime.ts';
import { odooIdOf, routedWarehouses } from './inventory-locations.ts';

const ACTOR = 'crossdock.inventory';

/** A delta that cannot be placed: no retry will help, so it waits in the dead-letter store. */
export class UnplaceableDeltaError extends Error {
  override name = 'UnplaceableDeltaError';
  readonly retryable = false;
}

/**
 * Applies a warehouse's stock deltas (`crossdock.inventory.changed.v1`, for a WMS that publishes
 * them) to Odoo as it comes: each `delta` level adds its on-hand change to the Odoo stock location
 * of the warehouse routed to the sending system, once per event and level (the key is claimed by
 * the Odoo connector, so a redelivered event changes nothing). The writer is the system named in
 * the level's refs, checked against the ownership policy first. Snapshot levels are counts, not
 * changes: they are left to the reconciliation, which knows what is in flight. ShipBob publishes no
 * inventory webhook, so for it the scheduled snapshot is the source.
 */
export const inventoryApplyStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { levels, eventId } = payload as { levels: InventoryLevel[]; eventId: string };
  let warehouses: Awaited<ReturnType<typeof routedWarehouses>> | undefined;
  for (const level of levels) {
    const subject = { type: 'inventory', id: `${level.sku}@${level.location.id}` };
    const delta = level.quantities.onHand;
    if (level.kind !== 'delta' || delta === undefined || Number(delta) === 0) {
      await runtime.audit.decision(correlationId, ACTOR, 'inventory.delta.ignored', {
        subject,
        detail: {
          kind: level.kind,
          reason: level.kind === 'delta' ? 'no on-hand change' : 'a count: reconciled',
        },
      });
      continue;
    }
    const system = level.refs.find((ref) => ref.system !== 'odoo')?.system ?? 'unknown';
    const decision = checkWrite(runtime.policy, { system, record: 'inventory', fields: ['onHand'] });
    if (!decision.allowed) {
      await runtime.audit.decision(correlationId, ACTOR, 'inventory.delta.refused', {
        subject,
        detail: { system, refused: decision.refused },
      });
      runtime.events.publish(
        createEvent(
          'crossdock.exception.raised.v1',
          {
            code: 'inventory.ownership_refused',
            severity: 'warning',
            message: `${system} may not change Odoo's on hand of ${level.sku}`,
            entity: { type: 'inventory', id: level.sku },
            details: { refused: decision.refused, eventId },
          },
          {
            source: `/crossdock/${ACTOR}`,
            correlationId,
            subject: level.sku,
            idempotencyKey: `refused:${eventId}:${level.sku}`,
          },
        ),
      );
      continue;
    }
    let locationId = odooIdOf(level.location.refs.find((ref) => ref.system === 'odoo')?.id, 'stock.location');
    if (locationId === undefined) {
      warehouses ??= await routedWarehouses(runtime, signal);
      const routed = warehouses.filter((warehouse) => warehouse.target === system);
      const [only] = routed;
      if (routed.length !== 1 || only?.stockLocationId === undefined) {
        throw new UnplaceableDeltaError(
          `${routed.length} Odoo warehouses are routed to ${system}: a delta for ${level.location.id} needs an Odoo location ref`,
        );
      }
      locationId = only.stockLocationId;
    }
    const idempotencyKey = `inventory:${eventId}:${level.sku}:${level.location.id}:${level.lot?.number ?? ''}`;
    const { applied } = await runtime.odoo.inventory.adjust(
      {
        mode: 'delta',
        idempotencyKey,
        sku: level.sku,
        location: {
          id: `stock.location:${locationId}`,
          refs: [{ system: 'odoo', id: `stock.location:${locationId}` }],
        },
        ...(level.lot === undefined ? {} : { lot: level.lot }),
        uom: level.uom,
        reason: 'other',
        note: `${system} stock change (event ${eventId})`,
        requestedAt: level.asOf,
        refs: level.refs,
        delta,
      },
      { correlationId, idempotencyKey, signal },
    );
    await runtime.audit.outbound(correlationId, ACTOR, 'stock.quant.action_apply_inventory', {
      subject,
      after: { delta, location: `stock.location:${locationId}`, applied },
      detail: { eventId, idempotencyKey },
    });
  }
};

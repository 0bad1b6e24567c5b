import { decimal, type FulfillmentRequest, type Shipment } from '@crossdock/canonical';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime, StepHandler } from '../runtime/runtime.ts';
import { channelWriteAllowed } from './channel-orders.ts';
import { channelRecords, type PlannedLine } from './channel-records.ts';

const ACTOR = 'crossdock.channel';

/** Shopify's tracking company names for the canonical carrier codes it knows; others pass as they are. */
const SHOPIFY_COMPANY: Readonly<Record<string, string>> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl_express: 'DHL Express',
  dhl: 'DHL Express',
  canada_post: 'Canada Post',
  royal_mail: 'Royal Mail',
  ontrac: 'OnTrac',
};

/** The queue key of a shipment's Shopify fulfillment. */
export const channelFulfillmentKey = (shipmentId: string): string => `channel-fulfillment:${shipmentId}`;

/**
 * Queues the Shopify fulfillment of a shipment just applied in Odoo, when its order came from the
 * channel (the order's correlation id is linked to a Shopify order); nothing otherwise.
 *
 * @example
 * await queueChannelFulfillment(runtime, shipment, 'order:S00042');
 */
export async function queueChannelFulfillment(
  runtime: Runtime,
  shipment: Shipment,
  correlationId: string,
): Promise<void> {
  if (runtime.channel === undefined) return;
  if ((await channelRecords(runtime.stores.cursors).linkOf(correlationId)) === undefined) return;
  await runtime.queue.enqueue({
    kind: 'channel.fulfillment',
    payload: { shipment },
    correlationId,
    key: channelFulfillmentKey(shipment.id),
    priority: PRIORITY.channelFulfillment,
  });
}

/** Shipped units by SKU. */
function shippedBySku(shipment: Shipment): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const content of shipment.contents) {
    bySku.set(content.item.sku, (bySku.get(content.item.sku) ?? 0) + Number(content.quantity));
  }
  return bySku;
}

/** What is still open on a fulfillment order line: ordered, less shipped and cancelled. */
const openOf = (line: FulfillmentRequest['lines'][number]): number =>
  Number(decimal.sub(decimal.sub(line.ledger.ordered, line.ledger.shipped), line.ledger.cancelled));

/**
 * Spreads the shipped units over the fulfillment orders' open lines of the same SKU, in order;
 * what is left over (shipped beyond what Shopify still expects) is answered apart.
 */
function plan(
  shipment: Shipment,
  fulfillmentOrders: readonly FulfillmentRequest[],
): { byOrder: Map<string, PlannedLine[]>; unmatched: Record<string, number> } {
  const left = shippedBySku(shipment);
  const byOrder = new Map<string, PlannedLine[]>();
  for (const fo of fulfillmentOrders) {
    for (const line of fo.lines) {
      const wanted = left.get(line.item.sku) ?? 0;
      const quantity = Math.min(wanted, openOf(line));
      if (quantity <= 0) continue;
      left.set(line.item.sku, wanted - quantity);
      const lines = byOrder.get(fo.id) ?? [];
      lines.push({ id: line.lineId, quantity, shippedBefore: Number(line.ledger.shipped) });
      byOrder.set(fo.id, lines);
    }
  }
  const unmatched = Object.fromEntries([...left].filter(([, quantity]) => quantity > 0));
  return { byOrder, unmatched };
}

/** Whether a fulfillment planned earlier shows on the fulfillment order (its lines shipped that much more). */
function tookEffect(fo: FulfillmentRequest, lines: readonly PlannedLine[]): boolean {
  return lines.every((planned) => {
    const line = fo.lines.find((candidate) => candidate.lineId === planned.id);
    return line !== undefined && Number(line.ledger.shipped) >= planned.shippedBefore + planned.quantity;
  });
}

/**
 * Creates the Shopify fulfillment of one Odoo shipment of a channel order, with its tracking
 * numbers and carrier, once. Only the shipped quantities are fulfilled (fulfillment order lines
 * matched by SKU), so a partial shipment leaves the rest open for the backorder's shipment.
 * Shopify's `fulfillmentCreate` takes no idempotency key, so each (shipment, fulfillment order)
 * is recorded `pending` with its plan before the call and `done` after it; a retry that finds
 * `pending` reads the order's fulfillment orders again and only calls if the first call did not
 * take effect. All the shipment's tracking numbers go on the fulfillment.
 *
 * @example
 * await runtime.queue.enqueue({ kind: 'channel.fulfillment', payload: { shipment }, correlationId: 'order:S00042', key: channelFulfillmentKey(shipment.id), priority: PRIORITY.channelFulfillment });
 */
export const channelFulfillmentStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { shipment } = payload as { shipment: Shipment };
  const channel = runtime.channel;
  const records = channelRecords(runtime.stores.cursors);
  const link = await records.linkOf(correlationId);
  if (channel === undefined || link === undefined) {
    throw Object.assign(new Error(`${correlationId} is not linked to a channel order`), { retryable: false });
  }
  const subject = { type: 'shopify.order', id: link.shopifyOrderId };
  await runtime.audit.inbound(correlationId, ACTOR, 'channel.fulfillment.requested', {
    subject,
    detail: { shipmentId: shipment.id, trackingNumbers: shipment.trackingNumbers },
  });
  // What the warehouse shipped, written to the channel on its behalf: the warehouse's fields.
  const fields = ['shipped', ...(shipment.trackingNumbers.length > 0 ? ['trackingNumber'] : [])];
  const intent = { system: shipment.refs[0]?.system ?? 'shipbob', record: 'fulfillment', fields };
  if (!(await channelWriteAllowed(runtime, correlationId, intent, link.shopifyOrderId))) return;

  const op = { correlationId, signal };
  // The order's fulfillment orders as they are now (one query): with what each has shipped.
  const current = await channel.fulfillmentOrders.ofOrder(link.shopifyOrderId, op);
  const { byOrder, unmatched } = plan(shipment, current);
  const trackingNumbers = shipment.trackingNumbers;
  const carrier = shipment.carrierService?.carrier;
  const company = carrier === undefined ? undefined : (SHOPIFY_COMPANY[carrier] ?? carrier);
  let repeat = false;
  for (const fo of current) {
    const known = await records.fulfillment(shipment.id, fo.id);
    if (known !== undefined) repeat = true;
    if (known?.state === 'done') continue;
    if (known?.state === 'pending' && tookEffect(fo, known.lines)) {
      await records.setFulfillment(shipment.id, fo.id, { state: 'done', lines: known.lines });
      await runtime.audit.decision(correlationId, ACTOR, 'channel.fulfillment.recovered', {
        subject,
        detail: { shipmentId: shipment.id, fulfillmentOrderId: fo.id, lines: known.lines },
      });
      continue;
    }
    const lines = known?.lines ?? byOrder.get(fo.id);
    if (lines === undefined || lines.length === 0) continue;
    await records.setFulfillment(shipment.id, fo.id, { state: 'pending', lines });
    await runtime.audit.decision(correlationId, ACTOR, 'channel.fulfillment.create', {
      subject,
      detail: { shipmentId: shipment.id, fulfillmentOrderId: fo.id, lines },
    });
    const created = await channel.fulfillments.create(
      fo.id,
      {
        lines: lines.map(({ id, quantity }) => ({ id, quantity })),
        // Every parcel's number on the one fulfillment (Shopify's `trackingInfo.numbers`).
        ...(trackingNumbers.length === 0 ? {} : { trackingNumbers }),
        ...(company === undefined ? {} : { company }),
      },
      { ...op, idempotencyKey: `${channelFulfillmentKey(shipment.id)}:${fo.id}` },
    );
    await records.setFulfillment(shipment.id, fo.id, { state: 'done', fulfillmentId: created.id, lines });
    await runtime.audit.outbound(correlationId, ACTOR, 'shopify.fulfillment.create', {
      subject,
      after: {
        fulfillmentId: created.id,
        fulfillmentOrderId: fo.id,
        lines,
        trackingNumbers,
        company: company ?? null,
      },
    });
  }
  // Units Shopify did not expect (a substitution, an over-shipment) are for a person to look at;
  // on a repeat the fulfillment orders already count this shipment, so nothing is said again.
  if (!repeat && Object.keys(unmatched).length > 0) {
    await runtime.audit.decision(correlationId, ACTOR, 'channel.fulfillment.unmatched', {
      subject,
      detail: { shipmentId: shipment.id, unmatched },
    });
  }
};

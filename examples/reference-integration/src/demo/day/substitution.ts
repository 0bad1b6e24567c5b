import { createEvent, type Shipment } from '@crossdock/canonical';
import { dispatchEvents } from '../../http/dispatch.ts';
import type { DayFacts, DayOrder, Progress } from './facts.ts';
import type { DemoWorld } from './world.ts';

/**
 * The warehouse is out of green tea and ships black tea instead (`CS`, the whole line as another
 * item). The fake ShipBob ships the substitute and signs the webhook ShipBob would send, but ShipBob's
 * webhook has no substitution field, so the connector cannot tell a substitute from an extra line.
 * The day therefore takes the connector's canonical shipment of that webhook, marks the content as
 * the substitution it is (`substitution: 'CS'`, `orderedItem`), and hands a
 * `crossdock.shipment.confirmed.v2` event to the queue exactly as the webhook endpoint does.
 *
 * The event also carries the warehouse's decision that nothing more ships for the ordered line
 * (`CP`): the Odoo connector's `applyShipment` keeps a backorder for an ordered move that shipped
 * nothing of itself unless a remainder decision says otherwise, even when a `CS` substitute covers
 * it (a gap reported on the connector; Odoo's backorder wizard decides per picking, so the fix
 * belongs there, per line).
 */
export async function shipSubstitute(
  world: DemoWorld,
  order: DayOrder,
  progress: Progress,
): Promise<DayFacts['substitution']> {
  const substitution = { ordered: 'TEA-GREEN', shipped: 'TEA-BLACK', quantity: 2 };
  const { runtime } = world.service;
  const control = world.systems.shipbob.control;
  const ordered = control.orders().find((candidate) => candidate.id === order.shipbobId);
  const orderedLine = ordered?.products.find((product) => product.reference_id === substitution.ordered);
  if (orderedLine === undefined)
    throw new Error(`ShipBob order ${order.shipbobId} has no ${substitution.ordered}`);
  const delivery = control.ship(order.shipbobId, {
    lines: [{ sku: substitution.shipped, quantity: substitution.quantity }],
  });
  const correlationId = `demo:substitution:${order.name}`;
  const { events } = runtime.warehouses.shipbob.webhooks.parse(
    { headers: new Headers(delivery.headers), rawBody: delivery.body },
    { correlationId },
  );
  const confirmed = events.find((event) => event.type === 'crossdock.shipment.confirmed.v1');
  if (confirmed === undefined) throw new Error('the ShipBob webhook carried no shipment');
  const shipment = (confirmed.data as { shipment: Shipment }).shipment;
  const substituted: Shipment = {
    ...shipment,
    contents: shipment.contents.map((content) =>
      content.item.sku === substitution.shipped
        ? {
            ...content,
            requestLineId: orderedLine.reference_id,
            substitution: 'CS',
            orderedItem: { sku: substitution.ordered, refs: [] },
          }
        : content,
    ),
  };
  const event = createEvent(
    'crossdock.shipment.confirmed.v2',
    { shipment: substituted, remainder: { [orderedLine.reference_id]: 'CP' } },
    {
      source: confirmed.source,
      correlationId,
      subject: shipment.requestId ?? shipment.id,
      idempotencyKey: confirmed.idempotencyKey,
    },
  );
  await dispatchEvents(runtime, 'shipbob.webhook', [event]);
  await runtime.queue.onIdle();
  progress(
    `substitution: ${order.name} ordered ${substitution.quantity} ${substitution.ordered}, the warehouse shipped ${substitution.shipped} (CS, no backorder for the ordered line); substitution: delivered as a canonical event; the fake 3PL has no substitution control`,
  );
  return substitution;
}

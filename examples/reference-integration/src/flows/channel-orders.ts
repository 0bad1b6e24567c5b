import { checkWrite, createEvent, type SalesOrder, type WriteIntent } from '@crossdock/canonical';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime, StepHandler } from '../runtime/runtime.ts';
import { channelRecords } from './channel-records.ts';

const ACTOR = 'crossdock.channel';

/** The cursor of the polling fallback over the shop's orders (Shopify's connection cursor). */
export const CHANNEL_ORDERS_CURSOR = 'shopify.orders';

/** The queue key of a channel order: the same whichever path (webhook or poll) sees it first. */
export const channelOrderKey = (order: Pick<SalesOrder, 'id'>): string => `channel-order:${order.id}`;

/**
 * Checks a write against the ownership policy; a refused one is audited as a decision and
 * published as `crossdock.exception.raised.v1`, and the caller writes nothing.
 *
 * @example
 * if (!(await channelWriteAllowed(runtime, correlationId, { system: 'shopify', record: 'sales_order', action: 'create', fields: [] }, order.id))) return;
 */
export async function channelWriteAllowed(
  runtime: Runtime,
  correlationId: string,
  intent: WriteIntent,
  subject: string,
): Promise<boolean> {
  const decision = checkWrite(runtime.policy, intent);
  if (decision.allowed) return true;
  await runtime.audit.decision(correlationId, ACTOR, 'write.refused', {
    subject: { type: intent.record, id: subject },
    detail: { intent, refused: decision.refused },
  });
  runtime.events.publish(
    createEvent(
      'crossdock.exception.raised.v1',
      {
        code: 'crossdock.ownership.refused',
        severity: 'error',
        message: `${intent.system} may not ${intent.action ?? 'write'} ${intent.record} (${decision.refused.map((r) => r.field).join(', ')})`,
        entity: { type: intent.record, id: subject },
        details: { refused: decision.refused },
      },
      { source: '/crossdock', correlationId, subject },
    ),
  );
  return false;
}

/**
 * Creates the Odoo sale order of one Shopify order, once: the Odoo connector keys it by the
 * shop's order name (`client_order_ref`), finds or creates the customer (shipping to the Shopify
 * address, as a delivery contact when the customer's own is another), confirms it so its delivery
 * exists, and answers the order's name and pickings. The Shopify order is then linked to the Odoo
 * order, and the delivery to the order's correlation id (`order:<Odoo name>`), so its release,
 * shipment and the Shopify fulfillment all share one trail. An order with a SKU Odoo does not know is
 * refused by the connector (nothing created) and dead-lettered with its payload at once.
 *
 * @example
 * await runtime.queue.enqueue({ kind: 'channel.order', payload: { order }, correlationId, key: channelOrderKey(order), priority: PRIORITY.channelOrder });
 */
export const channelOrderStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { order } = payload as { order: SalesOrder };
  const subject = { type: 'shopify.order', id: order.id };
  const records = channelRecords(runtime.stores.cursors);
  await runtime.audit.inbound(correlationId, ACTOR, 'channel.order.received', {
    subject,
    detail: { number: order.number, channel: order.channel, lines: order.lines.length },
  });
  const linked = await records.byShopifyOrder(order.id);
  if (linked !== undefined) {
    await runtime.audit.decision(correlationId, ACTOR, 'channel.order.duplicate', {
      subject,
      detail: { odooOrder: linked.odooOrder, correlationId: linked.correlationId },
    });
    return;
  }
  const intent = { system: 'shopify', record: 'sales_order', action: 'create', fields: [] } as const;
  if (!(await channelWriteAllowed(runtime, correlationId, intent, order.id))) return;
  await runtime.audit.decision(correlationId, ACTOR, 'channel.order.create', {
    subject,
    detail: { number: order.number, skus: order.lines.map((line) => line.item.sku) },
  });
  const created = await runtime.odoo.orders.create(order, {
    correlationId,
    idempotencyKey: channelOrderKey(order),
    signal,
  });
  const { name, pickings } = created;
  const orderCorrelation = `order:${name}`;
  await runtime.audit.outbound(correlationId, ACTOR, 'sale.order.create', {
    subject: { type: 'sale.order', id: created.ref.id },
    after: { ref: created.ref, name, existing: created.existing, correlationId: orderCorrelation },
  });
  for (const picking of pickings) await runtime.correlations.remember(picking.id, orderCorrelation);
  await runtime.correlations.remember(order.id, orderCorrelation);
  await records.link({
    shopifyOrderId: order.id,
    shopifyOrderName: order.number,
    odooOrder: created.ref.id,
    odooOrderName: name,
    correlationId: orderCorrelation,
  });
  // The order's own trail starts here: `crossdock trace order:S00042` shows where it came from.
  await runtime.audit.inbound(orderCorrelation, ACTOR, 'channel.order.created', {
    subject: { type: 'sale.order', id: created.ref.id },
    detail: {
      shopifyOrder: order.id,
      number: order.number,
      pickings: pickings.map((picking) => picking.id),
      via: correlationId,
    },
  });
};

/** What one pass of the polling fallback did. */
export interface ChannelPollReport {
  pages: number;
  read: number;
  queued: number;
  created: number;
  alreadyLinked: number;
  skipped: number;
  deadLettered: number;
}

/**
 * The polling fallback for missed `orders/create` webhooks: reads the shop's orders by a durable
 * cursor and queues `channel.order` with the webhook's key, so each order is created once
 * whichever path sees it first. Orders already linked, cancelled or closed, or waiting in the
 * dead-letter store (replay them with `crossdock dlq replay`) are not queued. The cursor moves
 * only after a page's steps finished, so a crash re-reads the page instead of skipping it.
 *
 * @example
 * const report = await pollChannelOrders(runtime, { signal });
 */
export async function pollChannelOrders(
  runtime: Runtime,
  options: { readonly signal?: AbortSignal; readonly pageSize?: number } = {},
): Promise<ChannelPollReport> {
  const report: ChannelPollReport = {
    pages: 0,
    read: 0,
    queued: 0,
    created: 0,
    alreadyLinked: 0,
    skipped: 0,
    deadLettered: 0,
  };
  const channel = runtime.channel;
  if (channel === undefined) return report;
  const records = channelRecords(runtime.stores.cursors);
  for (;;) {
    options.signal?.throwIfAborted();
    const cursor = await runtime.stores.cursors.get(CHANNEL_ORDERS_CURSOR);
    const page = await channel.orders.list(
      {
        ...(cursor === undefined || cursor.value === '' ? {} : { cursor: cursor.value }),
        pageSize: options.pageSize ?? 10,
      },
      { correlationId: 'crossdock.channel.poll', ...(options.signal ? { signal: options.signal } : {}) },
    );
    report.pages++;
    report.read += page.items.length;
    const pending: Promise<void>[] = [];
    for (const order of page.items) {
      if (order.status === 'cancelled' || order.status === 'done') {
        report.skipped++;
        continue;
      }
      if ((await records.byShopifyOrder(order.id)) !== undefined) {
        report.alreadyLinked++;
        continue;
      }
      const waiting = await runtime.stores.deadLetters.list({
        key: channelOrderKey(order),
        status: 'pending',
        limit: 1,
      });
      if (waiting.items.length > 0) {
        report.deadLettered++;
        continue;
      }
      const queued = await runtime.queue.enqueue({
        kind: 'channel.order',
        payload: { order },
        correlationId: `shopify:${order.number}`,
        key: channelOrderKey(order),
        priority: PRIORITY.channelOrder,
      });
      report.queued++;
      pending.push(
        queued.done.then((outcome) => {
          if (outcome.status === 'completed') report.created++;
          else report.deadLettered++;
        }),
      );
    }
    await Promise.all(pending);
    if (page.next === undefined) return report;
    await runtime.stores.cursors.set(CHANNEL_ORDERS_CURSOR, page.next, {
      expectedVersion: cursor?.version ?? 0,
    });
  }
}

import { checkWrite, createEvent, type EventData } from '@crossdock/canonical';
import { picking } from '../runtime/audit.ts';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime, StepHandler } from '../runtime/runtime.ts';
import { releaseRecords } from './release-records.ts';

const ACTOR = 'crossdock.cancel';

/**
 * Queues the cancellation at the warehouse of a request Odoo cancelled after it was released
 * (ahead of everything else: a cancellation that waits behind stock updates ships goods nobody
 * wants). Answers whether one was queued.
 */
export async function queueReleaseCancel(
  runtime: Runtime,
  requestId: string,
  correlationId: string,
): Promise<boolean> {
  const record = await releaseRecords(runtime.stores.cursors).get(requestId);
  if (
    record === undefined ||
    record.handshake === 'cancel_accepted' ||
    record.handshake === 'cancel_requested'
  )
    return false;
  await runtime.queue.enqueue({
    kind: 'release.cancel',
    payload: { requestId },
    correlationId,
    key: `release-cancel:${requestId}`,
    priority: PRIORITY.cancel,
  });
  return true;
}

/** Cancels a released request at its warehouse and records the answer on the picking. */
export const releaseCancelStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { requestId } = payload as { requestId: string };
  const records = releaseRecords(runtime.stores.cursors);
  const record = await records.get(requestId);
  if (record === undefined) return;
  const pickingId = Number(requestId.replace(/^stock\.picking:/, ''));
  await runtime.audit.decision(correlationId, ACTOR, 'release.cancel', {
    subject: picking(pickingId),
    detail: { ref: record.ref },
  });
  const warehouse = runtime.warehouses[record.target as 'shipbob'];
  const { handshake } = await warehouse.fulfillment.cancel(record.ref, {
    correlationId,
    idempotencyKey: `release-cancel:${requestId}`,
    signal,
  });
  await records.set(requestId, { ...record, handshake });
  await runtime.audit.outbound(correlationId, ACTOR, `${record.target}.order.cancel`, {
    subject: picking(pickingId),
    before: { handshake: record.handshake },
    after: { handshake },
  });
  await runtime.odoo.fulfillment.recordRelease(
    pickingId,
    { ref: record.ref, handshake },
    { correlationId, signal },
  );
  if (handshake === 'cancel_rejected') {
    runtime.events.publish(
      createEvent(
        'crossdock.exception.raised.v1',
        {
          code: 'cancel_rejected',
          severity: 'critical',
          message: `${record.target} refused to cancel ${record.ref.id} (${requestId}): it may ship; stop it at the warehouse`,
          entity: { type: 'fulfillment_request', id: requestId },
        },
        {
          source: '/crossdock/cancel',
          correlationId,
          subject: requestId,
          idempotencyKey: `cancel-rejected:${requestId}`,
        },
      ),
    );
  }
};

/**
 * A channel cancelled an order. Odoo owns orders (the default policy), so the cancellation is not
 * applied to Odoo: it is reported (audit + an exception event for a person to cancel it in Odoo,
 * after which the warehouse cancellation follows on its own). A policy that gives the channel the
 * order's `status` lets it through to Odoo.
 */
export const orderCancelStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { cancellation } = payload as { cancellation: EventData<'crossdock.order.cancelled.v1'> };
  const system = cancellation.orderRef.system;
  await runtime.audit.inbound(correlationId, `${system}.webhook`, 'order.cancelled', {
    detail: cancellation,
  });
  const decision = checkWrite(runtime.policy, { system, record: 'sales_order', fields: ['status'] });
  if (!decision.allowed) {
    await runtime.audit.decision(correlationId, ACTOR, 'ownership.refused', {
      detail: { refused: decision.refused },
    });
    runtime.events.publish(
      createEvent(
        'crossdock.exception.raised.v1',
        {
          code: 'channel_cancellation',
          severity: 'warning',
          message: `${system} cancelled order ${cancellation.orderNumber ?? cancellation.orderRef.id}; Odoo owns orders: cancel it in Odoo and the warehouse cancellation follows`,
          entity: { type: 'sales_order', id: cancellation.orderRef.id },
          details: { reason: cancellation.reason, cancelledAt: cancellation.cancelledAt },
        },
        {
          source: '/crossdock/cancel',
          correlationId,
          idempotencyKey: `channel-cancel:${cancellation.orderRef.id}`,
        },
      ),
    );
    return;
  }
  // The policy lets the channel cancel: cancel the Odoo order, then its releases at the warehouse.
  const keys = [
    cancellation.orderRef.id,
    ...(cancellation.orderNumber === undefined ? [] : [cancellation.orderNumber]),
  ];
  const [order] = await runtime.odooClient.model('sale.order').searchRead({
    domain: [['client_order_ref', 'in', keys]],
    fields: ['name', 'state', 'picking_ids'],
    limit: 1,
    signal,
  });
  if (order === undefined) {
    throw Object.assign(new Error(`no Odoo order for ${system} order ${keys.join(' / ')}`), {
      retryable: false,
    });
  }
  if (order.state !== 'cancel') {
    await runtime.odooClient.model('sale.order').call('action_cancel', { ids: [order.id as number], signal });
    await runtime.audit.outbound(correlationId, ACTOR, 'sale.order.action_cancel', {
      subject: { type: 'sale.order', id: order.id as number },
      before: { state: order.state },
      after: { state: 'cancel' },
    });
  }
  for (const pickingId of order.picking_ids as number[]) {
    await queueReleaseCancel(runtime, `stock.picking:${pickingId}`, correlationId);
  }
};

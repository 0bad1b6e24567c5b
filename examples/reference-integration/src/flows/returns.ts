import type { Return } from '@crossdock/canonical';
import { picking } from '../runtime/audit.ts';
import { guardWrite } from '../runtime/ownership.ts';
import type { StepHandler } from '../runtime/runtime.ts';
import { shipmentRecords } from './shipment-records.ts';

/** The Odoo delivery a 3PL return came back from: the picking its shipment was applied to. */
async function odooDelivery(runtime: Parameters<StepHandler>[0], ret: Return): Promise<string | undefined> {
  if (ret.shipmentId?.startsWith('stock.picking:')) return ret.shipmentId;
  if (ret.shipmentId === undefined) return undefined;
  const applied = await shipmentRecords(runtime.stores.cursors).applied(ret.shipmentId);
  return applied === undefined ? undefined : `stock.picking:${applied.pickingId}`;
}

/**
 * A 3PL return receipt becomes a validated Odoo return of the original delivery, quantities and
 * condition per line, once per RMA (the Odoo connector claims the RMA). A return whose delivery
 * cannot be found is refused for good and waits in the dead-letter store with its payload.
 */
export const returnStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const received = (payload as { return: Return }).return;
  const delivery = await odooDelivery(runtime, received);
  const correlation =
    delivery === undefined ? correlationId : await runtime.correlations.of(delivery, correlationId);
  await runtime.audit.inbound(correlation, 'shipbob.webhook', 'return.received', {
    detail: { rma: received.rma, shipmentId: received.shipmentId, lines: received.lines.length },
  });
  const intent = { system: 'shipbob', record: 'return', action: 'create', fields: [] } as const;
  const subject =
    delivery === undefined
      ? { type: 'return', id: received.rma }
      : picking(delivery.replace(/^stock\.picking:/, ''));
  if (
    !(await guardWrite(runtime, { correlationId: correlation, actor: 'crossdock.returns', intent, subject }))
      .allowed
  )
    return;
  if (delivery === undefined) {
    throw Object.assign(
      new Error(
        `return ${received.rma}: no Odoo delivery is linked to shipment ${received.shipmentId ?? '(none)'}`,
      ),
      {
        retryable: false,
      },
    );
  }
  const { ref, noteFailure } = await runtime.odoo.returns.create(
    { ...received, shipmentId: delivery },
    { correlationId: correlation, signal },
  );
  await runtime.audit.outbound(correlation, 'crossdock.returns', 'stock.return.picking.create', {
    subject: picking(ref.id.replace(/^stock\.picking:/, '')),
    after: { rma: received.rma, delivery, returnPicking: ref.id },
  });
  if (noteFailure !== undefined) {
    await runtime.audit.error(correlation, 'crossdock.returns', 'stock.picking.note', new Error(noteFailure));
  }
};

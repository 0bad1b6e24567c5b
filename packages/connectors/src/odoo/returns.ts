import type { ExternalRef, Return } from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { returnText } from './note-texts.js';
import { postNoteAfterWrite } from './notes.js';
import { byId, m2oId, m2oName, odooRef, parseRefId, str, unique } from './records.js';
import { recordShape } from './shape.js';

const RETURN_PICKING = recordShape('stock.picking', { name: 'text!', return_id: 'm2o' });

/**
 * Creates the return of a delivery through `stock.return.picking` (context `active_id`/`active_ids`
 * of the original picking), sets the quantity per returned product, creates the return picking
 * and validates it. The delivery is `ret.shipmentId` (`stock.picking:<id>`) or the latest done
 * delivery of `ret.orderId` (`sale.order:<id>`). A note on the return picking and on the delivery says
 * what came back, under which RMA.
 *
 * @example const { ref } = await createReturn(ctx, ret); // { system: 'odoo', id: 'stock.picking:23' }
 */
export async function createReturn(
  ctx: OdooContext,
  ret: Return,
  correlationId: string | undefined,
): Promise<{ readonly ref: ExternalRef; readonly noteFailure?: string }> {
  const operation = 'returns.create';
  const originalId = await originalPicking(ctx, ret);
  if (originalId === undefined)
    throw refusal(operation, 'unknown_delivery', `no done delivery for return ${ret.rma}`, correlationId);
  const context = { active_id: originalId, active_ids: [originalId], active_model: 'stock.picking' };
  const wizards = ctx.client.model('stock.return.picking');
  const [wizardId] = await wizards.create({ picking_id: originalId }, { context });
  const wizardLines = await ctx.client.model('stock.return.picking.line').searchRead({
    domain: [['wizard_id', '=', wizardId]],
    fields: ['product_id', 'quantity', 'move_id'],
  });
  const products = byId(
    await ctx.client
      .model('product.product')
      .read(unique(wizardLines.map((l) => m2oId(l.product_id))), { fields: ['default_code'] }),
  );
  for (const line of ret.lines) {
    const amount = Number(line.received ?? line.expected);
    const target = wizardLines.find(
      (w) => str(products.get(m2oId(w.product_id) ?? -1)?.default_code) === line.item.sku,
    );
    if (!target)
      throw refusal(
        operation,
        'unknown_line',
        `${line.item.sku} was not delivered by stock.picking:${originalId}`,
        correlationId,
      );
    await ctx.client.model('stock.return.picking.line').write([target.id as number], { quantity: amount });
  }
  const action = (await wizards.call('action_create_returns', { ids: [wizardId as number], context })) as {
    res_id?: unknown;
  };
  const returnId = typeof action.res_id === 'number' ? action.res_id : undefined;
  if (returnId === undefined)
    throw refusal(operation, 'no_return_picking', 'Odoo made no return picking', correlationId);
  const moves = await ctx.client
    .model('stock.move')
    .searchRead({ domain: [['picking_id', '=', returnId]], fields: ['product_uom_qty'] });
  for (const move of moves) {
    await ctx.client
      .model('stock.move')
      .write([move.id as number], { quantity: move.product_uom_qty, picked: true });
  }
  await ctx.client.model('stock.picking').call('button_validate', { ids: [returnId] });
  const [made] = RETURN_PICKING.check(
    await ctx.client.model('stock.picking').read([returnId], { fields: RETURN_PICKING.fields }),
  );
  const text = returnText(ret, str(made?.name) ?? `stock.picking:${returnId}`, m2oName(made?.return_id));
  const failures: string[] = [];
  for (const pickingId of [returnId, originalId]) {
    const note = await postNoteAfterWrite(ctx, pickingId, text, correlationId);
    if (note.failure !== undefined) failures.push(note.failure);
  }
  const ref = odooRef('stock.picking', returnId);
  return failures.length === 0 ? { ref } : { ref, noteFailure: failures.join('; ') };
}

async function originalPicking(ctx: OdooContext, ret: Return): Promise<number | undefined> {
  const direct = parseRefId(ret.shipmentId, 'stock.picking');
  if (direct !== undefined) return direct;
  const orderId = parseRefId(ret.orderId, 'sale.order');
  if (orderId === undefined) return undefined;
  const [picking] = await ctx.client.model('stock.picking').search({
    domain: [
      ['sale_id', '=', orderId],
      ['state', '=', 'done'],
      ['picking_type_code', '=', 'outgoing'],
    ],
    order: 'id desc',
    limit: 1,
  });
  return picking;
}

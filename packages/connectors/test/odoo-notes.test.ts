import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { odooFixture, returnOf, shipmentOf } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: notes on the picking for every external action`, () => {
    const { odoo, client, connector, product, order } = odooFixture(version, 'notes');

    /** The picking's chatter messages, oldest first, as an Odoo user would read them. */
    const notesOf = async (pickingId: number) =>
      (
        await client.model('mail.message').searchRead({
          domain: [
            ['model', '=', 'stock.picking'],
            ['res_id', '=', pickingId],
          ],
          fields: ['body', 'message_type', 'subtype_id', 'author_id', 'date'],
          order: 'id asc',
        })
      ).map((m): Record<string, unknown> & { body: string } => ({ ...m, body: String(m.body) }));

    const posts = () => odoo.faults.calls().methods['stock.picking.message_post'] ?? 0;

    it('posts what shipped, lots, tracking and the backorder decision as an internal note with the correlation id', async () => {
      const a = await product(0, 'lot');
      const b = await product(20);
      const { pickingId, lineOf } = await order([
        [a.id, 2],
        [b.id, 5],
      ]);
      const shipment = {
        ...shipmentOf('SB-1001', [
          { lineId: lineOf(a.id), sku: a.code, quantity: '2', lot: 'LOT-7' },
          { lineId: lineOf(b.id), sku: b.code, quantity: '3' },
        ]),
        trackingNumbers: ['1Z999AA10123456784'],
        refs: [{ system: 'shipbob', id: '98765' }],
      };
      const result = await connector.fulfillment.applyShipment(pickingId, shipment as never, {
        remainder: { [lineOf(b.id)]: 'BP' },
        correlationId: 'corr-ship-1',
      });
      expect(result).toMatchObject({ applied: true, outcome: 'backorder' });
      const [backorder] = await client
        .model('stock.picking')
        .searchRead({ domain: [['backorder_id', '=', pickingId]], fields: ['name'] });
      const notes = await notesOf(pickingId);
      expect(notes).toHaveLength(1);
      const [note] = notes;
      expect(note?.message_type).toBe('comment');
      expect((note?.subtype_id as { name: string } | null)?.name).toBe('Note');
      expect(note?.body).toBe(
        `<p>Crossdock shipment SB-1001: shipped 2 EA ${a.code} (lot LOT-7), 3 EA ${b.code}; ` +
          'tracking 1Z999AA10123456784; at ShipBob 98765; ' +
          `the rest stays open in backorder ${String(backorder?.name)} (BP). (correlation corr-ship-1)</p>`,
      );
    });

    it('says a short close and its reason (CP or IC)', async () => {
      const a = await product(20);
      const { pickingId, lineOf } = await order([[a.id, 5]]);
      await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('SB-IC', [{ lineId: lineOf(a.id), sku: a.code, quantity: '2' }]) as never,
        { remainder: { [lineOf(a.id)]: 'IC' } },
      );
      const [note] = await notesOf(pickingId);
      expect(note?.body).toBe(
        `<p>Crossdock shipment SB-IC: shipped 2 EA ${a.code}; the rest was closed short (IC).</p>`,
      );
    });

    it('a repeated applyShipment posts one message', async () => {
      const a = await product(20);
      const { pickingId, lineOf } = await order([[a.id, 3]]);
      const shipment = shipmentOf('SB-TWICE', [{ lineId: lineOf(a.id), sku: a.code, quantity: '3' }]);
      await connector.fulfillment.applyShipment(pickingId, shipment as never, { correlationId: 'c-1' });
      const before = posts();
      for (let i = 0; i < 3; i++) {
        const again = await connector.fulfillment.applyShipment(pickingId, shipment as never, {
          correlationId: `c-retry-${i}`,
        });
        expect(again).toEqual({ applied: false, pickingId, reason: 'already_done' });
      }
      expect(posts()).toBe(before);
      const notes = await notesOf(pickingId);
      expect(notes).toHaveLength(1);
      expect(notes[0]?.body).toContain('Crossdock shipment SB-TWICE: shipped 3 EA');
    });

    it('reports once a shipment for a picking validated in Odoo, and changes nothing', async () => {
      const a = await product(20);
      const { pickingId } = await order([[a.id, 2]]);
      await client.model('stock.picking').call('button_validate', { ids: [pickingId] });
      const shipment = shipmentOf('SB-LATE', [{ lineId: 'x', sku: a.code, quantity: '2' }]);
      const writes = () => odoo.faults.calls().methods['stock.move.write'] ?? 0;
      const movesWritten = writes();
      for (const correlationId of ['c-late-1', 'c-late-2']) {
        const result = await connector.fulfillment.applyShipment(pickingId, shipment as never, {
          correlationId,
        });
        expect(result).toEqual({ applied: false, pickingId, reason: 'already_done' });
      }
      expect(writes()).toBe(movesWritten);
      const notes = await notesOf(pickingId);
      expect(notes.map((n) => n.body)).toEqual([
        '<p>Crossdock shipment SB-LATE: received after this transfer was validated; not applied again. (correlation c-late-1)</p>',
      ]);
    });

    it('reports once a shipment for a cancelled picking', async () => {
      const a = await product(20);
      const { pickingId } = await order([[a.id, 2]]);
      await client.model('stock.picking').call('action_cancel', { ids: [pickingId] });
      const shipment = shipmentOf('SB-CANCELLED', [{ lineId: 'x', sku: a.code, quantity: '2' }]);
      await connector.fulfillment.applyShipment(pickingId, shipment as never);
      const again = await connector.fulfillment.applyShipment(pickingId, shipment as never);
      expect(again).toEqual({ applied: false, pickingId, reason: 'cancelled' });
      expect((await notesOf(pickingId)).map((n) => n.body)).toEqual([
        '<p>Crossdock shipment SB-CANCELLED: received for this cancelled transfer; not applied.</p>',
      ]);
    });

    it('records a release to a warehouse once per handshake, with the correlation id', async () => {
      const a = await product(20);
      const { pickingId } = await order([[a.id, 1]]);
      const ref = { system: 'shipbob', id: '123' };
      const first = await connector.fulfillment.recordRelease(
        pickingId,
        { ref, handshake: 'submitted' },
        { correlationId: 'corr-rel' },
      );
      expect(first.posted).toBe(true);
      expect(first.messageId).toEqual(expect.any(Number));
      const accepted = await connector.fulfillment.recordRelease(
        { system: 'odoo', id: `stock.picking:${pickingId}` },
        { ref, handshake: 'accepted' },
        { correlationId: 'corr-rel' },
      );
      expect(accepted.posted).toBe(true);
      const repeated = await connector.fulfillment.recordRelease(
        pickingId,
        { ref, handshake: 'accepted' },
        { correlationId: 'corr-rel-retry' },
      );
      expect(repeated).toEqual({ posted: false });
      await connector.fulfillment.recordRelease(pickingId, {
        ref: { system: 'shipbob', account: 'eu', id: '124' },
        handshake: 'rejected',
        reason: 'address not deliverable',
      });
      expect((await notesOf(pickingId)).map((n) => n.body)).toEqual([
        '<p>Crossdock: released to ShipBob as order 123, waiting for acceptance. (correlation corr-rel)</p>',
        '<p>Crossdock: released to ShipBob as order 123 (accepted). (correlation corr-rel)</p>',
        '<p>Crossdock: release to ShipBob (eu) rejected (order 124): address not deliverable.</p>',
      ]);
    });

    it('posts a free note once per text, escaped by Odoo and read back as the same text', async () => {
      const a = await product(20);
      const { pickingId } = await order([[a.id, 1]]);
      const text = 'Tracking 1Z9 <out for delivery> & "signed" by R&D at 14:02';
      const first = await connector.fulfillment.note(pickingId, text, { correlationId: 'corr-note' });
      const again = await connector.fulfillment.note(pickingId, `  ${text} `, { correlationId: 'corr-note' });
      expect(first.posted).toBe(true);
      expect(again.posted).toBe(false);
      const notes = await notesOf(pickingId);
      expect(notes.map((n) => n.body)).toEqual([
        '<p>Crossdock: Tracking 1Z9 &lt;out for delivery&gt; &amp; "signed" by R&amp;D at 14:02 (correlation corr-note)</p>',
      ]);
      expect(notes[0]?.body).not.toContain('&amp;lt;');
    });

    it('refuses an empty note and a ref that is not an Odoo picking, sending nothing', async () => {
      const before = posts();
      const empty = await connector.fulfillment
        .note(1, '   ', { correlationId: 'c-e' })
        .catch((e: unknown) => e);
      expect(isConnectorError(empty)).toBe(true);
      expect(empty).toMatchObject({ vendorCode: 'empty_note', executed: 'no', correlationId: 'c-e' });
      const foreign = await connector.fulfillment
        .recordRelease(
          { system: 'shipbob', id: '123' },
          { ref: { system: 'shipbob', id: '1' }, handshake: 'accepted' },
        )
        .catch((e: unknown) => e);
      expect(foreign).toMatchObject({ vendorCode: 'unknown_ref', executed: 'no' });
      expect(posts()).toBe(before);
    });

    it('posts the return on the return picking and on the delivery it came from', async () => {
      const a = await product(20);
      const { pickingId, orderId, lineOf } = await order([[a.id, 2]]);
      await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('SB-RET', [{ lineId: lineOf(a.id), sku: a.code, quantity: '2' }]) as never,
      );
      const ret = returnOf(`RMA-${a.code}`, { pickingId, orderId }, a.code, '1', { condition: 'opened' });
      const { ref } = await connector.returns.create(ret as never, { correlationId: 'corr-ret' });
      await connector.returns.create(ret as never, { correlationId: 'corr-ret' });
      const returnId = Number(ref.id.split(':')[1]);
      const [made] = await client.model('stock.picking').read([returnId], { fields: ['name'] });
      const [delivery] = await client.model('stock.picking').read([pickingId], { fields: ['name'] });
      const expected = `<p>Crossdock return RMA-${a.code}: received 1 EA ${a.code} (restock, opened) in ${String(made?.name)}, a return of ${String(delivery?.name)}. (correlation corr-ret)</p>`;
      expect((await notesOf(returnId)).map((n) => n.body)).toEqual([expected]);
      expect((await notesOf(pickingId)).map((n) => n.body)).toContain(expected);
    });

    it('answers the applied shipment, with why its note failed, when the note cannot be posted', async () => {
      const a = await product(20);
      const { pickingId, lineOf } = await order([[a.id, 1]]);
      odoo.faults.add({
        model: 'stock.picking',
        method: 'message_post',
        effect: {
          kind: 'error',
          exception: 'odoo.exceptions.UserError',
          message: "Unable to send message, please configure the sender's email address.",
        },
        times: 1,
      });
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('SB-NONOTE', [{ lineId: lineOf(a.id), sku: a.code, quantity: '1' }]) as never,
        { correlationId: 'c-nonote' },
      );
      expect(result).toMatchObject({ applied: true, pickingId, outcome: 'full' });
      expect(result.applied && result.noteFailure).toContain('configure the sender');
      const [picking] = await client.model('stock.picking').read([pickingId], { fields: ['state'] });
      expect(picking?.state).toBe('done');
    });
  });
}

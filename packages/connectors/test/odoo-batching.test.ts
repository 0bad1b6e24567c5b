// Release notes and other notes for a whole page in a constant number of calls, and closing a rest.
import { beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { odooFixture, shipmentOf } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: batched notes and closing a rest`, () => {
    const { odoo, client, connector, product, order } = odooFixture(version, 'batch');

    const notesOf = async (pickingId: number) =>
      (
        await client.model('mail.message').searchRead({
          domain: [
            ['model', '=', 'stock.picking'],
            ['res_id', '=', pickingId],
          ],
          fields: ['body', 'message_type', 'subtype_id', 'author_id'],
          order: 'id asc',
        })
      ).map((m): Record<string, unknown> & { body: string } => ({ ...m, body: String(m.body) }));

    const total = () => odoo.faults.calls().total;

    /** `count` confirmed one-line orders, their pickings. */
    async function pickings(count: number): Promise<number[]> {
      const a = await product(100);
      const out: number[] = [];
      for (let i = 0; i < count; i += 1) out.push((await order([[a.id, 1]])).pickingId);
      return out;
    }

    // The client's one `fields_get` per model and the subtype lookup are paid once per process.
    beforeAll(async () => {
      const [warm] = await pickings(1);
      await connector.fulfillment.recordReleases([
        {
          picking: warm as number,
          ref: { system: 'shipbob', id: 'warm' },
          handshake: 'accepted',
          correlationId: 'warm',
        },
      ]);
    });

    it('records a page of 50 releases in 2 calls: 0.04 per released order', async () => {
      const ids = await pickings(50);
      const before = total();
      const results = await connector.fulfillment.recordReleases(
        ids.map((id) => ({
          picking: id,
          ref: { system: 'shipbob', id: `SB-${id}` },
          handshake: 'accepted' as const,
          correlationId: `rel-${id}`,
        })),
      );
      expect(total() - before).toBe(2);
      expect(results).toHaveLength(50);
      expect(results.every((r) => r.posted && typeof r.messageId === 'number')).toBe(true);
      const [note] = await notesOf(ids[7] as number);
      expect(note).toMatchObject({
        message_type: 'comment',
        body: `<p>Crossdock: released to ShipBob as order SB-${ids[7]} (accepted). (correlation rel-${ids[7]})</p>`,
      });
      expect((note?.subtype_id as { name: string } | null)?.name).toBe('Note');
      expect(note?.author_id).not.toBeNull();
    });

    it('records a release once: the same page again posts nothing, and reads as recordRelease does', async () => {
      const ids = await pickings(3);
      const entries = ids.map((id) => ({
        picking: { system: 'odoo', id: `stock.picking:${id}` },
        ref: { system: 'shipbob', id: `R-${id}` },
        handshake: 'submitted' as const,
        correlationId: `once-${id}`,
      }));
      await connector.fulfillment.recordReleases(entries);
      const before = total();
      const again = await connector.fulfillment.recordReleases(entries);
      expect(total() - before).toBe(1);
      expect(again.map((r) => r.posted)).toEqual([false, false, false]);
      // The single-picking route sees the batch's note as its own.
      const single = await connector.fulfillment.recordRelease(ids[0] as number, {
        ref: { system: 'shipbob', id: `R-${ids[0]}` },
        handshake: 'submitted',
      });
      expect(single.posted).toBe(false);
      expect(await notesOf(ids[0] as number)).toHaveLength(1);
      // And the other way round: a note posted with message_post is not posted again by the batch.
      const [other] = await pickings(1);
      const release = { ref: { system: 'shipbob', id: `P-${other}` }, handshake: 'accepted' as const };
      await connector.fulfillment.recordRelease(other as number, release, { correlationId: 'single' });
      const [batched] = await connector.fulfillment.recordReleases([
        { picking: other as number, ...release, correlationId: 'batched' },
      ]);
      expect(batched?.posted).toBe(false);
    });

    it('posts a repeated entry of one batch once and keeps the results in entry order', async () => {
      const [id] = await pickings(1);
      const entry = {
        picking: id as number,
        ref: { system: 'shipbob', id: 'DUP' },
        handshake: 'rejected' as const,
        reason: 'address <not> deliverable & more',
        correlationId: 'dup',
      };
      const results = await connector.fulfillment.recordReleases([entry, entry]);
      expect(results.map((r) => r.posted)).toEqual([true, false]);
      const notes = await notesOf(id as number);
      expect(notes.map((n) => n.body)).toEqual([
        '<p>Crossdock: release to ShipBob rejected (order DUP): address &lt;not&gt; deliverable &amp; more. (correlation dup)</p>',
      ]);
    });

    it('posts tracking notes for many pickings in 2 calls and refuses an empty one before calling Odoo', async () => {
      const ids = await pickings(4);
      const before = total();
      const results = await connector.fulfillment.notes(
        ids.map((id) => ({ picking: id, text: `tracking 1Z${id}: in transit`, correlationId: `t-${id}` })),
      );
      expect(total() - before).toBe(2);
      expect(results.every((r) => r.posted)).toBe(true);
      const empty = await connector.fulfillment
        .notes([{ picking: ids[0] as number, text: ' ' }])
        .catch((e) => e);
      expect(isConnectorError(empty) && empty.vendorCode).toBe('empty_note');
    });

    it('makes no call for an empty batch', async () => {
      const before = total();
      expect(await connector.fulfillment.recordReleases([])).toEqual([]);
      expect(total()).toBe(before);
    });

    it('closes the open rest of a backorder once, with its note, in 3 calls', async () => {
      const a = await product(20);
      const { pickingId, lineOf } = await order([[a.id, 5]]);
      const shipment = shipmentOf(`close-${pickingId}`, [
        { lineId: lineOf(a.id), sku: a.code, quantity: '2' },
      ]);
      const applied = await connector.fulfillment.applyShipment(pickingId, shipment as never, {
        remainder: { [lineOf(a.id)]: 'BP' },
      });
      if (!applied.applied || applied.backorderId === undefined) throw new Error('expected a backorder');
      const backorder = applied.backorderId;
      await connector.fulfillment.note(backorder, 'warm up');
      const before = total();
      const closed = await connector.fulfillment.closeRest(
        backorder,
        { [lineOf(a.id)]: 'IC' },
        { correlationId: 'close-1' },
      );
      expect(total() - before).toBe(3);
      expect(closed).toEqual({ closed: true });
      const [picking] = await client.model('stock.picking').read([backorder], { fields: ['state'] });
      expect(picking?.state).toBe('cancel');
      const notes = await notesOf(backorder);
      expect(notes.at(-1)?.body).toContain('the rest was closed as the warehouse will not ship it: 3 ');
      expect(notes.at(-1)?.body).toContain('(IC). (correlation close-1)');
      const again = await connector.fulfillment.closeRest(backorder, { [lineOf(a.id)]: 'IC' });
      expect(again).toEqual({ closed: false });
      expect(await notesOf(backorder)).toHaveLength(notes.length);
    });

    it('refuses to close a rest naming a line the picking does not have, or a done picking', async () => {
      const a = await product(20);
      const { pickingId, lineOf } = await order([[a.id, 1]]);
      const unknown = await connector.fulfillment
        .closeRest(pickingId, { 'sale.order.line:999999': 'CP' })
        .catch((e) => e);
      expect(isConnectorError(unknown) && unknown.vendorCode).toBe('unknown_line');
      const [picking] = await client.model('stock.picking').read([pickingId], { fields: ['state'] });
      expect(picking?.state).not.toBe('cancel');
      await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf(`done-${pickingId}`, [{ lineId: lineOf(a.id), sku: a.code, quantity: '1' }]) as never,
      );
      const done = await connector.fulfillment.closeRest(pickingId, {}).catch((e) => e);
      expect(isConnectorError(done) && done.vendorCode).toBe('already_done');
    });
  });
}

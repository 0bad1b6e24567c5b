import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOdooHandlers } from '../src/odoo/http/index.js';
import { engineFor, faultOf, json2, kw } from './engine-helpers.js';

type Rec = Record<string, unknown> & { id: number };

/** A confirmed sale order's delivery picking, in a fresh engine of `version`. */
function pickingOf(version: 17 | 18 | 19) {
  const engine = engineFor(version);
  const partner = kw(engine, 'res.partner', 'create', [{ name: 'Chatter Customer' }]) as number;
  const order = kw(engine, 'sale.order', 'create', [
    { partner_id: partner, order_line: [[0, 0, { product_id: 17, product_uom_qty: 1 }]] },
  ]) as number;
  kw(engine, 'sale.order', 'action_confirm', [[order]]);
  const [picking] = kw(engine, 'stock.picking', 'search', [[['sale_id', '=', order]]]) as number[];
  return { engine, picking: picking as number };
}

describe('message_post on a mail.thread record', () => {
  it.each([17, 18] as const)('%i answers the new message id (@api.returns)', (version) => {
    const { engine, picking } = pickingOf(version);
    const id = kw(engine, 'stock.picking', 'message_post', [[picking]], {
      body: 'Released to ShipBob',
      message_type: 'comment',
      subtype_xmlid: 'mail.mt_note',
    });
    expect(id).toEqual(expect.any(Number));
    const [message] = kw(engine, 'mail.message', 'read', [[id], ['model', 'res_id']]) as Rec[];
    expect(message).toMatchObject({ model: 'stock.picking', res_id: picking });
  });

  it('19 answers the new message as a list of one id (call_kw answers any recordset as its ids)', () => {
    const { engine, picking } = pickingOf(19);
    const answer = json2(engine, 'stock.picking', 'message_post', { ids: [picking], body: 'x' });
    expect(answer).toEqual([expect.any(Number)]);
    const viaRpc = kw(engine, 'stock.picking', 'message_post', [[picking]], { body: 'y' });
    expect(viaRpc).toEqual([expect.any(Number)]);
  });

  it('stores a comment note with its subtype, author, date and record, readable like any record', () => {
    const { engine, picking } = pickingOf(18);
    const id = kw(engine, 'stock.picking', 'message_post', [[picking]], {
      body: 'Shipped 3 <units> & "more"',
      message_type: 'comment',
      subtype_xmlid: 'mail.mt_note',
    }) as number;
    const [message] = kw(engine, 'mail.message', 'search_read', [[['id', '=', id]]], {
      fields: ['body', 'message_type', 'subtype_id', 'author_id', 'date', 'record_name', 'model', 'res_id'],
    }) as Rec[];
    expect(message).toEqual({
      id,
      // A str body is text: Odoo escapes it, and its sanitiser puts it in a paragraph.
      body: '<p>Shipped 3 &lt;units&gt; &amp; "more"</p>',
      message_type: 'comment',
      subtype_id: [2, 'Note'],
      author_id: [3, 'YourCompany, Mitchell Admin'],
      date: '2026-11-22 15:49:49',
      record_name: expect.stringMatching(/^WH\/OUT\/\d+$/),
      model: 'stock.picking',
      res_id: picking,
    });
    const [withChatter] = kw(engine, 'stock.picking', 'read', [[picking], ['message_ids']]) as Rec[];
    expect(withChatter?.message_ids).toEqual([id]);
  });

  it('keeps an HTML body as HTML only with body_is_html, and lists the chatter newest first', () => {
    const { engine, picking } = pickingOf(18);
    const first = kw(engine, 'stock.picking', 'message_post', [[picking]], {
      body: '<b>bold</b>',
      body_is_html: true,
    }) as number;
    const second = kw(engine, 'stock.picking', 'message_post', [[picking]], {
      body: '<b>bold</b>',
    }) as number;
    const messages = kw(engine, 'mail.message', 'search_read', [[['res_id', '=', picking]]], {
      fields: ['body', 'message_type', 'subtype_id', 'parent_id'],
    }) as Rec[];
    expect(messages.map((m) => m.id)).toEqual([second, first]);
    expect(messages.map((m) => m.body)).toEqual(['<p>&lt;b&gt;bold&lt;/b&gt;</p>', '<b>bold</b>']);
    // The defaults: a notification, filed as a note, threaded under the record's first message.
    expect(messages[0]).toMatchObject({ message_type: 'notification', subtype_id: [2, 'Note'] });
    expect(messages[0]?.parent_id).toEqual([first, expect.any(String)]);
  });

  it('takes keyword arguments only, any extra keyword, and refuses what Odoo refuses', () => {
    const { engine, picking } = pickingOf(18);
    expect(faultOf(() => kw(engine, 'stock.picking', 'message_post', [[picking], 'body'])).message).toBe(
      'MailThread.message_post() takes 1 positional argument but 2 were given',
    );
    const id = kw(engine, 'stock.picking', 'message_post', [[picking]], {
      body: 'x',
      mail_auto_delete: false,
    });
    expect(id).toEqual(expect.any(Number));
    const forbidden = faultOf(() => kw(engine, 'stock.picking', 'message_post', [[picking]], { res_id: 1 }));
    expect(forbidden.exception).toBe('builtins.ValueError');
    const notify = faultOf(() =>
      kw(engine, 'stock.picking', 'message_post', [[picking]], { message_type: 'user_notification' }),
    );
    expect(notify.message).toBe('Use message_notify to send a notification to an user.');
    const two = faultOf(() => kw(engine, 'stock.picking', 'message_post', [[picking, picking + 1]], {}));
    expect(two.message).toBe(`Expected singleton: stock.picking(${picking}, ${picking + 1})`);
    expect(faultOf(() => kw(engine, 'stock.picking', 'message_post', [[999999]], {})).exception).toBe(
      'odoo.exceptions.MissingError',
    );
    const bad = faultOf(() =>
      kw(engine, 'stock.picking', 'message_post', [[picking]], { message_type: 'fax' }),
    );
    expect(bad.message).toBe("Wrong value for mail.message.message_type: 'fax'");
  });

  it('exists on mail.thread models only', () => {
    const engine = engineFor(19);
    expect(faultOf(() => json2(engine, 'stock.move', 'message_post', { ids: [1] })).exception).toBe(
      'werkzeug.exceptions.NotFound',
    );
    expect(json2(engine, 'sale.order', 'message_post', { ids: [1], body: 'on the order' })).toEqual([
      expect.any(Number),
    ]);
  });

  it('has the package model of the version: stock.quant.package up to 18, stock.package in 19', () => {
    expect(() => kw(engineFor(18), 'stock.quant.package', 'create', [{ name: 'P1' }])).not.toThrow();
    expect(faultOf(() => kw(engineFor(18), 'stock.package', 'search', [[]])).exception).toBe(
      'odoo.exceptions.UserError',
    );
    expect(json2(engineFor(19), 'stock.package', 'create', { vals_list: [{ name: 'P1' }] })).toEqual([
      expect.any(Number),
    ]);
  });
});

describe('fault effects that change an answer', () => {
  const url = 'http://odoo-mail-faults.test';
  const odoo = createOdooHandlers({ url, engine: engineFor(19) });
  const server = setupServer(...odoo);
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());
  const call = (model: string, method: string, body: object) =>
    fetch(`${url}/json/2/${model}/${method}`, {
      method: 'POST',
      headers: {
        authorization: 'bearer <api-key>',
        'x-odoo-database': 'odoo',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  it('error: fails the call with the given exception, rendered as the route renders it', async () => {
    odoo.faults.add({
      model: 'res.partner',
      method: 'search_count',
      times: 1,
      effect: { kind: 'error', exception: 'odoo.exceptions.UserError', message: 'key <api-key> refused' },
    });
    const failed = await call('res.partner', 'search_count', { domain: [] });
    expect(failed.status).toBe(422);
    expect(await failed.json()).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'key <api-key> refused',
    });
    expect((await call('res.partner', 'search_count', { domain: [] })).status).toBe(200);
  });

  it('rewrite: runs the call and answers the rewritten answer, leaving the records alone', async () => {
    odoo.faults.add({
      model: 'res.partner',
      method: 'read',
      times: 1,
      effect: { kind: 'rewrite', rewrite: (rows) => (rows as Rec[]).map((r) => ({ ...r, name: 42 })) },
    });
    const rewritten = (await (
      await call('res.partner', 'read', { ids: [1], fields: ['name'] })
    ).json()) as Rec[];
    expect(rewritten).toEqual([{ id: 1, name: 42 }]);
    const real = (await (await call('res.partner', 'read', { ids: [1], fields: ['name'] })).json()) as Rec[];
    expect(typeof real[0]?.name).toBe('string');
  });
});

describe('mail.message create, as an integration posts notes in bulk', () => {
  it.each([18, 19] as const)(
    '%i creates a list of notes that read back like message_post ones',
    (version) => {
      const { engine, picking } = pickingOf(version);
      const [xmlid] = kw(
        engine,
        'ir.model.data',
        'search_read',
        [
          [
            ['module', '=', 'mail'],
            ['name', '=', 'mt_note'],
          ],
        ],
        {
          fields: ['model', 'res_id'],
        },
      ) as Rec[];
      expect(xmlid).toMatchObject({ model: 'mail.message.subtype', res_id: 2 });
      const ids = kw(engine, 'mail.message', 'create', [
        [
          {
            model: 'stock.picking',
            res_id: picking,
            body: '<p>one &amp; two</p>',
            message_type: 'comment',
            subtype_id: 2,
          },
          { model: 'stock.picking', res_id: picking, body: 'bare <b>html</b>', subtype_id: 2 },
        ],
      ]) as number[];
      expect(ids).toHaveLength(2);
      const posted = kw(engine, 'stock.picking', 'message_post', [[picking]], {
        body: 'one & two',
        message_type: 'comment',
        subtype_xmlid: 'mail.mt_note',
      });
      const messages = kw(engine, 'mail.message', 'search_read', [[['res_id', '=', picking]]], {
        fields: ['body', 'message_type', 'subtype_id', 'author_id', 'record_name', 'model'],
        order: 'id asc',
      }) as Rec[];
      const [first, second, third] = messages;
      // A created body is HTML (sanitised, bare text in a paragraph), not escaped as a posted str body is.
      expect(second?.body).toBe('<p>bare <b>html</b></p>');
      expect(third?.id).toBe(Array.isArray(posted) ? posted[0] : posted);
      const { id: _a, ...created } = first as Rec;
      const { id: _b, ...viaPost } = third as Rec;
      expect(created).toEqual(viaPost);
    },
  );

  it('refuses a message on a record that does not exist', () => {
    const { engine } = pickingOf(18);
    const fault = faultOf(() =>
      kw(engine, 'mail.message', 'create', [{ model: 'stock.picking', res_id: 999999, body: 'x' }]),
    );
    expect(fault.exception).toBe('odoo.exceptions.AccessError');
  });
});

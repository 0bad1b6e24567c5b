// Serves the fake Odoo 18 on loopback in a process of its own, seeded with `orders` confirmed sale
// orders of two lines each (so each has one outgoing picking). Prints the URL, runs until killed.
import { serveFakeOdoo } from '@crossdock/testing';

const orders = Number(process.argv[2] ?? 300);
const served = await serveFakeOdoo({ version: 18 });
const call = (model: string, method: string, args: unknown[]) =>
  served.engine.execute({ model, method, style: 'positional', args, kwargs: {}, uid: 2 });

const [partner] = call('res.partner', 'create', [
  [{ name: 'Bench Customer', street: '1 Main St', city: 'Springfield', zip: '62701', country_id: 233 }],
]) as number[];
const products = call('product.product', 'create', [
  [
    { name: 'Bench widget', default_code: 'BENCH-1', is_storable: true, type: 'consu' },
    { name: 'Bench gadget', default_code: 'BENCH-2', is_storable: true, type: 'consu' },
  ],
]) as number[];
const ids = call('sale.order', 'create', [
  Array.from({ length: orders }, (_, index) => ({
    partner_id: partner,
    client_order_ref: `BENCH-${index}`,
    order_line: products.map((product_id, line) => [0, 0, { product_id, product_uom_qty: line + 1 }]),
  })),
]) as number[];
call('sale.order', 'action_confirm', [ids]);
const pickings = call('stock.picking', 'search_count', [[['sale_id', 'in', ids]]]) as number;
if (pickings !== orders) throw new Error(`expected ${orders} pickings, the fake made ${pickings}`);
process.stdout.write(`${served.url}\n`);

// An order's life in canonical objects, end to end, with no external services:
// order → fulfillment request → release handshake → partial shipment with lots and a backorder
// → duplicate webhook → backorder shipped → tracking → return, with events validated against the
// JSON Schema files partners receive. Run it with `npm run demo` from the repository root.
import {
  applyShipment,
  type CatalogEvent,
  createEvent,
  createUomCatalog,
  deriveStatus,
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  fromCloudEvent,
  handshakeLifecycle,
  parseCanonical,
  parseEvent,
  ReturnSchema,
  returnLifecycle,
  type SalesOrder,
  SalesOrderSchema,
  ShipmentSchema,
  standardUnits,
  TrackingEventSchema,
  type TrackingStatus,
  toCloudEvent,
  trackingLifecycle,
} from '@crossdock/canonical';
import { backorderShipment, customerReturn, firstShipment, order, trackingScans } from './data.ts';
import { createSchemaValidator } from './json-schema.ts';

const STEPS = 8;
let step = 0;
const say = (title: string) => console.log(`\n[${++step}/${STEPS}] ${title}`);
const detail = (line: string) => console.log(`      ${line}`);

const correlationId = `order-${order.number}`;
const uom = createUomCatalog(standardUnits);
const validateAgainstJsonSchema = createSchemaValidator();
const published: CatalogEvent[] = [];

function publish(event: CatalogEvent) {
  // What a partner would do with the shipped JSON Schema, and what a consumer would do with the wire form.
  validateAgainstJsonSchema(`events/${event.type}.json`, event);
  const wire = JSON.stringify(toCloudEvent(event));
  const received = parseEvent(fromCloudEvent(JSON.parse(wire)));
  published.push(received);
  detail(`event ${received.type} (${received.id.slice(0, 8)}…) valid against its JSON Schema`);
}

function describeLines(request: FulfillmentRequest) {
  for (const line of request.lines) {
    const { ordered, shipped, backordered, cancelled } = line.ledger;
    detail(
      `${line.item.sku.padEnd(10)} ordered ${ordered} ${line.uom}, shipped ${shipped}, backordered ${backordered}, cancelled ${cancelled}`,
    );
  }
  const status = deriveStatus(request);
  detail(
    `progress: ${status.progress}${status.exception ? ` (exception: ${status.causes.join(', ')})` : ''}`,
  );
}

say('Sales order confirmed in Odoo');
const salesOrder: SalesOrder = parseCanonical(SalesOrderSchema, order);
validateAgainstJsonSchema('sales-order.json', order);
detail(
  `${salesOrder.number}: ${salesOrder.lines.length} lines for ${salesOrder.customer.name}, ${salesOrder.serviceLevel}`,
);

say('Fulfillment request for the 3PL warehouse, released and accepted');
let request = parseCanonical(FulfillmentRequestSchema, {
  id: 'WH/OUT/00042',
  orderId: salesOrder.id,
  orderNumber: salesOrder.number,
  warehouse: { id: 'SB-CA-1', name: 'ShipBob Stockton' },
  shipTo: salesOrder.shipTo,
  serviceLevel: salesOrder.serviceLevel,
  createdAt: '2026-11-20T08:13:00Z',
  // The warehouse counts drawers in units; the order sold dozens.
  lines: salesOrder.lines.map((line) => {
    const inUnits = uom.convert({ value: line.quantity, uom: line.uom }, 'EA');
    return {
      lineId: line.lineId,
      orderLineId: line.lineId,
      item: line.item,
      uom: 'EA',
      ledger: { ordered: inUnits.value, allocated: inUnits.value },
    };
  }),
});
for (const next of ['submitted', 'accepted'] as const) {
  request = { ...request, handshake: handshakeLifecycle.assertTransition(request.handshake, next) };
  detail(`handshake → ${request.handshake}`);
}
const refused = handshakeLifecycle.transition(request.handshake, 'submitted');
if (!refused.ok) detail(`a second release is refused: ${refused.error.message}`);
publish(
  createEvent(
    'crossdock.fulfillment.released.v1',
    { request },
    { source: '/crossdock/demo', correlationId, subject: request.id },
  ),
);

say('Partial shipment: a pallet of two cartons, screens from two lots, 3 screens backordered (BP)');
const first = parseCanonical(ShipmentSchema, firstShipment);
request = applyShipment(request, first, { remainder: { '101': 'BP' } });
describeLines(request);
const shipmentEvent = createEvent(
  'crossdock.shipment.confirmed.v1',
  { shipment: first },
  {
    source: '/shipbob/acme',
    correlationId,
    subject: request.id,
    idempotencyKey: `shipbob:webhook:${first.id}`,
  },
);
publish(shipmentEvent);
publish(
  createEvent(
    'crossdock.shipment.short_shipped.v1',
    {
      requestId: request.id,
      shipmentId: first.id,
      lines: [{ lineId: '101', uom: 'EA', ordered: '10', shipped: '7', short: '3', reason: 'BP' }],
    },
    { source: '/crossdock/demo', correlationId, causationId: shipmentEvent.id, subject: request.id },
  ),
);

say('The 3PL sends the same shipment webhook again');
const again = applyShipment(request, first, { remainder: { '101': 'BP' } });
detail(again === request ? 'already counted: ledger unchanged' : 'counted twice!');
if (again !== request) process.exitCode = 1;

say('Backorder shipped');
request = applyShipment(request, parseCanonical(ShipmentSchema, backorderShipment));
describeLines(request);

say('Tracking the first parcel');
let parcel: TrackingStatus = trackingLifecycle.initial;
for (const scan of trackingScans) {
  const event = parseCanonical(TrackingEventSchema, {
    trackingNumber: first.trackingNumbers[0],
    carrier: 'ups',
    ...scan,
  });
  const move =
    parcel === event.status
      ? { ok: true as const, state: parcel }
      : trackingLifecycle.transition(parcel, event.status);
  if (!move.ok) {
    detail(`late scan "${scan.carrierDetail}" refused: ${move.error.message}`);
    continue;
  }
  parcel = move.state;
  detail(`${event.status.padEnd(16)} carrier ${event.carrierCode}: ${event.carrierDetail}`);
  publish(
    createEvent(
      'crossdock.tracking.updated.v1',
      { tracking: event },
      { source: '/easypost/acme', correlationId, subject: event.trackingNumber },
    ),
  );
}

say('Two chairs come back damaged');
const ret = parseCanonical(ReturnSchema, customerReturn);
let returnState = returnLifecycle.initial;
for (const next of ['authorized', 'in_transit', 'received'] as const)
  returnState = returnLifecycle.assertTransition(returnState, next);
const returned = ret.lines.map(
  (line) => `${line.received} ${line.uom} ${line.item.sku} ${line.condition} → ${line.disposition}`,
);
detail(`${ret.rma} ${returnState}: ${returned.join('; ')}`);
publish(
  createEvent(
    'crossdock.return.received.v1',
    { return: ret },
    { source: '/shipbob/acme', correlationId, subject: ret.id },
  ),
);

say('Summary');
detail(
  `correlation id ${correlationId}: ${published.length} events, ${request.appliedShipmentIds.length} shipments counted once each`,
);
detail(`final progress: ${deriveStatus(request).progress}`);

import { describe, expect, it } from 'vitest';
import {
  createEvent,
  EVENT_TYPES,
  eventDowngrades,
  parseCanonical,
  parseEventOf,
  ShipmentSchema,
  type TypedEvent,
  withOlderVersions,
} from '../src/index.js';
import { valid } from './fixtures.js';

const shipment = parseCanonical(ShipmentSchema, valid.shipment.partialShipmentFromTwoLots);
const options = {
  source: '/shipbob/acme',
  correlationId: 'order-S04211',
  idempotencyKey: 'webhook-msg_77',
  subject: shipment.requestId ?? 'fr-4211-1',
  time: '2026-11-25T12:00:00Z',
};

/** A consumer written for v1 before v2 existed: it only knows the v1 payload. */
function v1Consumer(event: TypedEvent<'crossdock.shipment.confirmed.v1'>): string {
  return `${event.data.shipment.id}: ${event.data.shipment.contents.length} content line(s)`;
}

describe('event versions', () => {
  it('publishes a v2 shipment confirmation together with a v1 copy that v1 consumers still accept', () => {
    const v2 = createEvent(
      'crossdock.shipment.confirmed.v2',
      { shipment, remainder: { '1': 'BP' } },
      options,
    );
    const [newest, older, ...none] = withOlderVersions(v2);
    expect(none).toEqual([]);
    expect(newest).toBe(v2);
    expect(older?.type).toBe('crossdock.shipment.confirmed.v1');
    // Over the wire: a v1 consumer parses the JSON as strictly as ever and works unchanged.
    const received = parseEventOf('crossdock.shipment.confirmed.v1', JSON.parse(JSON.stringify(older)));
    expect(v1Consumer(received)).toBe(`${shipment.id}: ${shipment.contents.length} content line(s)`);
  });

  it('keeps the id, correlation id, idempotency key and subject on the older copy, with its own dataschema', () => {
    const v2 = createEvent('crossdock.shipment.confirmed.v2', { shipment, remainder: {} }, options);
    const [, v1] = withOlderVersions(v2);
    expect(v1).toMatchObject({
      id: v2.id,
      correlationId: 'order-S04211',
      idempotencyKey: 'webhook-msg_77',
      subject: shipment.requestId ?? 'fr-4211-1',
      time: '2026-11-25T12:00:00Z',
      dataschema: 'urn:crossdock:canonical:event:crossdock.shipment.confirmed.v1',
    });
    expect(v2.dataschema).toBe('urn:crossdock:canonical:event:crossdock.shipment.confirmed.v2');
  });

  it('answers an event with no older version alone', () => {
    const v1 = createEvent('crossdock.shipment.confirmed.v1', { shipment }, options);
    expect(withOlderVersions(v1)).toEqual([v1]);
  });

  it('downgrades only to types that are in the catalogue and one version older', () => {
    for (const [from, step] of Object.entries(eventDowngrades)) {
      expect(EVENT_TYPES).toContain(from);
      expect(EVENT_TYPES).toContain(step?.to);
      const version = (type: string) => Number(type.slice(type.lastIndexOf('.v') + 2));
      expect(from.slice(0, from.lastIndexOf('.v'))).toBe(step?.to.slice(0, step.to.lastIndexOf('.v')));
      expect(version(from) - version(step?.to ?? '')).toBe(1);
    }
  });

  it('refuses a v2 confirmation whose remainder uses a reason that is not a remainder decision', () => {
    expect(() =>
      createEvent('crossdock.shipment.confirmed.v2', { shipment, remainder: { '1': 'CS' as 'BP' } }, options),
    ).toThrow(/remainder/);
  });
});

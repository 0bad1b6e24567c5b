import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CanonicalParseError,
  type CreateEventOptions,
  createEvent,
  dataSchemaUri,
  EVENT_TYPES,
  type EventData,
  EventTypeNameSchema,
  eventCatalog,
  fromCloudEvent,
  isEventType,
  parseEvent,
  parseEventOf,
  toCloudEvent,
  UnknownEventTypeError,
} from '../src/index.js';
import { thrown } from './thrown.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const options: CreateEventOptions = { source: '/shipbob/acme', correlationId: 'order-S00042' };

const rejected: EventData<'crossdock.fulfillment.release_rejected.v1'> = {
  requestId: 'FR-1',
  handshake: 'rejected',
  reason: 'unknown SKU',
};

const exception: EventData<'crossdock.exception.raised.v1'> = {
  code: 'shipbob.unmapped_sku',
  severity: 'error',
  message: 'SKU-9 has no ShipBob product',
  entity: { type: 'fulfillment_request', id: 'FR-1' },
};

const tracking: EventData<'crossdock.tracking.updated.v1'> = {
  tracking: {
    trackingNumber: '1Z999AA10123456784',
    carrier: 'ups',
    status: 'out_for_delivery',
    carrierCode: 'OT',
    occurredAt: '2026-11-25T08:15:00+01:00',
    location: { city: 'Berlin', countryCode: 'DE' },
    refs: [],
  },
};

/** A JSON copy, as a consumer receives the event. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('creating an event', () => {
  it('fills in the CloudEvents attributes the caller does not give', () => {
    const before = Date.now();
    const event = createEvent('crossdock.fulfillment.release_rejected.v1', rejected, options);
    const after = Date.now();

    expect(event.specversion).toBe('1.0');
    expect(event.id).toMatch(UUID);
    expect(event.type).toBe('crossdock.fulfillment.release_rejected.v1');
    expect(event.datacontenttype).toBe('application/json');
    expect(event.dataschema).toBe(dataSchemaUri('crossdock.fulfillment.release_rejected.v1'));
    expect(event.dataschema).toBe('urn:crossdock:canonical:event:crossdock.fulfillment.release_rejected.v1');
    expect(event.source).toBe('/shipbob/acme');
    expect(event.correlationId).toBe('order-S00042');
    expect(event.data).toEqual(rejected);
    const time = Date.parse(event.time);
    expect(time).toBeGreaterThanOrEqual(before - 1);
    expect(time).toBeLessThanOrEqual(after + 1);
  });

  it('deduplicates on the event id unless the source gives its own idempotency key', () => {
    const plain = createEvent('crossdock.exception.raised.v1', exception, options);
    expect(plain.idempotencyKey).toBe(plain.id);

    const withId = createEvent('crossdock.exception.raised.v1', exception, { ...options, id: 'evt-1' });
    expect(withId.id).toBe('evt-1');
    expect(withId.idempotencyKey).toBe('evt-1');

    const fromWebhook = createEvent('crossdock.exception.raised.v1', exception, {
      ...options,
      idempotencyKey: 'webhook-123',
    });
    expect(fromWebhook.idempotencyKey).toBe('webhook-123');
    expect(fromWebhook.id).not.toBe('webhook-123');
  });

  it('gives each event a new id', () => {
    const ids = new Set(
      Array.from({ length: 20 }, () => createEvent('crossdock.exception.raised.v1', exception, options).id),
    );
    expect(ids.size).toBe(20);
  });

  it('keeps the attributes the caller gives', () => {
    const event = createEvent('crossdock.tracking.updated.v1', tracking, {
      ...options,
      id: 'evt-7',
      time: '2026-11-25T08:16:00Z',
      subject: 'FR-1',
      causationId: 'evt-6',
      sequence: '42',
      sourceUpdatedAt: '2026-11-25T08:15:30Z',
    });
    expect(event).toMatchObject({
      id: 'evt-7',
      time: '2026-11-25T08:16:00Z',
      subject: 'FR-1',
      causationId: 'evt-6',
      sequence: '42',
      sourceUpdatedAt: '2026-11-25T08:15:30Z',
    });
  });

  it('refuses data that does not match its type, pointing into data', () => {
    const error = thrown(() =>
      createEvent(
        'crossdock.fulfillment.release_rejected.v1',
        // Deliberately wrong data, as a caller without types could send.
        { requestId: '', handshake: 'accepted', reason: '' } as unknown as typeof rejected,
        options,
      ),
    );
    expect(error).toBeInstanceOf(CanonicalParseError);
    const { issues, schema } = error as CanonicalParseError;
    expect(schema).toBe('crossdock.fulfillment.release_rejected.v1');
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'data.handshake',
      'data.reason',
      'data.requestId',
    ]);
    for (const issue of issues) expect(issue.path.startsWith('data.')).toBe(true);
  });

  it('refuses a nested data error with its full path', () => {
    const error = thrown(() =>
      createEvent(
        'crossdock.tracking.updated.v1',
        { tracking: { ...tracking.tracking, occurredAt: '2026-11-25 08:15:00' } },
        options,
      ),
    ) as CanonicalParseError;
    expect(error).toBeInstanceOf(CanonicalParseError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.tracking.occurredAt']);
  });

  it('refuses bad envelope attributes from the caller', () => {
    const error = thrown(() =>
      createEvent('crossdock.exception.raised.v1', exception, { ...options, source: '', sequence: '-1' }),
    ) as CanonicalParseError;
    expect(error).toBeInstanceOf(CanonicalParseError);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['sequence', 'source']);
  });
});

describe('parsing an event', () => {
  it('round-trips an event through JSON', () => {
    const event = createEvent('crossdock.tracking.updated.v1', tracking, { ...options, subject: 'FR-1' });
    expect(parseEvent(overTheWire(event))).toEqual(event);
  });

  it('narrows the data by the event type', () => {
    const parsed = parseEvent(overTheWire(createEvent('crossdock.exception.raised.v1', exception, options)));
    expect(parsed.type).toBe('crossdock.exception.raised.v1');
    if (parsed.type !== 'crossdock.exception.raised.v1') return;
    expectTypeOf(parsed.data).toEqualTypeOf<EventData<'crossdock.exception.raised.v1'>>();
    expect(parsed.data.severity).toBe('error');
    expect(parsed.data.entity).toEqual({ type: 'fulfillment_request', id: 'FR-1' });
  });

  it('fills in defaults of the data schema when parsing', () => {
    const event = createEvent('crossdock.tracking.updated.v1', tracking, options);
    const wire = overTheWire(event) as { data: { tracking: Record<string, unknown> } };
    delete wire.data.tracking.refs;
    const parsed = parseEventOf('crossdock.tracking.updated.v1', wire);
    expect(parsed.data.tracking.refs).toEqual([]);
  });

  it('refuses bad data in a received event, pointing into data', () => {
    const wire = overTheWire(createEvent('crossdock.exception.raised.v1', exception, options)) as {
      data: Record<string, unknown>;
    };
    wire.data.severity = 'fatal';
    const error = thrown(() => parseEvent(wire)) as CanonicalParseError;
    expect(error).toBeInstanceOf(CanonicalParseError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.severity']);
  });

  it('refuses an event type that is not in the catalogue, listing the known types', () => {
    const wire = {
      ...(overTheWire(createEvent('crossdock.exception.raised.v1', exception, options)) as object),
      type: 'crossdock.exception.raised.v9',
    };
    const error = thrown(() => parseEvent(wire));
    expect(error).toBeInstanceOf(UnknownEventTypeError);
    expect((error as UnknownEventTypeError).type).toBe('crossdock.exception.raised.v9');
    const { message } = error as UnknownEventTypeError;
    expect(message).toContain('crossdock.exception.raised.v9');
    for (const type of EVENT_TYPES) expect(message).toContain(type);
  });

  it('says what is wrong with a missing or malformed type instead of calling it unknown', () => {
    const wire = overTheWire(createEvent('crossdock.exception.raised.v1', exception, options)) as Record<
      string,
      unknown
    >;
    for (const type of [undefined, 42, 'Crossdock.Shipment.Confirmed', 'crossdock.shipment.confirmed']) {
      const error = thrown(() => parseEvent({ ...wire, type }));
      expect(error, String(type)).toBeInstanceOf(CanonicalParseError);
      expect((error as CanonicalParseError).issues.map((issue) => issue.path)).toContain('type');
    }
    expect(thrown(() => parseEvent(null))).toBeInstanceOf(CanonicalParseError);
    expect(thrown(() => parseEvent('crossdock.exception.raised.v1'))).toBeInstanceOf(CanonicalParseError);
  });

  it('does not mistake inherited object properties for event types', () => {
    const wire = overTheWire(createEvent('crossdock.exception.raised.v1', exception, options)) as object;
    expect(isEventType('toString')).toBe(false);
    expect(isEventType('constructor')).toBe(false);
    expect(thrown(() => parseEvent({ ...wire, type: 'constructor' }))).toBeInstanceOf(CanonicalParseError);
  });

  it('parses an event of the expected type and refuses an event of another type', () => {
    const trackingEvent = overTheWire(createEvent('crossdock.tracking.updated.v1', tracking, options));
    const parsed = parseEventOf('crossdock.tracking.updated.v1', trackingEvent);
    expectTypeOf(parsed.data).toEqualTypeOf<EventData<'crossdock.tracking.updated.v1'>>();
    expect(parsed.data.tracking.status).toBe('out_for_delivery');

    const error = thrown(() => parseEventOf('crossdock.exception.raised.v1', trackingEvent));
    expect(error).toBeInstanceOf(CanonicalParseError);
    expect((error as CanonicalParseError).issues.map((issue) => issue.path)).toContain('type');
  });
});

describe('the CloudEvents structured form', () => {
  const full = () =>
    createEvent('crossdock.tracking.updated.v1', tracking, {
      ...options,
      subject: 'FR-1',
      causationId: 'evt-6',
      idempotencyKey: 'webhook-9',
      sequence: '7',
      sourceUpdatedAt: '2026-11-25T08:15:30Z',
    });

  it('spells the extension attributes in lower case', () => {
    const event = full();
    const cloud = toCloudEvent(event);
    expect(cloud).toMatchObject({
      correlationid: 'order-S00042',
      causationid: 'evt-6',
      idempotencykey: 'webhook-9',
      sourceupdatedat: '2026-11-25T08:15:30Z',
    });
    for (const camel of ['correlationId', 'causationId', 'idempotencyKey', 'sourceUpdatedAt']) {
      expect(cloud).not.toHaveProperty(camel);
    }
    const { correlationId, causationId, idempotencyKey, sourceUpdatedAt, ...unchanged } = event;
    expect(cloud).toMatchObject(unchanged);
  });

  it('uses only attribute names the CloudEvents spec allows', () => {
    for (const name of Object.keys(toCloudEvent(full()))) {
      expect(name).toMatch(/^[a-z0-9]{1,20}$/);
    }
  });

  it('leaves out extensions the event does not have', () => {
    const cloud = toCloudEvent(createEvent('crossdock.exception.raised.v1', exception, options));
    expect(cloud).not.toHaveProperty('causationid');
    expect(cloud).not.toHaveProperty('sourceupdatedat');
  });

  it('does not change the envelope it is given', () => {
    const event = full();
    const copy = structuredClone(event);
    toCloudEvent(event);
    expect(event).toEqual(copy);
  });

  it('reads the structured form back into an envelope that parses', () => {
    const event = full();
    const back = fromCloudEvent(overTheWire(toCloudEvent(event)) as Record<string, unknown>);
    expect(back).toEqual(overTheWire(event));
    expect(parseEvent(back)).toEqual(event);
  });
});

describe('the event catalogue', () => {
  it('names every event type with its version at the end', () => {
    expect(EVENT_TYPES.length).toBeGreaterThan(0);
    for (const type of EVENT_TYPES) {
      expect(type).toMatch(/\.v[1-9]\d*$/);
      expect(EventTypeNameSchema.safeParse(type).success, type).toBe(true);
      expect(isEventType(type)).toBe(true);
    }
  });

  it('lists every catalogue entry once, each with its own data schema URI', () => {
    expect([...EVENT_TYPES].sort()).toEqual(Object.keys(eventCatalog).sort());
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(new Set(EVENT_TYPES.map(dataSchemaUri)).size).toBe(EVENT_TYPES.length);
  });
});

describe('ordering by sequence', () => {
  it('keeps a sequence beyond 2^53 exact, as a string, through JSON', () => {
    const sequence = '9007199254740993'; // 2^53 + 1: a JS number would turn it into ...992
    expect(String(Number(sequence))).not.toBe(sequence);
    const event = createEvent('crossdock.exception.raised.v1', exception, { ...options, sequence });
    expect(event.sequence).toBe(sequence);
    const parsed = parseEvent(overTheWire(event));
    expect(parsed.sequence).toBe(sequence);

    const huge = '1234567890123456789012345678901234567890';
    expect(parseEvent(overTheWire({ ...event, sequence: huge })).sequence).toBe(huge);
  });

  it('refuses a sequence sent as a number, or not a whole number', () => {
    const wire = overTheWire(createEvent('crossdock.exception.raised.v1', exception, options)) as object;
    for (const sequence of [42, '042', '4.2', '-1', '']) {
      const error = thrown(() => parseEvent({ ...wire, sequence }));
      expect(error, String(sequence)).toBeInstanceOf(CanonicalParseError);
      expect((error as CanonicalParseError).issues.map((issue) => issue.path)).toEqual(['sequence']);
    }
  });
});

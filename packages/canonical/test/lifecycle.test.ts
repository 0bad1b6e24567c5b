import { describe, expect, it } from 'vitest';
import {
  defineLifecycle,
  type HandshakeState,
  HandshakeStateSchema,
  handshakeLifecycle,
  IllegalTransitionError,
  isCanonicalError,
  type Lifecycle,
  type ReturnState,
  ReturnStateSchema,
  returnLifecycle,
  type ShipmentState,
  ShipmentStateSchema,
  shipmentLifecycle,
  type TrackingStatus,
  TrackingStatusSchema,
  trackingLifecycle,
} from '../src/index.js';
import { thrown } from './thrown.js';

/*
 * The expected tables are written out by hand from the domain rules, not derived from the
 * implementation, so that a changed transition in the source fails here.
 */

/**
 * Handshake: a request is submitted; the warehouse accepts or rejects it; a rejected request can
 * be corrected and sent again. A request never sent can be withdrawn locally (an accepted
 * cancellation without asking anyone). Once sent, cancelling is a request of its own that the
 * warehouse accepts, or refuses once picking has begun; a refused cancellation may be asked again.
 */
const handshakeTable: Record<HandshakeState, readonly HandshakeState[]> = {
  unsubmitted: ['submitted', 'cancel_accepted'],
  submitted: ['accepted', 'rejected', 'cancel_requested'],
  accepted: ['cancel_requested'],
  rejected: ['submitted', 'cancel_accepted'],
  cancel_requested: ['cancel_accepted', 'cancel_rejected'],
  cancel_rejected: ['cancel_requested'],
  cancel_accepted: [],
};

/**
 * Shipment: created → label_purchased → (manifested) → shipped. A shipment can also ship without
 * a label bought here (the warehouse's own paperwork). A label can be voided and bought again
 * before the parcel ships; a shipment is cancelled only while it holds no live label.
 */
const shipmentTable: Record<ShipmentState, readonly ShipmentState[]> = {
  created: ['label_purchased', 'shipped', 'cancelled'],
  label_purchased: ['label_voided', 'manifested', 'shipped'],
  label_voided: ['label_purchased', 'shipped', 'cancelled'],
  manifested: ['label_voided', 'shipped'],
  shipped: [],
  cancelled: [],
};

/**
 * Tracking: the moving states (in_transit, out_for_delivery, available_for_pickup,
 * delivery_attempted) go back and forth; any live parcel can hit an exception or become unknown;
 * only a parcel not yet handed over can be cancelled; delivered, returned_to_sender and cancelled
 * are final. An exception is already live, so it does not go back to pre_transit; unknown may be
 * anything, so it may resolve to any status.
 */
const trackingTable: Record<TrackingStatus, readonly TrackingStatus[]> = {
  pre_transit: [
    'in_transit',
    'out_for_delivery',
    'available_for_pickup',
    'delivery_attempted',
    'delivered',
    'exception',
    'returned_to_sender',
    'unknown',
    'cancelled',
  ],
  in_transit: [
    'out_for_delivery',
    'available_for_pickup',
    'delivery_attempted',
    'delivered',
    'exception',
    'returned_to_sender',
    'unknown',
  ],
  out_for_delivery: [
    'in_transit',
    'available_for_pickup',
    'delivery_attempted',
    'delivered',
    'exception',
    'returned_to_sender',
    'unknown',
  ],
  available_for_pickup: [
    'in_transit',
    'out_for_delivery',
    'delivery_attempted',
    'delivered',
    'exception',
    'returned_to_sender',
    'unknown',
  ],
  delivery_attempted: [
    'in_transit',
    'out_for_delivery',
    'available_for_pickup',
    'delivered',
    'exception',
    'returned_to_sender',
    'unknown',
  ],
  exception: [
    'pre_transit',
    'in_transit',
    'out_for_delivery',
    'available_for_pickup',
    'delivery_attempted',
    'delivered',
    'returned_to_sender',
    'unknown',
    'cancelled',
  ],
  unknown: [
    'pre_transit',
    'in_transit',
    'out_for_delivery',
    'available_for_pickup',
    'delivery_attempted',
    'delivered',
    'exception',
    'returned_to_sender',
    'cancelled',
  ],
  delivered: [],
  returned_to_sender: [],
  cancelled: [],
};

/**
 * Return: requested → authorized → (in_transit) → received → (inspected) → closed; it can be
 * rejected when requested, and cancelled before it is on its way back.
 */
const returnTable: Record<ReturnState, readonly ReturnState[]> = {
  requested: ['authorized', 'rejected', 'cancelled'],
  authorized: ['in_transit', 'received', 'cancelled'],
  in_transit: ['received'],
  received: ['inspected', 'closed'],
  inspected: ['closed'],
  rejected: [],
  closed: [],
  cancelled: [],
};

function checkLifecycle<S extends string>(spec: {
  lifecycle: Lifecycle<S>;
  name: string;
  states: readonly S[];
  initial: S;
  table: Record<S, readonly S[]>;
}) {
  const { lifecycle, name, states, initial, table } = spec;
  const legal = (from: S, to: S) => table[from].includes(to);
  const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));
  const expectedTerminal = states.filter((state) => table[state].length === 0);

  describe(`the ${name} lifecycle`, () => {
    it('has the states of its schema, its initial state and its final states', () => {
      expect(lifecycle.name).toBe(name);
      expect([...lifecycle.states].sort()).toEqual([...states].sort());
      expect(lifecycle.initial).toBe(initial);
      expect([...lifecycle.terminal].sort()).toEqual([...expectedTerminal].sort());
    });

    it('allows exactly the transitions of the expected table', () => {
      const allowed = pairs
        .filter(([from, to]) => lifecycle.canTransition(from, to))
        .map(([f, t]) => `${f} → ${t}`);
      const expected = pairs.filter(([from, to]) => legal(from, to)).map(([f, t]) => `${f} → ${t}`);
      expect(allowed.sort()).toEqual(expected.sort());
      for (const state of states) {
        expect([...lifecycle.next(state)].sort(), state).toEqual([...table[state]].sort());
      }
    });

    it('makes every legal move, returning the new state', () => {
      for (const [from, to] of pairs.filter(([f, t]) => legal(f, t))) {
        expect(lifecycle.transition(from, to), `${from} → ${to}`).toEqual({ ok: true, state: to });
        expect(lifecycle.assertTransition(from, to), `${from} → ${to}`).toBe(to);
      }
    });

    it('refuses every other move with the reason: same state, final state, or not allowed', () => {
      const refused = pairs.filter(([from, to]) => !legal(from, to));
      for (const [from, to] of refused) {
        const move = `${from} → ${to}`;
        const reason = from === to ? 'same_state' : table[from].length === 0 ? 'terminal' : 'not_allowed';

        const result = lifecycle.transition(from, to);
        expect(result.ok, move).toBe(false);
        if (result.ok) continue;
        const { error } = result;
        expect(error, move).toBeInstanceOf(IllegalTransitionError);
        expect(isCanonicalError(error), move).toBe(true);
        expect(error.reason, move).toBe(reason);
        expect(error.lifecycle, move).toBe(name);
        expect(error.from, move).toBe(from);
        expect(error.to, move).toBe(to);
        expect([...error.allowed].sort(), move).toEqual([...table[from]].sort());
        expect(error.message, move).toContain(name);
        expect(error.message, move).toContain(from);
        if (reason === 'not_allowed') {
          expect(error.message, move).toContain(to);
          for (const next of table[from]) expect(error.message, move).toContain(next);
        }

        const assertError = thrown(() => lifecycle.assertTransition(from, to));
        expect(assertError, move).toBeInstanceOf(IllegalTransitionError);
        expect(assertError, move).toMatchObject({
          reason,
          from,
          to,
          lifecycle: name,
          message: error.message,
        });
      }
    });

    it('refuses a state it does not know, on either side, naming it and listing the states', () => {
      const known = initial;
      for (const [from, to, unknown] of [
        ['no_such_state', known, 'no_such_state'],
        [known, 'no_such_state', 'no_such_state'],
        ['toString', known, 'toString'],
        [known, '__proto__', '__proto__'],
        ['', '', ''],
      ] as const) {
        const result = lifecycle.transition(from, to);
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.reason).toBe('unknown_state');
        expect(result.error.allowed).toEqual([]);
        expect(result.error.message).toContain(name);
        expect(result.error.message).toContain(`"${unknown}"`);
        for (const state of states) expect(result.error.message).toContain(state);
        expect(lifecycle.canTransition(from, to)).toBe(false);
        const assertError = thrown(() => lifecycle.assertTransition(from, to));
        expect(assertError).toBeInstanceOf(IllegalTransitionError);
        expect((assertError as IllegalTransitionError).reason).toBe('unknown_state');
      }
    });
  });
}

checkLifecycle({
  lifecycle: handshakeLifecycle,
  name: 'request handshake',
  states: HandshakeStateSchema.options,
  initial: 'unsubmitted',
  table: handshakeTable,
});

checkLifecycle({
  lifecycle: shipmentLifecycle,
  name: 'shipment',
  states: ShipmentStateSchema.options,
  initial: 'created',
  table: shipmentTable,
});

checkLifecycle({
  lifecycle: trackingLifecycle,
  name: 'tracking',
  states: TrackingStatusSchema.options,
  initial: 'pre_transit',
  table: trackingTable,
});

checkLifecycle({
  lifecycle: returnLifecycle,
  name: 'return',
  states: ReturnStateSchema.options,
  initial: 'requested',
  table: returnTable,
});

describe('a lifecycle of your own', () => {
  type Light = 'red' | 'green' | 'amber' | 'off';
  const light = defineLifecycle<Light>({
    name: 'traffic light',
    initial: 'red',
    transitions: { red: ['green', 'off'], green: ['amber', 'off'], amber: ['red', 'off'], off: [] },
  });

  it('knows its states, where it starts and where it ends', () => {
    expect(light.name).toBe('traffic light');
    expect(light.states).toEqual(['red', 'green', 'amber', 'off']);
    expect(light.initial).toBe('red');
    expect(light.terminal).toEqual(['off']);
    expect(light.next('green')).toEqual(['amber', 'off']);
  });

  it('makes the moves it defines and refuses the rest with reasons', () => {
    expect(light.transition('red', 'green')).toEqual({ ok: true, state: 'green' });
    expect(light.assertTransition('amber', 'red')).toBe('red');
    expect(light.canTransition('green', 'red')).toBe(false);

    const skipped = light.transition('green', 'red');
    expect(skipped.ok).toBe(false);
    if (!skipped.ok) {
      expect(skipped.error.reason).toBe('not_allowed');
      expect(skipped.error.message).toBe(
        'traffic light: green cannot move to red; it can move to amber, off',
      );
    }
    expect(thrown(() => light.assertTransition('off', 'red'))).toMatchObject({
      reason: 'terminal',
      allowed: [],
    });
    expect(thrown(() => light.assertTransition('red', 'red'))).toMatchObject({
      reason: 'same_state',
      allowed: ['green', 'off'],
    });
    expect(thrown(() => light.assertTransition('red', 'blue'))).toMatchObject({ reason: 'unknown_state' });
  });

  it('works without an explicit type argument', () => {
    const door = defineLifecycle({
      name: 'door',
      initial: 'closed',
      transitions: { closed: ['open', 'locked'], open: ['closed'], locked: ['closed'] },
    });
    expect(door.terminal).toEqual([]);
    expect(door.transition('closed', 'open')).toEqual({ ok: true, state: 'open' });
    expect(door.transition('open', 'locked').ok).toBe(false);
    const state: 'closed' | 'open' | 'locked' = door.assertTransition('locked', 'closed');
    expect(state).toBe('closed');
  });
});

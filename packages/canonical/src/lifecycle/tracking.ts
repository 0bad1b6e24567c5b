import { z } from 'zod';
import { defineLifecycle } from './machine.js';

/**
 * The canonical tracking taxonomy. Every carrier status maps to one of these; the carrier's raw
 * code and text stay on the tracking event.
 */
export const TrackingStatusSchema = z.enum([
  'pre_transit',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivery_attempted',
  'delivered',
  'exception',
  'returned_to_sender',
  'cancelled',
  'unknown',
]);
export type TrackingStatus = z.infer<typeof TrackingStatusSchema>;

const moving = ['in_transit', 'out_for_delivery', 'available_for_pickup', 'delivery_attempted'] as const;
const anyEnd = ['delivered', 'exception', 'returned_to_sender', 'unknown'] as const;
const without = <T extends string>(list: readonly T[], state: T): T[] =>
  list.filter((entry) => entry !== state);

/**
 * Legal moves between tracking statuses. Carriers go back and forth between the moving states
 * (a failed attempt goes out for delivery again), any live parcel can hit an exception or become
 * unknown, a parcel not yet moving can be cancelled, and delivered, returned and
 * cancelled are final.
 */
export const trackingLifecycle = defineLifecycle<TrackingStatus>({
  name: 'tracking',
  initial: 'pre_transit',
  transitions: {
    pre_transit: [...moving, ...anyEnd, 'cancelled'],
    in_transit: [...without(moving, 'in_transit'), ...anyEnd],
    out_for_delivery: [...without(moving, 'out_for_delivery'), ...anyEnd],
    available_for_pickup: [...without(moving, 'available_for_pickup'), ...anyEnd],
    delivery_attempted: [...without(moving, 'delivery_attempted'), ...anyEnd],
    // An exception before pickup (a bad address at label time) can go back to pre_transit or be cancelled.
    exception: ['pre_transit', ...moving, 'delivered', 'returned_to_sender', 'unknown', 'cancelled'],
    unknown: ['pre_transit', ...moving, 'delivered', 'exception', 'returned_to_sender', 'cancelled'],
    delivered: [],
    returned_to_sender: [],
    cancelled: [],
  },
});

import type { DayOrder, Progress } from './facts.ts';
import { type DemoWorld, deliver } from './world.ts';

const TO_DELIVERED = [
  'in_transit',
  'out_for_delivery',
  { status: 'delivered', detail: 'arrived_at_destination' },
];

/** The carrier scans a parcel to delivered; EasyPost's webhooks arrive in order. */
export async function trackToDelivered(
  world: DemoWorld,
  order: DayOrder,
  trackingNumber: string,
  progress: Progress,
): Promise<void> {
  const sent = await deliver(
    world,
    'easypost',
    world.systems.easypost.control.advanceThrough(trackingNumber, TO_DELIVERED),
  );
  progress(`tracking to delivery: ${trackingNumber} of ${order.name}: ${sent} scans, in transit → delivered`);
}

/**
 * Another parcel's scans arrive out of order (delivered first): the late `in_transit` and
 * `out_for_delivery` are older than what the service has seen and are dropped as stale.
 */
export async function trackOutOfOrder(
  world: DemoWorld,
  order: DayOrder,
  trackingNumber: string,
  progress: Progress,
): Promise<void> {
  const sent = await deliver(
    world,
    'easypost',
    world.systems.easypost.control.advanceThrough(trackingNumber, TO_DELIVERED),
    { order: 'reversed' },
  );
  progress(
    `out-of-order webhooks: ${trackingNumber} of ${order.name}: ${sent} scans delivered newest first; the older ones are dropped as stale`,
  );
}

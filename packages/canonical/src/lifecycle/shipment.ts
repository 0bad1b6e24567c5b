import { z } from 'zod';
import { defineLifecycle } from './machine.js';

/**
 * A shipment and its label, from the first rate request to the dock:
 * `created` → `label_purchased` → (`manifested`) → `shipped`; a label can be voided and bought again
 * before it ships. What happens on the road is the tracking lifecycle's business.
 */
export const ShipmentStateSchema = z.enum([
  'created',
  'label_purchased',
  'label_voided',
  'manifested',
  'shipped',
  'cancelled',
]);
export type ShipmentState = z.infer<typeof ShipmentStateSchema>;

export const shipmentLifecycle = defineLifecycle<ShipmentState>({
  name: 'shipment',
  initial: 'created',
  transitions: {
    created: ['label_purchased', 'shipped', 'cancelled'],
    label_purchased: ['label_voided', 'manifested', 'shipped'],
    // After a void the goods may still leave on the warehouse's own paperwork (LTL, own fleet).
    label_voided: ['label_purchased', 'shipped', 'cancelled'],
    // Most carriers accept a void until pickup, after the end-of-day manifest too.
    manifested: ['label_voided', 'shipped'],
    shipped: [],
    cancelled: [],
  },
});

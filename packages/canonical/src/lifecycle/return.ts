import { z } from 'zod';
import { defineLifecycle } from './machine.js';

/**
 * A return from authorisation to close: `requested` → `authorized` → (`in_transit`) → `received`
 * → (`inspected`) → `closed`; it can be rejected or cancelled until the goods are on their way back.
 */
export const ReturnStateSchema = z.enum([
  'requested',
  'authorized',
  'rejected',
  'in_transit',
  'received',
  'inspected',
  'closed',
  'cancelled',
]);
export type ReturnState = z.infer<typeof ReturnStateSchema>;

export const returnLifecycle = defineLifecycle<ReturnState>({
  name: 'return',
  initial: 'requested',
  transitions: {
    requested: ['authorized', 'rejected', 'cancelled'],
    authorized: ['in_transit', 'received', 'cancelled'],
    in_transit: ['received'],
    received: ['inspected', 'closed'],
    inspected: ['closed'],
    rejected: [],
    closed: [],
    cancelled: [],
  },
});

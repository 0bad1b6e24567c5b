import { z } from 'zod';
import { defineLifecycle } from './machine.js';

/**
 * The request/acknowledgement exchange with a warehouse, separate from what was shipped:
 * a request is submitted, the warehouse accepts or rejects it (X12 940 → 997/855-style answers);
 * a cancellation is a request of its own that the warehouse may refuse once picking has begun.
 */
export const HandshakeStateSchema = z.enum([
  'unsubmitted',
  'submitted',
  'accepted',
  'rejected',
  'cancel_requested',
  'cancel_accepted',
  'cancel_rejected',
]);
export type HandshakeState = z.infer<typeof HandshakeStateSchema>;

export const handshakeLifecycle = defineLifecycle<HandshakeState>({
  name: 'request handshake',
  initial: 'unsubmitted',
  transitions: {
    // A request never sent can be withdrawn locally: that is an accepted cancellation.
    unsubmitted: ['submitted', 'cancel_accepted'],
    submitted: ['accepted', 'rejected', 'cancel_requested'],
    accepted: ['cancel_requested'],
    // A rejected request may be corrected and sent again, or withdrawn for good.
    rejected: ['submitted', 'cancel_accepted'],
    cancel_requested: ['cancel_accepted', 'cancel_rejected'],
    // The warehouse refused to cancel (already picked); the cancellation may be asked again.
    cancel_rejected: ['cancel_requested'],
    cancel_accepted: [],
  },
});

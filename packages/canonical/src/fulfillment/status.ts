import { z } from 'zod';
import { deriveProgress, type Progress } from './progress.js';
import type { FulfillmentRequest } from './request.js';

/** Why a request needs a person's attention, on top of its progress. */
export const ExceptionCauseSchema = z.enum([
  'rejected',
  'cancel_rejected',
  'on_hold',
  'short_shipped',
  'over_shipped',
]);
export type ExceptionCause = z.infer<typeof ExceptionCauseSchema>;

export interface FulfillmentStatus {
  readonly progress: Progress;
  /** True when any cause below applies: the `exception` overlay. */
  readonly exception: boolean;
  readonly causes: readonly ExceptionCause[];
}

const FINISHED: readonly Progress[] = ['shipped', 'closed_short', 'cancelled'];

/**
 * Progress from the ledger, plus the exception overlay: a rejected request or cancellation,
 * holds on unfinished work, a short close, an over-shipment.
 *
 * @example
 * const { progress, exception, causes } = deriveStatus(request);
 */
export function deriveStatus(
  request: Pick<FulfillmentRequest, 'handshake' | 'holds' | 'lines'>,
): FulfillmentStatus {
  const progress = deriveProgress(request.lines.map((line) => line.ledger));
  const causes: ExceptionCause[] = [];
  if (request.handshake === 'rejected') causes.push('rejected');
  // A refused cancellation matters while goods may still go out; once finished it is history.
  if (request.handshake === 'cancel_rejected' && !FINISHED.includes(progress)) causes.push('cancel_rejected');
  if (request.holds.length > 0 && !FINISHED.includes(progress)) causes.push('on_hold');
  if (progress === 'closed_short') causes.push('short_shipped');
  if (request.lines.some((line) => line.differences.some((difference) => difference.reason === 'CM'))) {
    causes.push('over_shipped');
  }
  return { progress, exception: causes.length > 0, causes };
}

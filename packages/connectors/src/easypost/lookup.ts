import type { Clock } from '@crossdock/idempotency';
import { type ConnectorError, isConnectorError } from '../contract/errors.js';
import { easypostError, validate } from './errors.js';
import type { EasyPostHttp } from './http.js';
import { type EpShipment, EpShipmentListSchema } from './schemas.js';

const OPERATION = 'labels.buy';

/** How long a buy whose create went unanswered looks for the shipment before refusing. */
export interface LookupPolicy {
  /** Listings made. Default 4. */
  readonly attempts: number;
  /** Wait before the second listing; doubles after each. Default 1_000 (waits 1 s, 2 s, 4 s). */
  readonly delayMs: number;
}

export const DEFAULT_LOOKUP: LookupPolicy = { attempts: 4, delayMs: 1_000 };

/** Whether a shipment has its label. */
export const bought = (s: EpShipment): boolean => s.postage_label != null;

/** The shipment to go on with among those of one reference: a bought one first, else the newest. */
export const choose = (shipments: readonly EpShipment[]): EpShipment | undefined =>
  shipments.find(bought) ?? shipments[0];

interface Call {
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

/**
 * The shipments whose `reference` is `reference`, newest first, from one listing. EasyPost's
 * "retrieve all" documents no filter by reference, so the match is made here over the newest 100
 * (the `reference` parameter is sent too, in case it narrows the listing).
 *
 * @example
 * const mine = await shipmentsByReference(http, 'label:42', { correlationId });
 */
export async function shipmentsByReference(
  http: EasyPostHttp,
  reference: string,
  call: Call,
): Promise<EpShipment[]> {
  const listed = validate(
    EpShipmentListSchema,
    await http.request('GET', '/shipments', {
      operation: OPERATION,
      correlationId: call.correlationId,
      ...(call.signal === undefined ? {} : { signal: call.signal }),
      query: { reference, page_size: '100' },
      index: true,
    }),
    OPERATION,
    'shipments',
    call.correlationId,
    'no',
  );
  return listed.shipments.filter((s) => s.reference === reference);
}

/**
 * After a create whose outcome is unknown: looks for the shipment in the listing, which may lag,
 * `policy.attempts` times with doubling waits. Never creates. Not found, it throws the
 * `LABEL_OUTCOME_UNKNOWN` error (its cause: the last failed listing, else `why`): a shipment may exist that the listing does not show yet, so
 * buying under another key could buy a second label; retrying under the same key only looks again.
 *
 * @example
 * const shipment = await findAfterUnknownCreate(http, clock, 'label:42', DEFAULT_LOOKUP, { correlationId });
 */
export async function findAfterUnknownCreate(
  http: EasyPostHttp,
  clock: Clock,
  reference: string,
  policy: LookupPolicy,
  call: Call,
  /** Why the outcome is unknown (the create's failure), kept as the refusal's cause. */
  why?: unknown,
): Promise<EpShipment> {
  let last: unknown = why;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    if (attempt > 0) {
      try {
        await clock.sleep(policy.delayMs * 2 ** (attempt - 1), call.signal);
      } catch (error) {
        throw outcomeUnknown(reference, `stopped after ${attempt} looks`, call.correlationId, error);
      }
    }
    try {
      const found = choose(await shipmentsByReference(http, reference, call));
      if (found !== undefined) return found;
    } catch (error) {
      // A listing that failed is one more look that found nothing; a stopped call stops here.
      if (call.signal?.aborted === true || !isConnectorError(error)) throw error;
      last = error;
    }
  }
  throw outcomeUnknown(
    reference,
    `the listing shows no shipment with that reference after ${policy.attempts} looks`,
    call.correlationId,
    last,
  );
}

/**
 * The refusal of a buy whose shipment create has an unknown outcome and cannot be found yet.
 *
 * @example
 * throw outcomeUnknown('label:42', 'the listing shows no shipment', correlationId);
 */
export function outcomeUnknown(
  reference: string,
  why: string,
  correlationId: string,
  cause?: unknown,
): ConnectorError {
  return easypostError({
    operation: OPERATION,
    message:
      `the shipment create for idempotency key "${reference}" got no answer or an error, and ${why}: ` +
      'a shipment may exist. Retry with the same key (it looks again and never creates a second ' +
      'shipment); do not buy under another key before checking EasyPost for that reference',
    vendorCode: 'LABEL_OUTCOME_UNKNOWN',
    retryable: true,
    retryAfterMs: 60_000,
    executed: 'unknown',
    correlationId,
    ...(cause === undefined ? {} : { cause }),
  });
}

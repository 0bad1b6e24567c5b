import type { IdempotencyStore } from '@crossdock/idempotency';
import { easypostError } from './errors.js';

/** What an earlier attempt under the same idempotency key left behind. */
export interface LabelJournal {
  /** The shipment recorded for the key: the only one that may ever be bought for it. */
  shipment(): Promise<string | undefined>;
  /** Records the shipment to buy; recording is once per key (a second id is refused). */
  recordShipment(id: string): Promise<void>;
  /** When a create was sent whose outcome never came back (5xx, timeout), if one was. */
  unknownCreate(): Promise<{ readonly sentAt: number } | undefined>;
  recordUnknownCreate(sentAt: number): Promise<void>;
}

const FINGERPRINT = 'easypost-label-journal';
const LEASE_MS = 10_000;

type Read = { readonly found: true; readonly value: unknown } | { readonly found: false };

/**
 * The progress of one label purchase, kept in the connector's idempotency store next to the
 * purchase's own claim, so an instance that shares the store sees what another did. Each fact is
 * its own key, written once (`claim` + `complete`) and kept as long as the purchase's claim. The
 * store has no plain read: a read claims the fact's key and, finding it free, releases it at once.
 * Store failures become `ConnectorError`s (`LABEL_JOURNAL_UNAVAILABLE`): without the journal the
 * connector neither creates nor buys.
 *
 * @example
 * const journal = labelJournal(store, 'easypost:label-journal:label:42', 86_400_000, correlationId);
 * await journal.recordShipment('shp_123');
 */
export function labelJournal(
  store: IdempotencyStore,
  key: string,
  ttlMs: number,
  correlationId: string,
): LabelJournal {
  const unavailable = (cause: unknown, message: string, vendorCode = 'LABEL_JOURNAL_UNAVAILABLE') =>
    easypostError({
      operation: 'labels.buy',
      message: `label journal: ${message}`,
      vendorCode,
      retryable: true,
      executed: 'no',
      correlationId,
      cause,
    });
  const options = { fingerprint: FINGERPRINT, leaseMs: LEASE_MS, ttlMs };

  async function read(fact: string): Promise<Read> {
    const factKey = `${key}:${fact}`;
    try {
      const claim = await store.claim(factKey, options);
      if (claim.status === 'completed') return { found: true, value: JSON.parse(claim.result) };
      if (claim.status === 'acquired') {
        await store.fail(factKey, claim.token, { retryable: true });
        return { found: false };
      }
    } catch (error) {
      throw unavailable(error, `reading ${fact} failed`);
    }
    // in_progress: a writer stopped between its claim and its write; its lease ends soon.
    throw unavailable(undefined, `${fact} is being written; retry in ${LEASE_MS / 1000} s`);
  }

  async function write(fact: string, value: unknown): Promise<unknown> {
    const factKey = `${key}:${fact}`;
    try {
      const claim = await store.claim(factKey, options);
      if (claim.status === 'completed') return JSON.parse(claim.result);
      if (claim.status === 'acquired') {
        await store.complete(factKey, claim.token, JSON.stringify(value));
        return value;
      }
    } catch (error) {
      throw unavailable(error, `recording ${fact} failed`);
    }
    throw unavailable(undefined, `${fact} is being written; retry in ${LEASE_MS / 1000} s`);
  }

  return {
    async shipment() {
      const fact = await read('shipment');
      return fact.found ? String((fact.value as { id: unknown }).id) : undefined;
    },
    async recordShipment(id) {
      const kept = (await write('shipment', { id })) as { id: unknown };
      if (kept.id !== id) {
        // Two attempts overlapped (a lease ran out): the first recorded shipment wins; a retry buys it.
        throw unavailable(
          undefined,
          `shipment ${String(kept.id)} is already recorded for this key, not ${id}`,
          'LABEL_SHIPMENT_CONFLICT',
        );
      }
    },
    async unknownCreate() {
      const fact = await read('unknown-create');
      return fact.found ? { sentAt: Number((fact.value as { sentAt: unknown }).sentAt) } : undefined;
    },
    async recordUnknownCreate(sentAt) {
      await write('unknown-create', { sentAt });
    },
  };
}

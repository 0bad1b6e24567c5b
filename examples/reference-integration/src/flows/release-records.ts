import type { ExternalRef, HandshakeState } from '@crossdock/canonical';
import type { CursorStore } from '@crossdock/idempotency';

/** Where a request was released, and whether its cancellation went through. */
export interface ReleaseRecord {
  readonly target: string;
  readonly ref: ExternalRef;
  readonly handshake: HandshakeState;
  /** Whether the release is noted on the Odoo picking (the note follows with the page's batch). */
  readonly noted: boolean;
}

/**
 * What the release flow keeps between passes, in the cursor store so every instance sees it: the
 * warehouse's reference of each released request, which a cancellation needs.
 *
 * @example await releaseRecords(cursors).get('stock.picking:21'); // { target: 'shipbob', ref, handshake: 'accepted' }
 */
export function releaseRecords(cursors: CursorStore) {
  const name = (requestId: string) => `release.ref:${requestId}`;
  return {
    async get(requestId: string): Promise<ReleaseRecord | undefined> {
      const stored = await cursors.get(name(requestId));
      return stored === undefined ? undefined : (JSON.parse(stored.value) as ReleaseRecord);
    },
    async set(requestId: string, record: ReleaseRecord): Promise<void> {
      await cursors.set(name(requestId), JSON.stringify(record));
    },
  };
}

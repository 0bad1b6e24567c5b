import type { CursorStore } from '@crossdock/idempotency';

const PREFIX = 'correlation:';

/**
 * One correlation id per order, from the first Odoo read to the last write: `order:S00042`. Later
 * messages (a 3PL shipment naming only its request, a tracker) find it through this index, kept in
 * the cursor store so every instance sees it.
 */
export interface CorrelationIndex {
  /** Remembers the correlation id of a request (`stock.picking:21`). */
  remember(requestId: string, correlationId: string): Promise<void>;
  /** The correlation id of a request, or `fallback` when the request was never seen. */
  of(requestId: string, fallback: string): Promise<string>;
}

export function orderCorrelationId(request: {
  readonly id: string;
  readonly orderNumber?: string | undefined;
}): string {
  return `order:${request.orderNumber ?? request.id}`;
}

export function createCorrelationIndex(cursors: CursorStore): CorrelationIndex {
  return {
    async remember(requestId, correlationId) {
      const current = await cursors.get(`${PREFIX}${requestId}`);
      if (current?.value !== correlationId) await cursors.set(`${PREFIX}${requestId}`, correlationId);
    },
    async of(requestId, fallback) {
      return (await cursors.get(`${PREFIX}${requestId}`))?.value ?? fallback;
    },
  };
}

import type { CursorStore } from '@crossdock/idempotency';

/**
 * Cross-system links a later message needs and only an earlier one knew: which Odoo picking a
 * 3PL shipment was applied to (a return names only the shipment), which picking a tracking number
 * belongs to. Kept in the cursor store (name `link:<kind>:<from>`), so every instance sees them.
 *
 * @example
 * await links.remember('shipbob.shipment', '88123', 'stock.picking:21');
 * await links.get('shipbob.shipment', '88123'); // 'stock.picking:21'
 */
export interface LinkIndex {
  remember(kind: string, from: string, to: string): Promise<void>;
  get(kind: string, from: string): Promise<string | undefined>;
}

export const LINK_PREFIX = 'link:';

export function createLinkIndex(cursors: CursorStore): LinkIndex {
  const name = (kind: string, from: string) => `${LINK_PREFIX}${kind}:${from}`;
  return {
    async remember(kind, from, to) {
      const current = await cursors.get(name(kind, from));
      if (current?.value !== to) await cursors.set(name(kind, from), to);
    },
    async get(kind, from) {
      return (await cursors.get(name(kind, from)))?.value;
    },
  };
}

import type { OdooClient } from '@crossdock/odoo-client';

/** What every part of the Odoo connector shares. */
export interface OdooContext {
  readonly client: Pick<OdooClient, 'model'>;
  /** The server's major version (17, 18, 19), asked once. */
  readonly major: () => Promise<number>;
  /** The `stock.warehouse` id demand and stock are read for, when limited to one. */
  readonly warehouseId?: number;
}

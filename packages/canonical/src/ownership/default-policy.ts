import { defineOwnershipPolicy } from './policy.js';

/**
 * The usual split for a distributor: the ERP (Odoo) owns orders, prices and customers; the warehouse
 * owns what was picked (quantities, lots, serials, packages, the tracking number it printed) and its
 * own reference and answer to a release,, on-hand
 * stock and what a return contained; the carrier owns tracking; a channel may create orders and
 * customers, which the ERP owns from then on. Copy and change it to match who is right in your
 * business.
 *
 * @example
 * const policy = defineOwnershipPolicy({ ...defaultOwnershipPolicy, roles: { odoo: 'erp', acme_wms: 'warehouse' } });
 */
export const defaultOwnershipPolicy = defineOwnershipPolicy({
  roles: { odoo: 'erp', shipbob: 'warehouse', easypost: 'carrier', shopify: 'channel' },
  records: {
    sales_order: { owner: 'erp', createdBy: ['channel'] },
    customer: { owner: 'erp', createdBy: ['channel'] },
    fulfillment: {
      owner: 'erp',
      fields: {
        shipped: 'warehouse',
        lots: 'warehouse',
        serials: 'warehouse',
        packages: 'warehouse',
        trackingNumber: 'warehouse',
        remainder: 'warehouse',
        externalRef: 'warehouse',
        handshake: 'warehouse',
      },
    },
    inventory: { owner: 'warehouse' },
    tracking: { owner: 'carrier' },
    return: { owner: 'warehouse' },
  },
});

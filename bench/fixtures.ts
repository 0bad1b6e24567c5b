// Fulfillment requests of a given size, shaped like a real release: lot-tracked lines with
// partial ledgers, differences and references.
export function fulfillmentRequestDocument(lineCount: number): Record<string, unknown> {
  return {
    id: `WH/OUT/${String(lineCount).padStart(5, '0')}`,
    orderId: 'sale.order:42',
    orderNumber: 'S00042',
    warehouse: { id: 'SB-CA-1', name: 'ShipBob Stockton', refs: [{ system: 'shipbob', id: '177' }] },
    handshake: 'accepted',
    holds: [],
    shipTo: {
      name: 'Deco Addict',
      address: {
        lines: ['77 Santa Barbara Rd'],
        city: 'Pleasant Hill',
        region: 'CA',
        postalCode: '94523',
        countryCode: 'US',
      },
    },
    serviceLevel: 'two_day',
    createdAt: '2026-11-20T08:13:00Z',
    lines: Array.from({ length: lineCount }, (_, index) => ({
      lineId: `L${index + 1}`,
      orderLineId: `${100 + index}`,
      item: {
        sku: `SKU-${index + 1}`,
        name: `Item ${index + 1}`,
        refs: [{ system: 'odoo', id: `product.product:${index + 1}` }],
      },
      uom: 'EA',
      ledger: {
        ordered: '10',
        allocated: '0',
        shipped: '7',
        cancelled: '0',
        backordered: '3',
        returned: '1',
      },
      differences: [{ reason: 'BP', quantity: '3', recordedAt: '2026-11-21T16:40:00-05:00' }],
      refs: [{ system: 'odoo', id: `stock.move:${1000 + index}` }],
    })),
    refs: [{ system: 'odoo', account: 'acme-prod', id: 'stock.picking:42' }],
  };
}

/**
 * Job priorities (higher runs first). Cancellations and shipment confirmations go before releases,
 * and releases before inventory work, so a burst of stock updates never delays a shipment.
 */
export const PRIORITY = {
  cancel: 100,
  shipment: 90,
  return: 80,
  tracking: 70,
  release: 50,
  channelOrder: 50,
  channelFulfillment: 40,
  inventoryDelta: 20,
  snapshot: 10,
} as const;

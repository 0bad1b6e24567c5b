import type { StepHandler } from '../runtime/runtime.ts';
import { orderCancelStep, releaseCancelStep } from './cancel.ts';
import { channelFulfillmentStep } from './channel-fulfillments.ts';
import { channelOrderStep } from './channel-orders.ts';
import { inventoryApplyStep } from './inventory-apply.ts';
import { inventoryAdjustStep } from './reconcile-apply.ts';
import { releaseStep } from './release.ts';
import { returnStep } from './returns.ts';
import { shipmentConfirmStep, shipmentShortStep } from './shipment.ts';
import { trackingStartStep, trackingUpdateStep } from './tracking.ts';

/** Every queued step by kind; a kind nobody handles is dead-lettered at once. */
export const STEPS: Readonly<Record<string, StepHandler>> = {
  'channel.fulfillment': channelFulfillmentStep,
  'channel.order': channelOrderStep,
  'inventory.adjust': inventoryAdjustStep,
  'inventory.apply': inventoryApplyStep,
  'order.cancel': orderCancelStep,
  release: releaseStep,
  'release.cancel': releaseCancelStep,
  'return.receive': returnStep,
  'shipment.confirm': shipmentConfirmStep,
  'shipment.short': shipmentShortStep,
  'tracking.start': trackingStartStep,
  'tracking.update': trackingUpdateStep,
};

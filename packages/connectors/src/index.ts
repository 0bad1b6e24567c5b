export type {
  Connector,
  FulfillmentCapability,
  InboundWebhook,
  InventoryCapability,
  InventoryReadCapability,
  OrdersCapability,
  Page,
  ReleaseResult,
  ReturnsCapability,
  ShipmentsCapability,
  TrackingCapability,
  WebhooksCapability,
} from './contract/capabilities.js';
export {
  ConnectorError,
  type ConnectorErrorInit,
  type Executed,
  isConnectorError,
} from './contract/errors.js';
export type { OperationOptions } from './contract/operation.js';

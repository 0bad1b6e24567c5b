/**
 * `@crossdock/connectors/easypost`: the EasyPost carrier connector.
 *
 * @example
 * import { createEasyPostConnector } from '@crossdock/connectors/easypost';
 * const easypost = createEasyPostConnector({ apiKey, webhookSecret });
 *
 * @module
 */
export { createEasyPostConnector } from './connector.js';
export { pickRate } from './labels.js';
export { EASYPOST_INDEX_REQUESTS_PER_SECOND, easypostIndexLimiter } from './rate-limit.js';
export { canonicalTrackingStatus, EASYPOST_TRACKER_STATUSES, type EasyPostTrackerStatus } from './status.js';
export type {
  EasyPostConnector,
  EasyPostConnectorOptions,
  Label,
  LabelAddress,
  LabelParcel,
  LabelRequest,
  LabelsCapability,
} from './types.js';

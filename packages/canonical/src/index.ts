export {
  CanonicalError,
  CanonicalParseError,
  DecimalError,
  IllegalTransitionError,
  type IllegalTransitionReason,
  isCanonicalError,
  ShipmentMismatchError,
  UnknownEventTypeError,
  UomConversionError,
} from './errors.js';
export {
  type CatalogEvent,
  type CreateEventOptions,
  createEvent,
  envelopeSchemaFor,
  parseEvent,
  parseEventOf,
  type TypedEvent,
} from './events/build.js';
export {
  dataSchemaUri,
  EVENT_TYPES,
  type EventCatalog,
  type EventData,
  type EventType,
  eventCatalog,
  isEventType,
} from './events/catalog.js';
export {
  type EnvelopeAttributes,
  EnvelopeAttributesSchema,
  type EventEnvelope,
  EventEnvelopeSchema,
  EventTypeNameSchema,
  fromCloudEvent,
  toCloudEvent,
} from './events/envelope.js';
export { eventDowngrades, withOlderVersions } from './events/versions.js';
export {
  type ApplyShipmentOptions,
  applyShipment,
  type RemainderReason,
} from './fulfillment/apply-shipment.js';
export {
  type LedgerViolation,
  ledgerViolations,
  openQuantity,
  type QuantityLedger,
  QuantityLedgerSchema,
} from './fulfillment/ledger.js';
export {
  deriveProgress,
  type LedgerFacts,
  ledgerFacts,
  matchingProgress,
  type Progress,
  ProgressSchema,
  progressRules,
} from './fulfillment/progress.js';
export {
  CANCEL_REASONS,
  type DifferenceReason,
  DifferenceReasonSchema,
  type LineDifference,
  LineDifferenceSchema,
  SUBSTITUTION_REASONS,
} from './fulfillment/reasons.js';
export {
  type FulfillmentLine,
  FulfillmentLineSchema,
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  type Hold,
  HoldSchema,
  type WarehouseRef,
  WarehouseRefSchema,
} from './fulfillment/request.js';
export {
  deriveStatus,
  type ExceptionCause,
  ExceptionCauseSchema,
  type FulfillmentStatus,
} from './fulfillment/status.js';
export {
  type AdjustmentReason,
  AdjustmentReasonSchema,
  type InventoryAdjustment,
  InventoryAdjustmentSchema,
  type InventoryLevel,
  InventoryLevelSchema,
  type LocationRef,
  LocationRefSchema,
} from './inventory.js';
export {
  formatIssues,
  formatPath,
  type ParseIssue,
  parseCanonical,
  type SafeParseResult,
  safeParseCanonical,
} from './issues.js';
export {
  type CustomsInfo,
  CustomsInfoSchema,
  GtinSchema,
  type Item,
  type ItemRef,
  ItemRefSchema,
  ItemSchema,
  SkuSchema,
  type TrackingMode,
  TrackingModeSchema,
} from './item.js';
export { jsonSchemas, topLevelSchemas } from './json-schema.js';
export { type HandshakeState, HandshakeStateSchema, handshakeLifecycle } from './lifecycle/handshake.js';
export {
  defineLifecycle,
  type Lifecycle,
  type LifecycleDefinition,
  type TransitionResult,
} from './lifecycle/machine.js';
export { type ReturnState, ReturnStateSchema, returnLifecycle } from './lifecycle/return.js';
export { type ShipmentState, ShipmentStateSchema, shipmentLifecycle } from './lifecycle/shipment.js';
export { type TrackingStatus, TrackingStatusSchema, trackingLifecycle } from './lifecycle/tracking.js';
export * from './ownership/index.js';
export { ISO_4217_CODES } from './primitives/currencies.js';
export {
  DecimalSchema,
  decimal,
  NonNegativeDecimalSchema,
  PositiveDecimalSchema,
  type RoundingMethod,
} from './primitives/decimal.js';
export { hasValidGs1CheckDigit } from './primitives/gs1.js';
export { type Dimensions, DimensionsSchema, type Weight, WeightSchema } from './primitives/measures.js';
export { type CurrencyCode, CurrencyCodeSchema, type Money, MoneySchema, money } from './primitives/money.js';
export {
  type Address,
  AddressSchema,
  CountryCodeSchema,
  type Party,
  PartySchema,
} from './primitives/party.js';
export {
  NonNegativeQuantitySchema,
  type Quantity,
  QuantitySchema,
  quantity,
  type UomCode,
  UomCodeSchema,
} from './primitives/quantity.js';
export { type ExternalRef, ExternalRefSchema, ExternalRefsSchema, findRef } from './primitives/references.js';
export {
  type CalendarDate,
  CalendarDateSchema,
  type Timestamp,
  TimestampSchema,
} from './primitives/timestamp.js';
export {
  type ConvertOptions,
  createUomCatalog,
  standardUnits,
  type UnitOfMeasure,
  UnitOfMeasureSchema,
  type UomCatalog,
} from './primitives/uom.js';
export {
  type Return,
  ReturnConditionSchema,
  ReturnDispositionSchema,
  type ReturnLine,
  ReturnLineSchema,
  ReturnSchema,
} from './return.js';
export {
  type SalesOrder,
  type SalesOrderLine,
  SalesOrderLineSchema,
  SalesOrderSchema,
  SalesOrderStatusSchema,
} from './sales-order.js';
export {
  type CarrierService,
  CarrierServiceSchema,
  type ServiceLevel,
  ServiceLevelSchema,
} from './service-level.js';
export {
  type Lot,
  LotSchema,
  type Package,
  PackageSchema,
  type Shipment,
  type ShipmentContent,
  ShipmentContentSchema,
  ShipmentSchema,
  SsccSchema,
} from './shipment.js';
export { type TrackingEvent, TrackingEventSchema, TrackingLocationSchema } from './tracking.js';

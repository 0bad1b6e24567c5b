import type {
  EventEnvelope,
  ExternalRef,
  FulfillmentRequest,
  HandshakeState,
  InventoryAdjustment,
  InventoryLevel,
  Return,
  SalesOrder,
  Shipment,
  TrackingEvent,
} from '@crossdock/canonical';
import type { OperationOptions } from './operation.js';

/** What releasing a request answers: where it lives now and how far the handshake got. */
export interface ReleaseResult {
  readonly ref: ExternalRef;
  readonly handshake: HandshakeState;
  /** True when the system already had it (a repeated release): nothing new was created. */
  readonly existing: boolean;
}

export interface FulfillmentCapability {
  release(request: FulfillmentRequest, options: OperationOptions): Promise<ReleaseResult>;
  cancel(ref: ExternalRef, options: OperationOptions): Promise<{ readonly handshake: HandshakeState }>;
  get(ref: ExternalRef, options: OperationOptions): Promise<FulfillmentRequest>;
}

/** A page of results and the cursor of the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

export interface ShipmentsCapability {
  list(
    query: { readonly since?: string; readonly cursor?: string },
    options: OperationOptions,
  ): Promise<Page<Shipment>>;
}

/** Reading stock: every system with stock has it. */
export interface InventoryReadCapability {
  /** Says in every level whether it is a snapshot or a delta. */
  levels(
    query: {
      readonly skus?: readonly string[];
      readonly locations?: readonly string[];
      readonly since?: string;
      readonly cursor?: string;
    },
    options: OperationOptions,
  ): Promise<Page<InventoryLevel>>;
}

/** Reading and changing stock; a system whose stock is read-only (a 3PL's) has only the read part. */
export interface InventoryCapability extends InventoryReadCapability {
  adjust(adjustment: InventoryAdjustment, options: OperationOptions): Promise<{ readonly applied: boolean }>;
}

export interface ReturnsCapability {
  list(
    query: { readonly since?: string; readonly cursor?: string },
    options: OperationOptions,
  ): Promise<Page<Return>>;
  create(ret: Return, options: OperationOptions): Promise<{ readonly ref: ExternalRef }>;
}

export interface OrdersCapability {
  list(
    query: { readonly since?: string; readonly cursor?: string },
    options: OperationOptions,
  ): Promise<Page<SalesOrder>>;
}

export interface TrackingCapability {
  get(
    trackingNumber: string,
    options: OperationOptions & { readonly carrier?: string },
  ): Promise<readonly TrackingEvent[]>;
}

/** An inbound webhook as the receiver saw it: the raw body is what the signature covers. */
export interface InboundWebhook {
  readonly headers: Headers;
  readonly rawBody: string;
}

export interface WebhooksCapability {
  /** True only for an authentic, fresh delivery; compares in constant time. */
  verify(webhook: InboundWebhook, options?: { readonly now?: Date }): boolean;
  /** The delivery's id (for deduplication) and its canonical events; throws a ConnectorError naming the bad field. */
  parse(
    webhook: InboundWebhook,
    options: OperationOptions,
  ): { readonly deliveryId: string; readonly events: readonly EventEnvelope[] };
}

/**
 * A connector is a set of capabilities over canonical objects. A capability the system does not
 * have is absent from its type, never a method that throws.
 */
export interface Connector {
  readonly system: string;
  readonly orders?: OrdersCapability;
  readonly fulfillment?: FulfillmentCapability;
  readonly shipments?: ShipmentsCapability;
  readonly inventory?: InventoryReadCapability | InventoryCapability;
  readonly returns?: ReturnsCapability;
  readonly tracking?: TrackingCapability;
  readonly webhooks?: WebhooksCapability;
}

import type { SeededOrder } from '../seed.ts';

/** An Odoo order of the day, with the ShipBob order the service released it as. */
export interface DayOrder extends SeededOrder {
  readonly shipbobId: number;
}

/**
 * What the day did and what it expects, for the summary to check against Odoo and the fakes. The
 * summary never trusts these as results: it reads every actual value back from the systems.
 */
export interface DayFacts {
  /** Orders by role: lots (full shipment, two lots), partial (backorder shipped later), short, substitution, outage (503s), lost (webhook lost, poison return). */
  readonly orders: Readonly<Record<OrderRole, DayOrder>>;
  /** Pickings the release pass created a ShipBob order for. */
  readonly released: number;
  /** The lots shipped for the lot-tracked line of the `lots` order, by lot name. */
  readonly lots: Readonly<Record<string, number>>;
  readonly substitution: { readonly ordered: string; readonly shipped: string; readonly quantity: number };
  /** Queue retries while Odoo answered 503. */
  readonly outageRetries: number;
  readonly outageFaults: number;
  /** The tracking numbers followed to delivered, in order and in reverse order. */
  readonly tracking: { readonly inOrder: string; readonly reversed: string };
  readonly variance: { readonly sku: string; readonly odooBefore: number; readonly warehouse: number };
  readonly returned: { readonly rma: string; readonly sku: string; readonly quantity: number };
  readonly poison: { readonly rma: string; readonly letterId: string };
  /** The Shopify order of the day, the Odoo order it became, and the tracking number it shipped with. */
  readonly channel: {
    readonly shopifyOrder: string;
    readonly odooOrder: string;
    readonly pickingId: number;
    readonly fulfillmentOrderId: string;
    readonly trackingNumber: string;
  };
}

export type OrderRole = 'lots' | 'partial' | 'short' | 'substitution' | 'outage' | 'lost';

/** Where the day's progress lines go. */
export type Progress = (line: string) => void;

import type { ExternalRef, HandshakeState, Return, Shipment, ShipmentContent } from '@crossdock/canonical';

/** How many serials a note lists before it says how many more there are. */
const SERIALS_SHOWN = 10;

const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  shipbob: 'ShipBob',
  easypost: 'EasyPost',
  shopify: 'Shopify',
  odoo: 'Odoo',
};

/** A system as people write it, with its account when there is one: `ShipBob (acme)`. */
function systemName(ref: Pick<ExternalRef, 'system' | 'account'>): string {
  const name = SYSTEM_NAMES[ref.system] ?? ref.system;
  return ref.account === undefined ? name : `${name} (${ref.account})`;
}

function list(items: readonly string[], shown = items.length): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}

function contentText(content: ShipmentContent): string {
  const what = `${content.quantity} ${content.uom} ${content.item.sku}`;
  const details = [
    ...(content.lot ? [`lot ${content.lot.number}`] : []),
    ...(content.serials.length > 0 ? [`serials ${list(content.serials, SERIALS_SHOWN)}`] : []),
    ...(content.packageId === undefined ? [] : [`package ${content.packageId}`]),
  ];
  const substitute =
    content.substitution && content.orderedItem
      ? ` instead of ${content.orderedItem.sku} (${content.substitution})`
      : '';
  return `${what}${substitute}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/** The head every note about one shipment starts with, so a repeat can recognise it. */
export function shipmentNoteHead(shipment: Pick<Shipment, 'id'>): string {
  return `Crossdock shipment ${shipment.id}:`;
}

/** What happened to the rest of the picking after a shipment was applied. */
export type RestOutcome =
  | { readonly kind: 'full' }
  | { readonly kind: 'backorder'; readonly backorder?: string }
  | { readonly kind: 'closed_short'; readonly reason: 'CP' | 'IC' };

/**
 * The note of a shipment applied to its picking: what shipped (lots, serials, packages,
 * substitutions), tracking, carrier, the warehouse's references, and what became of the rest.
 *
 * @example shipmentAppliedText(shipment, { kind: 'backorder', backorder: 'WH/OUT/00016' });
 * // 'Crossdock shipment S-1: shipped 3 EA A-1 (lot L1); tracking 1Z…;
 * //  the rest stays open in backorder WH/OUT/00016 (BP).'
 */
export function shipmentAppliedText(shipment: Shipment, rest: RestOutcome): string {
  const parts = [`shipped ${shipment.contents.map(contentText).join(', ')}`];
  const carrier = shipment.carrierService;
  if (carrier) parts.push(`carrier ${[carrier.carrier, carrier.service].filter(Boolean).join(' ')}`);
  if (shipment.trackingNumbers.length > 0) parts.push(`tracking ${list(shipment.trackingNumbers)}`);
  if (shipment.packages.length > 0) parts.push(`packages ${list(shipment.packages.map((p) => p.id))}`);
  const refs = shipment.refs.filter((ref) => ref.system !== 'odoo');
  if (refs.length > 0) parts.push(`at ${refs.map((ref) => `${systemName(ref)} ${ref.id}`).join(', ')}`);
  parts.push(
    rest.kind === 'full'
      ? 'nothing left to ship'
      : rest.kind === 'backorder'
        ? `the rest stays open in backorder ${rest.backorder ?? '(new)'} (BP)`
        : `the rest was closed short (${rest.reason})`,
  );
  return `${shipmentNoteHead(shipment)} ${parts.join('; ')}.`;
}

/**
 * The note of a shipment that arrived for a picking it could not change.
 *
 * @example shipmentNotAppliedText(shipment, 'already_done');
 */
export function shipmentNotAppliedText(shipment: Shipment, reason: 'already_done' | 'cancelled'): string {
  return reason === 'already_done'
    ? `${shipmentNoteHead(shipment)} received after this transfer was validated; not applied again.`
    : `${shipmentNoteHead(shipment)} received for this cancelled transfer; not applied.`;
}

/** A release handshake as a sentence about the external order. */
function handshakeText(system: string, id: string, handshake: HandshakeState): string {
  switch (handshake) {
    case 'unsubmitted':
      return `not released to ${system} yet (${id})`;
    case 'submitted':
      return `released to ${system} as order ${id}, waiting for acceptance`;
    case 'accepted':
      return `released to ${system} as order ${id} (accepted)`;
    case 'rejected':
      return `release to ${system} rejected (order ${id})`;
    case 'cancel_requested':
      return `cancellation of ${system} order ${id} requested`;
    case 'cancel_accepted':
      return `${system} order ${id} cancelled`;
    case 'cancel_rejected':
      return `cancellation of ${system} order ${id} refused`;
  }
}

/**
 * The note recording where a picking was released and how far the handshake got.
 *
 * @example releaseText({ system: 'shipbob', id: '123' }, 'accepted');
 * // 'Crossdock: released to ShipBob as order 123 (accepted).'
 */
export function releaseText(ref: ExternalRef, handshake: HandshakeState, reason?: string): string {
  const sentence = handshakeText(systemName(ref), ref.id, handshake);
  return `Crossdock: ${sentence}${reason === undefined || reason === '' ? '' : `: ${reason}`}.`;
}

/**
 * The note of a return received through the connector, on the return picking and on the delivery.
 *
 * @example returnText(ret, 'WH/IN/00005', 'WH/OUT/00015');
 * // 'Crossdock return RMA-1: received 1 EA A-1 (restock) in WH/IN/00005, a return of WH/OUT/00015.'
 */
export function returnText(ret: Return, returnName: string, deliveryName: string | undefined): string {
  const lines = ret.lines.map((line) => {
    const details = [line.disposition, ...(line.condition ? [line.condition] : [])];
    return `${line.received ?? line.expected} ${line.uom} ${line.item.sku} (${details.join(', ')})`;
  });
  const of = deliveryName === undefined ? '' : `, a return of ${deliveryName}`;
  return `Crossdock return ${ret.rma}: received ${lines.join(', ')} in ${returnName}${of}.`;
}

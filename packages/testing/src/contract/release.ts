import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { check } from './check.js';
import type { ContractFulfillment, ContractSubject } from './types.js';

/** The subject's fulfillment capability, when it can release and cancel. */
export function fulfillmentOf(subject: ContractSubject): ContractFulfillment | undefined {
  const capability = (subject.connector as { readonly fulfillment?: Partial<ContractFulfillment> })
    .fulfillment;
  if (typeof capability?.release !== 'function' || typeof capability.cancel !== 'function') return undefined;
  return capability as ContractFulfillment;
}

/**
 * Registers the release checks: a repeated release with one idempotency key creates one order and
 * answers `existing: true`; a released request can be cancelled.
 *
 * @example
 * releaseChecks(subject); // inside runConnectorContract's describe
 */
export function releaseChecks(subject: ContractSubject): void {
  const fulfillment = fulfillmentOf(subject);
  const { sampleRequest, ordersInFake } = subject.fake;
  if (fulfillment === undefined || sampleRequest === undefined) return;
  const op = { correlationId: `contract-${subject.name}` };
  describe('fulfillment', () => {
    if (ordersInFake !== undefined) {
      check(
        subject,
        'release.idempotency',
        'releases once per idempotency key: one order in the fake, the repeat answers existing',
        async () => {
          const request = sampleRequest() as never;
          const idempotencyKey = `contract:release:${randomUUID()}`;
          const before = ordersInFake();
          const first = await fulfillment.release(request, { ...op, idempotencyKey });
          const second = await fulfillment.release(request, { ...op, idempotencyKey });
          expect(first.existing).toBe(false);
          expect(second.existing).toBe(true);
          expect(second.ref).toEqual(first.ref);
          expect(ordersInFake() - before).toBe(1);
        },
      );
    }

    check(subject, 'release.cancel', 'cancels a released request', async () => {
      const { ref } = await fulfillment.release(sampleRequest() as never, {
        ...op,
        idempotencyKey: `contract:release:${randomUUID()}`,
      });
      const { handshake } = await fulfillment.cancel(ref, {
        ...op,
        idempotencyKey: `contract:cancel:${randomUUID()}`,
      });
      expect(['cancel_accepted', 'cancel_requested']).toContain(handshake);
    });

    const get = fulfillment.get;
    if (get !== undefined) {
      check(
        subject,
        'mapping.roundTrip',
        'a released request reads back with the same lines, quantities and ship-to',
        async () => {
          const request = sampleRequest();
          const { ref } = await fulfillment.release(request as never, {
            ...op,
            idempotencyKey: `contract:release:${randomUUID()}`,
          });
          const readBack = await get.call(fulfillment, ref, op);
          expect(essence(readBack)).toEqual(essence(request));
        },
      );
    }
  });
}

/** What any system must keep of a request: what to ship, how much, and where. */
function essence(request: unknown): unknown {
  const { lines, shipTo } = request as RequestShape;
  return {
    lines: lines
      .map((line) => ({ sku: line.item.sku, ordered: Number(line.ledger.ordered), uom: line.uom }))
      .sort((a, b) => a.sku.localeCompare(b.sku)),
    shipTo: {
      name: shipTo.name,
      postalCode: shipTo.address.postalCode,
      countryCode: shipTo.address.countryCode,
    },
  };
}

interface RequestShape {
  readonly lines: readonly {
    readonly item: { readonly sku: string };
    readonly ledger: { readonly ordered: string };
    readonly uom: string;
  }[];
  readonly shipTo: {
    readonly name: string;
    readonly address: { readonly postalCode?: string; readonly countryCode: string };
  };
}

import { checkWrite, createEvent, type InventoryAdjustment } from '@crossdock/canonical';
import type { Runtime, StepHandler } from '../runtime/runtime.ts';

/** What one adjustment came to. */
export type AdjustOutcome =
  | { readonly status: 'applied'; readonly before: string; readonly after: string }
  /** Odoo already held the warehouse's count (a repeated apply): nothing written. */
  | { readonly status: 'unchanged' }
  /** Stock moved in Odoo between the read and the write: refused, not forced. */
  | { readonly status: 'stale'; readonly message: string }
  /** The ownership policy does not let the warehouse set Odoo's on hand. */
  | { readonly status: 'refused'; readonly message: string };

/** The payload of an `inventory.adjust` job. */
export interface AdjustPayload {
  readonly [key: string]: unknown;
  /** The warehouse whose count is written into Odoo (the writer, for the ownership policy). */
  readonly target: string;
  readonly adjustment: Extract<InventoryAdjustment, { mode: 'set' }>;
}

/** Outcomes of the adjustments of this process's passes, by job key, until the pass reads them. */
const outcomes = new WeakMap<Runtime, Map<string, AdjustOutcome>>();

/** Takes (and forgets) the outcome the `inventory.adjust` step recorded for a job key. */
export function takeOutcome(runtime: Runtime, key: string): AdjustOutcome | undefined {
  const recorded = outcomes.get(runtime);
  const outcome = recorded?.get(key);
  recorded?.delete(key);
  return outcome;
}

function record(runtime: Runtime, key: string, outcome: AdjustOutcome): void {
  let recorded = outcomes.get(runtime);
  if (recorded === undefined) {
    recorded = new Map();
    outcomes.set(runtime, recorded);
  }
  recorded.set(key, outcome);
}

/** The job key of an adjustment: one per item, location and lot while it waits. */
export const adjustKey = (adjustment: InventoryAdjustment): string =>
  `inventory-adjust:${adjustment.sku}:${adjustment.location.refs[0]?.id ?? adjustment.location.id}:${adjustment.lot?.number ?? ''}`;

const ACTOR = 'crossdock.reconcile';

/**
 * Sets an Odoo quant to the warehouse's count, compare-and-set on the quantity the pass read. The
 * ownership policy is checked first (the warehouse owns on hand); a refused write and a stale
 * compare-and-set are audited as decisions and raised as exceptions, never forced; a transient
 * failure throws for the queue to retry.
 */
export const inventoryAdjustStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { target, adjustment } = payload as AdjustPayload;
  const key = adjustKey(adjustment);
  const subject = { type: 'stock.quant', id: `${adjustment.sku}@${adjustment.location.id}` };
  const decision = checkWrite(runtime.policy, { system: target, record: 'inventory', fields: ['onHand'] });
  if (!decision.allowed) {
    const message = `${target} may not set Odoo's on hand of ${adjustment.sku}: ${decision.refused
      .map((refused) => `${refused.field} (${refused.owner ?? refused.reason})`)
      .join(', ')}`;
    await runtime.audit.decision(correlationId, ACTOR, 'inventory.adjust.refused', {
      subject,
      detail: { refused: decision.refused, adjustment },
    });
    raise(runtime, correlationId, 'inventory.ownership_refused', message, adjustment);
    record(runtime, key, { status: 'refused', message });
    return;
  }
  try {
    const { applied } = await runtime.odoo.inventory.adjust(adjustment, { correlationId, signal });
    if (!applied) {
      await runtime.audit.decision(correlationId, ACTOR, 'inventory.adjust.unchanged', {
        subject,
        detail: { quantity: adjustment.quantity },
      });
      record(runtime, key, { status: 'unchanged' });
      return;
    }
    await runtime.audit.outbound(correlationId, ACTOR, 'stock.quant.action_apply_inventory', {
      subject,
      before: { quantity: adjustment.expected },
      after: { quantity: adjustment.quantity },
      detail: { reason: adjustment.reason, note: adjustment.note },
    });
    record(runtime, key, { status: 'applied', before: adjustment.expected, after: adjustment.quantity });
  } catch (error) {
    if (isStaleCount(error)) {
      await runtime.audit.decision(correlationId, ACTOR, 'inventory.adjust.stale', {
        subject,
        detail: { expected: adjustment.expected, quantity: adjustment.quantity, message: error.message },
      });
      raise(runtime, correlationId, 'inventory.stale_count', error.message, adjustment);
      record(runtime, key, { status: 'stale', message: error.message });
      return;
    }
    await runtime.audit.error(correlationId, ACTOR, 'inventory.adjust', error, { subject });
    throw error;
  }
};

/**
 * Odoo's refusal of a compare-and-set whose expected quantity no longer holds. Checked by shape:
 * each entry of `@crossdock/connectors` bundles its own `ConnectorError` class, so `instanceof`
 * (and `isConnectorError`) from the root entry does not recognise the Odoo entry's errors.
 */
function isStaleCount(error: unknown): error is Error {
  const fields = error as { name?: unknown; system?: unknown; vendorCode?: unknown } | null;
  return (
    error instanceof Error &&
    fields?.name === 'ConnectorError' &&
    fields.system === 'odoo' &&
    fields.vendorCode === 'stale_expected'
  );
}

function raise(
  runtime: Runtime,
  correlationId: string,
  code: string,
  message: string,
  adjustment: InventoryAdjustment,
): void {
  runtime.events.publish(
    createEvent(
      'crossdock.exception.raised.v1',
      {
        code,
        severity: 'warning',
        message,
        entity: { type: 'inventory', id: adjustment.sku },
        details: { idempotencyKey: adjustment.idempotencyKey, location: adjustment.location.id },
      },
      {
        source: '/crossdock/reconcile',
        correlationId,
        subject: adjustment.sku,
        idempotencyKey: `${code}:${adjustment.idempotencyKey}`,
      },
    ),
  );
}

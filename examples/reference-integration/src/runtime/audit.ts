import type { AuditEntryInput, AuditLog, AuditSubject } from '@crossdock/idempotency';

type Extra = Pick<AuditEntryInput, 'subject' | 'before' | 'after' | 'detail'>;

/** The audit trail as the flows write it: one line per inbound message, decision, write or failure. */
export interface Audit {
  inbound(correlationId: string, actor: string, action: string, extra?: Extra): Promise<void>;
  decision(correlationId: string, actor: string, action: string, extra?: Extra): Promise<void>;
  /** A write to another system; `before`/`after` for Odoo writes. */
  outbound(correlationId: string, actor: string, action: string, extra?: Extra): Promise<void>;
  error(correlationId: string, actor: string, action: string, error: unknown, extra?: Extra): Promise<void>;
}

/** An error as JSON for the trail: name, message and the cause chain, no stack. */
function describeError(error: unknown): unknown {
  const chain: { name: string; message: string }[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 8; depth++) {
    if (current instanceof Error) {
      chain.push({ name: current.name, message: current.message });
      current = current.cause;
    } else {
      chain.push({ name: typeof current, message: String(current) });
      break;
    }
  }
  return chain;
}

/**
 * The flows' view of an `AuditLog`. Entries carry no credentials: callers pass canonical objects and
 * Odoo values, never headers or configuration.
 *
 * @example
 * await audit.outbound(correlationId, 'crossdock.release', 'shipbob.order.create', { subject: { type: 'stock.picking', id: 21 } });
 */
export function createAudit(log: AuditLog): Audit {
  const append = (entry: AuditEntryInput) => log.append(entry).then(() => undefined);
  const entry =
    (kind: AuditEntryInput['kind']) =>
    (correlationId: string, actor: string, action: string, extra: Extra = {}) =>
      append({ correlationId, kind, actor, action, ...extra });
  return {
    inbound: entry('inbound'),
    decision: entry('decision'),
    outbound: entry('outbound'),
    error: (correlationId, actor, action, error, extra = {}) =>
      append({
        correlationId,
        kind: 'error',
        actor,
        action,
        ...extra,
        detail: { ...(extra.detail as object | undefined), error: describeError(error) },
      }),
  };
}

/** `{ type: 'stock.picking', id }` for an Odoo picking. */
export const picking = (id: number | string): AuditSubject => ({ type: 'stock.picking', id });

import { checkWrite, createEvent, type OwnershipDecision, type WriteIntent } from '@crossdock/canonical';
import type { Runtime } from './runtime.ts';

/** What a refused write is about, for the trail and the exception. */
export interface GuardedWrite {
  readonly correlationId: string;
  /** The flow deciding, e.g. `crossdock.shipment`. */
  readonly actor: string;
  readonly intent: WriteIntent;
  /** The record written, e.g. `{ type: 'stock.picking', id: 21 }`. */
  readonly subject: { readonly type: string; readonly id: string | number };
}

/**
 * Checks a write against the ownership policy before it is made. A refused write is never applied:
 * it is audited (`write.refused`, with the refused fields and their owners) and raised as
 * `crossdock.exception.raised.v1` for a person; the caller stops. Answers the decision.
 *
 * @example
 * const { allowed } = await guardWrite(runtime, { correlationId, actor: 'crossdock.shipment', intent, subject: picking(21) });
 * if (!allowed) return;
 */
export async function guardWrite(runtime: Runtime, write: GuardedWrite): Promise<OwnershipDecision> {
  const { correlationId, actor, intent, subject } = write;
  const decision = checkWrite(runtime.policy, intent);
  if (decision.allowed) return decision;
  await runtime.audit.decision(correlationId, actor, 'write.refused', {
    subject,
    detail: { intent, refused: decision.refused },
  });
  const fields = decision.refused.map((refused) => `${refused.field} (${refused.owner ?? refused.reason})`);
  runtime.events.publish(
    createEvent(
      'crossdock.exception.raised.v1',
      {
        code: 'crossdock.ownership.refused',
        severity: 'error',
        message: `${intent.system} may not ${intent.action ?? 'update'} ${intent.record}: ${fields.join(', ')}`,
        entity: { type: subject.type, id: String(subject.id) },
        details: { refused: decision.refused },
      },
      { source: `/${actor.replace(/\./g, '/')}`, correlationId, subject: `${subject.type}:${subject.id}` },
    ),
  );
  return decision;
}

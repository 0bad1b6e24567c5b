import { OdooError } from '../errors/OdooError.js';

/**
 * A batched `create` failed after earlier batches had already created records. `createdIds` are
 * those records, so the caller can reconcile instead of creating them twice; `cause` is the
 * failure of the batch that broke, whose `retryable` and `executed` this error repeats.
 *
 * @example
 * try { await partners.create(many); } catch (error) {
 *   if (error instanceof OdooPartialCreateError) await partners.unlink(error.createdIds);
 * }
 */
export class OdooPartialCreateError extends OdooError {
  override name = 'OdooPartialCreateError';
  readonly createdIds: readonly number[];

  constructor(model: string, createdIds: readonly number[], cause: OdooError) {
    super({ model, method: 'create', retryable: cause.retryable, executed: cause.executed, cause });
    this.message = `create on ${model} failed after ${createdIds.length} record(s) were created in earlier batches: ${cause.message}`;
    this.createdIds = createdIds;
  }
}

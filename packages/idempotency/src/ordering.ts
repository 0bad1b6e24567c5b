import type { OrderingPosition } from './store.js';

/** A position as one comparable integer: the version itself, or the source timestamp in ms. */
export function positionValue(position: OrderingPosition): bigint {
  if ('version' in position) {
    const version = BigInt(position.version);
    if (version < 0n) throw new RangeError(`an ordering version must not be negative, got ${version}`);
    return version;
  }
  if (!Number.isSafeInteger(position.sourceTs) || position.sourceTs < 0) {
    throw new RangeError(`sourceTs must be a non-negative integer in ms, got ${position.sourceTs}`);
  }
  return BigInt(position.sourceTs);
}

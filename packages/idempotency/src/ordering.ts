import type { OrderingPosition } from './store.js';

/** A position as one comparable integer: the version itself, or the source timestamp in ms. */
export function positionValue(position: OrderingPosition): bigint {
  if ('version' in position) {
    if (typeof position.version === 'number' && !Number.isSafeInteger(position.version)) {
      throw new RangeError(
        `a version given as a number must be a safe integer, got ${position.version}; pass a bigint`,
      );
    }
    const version = BigInt(position.version);
    if (version < 0n) throw new RangeError(`an ordering version must not be negative, got ${version}`);
    return version;
  }
  if (!Number.isSafeInteger(position.sourceTs) || position.sourceTs < 0) {
    throw new RangeError(`sourceTs must be a non-negative integer in ms, got ${position.sourceTs}`);
  }
  return BigInt(position.sourceTs);
}

import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so two payloads that differ only in key order
 * have one spelling. `undefined` members are dropped, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    // JSON writes every Map and Set as {}: two different payloads would share a fingerprint.
    if (member instanceof Map || member instanceof Set) {
      throw new TypeError(
        `cannot fingerprint a ${member.constructor.name}: convert it to an object or array first`,
      );
    }
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    // fromEntries defines own properties, so a "__proto__" member stays a member.
    const record = member as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((name) => [name, record[name]]),
    );
  });
}

/**
 * A stable hash of a payload: SHA-256 of its canonical JSON, hex. Equal payloads give equal
 * fingerprints whatever their key order.
 *
 * @example
 * fingerprint({ b: 1, a: 2 }) === fingerprint({ a: 2, b: 1 }); // true
 */
export function fingerprint(payload: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(payload) ?? 'undefined')
    .digest('hex');
}

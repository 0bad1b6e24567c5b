import { timingSafeEqual } from 'node:crypto';

/** Why a delivery was refused. */
export type VerifyFailureReason = 'missing_header' | 'bad_signature' | 'stale' | 'malformed';

/**
 * What a verifier answers: valid, or the reason it is not. Never thrown; the reason is for logs,
 * never for the sender's response.
 *
 * @example
 * const result = verifyHmacBase64(webhook, { secrets: [appSecret] });
 * if (!result.valid) log.warn(`webhook refused: ${result.reason}`);
 */
export type VerifyResult =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: VerifyFailureReason };

/** The valid answer. */
export const VALID: VerifyResult = Object.freeze({ valid: true });

/** A refusal for the given reason. */
export function invalid(reason: VerifyFailureReason): VerifyResult {
  return { valid: false, reason };
}

/**
 * True when the two strings are equal, compared in constant time for their (public) length.
 * Strings of different byte lengths are unequal without comparing contents.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** True when any of the candidates equals `provided`; every candidate is compared, whatever the outcome. */
export function matchesAny(provided: string, candidates: readonly string[]): boolean {
  let matched = false;
  for (const candidate of candidates) {
    if (constantTimeEqual(provided, candidate)) matched = true;
  }
  return matched;
}

/**
 * The last `session_id` an answer sets, or `undefined` (none, or one being deleted with `Max-Age=0`).
 * Odoo 19 may send two `session_id` cookies in one answer; the last one wins, as in a browser.
 *
 * @example
 * sessionIdFrom(new Headers({ 'set-cookie': 'session_id=abc; Path=/; HttpOnly' })) // 'abc'
 */
export function sessionIdFrom(headers: Headers): string | undefined {
  let found: string | undefined;
  for (const cookie of headers.getSetCookie()) {
    const match = /^\s*session_id=([^;]*)/.exec(cookie);
    if (match?.[1] && !/;\s*max-age=0\b/i.test(cookie)) found = match[1];
  }
  return found;
}

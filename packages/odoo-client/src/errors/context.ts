/** What the caller knows about the failed call, used to fill in the error and to scrub it. */
export interface ErrorContext {
  /** e.g. `'res.partner'`. */
  readonly model?: string | undefined;
  /** e.g. `'search_read'`. */
  readonly method?: string | undefined;
  /** e.g. the JSON-RPC id `'12'`. */
  readonly requestId?: string | undefined;
  /** Credentials that must never appear in the error (password, API key, session id). */
  readonly secrets?: readonly string[] | undefined;
  /** The value of the `Retry-After` header, if any. */
  readonly retryAfter?: string | null | undefined;
}

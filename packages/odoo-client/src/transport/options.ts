/** Options every transport takes. */
export interface HttpOptions {
  /**
   * The server's base URL.
   * @example 'https://erp.example.com' or 'https://example.com/odoo/'
   */
  readonly url: string | URL;
  /**
   * Per-attempt timeout in ms, overridable per call with `CallOptions.timeoutMs`. `false` disables it.
   * @default 30_000
   * @example 10_000
   */
  readonly timeoutMs?: number | false;
  /**
   * The `fetch` to use (tests, proxies, custom agents).
   * @default globalThis.fetch (Node's fetch keeps connections alive)
   * @example fetch
   */
  readonly fetch?: typeof fetch;
}

/** The default per-attempt timeout: 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000;

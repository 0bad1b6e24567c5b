/** One error of a chain, as stored with a dead letter. */
export interface ErrorRecord {
  readonly name: string;
  readonly message: string;
  /** `error.code` when the error has one (`ECONNRESET`, a vendor error code). */
  readonly code?: string;
  readonly stack?: string;
}

const MAX_DEPTH = 10;

/**
 * The error and its `cause`s, outermost first, as plain JSON. Stops at 10 levels and at cycles.
 *
 * @example
 * serializeErrorChain(new Error('apply failed', { cause: new Error('timeout') })).map((e) => e.message);
 * // ['apply failed', 'timeout']
 */
export function serializeErrorChain(error: unknown): ErrorRecord[] {
  const chain: ErrorRecord[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && chain.length < MAX_DEPTH && !seen.has(current); ) {
    seen.add(current);
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      chain.push({
        name: current.name,
        message: current.message,
        ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
        ...(current.stack ? { stack: current.stack } : {}),
      });
      current = current.cause;
    } else {
      chain.push({
        name: 'NonError',
        message: typeof current === 'string' ? current : (JSON.stringify(current) ?? String(current)),
      });
      current = undefined;
    }
  }
  return chain;
}

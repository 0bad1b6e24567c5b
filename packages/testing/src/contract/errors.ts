import { expect } from 'vitest';

/** The fields every `ConnectorError` has, checked structurally. */
export interface ConnectorErrorShape extends Error {
  readonly system: string;
  readonly operation: string;
  readonly retryable: boolean;
  readonly executed: string;
  readonly cause?: unknown;
}

/**
 * Runs `run` and answers what it threw, failing when it did not throw.
 *
 * @example
 * const error = await thrown(() => connector.orders.list({}, op));
 */
export async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/**
 * Asserts `error` is `ConnectorError`-shaped: `system`, `operation`, `retryable` and `executed`.
 *
 * @example
 * expectConnectorError(error, { system: 'shipbob', operation: 'inventory.levels' });
 */
export function expectConnectorError(
  error: unknown,
  expected: { readonly system: string; readonly operation?: string },
): asserts error is ConnectorErrorShape {
  expect(error).toBeInstanceOf(Error);
  const shape = error as Partial<ConnectorErrorShape>;
  expect(shape.system).toBe(expected.system);
  if (expected.operation === undefined) expect(typeof shape.operation).toBe('string');
  else expect(shape.operation).toBe(expected.operation);
  expect(typeof shape.retryable).toBe('boolean');
  expect(['no', 'unknown', 'yes']).toContain(shape.executed);
}

/**
 * Asserts no secret appears in the error's message, stack, own fields or cause.
 *
 * @example
 * expectNoSecrets(error, ['shpat_…']);
 */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const e = error as Partial<ConnectorErrorShape>;
  let fields = '';
  try {
    fields = JSON.stringify(error);
  } catch {
    fields = '';
  }
  const text = `${String(e.message)} ${String(e.stack)} ${fields} ${String(e.cause)}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
}

// The fake Odoo from @crossdock/testing behind msw, for client tests: one per test, no leaks.
import { createOdooHandlers, type OdooHandlersOptions } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const URL_18 = 'http://odoo18.test';
export const URL_19 = 'http://odoo19.test';
export const URL_17 = 'http://odoo17.test';

/** The msw server the fakes are installed on; tests may listen to its events. */
export const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Installs a fresh fake Odoo (its own records, faults and sessions) for the current test. */
export function fakeOdoo(options: OdooHandlersOptions & { readonly url: string }) {
  const odoo = createOdooHandlers(options);
  server.use(...odoo);
  return odoo;
}

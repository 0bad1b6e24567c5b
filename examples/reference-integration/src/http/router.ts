import type { FetchHandler } from '@crossdock/connectors/webhooks';
import type { Runtime } from '../runtime/runtime.ts';
import { serviceStatus } from '../runtime/status.ts';
import { createReceivers } from './receivers.ts';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  /** Called by `POST /hooks/odoo` (an Odoo automation "send webhook"): wakes the release poll early. */
  readonly wake: () => void;
}

/**
 * The service's HTTP endpoint: `POST /webhooks/<system>` (verified, deduplicated, queued),
 * `POST /hooks/odoo` (a wake-up only: nothing in its body is trusted, the poll reads Odoo itself),
 * `GET /status` and `GET /healthz`.
 */
export function createRouter(runtime: Runtime, options: RouterOptions): FetchHandler {
  const receivers = createReceivers(runtime);
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === '/healthz') return new Response('ok');
    if (request.method === 'GET' && pathname === '/status')
      return Response.json(await serviceStatus(runtime));
    if (request.method === 'POST' && pathname === '/hooks/odoo') {
      await request.body?.cancel();
      options.wake();
      return new Response(null, { status: 202 });
    }
    const match = /^\/webhooks\/([a-z]+)$/.exec(pathname);
    const receiver = match ? receivers[match[1] as string] : undefined;
    if (request.method === 'POST' && receiver) return receiver(request);
    return new Response('not found', { status: 404 });
  };
}

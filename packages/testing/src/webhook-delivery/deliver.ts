/** A signed webhook delivery as a fake's control API returns it: its headers and the exact raw body that was signed. */
export interface WebhookDelivery {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The order copies are sent in. Copies go out in rounds, as a retrying sender's do: every
 * delivery's first copy, then every second copy, and so on.
 *
 * - `in_order`: round by round, each round in the given order.
 * - `reversed`: the exact reverse of `in_order`.
 * - `shuffled`: all copies in a seeded random order (copies of one delivery may end up adjacent or far apart).
 */
export type DeliveryOrder = 'in_order' | 'reversed' | 'shuffled';

/** Options of {@link deliverWebhooks}. */
export interface DeliverWebhooksOptions {
  /** The receiver's endpoint. @example 'http://127.0.0.1:4567/webhooks/shipbob' */
  readonly url: string | URL;
  /** The fetch used to POST. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Default `'in_order'`. */
  readonly order?: DeliveryOrder;
  /** How many times each delivery is sent (a positive integer). Default 1. */
  readonly duplicate?: number;
  /**
   * Wait before each send, in ms; a function gets the send's position (0-based, in sending order).
   * Default 0.
   * @example (index) => (index === 0 ? 2_000 : 0) // the first send arrives late
   */
  readonly delayMs?: number | ((index: number) => number);
  /** Seed of the `shuffled` order; the same seed gives the same order. Default 1. */
  readonly seed?: number;
  /** Aborts the remaining waits and sends; the returned promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * How a delay is waited out. Default a real timer; pass a fake clock's to move time instead.
   * @example async (ms) => { await clock.advance(ms); }
   */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** One planned send: which delivery, which copy of it. */
export interface PlannedDelivery {
  /** Position in the sending order (0-based). */
  readonly index: number;
  /** Index of the delivery in the input array. */
  readonly delivery: number;
  /** Which copy of that delivery this is (0-based). */
  readonly copy: number;
}

/** What one send got back. */
export interface DeliveryResult extends PlannedDelivery {
  /** The HTTP status the receiver answered. */
  readonly status: number;
  /** The receiver's response headers. */
  readonly headers: Headers;
  /** The receiver's response body as text (often empty). */
  readonly body: string;
  /** How long this send waited before going out, in ms. */
  readonly delayedMs: number;
}

/** A small seeded PRNG (mulberry32); returns floats in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The sending order {@link deliverWebhooks} follows for `count` deliveries, without sending anything.
 *
 * @example
 * deliveryPlan(2, { duplicate: 2 }).map((p) => p.delivery); // [0, 1, 0, 1]
 * deliveryPlan(2, { duplicate: 2, order: 'reversed' }).map((p) => p.delivery); // [1, 0, 1, 0]
 */
export function deliveryPlan(
  count: number,
  options: Pick<DeliverWebhooksOptions, 'order' | 'duplicate' | 'seed'> = {},
): PlannedDelivery[] {
  const duplicate = options.duplicate ?? 1;
  if (!Number.isInteger(duplicate) || duplicate < 1) {
    throw new RangeError(`duplicate must be a positive integer, got ${duplicate}`);
  }
  const slots: { delivery: number; copy: number }[] = [];
  for (let copy = 0; copy < duplicate; copy++) {
    for (let delivery = 0; delivery < count; delivery++) slots.push({ delivery, copy });
  }
  const order = options.order ?? 'in_order';
  if (order === 'reversed') slots.reverse();
  else if (order === 'shuffled') {
    const next = random(options.seed ?? 1);
    for (let i = slots.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const a = slots[i];
      const b = slots[j];
      if (a === undefined || b === undefined) continue;
      slots[i] = b;
      slots[j] = a;
    }
  } else if (order !== 'in_order') {
    throw new RangeError(`unknown order ${String(order)}`);
  }
  return slots.map((slot, index) => ({ index, ...slot }));
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * POSTs each signed delivery to `url`, one at a time, with its own headers and its exact raw body
 * (never re-serialised, so signatures still match), following {@link deliveryPlan}. Answers what each
 * send got back, in sending order; a non-2xx answer is a result, not an error. Network errors and
 * aborts reject.
 *
 * @example
 * // three shipments, each sent twice, shuffled: an at-least-once sender on a bad day
 * const results = await deliverWebhooks(deliveries, { url, duplicate: 2, order: 'shuffled', seed: 42 });
 * results.every((result) => result.status === 200); // true for an idempotent receiver
 *
 * @example
 * // a tampered copy
 * const [result] = await deliverWebhooks([{ ...delivery, body: delivery.body.replace('LOT-A', 'LOT-Z') }], { url });
 * result?.status; // 401
 */
export async function deliverWebhooks(
  deliveries: readonly WebhookDelivery[],
  options: DeliverWebhooksOptions,
): Promise<DeliveryResult[]> {
  const send = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? realSleep;
  const { signal } = options;
  const results: DeliveryResult[] = [];
  for (const planned of deliveryPlan(deliveries.length, options)) {
    signal?.throwIfAborted();
    const delivery = deliveries[planned.delivery];
    if (delivery === undefined) continue;
    const delay =
      typeof options.delayMs === 'function' ? options.delayMs(planned.index) : (options.delayMs ?? 0);
    if (!Number.isFinite(delay) || delay < 0) {
      throw new RangeError(
        `delayMs must be a finite non-negative number, got ${delay} for send ${planned.index}`,
      );
    }
    if (delay > 0) await sleep(delay, signal);
    signal?.throwIfAborted();
    const response = await send(options.url, {
      method: 'POST',
      headers: { ...delivery.headers },
      body: delivery.body,
      redirect: 'manual',
      ...(signal === undefined ? {} : { signal }),
    });
    const body = await response.text();
    results.push({ ...planned, status: response.status, headers: response.headers, body, delayedMs: delay });
  }
  return results;
}

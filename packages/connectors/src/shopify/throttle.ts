/** `extensions.cost.throttleStatus` of a GraphQL Admin answer. */
export interface ThrottleStatus {
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
  readonly maximumAvailable: number;
}

/**
 * The client's picture of the shop's cost bucket: the last reported status, refilled at the
 * restore rate since, and the last requested cost of each operation.
 *
 * @example
 * const waitMs = budget.waitFor('Orders'); // 0 until a status and a cost are known
 */
export class CostBudget {
  private status: ThrottleStatus | undefined;
  private at = 0;
  private readonly costs = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records what an answer said. */
  observe(
    operation: string,
    requestedQueryCost: number | undefined,
    status: ThrottleStatus | undefined,
  ): void {
    if (requestedQueryCost !== undefined) this.costs.set(operation, requestedQueryCost);
    if (status) {
      this.status = status;
      this.at = this.now();
    }
  }

  /** Points available now, by the last status and the time since. */
  available(): number | undefined {
    if (!this.status) return undefined;
    const restored = ((this.now() - this.at) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + restored);
  }

  /** Milliseconds to wait before `operation` so its last requested cost is available. */
  waitFor(operation: string): number {
    const cost = this.costs.get(operation);
    return cost === undefined ? 0 : this.waitForCost(cost);
  }

  /** Milliseconds until `cost` points are available (0 when they are or nothing is known). */
  waitForCost(cost: number): number {
    const available = this.available();
    if (available === undefined || !this.status || cost <= available) return 0;
    if (cost > this.status.maximumAvailable || this.status.restoreRate <= 0) return 0;
    return Math.ceil(((cost - available) / this.status.restoreRate) * 1000);
  }
}

/** Waits `ms`, ending early with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

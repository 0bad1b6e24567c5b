/** One call's outcome as the breaker counts it. */
export interface CallOutcome {
  readonly failed: boolean;
  readonly slow: boolean;
}

/** The last `size` outcomes, with running counts, for failure-rate and slow-call-rate thresholds. */
export class OutcomeWindow {
  readonly #size: number;
  readonly #outcomes: CallOutcome[] = [];
  #failures = 0;
  #slow = 0;
  #consecutiveFailures = 0;

  constructor(size: number) {
    this.#size = size;
  }

  record(outcome: CallOutcome): void {
    this.#outcomes.push(outcome);
    if (outcome.failed) this.#failures++;
    if (outcome.slow) this.#slow++;
    this.#consecutiveFailures = outcome.failed ? this.#consecutiveFailures + 1 : 0;
    if (this.#outcomes.length > this.#size) {
      const dropped = this.#outcomes.shift() as CallOutcome;
      if (dropped.failed) this.#failures--;
      if (dropped.slow) this.#slow--;
    }
  }

  reset(): void {
    this.#outcomes.length = 0;
    this.#failures = 0;
    this.#slow = 0;
    this.#consecutiveFailures = 0;
  }

  get calls(): number {
    return this.#outcomes.length;
  }

  get consecutiveFailures(): number {
    return this.#consecutiveFailures;
  }

  get failureRate(): number {
    return this.calls === 0 ? 0 : this.#failures / this.calls;
  }

  get slowRate(): number {
    return this.calls === 0 ? 0 : this.#slow / this.calls;
  }
}

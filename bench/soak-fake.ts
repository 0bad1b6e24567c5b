// The one change the soak makes to the fake Odoo: its engine deep-copies the whole database
// (`structuredClone` of every table) before every write call, to roll a failed call back like a
// transaction. At 10,000 orders (~150,000 records) that copy is ~80% of the run's CPU and makes
// every write O(database): the bench would measure the fake, not the service. The soak turns the
// copy off and counts the write calls that failed inside the engine (the only ones a rollback
// would have mattered for); the end-state checks then read the database as it is.

interface SnapshottingStore {
  snapshot(): unknown;
  restore(snapshot: unknown): void;
}

/**
 * Turns off the fake Odoo engine's per-call rollback snapshot; answers a counter of the write
 * calls that failed inside the engine, whose partial effects were therefore not rolled back.
 */
export function withoutRollbackSnapshots(engine: object): { readonly failedWrites: number } {
  const store = (engine as { store?: SnapshottingStore }).store;
  if (store === undefined)
    throw new Error('the fake Odoo engine exposes no store: cannot lift its snapshots');
  const counter = { failedWrites: 0 };
  store.snapshot = () => ({ skipped: true });
  store.restore = () => {
    counter.failedWrites++;
  };
  return counter;
}

// The two changes the soak makes to the fake Odoo, both about its cost, not its answers. First, its engine deep-copies the whole database
// (`structuredClone` of every table) before every write call, to roll a failed call back like a
// transaction. At 10,000 orders (~150,000 records) that copy is ~80% of the run's CPU and makes
// every write O(database): the bench would measure the fake, not the service. The soak turns the
// copy off and counts the write calls that failed inside the engine (the only ones a rollback
// would have mattered for); the end-state checks then read the database as it is.

interface SnapshottingStore {
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  all(model: string): unknown[];
  insert(model: string, values: Record<string, unknown>, uid: number): unknown;
  remove(model: string, id: number): void;
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
  // Rows are sorted by id once per change of the table; callers get a copy they may sort or filter.
  const sorted = new Map<string, unknown[]>();
  const all = store.all.bind(store);
  const insert = store.insert.bind(store);
  const remove = store.remove.bind(store);
  store.all = (model) => {
    let rows = sorted.get(model);
    if (rows === undefined) {
      rows = all(model);
      sorted.set(model, rows);
    }
    return rows.slice();
  };
  store.insert = (model, values, uid) => {
    sorted.delete(model);
    return insert(model, values, uid);
  };
  store.remove = (model, id) => {
    sorted.delete(model);
    remove(model, id);
  };
  return counter;
}

/** A stored record: raw values (many2one as an id or `false`, many2many as an id list). */
export type Raw = { id: number } & Record<string, unknown>;

/** Naive UTC `YYYY-MM-DD HH:MM:SS`, as Odoo sends datetimes. */
export function odooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** What `RecordStore.snapshot` answers. */
export interface StoreSnapshot {
  readonly tables: Map<string, Map<number, Raw>>;
  readonly nextIds: Map<string, number>;
  readonly sequences: Map<string, number>;
}

/** Undoes one change; a transaction's journal runs them newest first. */
type Undo = () => void;

/** A table's records (proxies) by id, and the plain objects behind them in the same order. */
interface SortedRows {
  readonly records: Raw[];
  readonly targets: Raw[];
}

/** Record ids by the value of one field of one model. */
type FieldIndex = Map<number, Set<number>>;

/**
 * The in-memory tables: one map of records per model, auto-increment ids, audit dates and named
 * sequences (`S00025`, `WH/OUT/00015`).
 *
 * Records are handed out as proxies that see every assignment, wherever the model code makes it:
 * inside `transaction` each change is journaled (so a failed call costs what it changed, not a
 * copy of the database), and the field indexes of `idsWhere` stay right.
 */
export class RecordStore {
  private readonly tables = new Map<string, Map<number, Raw>>();
  private readonly nextIds = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  /** Rows by id, kept in order as records come and go (rebuilt only after an out-of-order insert). */
  private readonly sortedRows = new Map<string, SortedRows>();
  /** Per model, per field: built on the first `idsWhere`, then kept by every change. */
  private readonly indexes = new Map<string, Map<string, FieldIndex>>();
  private readonly handlers = new Map<string, ProxyHandler<Raw>>();
  /** The plain object behind each record proxy, for `scan` and `snapshot`. */
  private readonly targets = new WeakMap<Raw, Raw>();
  /** The undo journal of the running transaction, if any. */
  private journal: Undo[] | undefined;
  /** The clock used for `create_date`/`write_date`; replaceable in tests. */
  now: () => string = () => odooDatetime(new Date());

  /** The table of a model (created empty on first use). */
  table(model: string): Map<number, Raw> {
    let table = this.tables.get(model);
    if (!table) {
      table = new Map();
      this.tables.set(model, table);
    }
    return table;
  }

  /** Inserts a record with the next id (or `values.id` when seeding) and the audit fields. */
  insert(model: string, values: Record<string, unknown>, uid: number): Raw {
    const table = this.table(model);
    const given = typeof values.id === 'number' ? values.id : undefined;
    const id = given ?? this.nextIds.get(model) ?? 1;
    this.setCounter(this.nextIds, model, Math.max(this.nextIds.get(model) ?? 1, id + 1));
    if (table.has(id)) this.remove(model, id);
    const now = this.now();
    const target: Raw = {
      create_date: now,
      write_date: now,
      create_uid: uid,
      write_uid: uid,
      ...values,
      id,
    };
    const rec = new Proxy(target, this.handlerOf(model));
    this.targets.set(rec, target);
    this.attach(model, rec);
    this.journal?.push(() => this.detach(model, rec));
    return rec;
  }

  /** Marks a record written now by `uid`. */
  touch(rec: Raw, uid: number): void {
    rec.write_date = this.now();
    rec.write_uid = uid;
  }

  get(model: string, id: number): Raw | undefined {
    return this.tables.get(model)?.get(id);
  }

  /** All records of a model, by id (a fresh array the caller may sort or filter). */
  all(model: string): Raw[] {
    return this.rows(model).records.slice();
  }

  /**
   * The plain objects behind the records of a model, by id, to read without the proxies' cost
   * (a search scanning a whole table). Never change them: changes made through them are neither
   * journaled nor indexed. `get(model, row.id)` is the record to change.
   *
   * @example
   * store.scan('mail.message').filter((row) => row.res_id === 15).map((row) => row.id);
   */
  scan(model: string): readonly Raw[] {
    return this.rows(model).targets;
  }

  private rows(model: string): SortedRows {
    let rows = this.sortedRows.get(model);
    if (rows === undefined) {
      const records = [...this.table(model).values()].sort((a, b) => a.id - b.id);
      rows = { records, targets: records.map((rec) => this.targets.get(rec) ?? rec) };
      this.sortedRows.set(model, rows);
    }
    return rows;
  }

  /**
   * Ids of the records of `model` whose `field` is `value` (a many2one pointing back, say), in id
   * order, from an index instead of a scan.
   *
   * @example
   * store.idsWhere('stock.move', 'picking_id', 15); // [41, 42]
   */
  idsWhere(model: string, field: string, value: number): number[] {
    const ids = this.indexOf(model, field).get(value);
    return ids === undefined ? [] : [...ids].sort((a, b) => a - b);
  }

  remove(model: string, id: number): void {
    const rec = this.tables.get(model)?.get(id);
    if (rec === undefined) return;
    this.detach(model, rec);
    this.journal?.push(() => this.attach(model, rec));
  }

  /** Makes the next created record of `model` get at least `id`. */
  reserveIds(model: string, id: number): void {
    this.setCounter(this.nextIds, model, Math.max(this.nextIds.get(model) ?? 1, id));
  }

  /** The next number of a named sequence (starting at 1, or where `setSequence` put it). */
  nextSequence(code: string): number {
    const n = this.sequences.get(code) ?? 1;
    this.setCounter(this.sequences, code, n + 1);
    return n;
  }

  setSequence(code: string, next: number): void {
    this.setCounter(this.sequences, code, next);
  }

  /**
   * Runs `work` like a database transaction: if it throws, every record it created, changed or
   * deleted and every id or sequence it took is put back, then the error is rethrown. Nested
   * calls join the outer transaction.
   *
   * @example
   * store.transaction(() => { store.insert('res.partner', { name: 'A' }, 2); throw new Error('no'); });
   * // throws; no partner was added
   */
  transaction<T>(work: () => T): T {
    if (this.journal !== undefined) return work();
    const journal: Undo[] = [];
    this.journal = journal;
    try {
      const result = work();
      this.journal = undefined;
      return result;
    } catch (error) {
      this.journal = undefined;
      for (let i = journal.length - 1; i >= 0; i--) journal[i]?.();
      throw error;
    }
  }

  /** A deep copy of every table and counter (whole-store: `transaction` is the cheap rollback). */
  snapshot(): StoreSnapshot {
    const tables = new Map<string, Map<number, Raw>>();
    for (const [model, table] of this.tables) {
      tables.set(model, new Map([...table].map(([id, rec]) => [id, this.targets.get(rec) ?? rec])));
    }
    return structuredClone({ tables, nextIds: this.nextIds, sequences: this.sequences });
  }

  /** Puts a snapshot back. */
  restore(snapshot: StoreSnapshot): void {
    const copy = structuredClone(snapshot);
    this.tables.clear();
    this.sortedRows.clear();
    this.indexes.clear();
    for (const [model, table] of copy.tables) {
      const handler = this.handlerOf(model);
      const wrapped = new Map<number, Raw>();
      for (const [id, target] of table) {
        const rec = new Proxy(target, handler);
        this.targets.set(rec, target);
        wrapped.set(id, rec);
      }
      this.tables.set(model, wrapped);
    }
    this.nextIds.clear();
    for (const [k, v] of copy.nextIds) this.nextIds.set(k, v);
    this.sequences.clear();
    for (const [k, v] of copy.sequences) this.sequences.set(k, v);
  }

  private setCounter(counters: Map<string, number>, key: string, value: number): void {
    const old = counters.get(key);
    if (old === value) return;
    counters.set(key, value);
    this.journal?.push(() => {
      if (old === undefined) counters.delete(key);
      else counters.set(key, old);
    });
  }

  /** Puts a record (proxy) into its table and the model's indexes. */
  private attach(model: string, rec: Raw): void {
    this.table(model).set(rec.id, rec);
    const rows = this.sortedRows.get(model);
    const last = rows?.records[rows.records.length - 1];
    if (rows !== undefined && (last === undefined || last.id < rec.id)) {
      rows.records.push(rec);
      rows.targets.push(this.targets.get(rec) ?? rec);
    } else this.sortedRows.delete(model);
    for (const [field, index] of this.indexes.get(model) ?? []) indexAdd(index, rec[field], rec.id);
  }

  /** Takes a record (proxy) out of its table and the model's indexes. */
  private detach(model: string, rec: Raw): void {
    this.tables.get(model)?.delete(rec.id);
    const rows = this.sortedRows.get(model);
    const at = rows === undefined ? -1 : rows.records.lastIndexOf(rec);
    if (at >= 0) {
      rows?.records.splice(at, 1);
      rows?.targets.splice(at, 1);
    }
    for (const [field, index] of this.indexes.get(model) ?? []) indexDelete(index, rec[field], rec.id);
  }

  private indexOf(model: string, field: string): FieldIndex {
    let fields = this.indexes.get(model);
    if (fields === undefined) {
      fields = new Map();
      this.indexes.set(model, fields);
    }
    let index = fields.get(field);
    if (index === undefined) {
      index = new Map();
      for (const rec of this.table(model).values()) indexAdd(index, rec[field], rec.id);
      fields.set(field, index);
    }
    return index;
  }

  /** Sets (`had`) or deletes a field on a record's target, keeping the indexes right. */
  private assign(model: string, target: Raw, key: string, had: boolean, value: unknown): void {
    const old = target[key];
    if (had) target[key] = value;
    else delete target[key];
    const index = this.indexes.get(model)?.get(key);
    if (index !== undefined && this.tables.get(model)?.get(target.id) !== undefined) {
      indexDelete(index, old, target.id);
      indexAdd(index, target[key], target.id);
    }
  }

  private handlerOf(model: string): ProxyHandler<Raw> {
    let handler = this.handlers.get(model);
    if (handler === undefined) {
      handler = {
        set: (target, key, value) => {
          if (typeof key !== 'string') return Reflect.set(target, key, value);
          this.change(model, target, key, true, value);
          return true;
        },
        deleteProperty: (target, key) => {
          if (typeof key !== 'string') return Reflect.deleteProperty(target, key);
          this.change(model, target, key, false, undefined);
          return true;
        },
      };
      this.handlers.set(model, handler);
    }
    return handler;
  }

  /** A field assignment (`present`) or deletion on a stored record, journaled inside a transaction. */
  private change(model: string, target: Raw, key: string, present: boolean, value: unknown): void {
    const had = Object.hasOwn(target, key);
    const old = target[key];
    if (had === present && old === value) return;
    this.assign(model, target, key, present, value);
    this.journal?.push(() => this.assign(model, target, key, had, old));
  }
}

function indexAdd(index: FieldIndex, value: unknown, id: number): void {
  if (typeof value !== 'number') return;
  let ids = index.get(value);
  if (ids === undefined) {
    ids = new Set();
    index.set(value, ids);
  }
  ids.add(id);
}

function indexDelete(index: FieldIndex, value: unknown, id: number): void {
  if (typeof value !== 'number') return;
  index.get(value)?.delete(id);
}

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

/**
 * The in-memory tables: one map of records per model, auto-increment ids, audit dates and named
 * sequences (`S00025`, `WH/OUT/00015`).
 */
export class RecordStore {
  private readonly tables = new Map<string, Map<number, Raw>>();
  private readonly nextIds = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
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
    this.nextIds.set(model, Math.max(this.nextIds.get(model) ?? 1, id + 1));
    const now = this.now();
    const rec: Raw = {
      create_date: now,
      write_date: now,
      create_uid: uid,
      write_uid: uid,
      ...values,
      id,
    };
    table.set(id, rec);
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

  /** All records of a model, by id. */
  all(model: string): Raw[] {
    return [...this.table(model).values()].sort((a, b) => a.id - b.id);
  }

  remove(model: string, id: number): void {
    this.tables.get(model)?.delete(id);
  }

  /** Makes the next created record of `model` get at least `id`. */
  reserveIds(model: string, id: number): void {
    this.nextIds.set(model, Math.max(this.nextIds.get(model) ?? 1, id));
  }

  /** The next number of a named sequence (starting at 1, or where `setSequence` put it). */
  nextSequence(code: string): number {
    const n = this.sequences.get(code) ?? 1;
    this.sequences.set(code, n + 1);
    return n;
  }

  setSequence(code: string, next: number): void {
    this.sequences.set(code, next);
  }

  /** A deep copy of every table and counter, to roll a failed call back like a transaction. */
  snapshot(): StoreSnapshot {
    return structuredClone({ tables: this.tables, nextIds: this.nextIds, sequences: this.sequences });
  }

  /** Puts a snapshot back. */
  restore(snapshot: StoreSnapshot): void {
    const copy = structuredClone(snapshot);
    this.tables.clear();
    for (const [k, v] of copy.tables) this.tables.set(k, v);
    this.nextIds.clear();
    for (const [k, v] of copy.nextIds) this.nextIds.set(k, v);
    this.sequences.clear();
    for (const [k, v] of copy.sequences) this.sequences.set(k, v);
  }
}

import type { CallCounts, FaultEffect, FaultPlan, FaultRule, OdooRoute } from './types.js';

/** Which call a fault or a counter is looking at. */
export interface CallSite {
  readonly route: OdooRoute;
  readonly model?: string;
  readonly method?: string;
}

/** A seeded PRNG (mulberry32 over a string hash), so probabilistic faults replay identically. */
export function seededRandom(seed: string | number): () => number {
  let h = 1779033703;
  for (const ch of String(seed)) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActiveRule {
  readonly id: number;
  readonly rule: FaultRule;
  seen: number;
  fired: number;
}

/**
 * The runtime fault controller of a fake Odoo: add and clear rules while a test runs, and read the
 * call counters.
 *
 * @example
 * ```ts
 * const odoo = createOdooHandlers({ version: 19 });
 * odoo.faults.add({ method: 'search_read', effect: { kind: 'drop' }, times: 1 });
 * // ... the first search_read fails with a network error, the second answers
 * expect(odoo.faults.calls().methods['res.partner.search_read']).toBe(2);
 * ```
 */
export class FaultController {
  #rules: ActiveRule[] = [];
  #nextId = 1;
  #random: () => number;
  #total = 0;
  #routes: Record<string, number> = {};
  #models: Record<string, number> = {};
  #methods: Record<string, number> = {};

  constructor(plan: FaultPlan = {}) {
    this.#random = seededRandom(plan.seed ?? 'crossdock');
    for (const rule of plan.rules ?? []) this.add(rule);
  }

  /** Adds a rule; answers its id for `remove`. */
  add(rule: FaultRule): number {
    const id = this.#nextId++;
    this.#rules.push({ id, rule, seen: 0, fired: 0 });
    return id;
  }

  remove(id: number): void {
    this.#rules = this.#rules.filter((r) => r.id !== id);
  }

  /** Removes every rule (the counters stay; see `resetCalls`). */
  clear(): void {
    this.#rules = [];
  }

  /** Reseeds the generator of probabilistic rules. */
  reseed(seed: string | number): void {
    this.#random = seededRandom(seed);
  }

  /** How many rules are still active. */
  get size(): number {
    return this.#rules.length;
  }

  /** The call counters since the start (or the last `resetCalls`). */
  calls(): CallCounts {
    return {
      total: this.#total,
      routes: { ...this.#routes },
      models: { ...this.#models },
      methods: { ...this.#methods },
    };
  }

  resetCalls(): void {
    this.#total = 0;
    this.#routes = {};
    this.#models = {};
    this.#methods = {};
  }

  /** Counts a call (every call, faulted or not). */
  count(site: CallSite): void {
    this.#total++;
    bump(this.#routes, site.route);
    if (site.model !== undefined) bump(this.#models, site.model);
    if (site.method !== undefined)
      bump(this.#methods, site.model === undefined ? site.method : `${site.model}.${site.method}`);
  }

  /** The effects that fire for this call, in rule order; retires rules whose `times` are used up. */
  take(site: CallSite): FaultEffect[] {
    const effects: FaultEffect[] = [];
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.route !== undefined && rule.route !== site.route) continue;
      if (rule.model !== undefined && rule.model !== site.model) continue;
      if (rule.method !== undefined && rule.method !== site.method) continue;
      active.seen++;
      if (rule.after !== undefined && active.seen <= rule.after) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      active.fired++;
      effects.push(rule.effect);
    }
    this.#rules = this.#rules.filter((r) => r.rule.times === undefined || r.fired < r.rule.times);
    return effects;
  }
}

function bump(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}

import { IllegalTransitionError } from '../errors.js';

export type TransitionResult<S extends string> =
  | { readonly ok: true; readonly state: S }
  | { readonly ok: false; readonly error: IllegalTransitionError };

/** An explicit state machine: the states, where it starts, and every legal move. */
export interface Lifecycle<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  /** States with no way out. */
  readonly terminal: readonly S[];
  /** The states `from` may move to. */
  next(from: S): readonly S[];
  canTransition(from: string, to: string): boolean;
  /** The next state, or a typed error that says why the move is illegal. Never throws. */
  transition(from: string, to: string): TransitionResult<S>;
  /** The next state; throws `IllegalTransitionError` when the move is illegal. */
  assertTransition(from: string, to: string): S;
}

export interface LifecycleDefinition<S extends string> {
  readonly name: string;
  readonly initial: S;
  /** For every state, the states it may move to; an empty list makes it terminal. */
  readonly transitions: { readonly [K in S]: readonly S[] };
}

/**
 * Builds a lifecycle from its transition table.
 *
 * @example
 * const door = defineLifecycle({ name: 'door', initial: 'closed', transitions: { closed: ['open'], open: ['closed'] } });
 * door.transition('closed', 'open'); // { ok: true, state: 'open' }
 */
export function defineLifecycle<S extends string>(definition: LifecycleDefinition<S>): Lifecycle<S> {
  const { name, initial, transitions } = definition;
  const states = Object.keys(transitions) as S[];
  const isState = (value: string): value is S => Object.hasOwn(transitions, value);
  const terminal = states.filter((state) => transitions[state].length === 0);

  const refuse = (from: string, to: string): IllegalTransitionError => {
    const unknown = [from, to].find((state) => !isState(state));
    if (unknown !== undefined) {
      return new IllegalTransitionError({
        lifecycle: name,
        from,
        to,
        reason: 'unknown_state',
        allowed: [],
        message: `${name}: "${unknown}" is not a state; the states are ${states.join(', ')}`,
      });
    }
    const allowed = transitions[from as S];
    if (from === to) {
      return new IllegalTransitionError({
        lifecycle: name,
        from,
        to,
        reason: 'same_state',
        allowed,
        message: `${name}: already ${from}; a repeated update is not a transition`,
      });
    }
    if (allowed.length === 0) {
      return new IllegalTransitionError({
        lifecycle: name,
        from,
        to,
        reason: 'terminal',
        allowed,
        message: `${name}: ${from} is final; nothing can follow it, so not ${to}`,
      });
    }
    return new IllegalTransitionError({
      lifecycle: name,
      from,
      to,
      reason: 'not_allowed',
      allowed,
      message: `${name}: ${from} cannot move to ${to}; it can move to ${allowed.join(', ')}`,
    });
  };

  const canTransition = (from: string, to: string): boolean =>
    isState(from) && isState(to) && transitions[from].includes(to);

  return {
    name,
    states,
    initial,
    terminal,
    next: (from) => transitions[from],
    canTransition,
    transition: (from, to) =>
      canTransition(from, to) ? { ok: true, state: to as S } : { ok: false, error: refuse(from, to) },
    assertTransition(from, to) {
      if (!canTransition(from, to)) throw refuse(from, to);
      return to as S;
    },
  };
}

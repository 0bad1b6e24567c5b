/** Lets every pending promise continuation run (no real timer is involved with a manual clock). */
export const flush = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** Awaits a promise that must reject and returns the reason; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A promise with its resolve and reject exposed, to hold a handler open until the test lets go. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

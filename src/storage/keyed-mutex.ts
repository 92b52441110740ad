/**
 * An in-process lock per key: `run(key, work)` starts `work` only after every earlier
 * `run` with the same key has settled. The memory adapter's `exclusive` is this; the
 * PostgreSQL adapter uses it for PGlite, which is one connection in one process.
 */
export interface KeyedMutex {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** A new {@link KeyedMutex}; keys with nothing queued hold no memory. */
export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      // The queue continues whether `work` succeeds or fails; the caller still sees the outcome.
      const result = previous.then(work, work);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      try {
        return await result;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

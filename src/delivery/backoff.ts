/** How retries are spaced. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. Default 30 s. */
  baseMs?: number;
  /** Longest delay, in ms. Default 1 h. */
  maxMs?: number;
  /** Uniform random number in [0, 1); inject a seeded one in tests. Default `Math.random`. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): exponential, capped, with "equal
 * jitter" (half fixed, half random) so that deliveries that failed together (a platform
 * outage) do not all come back at the same instant, while the delay still grows.
 * Source: Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015.
 *
 * @example
 * ```ts
 * backoffDelay(1, { baseMs: 1000, random: () => 0 }) // 500
 * backoffDelay(3, { baseMs: 1000, random: () => 0.999 }) // just under 4000
 * ```
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 30_000;
  const max = options.maxMs ?? 3_600_000;
  const random = options.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

import type { StorageAdapter } from '../storage/index';

/** What a check is given: fresh adapters from the integrator's factory. */
export interface ConformanceEnv {
  /**
   * A new adapter from the integrator's factory. It must start empty; the runner tears down
   * every adapter a check made when the check ends, whether it passed or not.
   */
  adapter(): Promise<StorageAdapter>;
  /** How many commits the concurrency checks race at once. */
  readonly concurrency: number;
  /** A second handle on `adapter`'s store (the integrator's `openSecondHandle`), when given. */
  secondHandle?(adapter: StorageAdapter): Promise<StorageAdapter>;
  /** Makes `adapter`'s next commit fail halfway (the integrator's `armHalfwayFailure`), when given. */
  armHalfwayFailure?(adapter: StorageAdapter): Promise<void>;
}

/** A check that does not apply to the adapter (e.g. the artifact checks without `artifacts`). */
export interface ConformanceSkip {
  skipped: string;
}

/**
 * One rule of the storage contract, as an executable check. `run` resolves when the adapter
 * keeps the rule, resolves with a {@link ConformanceSkip} when the rule does not apply, and
 * rejects with a `ConformanceFailure` when the adapter breaks it.
 */
export interface ConformanceCheck {
  /** Stable id, `<group>/<rule>`, e.g. `commit/stale-version`. */
  readonly id: string;
  /** One line saying what the adapter must do; the vitest test name. */
  readonly title: string;
  run(env: ConformanceEnv): Promise<void | ConformanceSkip>;
}

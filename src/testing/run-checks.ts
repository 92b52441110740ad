import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import type { StorageAdapter } from '../storage/index';
import { assert, ConformanceFailure, ContractViolation } from './assert';
import type { ConformanceCheck } from './check';
import { conformanceChecks } from './checks/index';

/** How to make (and dispose of) the adapter under test. */
export interface AdapterConformanceOptions {
  /** Names the suite, e.g. `'postgres (PGlite)'`. */
  name: string;
  /**
   * Makes a new, EMPTY adapter. Called once or more per check; two adapters it returns must
   * not share data (give each its own database, schema or table prefix).
   */
  factory: () => StorageAdapter | Promise<StorageAdapter>;
  /** Disposes of an adapter the factory made (drop its schema, close its pool, …). */
  teardown?: (adapter: StorageAdapter) => void | Promise<void>;
  /** How many commits the concurrency checks race at once; 2–64, default 8. */
  concurrency?: number;
  /**
   * Opens a second handle on the store behind `adapter`, as a second host process would (a
   * new adapter over another connection pool to the same database and schema). Enables the
   * `handles/*` check and runs `feed/*` and `exclusive/*` across two handles. The kit does
   * not tear these handles down; close what you opened in your own `afterAll`.
   */
  openSecondHandle?: (adapter: StorageAdapter) => StorageAdapter | Promise<StorageAdapter>;
  /**
   * Makes the NEXT commit through `adapter` write the document and then fail before writing
   * its events, through a test hook of the adapter (`memoryAdapter({ failBetweenWrites })`,
   * `postgresAdapter({ failBetweenWrites })`). Enables `commit/fails-halfway`.
   */
  armHalfwayFailure?: (adapter: StorageAdapter) => void | Promise<void>;
  /**
   * Checks the adapter is known to fail now and then, by id, each with the reason (an issue
   * link, say). They still run: a pass is reported as a pass, a failure as a skip that quotes
   * the reason and the failure, so the suite stays green while the defect stays in view.
   * Meant for a defect being worked on, not for hiding one.
   */
  knownIssues?: Readonly<Record<string, string>>;
}

const optionsSchema = z.object({
  name: z.string().min(1),
  factory: z.custom<AdapterConformanceOptions['factory']>((v) => typeof v === 'function', 'must be a function returning an adapter'),
  teardown: z.custom<NonNullable<AdapterConformanceOptions['teardown']>>((v) => typeof v === 'function', 'must be a function').optional(),
  concurrency: z.number().int().min(2).max(64).optional(),
  openSecondHandle: z.custom<NonNullable<AdapterConformanceOptions['openSecondHandle']>>((v) => typeof v === 'function', 'must be a function').optional(),
  armHalfwayFailure: z.custom<NonNullable<AdapterConformanceOptions['armHalfwayFailure']>>((v) => typeof v === 'function', 'must be a function').optional(),
  knownIssues: z.record(z.string(), z.string().min(1)).optional(),
});

/** Validates {@link AdapterConformanceOptions} (throws `VALIDATION`). */
export function parseConformanceOptions(options: AdapterConformanceOptions): AdapterConformanceOptions {
  return parseOrThrow(optionsSchema, options, 'adapter conformance options') as AdapterConformanceOptions;
}

/** How one check ended. Failures carry the error (usually a {@link ConformanceFailure}). */
export type ConformanceResult =
  | { id: string; title: string; status: 'passed' }
  | { id: string; title: string; status: 'skipped'; reason: string }
  | { id: string; title: string; status: 'failed'; error: unknown };

/**
 * Runs one check against adapters from `options.factory`, tearing down every adapter it
 * made. Resolves with `passed` or `skipped`; rejects with the failure (a
 * {@link ConformanceFailure} when the adapter broke the contract).
 *
 * @example
 * ```ts
 * const check = conformanceChecks.find((c) => c.id === 'commit/stale-version')!;
 * await runConformanceCheck(check, { name: 'mine', factory: () => myAdapter() });
 * ```
 */
export async function runConformanceCheck(
  check: ConformanceCheck,
  options: AdapterConformanceOptions,
): Promise<Extract<ConformanceResult, { status: 'passed' | 'skipped' }>> {
  const { factory, teardown, concurrency = 8, openSecondHandle, armHalfwayFailure } = parseConformanceOptions(options);
  const made: StorageAdapter[] = [];
  let outcome;
  try {
    outcome = await check.run({
      concurrency,
      async adapter() {
        const adapter = await factory();
        made.push(adapter);
        assert.ok(adapter && typeof adapter.commit === 'function', 'factory() did not return a StorageAdapter');
        return adapter;
      },
      ...(openSecondHandle
        ? {
            async secondHandle(adapter: StorageAdapter) {
              const second = await openSecondHandle(adapter);
              assert.ok(second && typeof second.commit === 'function', 'openSecondHandle() did not return a StorageAdapter');
              return second;
            },
          }
        : {}),
      ...(armHalfwayFailure ? { armHalfwayFailure: async (adapter: StorageAdapter) => void (await armHalfwayFailure(adapter)) } : {}),
    });
  } catch (error) {
    // Errors the check did not raise itself (a driver error, a TypeError in the adapter) are
    // failures of this check too; wrap them so the report names the rule being exercised.
    if (error instanceof ContractViolation) throw new ConformanceFailure(check.id, error.message, { cause: error.cause });
    throw new ConformanceFailure(check.id, `the adapter threw: ${describe(error)}`, { cause: error });
  } finally {
    // Tear down newest first, and every one even if one teardown throws.
    const errors: unknown[] = [];
    for (const adapter of made.reverse()) {
      try {
        await teardown?.(adapter);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw new ConformanceFailure(check.id, `teardown failed: ${describe(errors[0])}`, { cause: errors[0] });
  }
  return outcome ? { id: check.id, title: check.title, status: 'skipped', reason: outcome.skipped } : { id: check.id, title: check.title, status: 'passed' };
}

/**
 * Runs every check (or those in `checks`) one after another and reports each, never
 * throwing for a failed check: for runners other than vitest, or a CLI report.
 *
 * @example
 * ```ts
 * const results = await runConformanceChecks({ name: 'mine', factory: () => myAdapter() });
 * const failed = results.filter((r) => r.status === 'failed');
 * ```
 */
export async function runConformanceChecks(
  options: AdapterConformanceOptions,
  checks: readonly ConformanceCheck[] = conformanceChecks,
): Promise<ConformanceResult[]> {
  parseConformanceOptions(options);
  const results: ConformanceResult[] = [];
  for (const check of checks) {
    try {
      results.push(await runConformanceCheck(check, options));
    } catch (error) {
      results.push({ id: check.id, title: check.title, status: 'failed', error });
    }
  }
  return results;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

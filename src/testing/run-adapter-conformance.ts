import { describe, it } from 'vitest';
import { conformanceChecks } from './checks/index';
import { parseConformanceOptions, runConformanceCheck } from './run-checks';
import type { AdapterConformanceOptions } from './run-checks';

/**
 * Registers a vitest suite proving that an adapter keeps the storage contract: round trips,
 * copies in and out, create and stale-version conflicts, concurrent commits (exactly one
 * wins), atomicity of document and events, keyset pagination without gaps or repeats (also
 * while others insert), every list filter, limits and bad cursors, isolation between
 * instances, event order, and the optional artifact store. One test per check, named by the
 * check's id; call it at the top level of a test file. Requires `vitest` (an optional peer
 * dependency of govpub).
 *
 * @example
 * ```ts
 * // test/my-adapter.test.ts
 * import { runAdapterConformance } from 'govpub/testing';
 * import { myAdapter } from '../src/index';
 *
 * runAdapterConformance({
 *   name: 'my adapter',
 *   factory: async () => myAdapter({ database: await createScratchDatabase() }),
 *   teardown: (adapter) => dropScratchDatabase(adapter),
 * });
 * ```
 */
export function runAdapterConformance(options: AdapterConformanceOptions): void {
  const valid = parseConformanceOptions(options);
  describe(`${valid.name} conforms to the govpub StorageAdapter contract`, () => {
    for (const check of conformanceChecks) {
      it(`${check.id}: ${check.title}`, async (context) => {
        const known = valid.knownIssues?.[check.id];
        if (known === undefined) {
          const result = await runConformanceCheck(check, valid);
          if (result.status === 'skipped') context.skip(result.reason);
          return;
        }
        try {
          const result = await runConformanceCheck(check, valid);
          if (result.status === 'skipped') context.skip(result.reason);
        } catch (error) {
          context.skip(`known issue (${known}); failed this run: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }
  });
}

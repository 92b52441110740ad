import { describe, it } from 'vitest';

const HOW = 'eval "$(bash scripts/ci-postgres.sh)"';

/**
 * The DATABASE_URL to test against, or `undefined` after registering what to do without one:
 * locally a skipped suite whose name says why; in CI (process.env.CI set) a failing test, so
 * the server tests can never silently disappear from a pipeline.
 */
export function serverGuard(suite: string): string | undefined {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  if (process.env.CI) {
    describe(suite, () => {
      it('needs DATABASE_URL in CI', () => {
        throw new Error(`DATABASE_URL is not set, but CI is: the ${suite} tests must run in CI. Run ${HOW} before the tests.`);
      });
    });
  } else {
    console.warn(`[govpub] ${suite} tests skipped: DATABASE_URL is not set. To run them: ${HOW}`);
    describe.skip(`${suite} — skipped: DATABASE_URL is not set (run ${HOW})`, () => {
      it('runs against a real PostgreSQL server', () => {});
    });
  }
  return undefined;
}

import { isGovpubError } from '../../src/errors/index';

/**
 * The VALIDATION error `run` throws, as a host sees it (message and issues), for tests that pin
 * the exact wording and paths; fails the test when `run` throws something else or nothing.
 */
export function validationFailure(run: () => unknown): { message: string; issues: unknown } {
  try {
    run();
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return { message: e.message, issues: e.details.issues };
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

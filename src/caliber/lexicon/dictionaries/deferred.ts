import { GovpubError } from '../../../errors/index';
import type { DictionaryTables } from './eager';

// The browser's `#dictionaries` (see ./eager.ts): the tables arrive with a dynamic import, so a
// bundler puts them in a chunk of their own that a page fetches on `loadDictionaries()`.

let tables: DictionaryTables | undefined;
let loading: Promise<void> | undefined;

/** The word tables; throws until {@link loadDictionaries} has finished. */
export function dictionaryTables(): DictionaryTables {
  if (tables) return tables;
  // Start the fetch now, so that a host retrying after its own await finds them sooner.
  loadDictionaries().catch(() => {});
  throw new GovpubError(
    'VALIDATION',
    'The word tables of zhGovNonWords and zhGovDeDiDe (both in defaultRuleSets) are not loaded yet: in a browser bundle, `await loadDictionaries()` before a synchronous checkCaliber or findNonWords with them (a publisher loads them itself).',
    { details: { issues: [{ path: ['dictionaries'], message: 'not loaded: await loadDictionaries() first' }] } },
  );
}

/** As in ./eager.ts; here the first call fetches the tables, and a failed fetch may be retried. */
export function loadDictionaries(): Promise<void> {
  loading ??= import('./tables').then(
    (module) => {
      tables = module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether the word tables are loaded. */
export function dictionariesLoaded(): boolean {
  return tables !== undefined;
}

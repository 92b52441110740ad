import * as tables from './tables';

// Where the word tables come from. Source code imports this module; in the ESM build the
// import becomes the package import `#dictionaries` (tsup.config.ts), which package.json maps
// to this module by default and to ./deferred.ts under the `browser` condition. So Node has
// the tables at once, as before (`checkCaliber` with `defaultRuleSets` stays synchronous), and
// a browser page fetches their ~360 KB gzip only when it checks with the packs that read them.
// The CommonJS build and the bin bundle this module. ./deferred.ts exports the same names
// with the same types (test/caliber/dictionaries.test.ts).

/** The word tables (./tables.ts): the word list, the homophone groups and the word classes. */
export type DictionaryTables = typeof tables;

/** The word tables, loaded with the package in this build. */
export function dictionaryTables(): DictionaryTables {
  return tables;
}

/**
 * Loads the word tables that `zhGovNonWords` and `zhGovDeDiDe` (both in `defaultRuleSets`) and
 * `findNonWords` read. Under Node, and wherever govpub is loaded without the `browser` export
 * condition, they come with the package and this resolves at once; a browser bundle fetches
 * them (about 360 KB gzip, one chunk) on the first call. In a browser, call it before a
 * synchronous `checkCaliber` with those packs; a publisher's gates call it themselves. Safe to
 * call any number of times, and again after a failed fetch.
 *
 * @example
 * ```ts
 * import { checkCaliber, defaultRuleSets, loadDictionaries } from 'govpub';
 * await loadDictionaries();
 * checkCaliber(draft, defaultRuleSets);
 * ```
 */
export function loadDictionaries(): Promise<void> {
  return Promise.resolve();
}

/** Whether the word tables are loaded: always, outside browser bundles; see {@link loadDictionaries}. */
export function dictionariesLoaded(): boolean {
  return true;
}

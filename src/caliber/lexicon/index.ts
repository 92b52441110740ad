export { zhGovTypos } from './typos-pack';
export { zhGovDeDiDe } from './de-di-de-pack';
export { zhGovNonWords } from './non-words-pack';
export { findNonWords } from './non-words';
export { loadDictionaries, dictionariesLoaded } from './dictionaries/eager';
export type { NonWordHit } from './non-words';

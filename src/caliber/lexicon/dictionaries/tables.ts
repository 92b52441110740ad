// The word tables as plain strings: what `loadDictionaries()` fetches in a browser bundle.
// Data only, nothing imported, so the chunk a bundler makes of it shares no code with the page
// (code shared with a lazy chunk would split the page's own code into more files).
export { HOMOPHONE_TABLE, WORD_CHARS, WORD_LIST } from '../word-table';
export { WORD_CLASS_TABLE } from '../word-classes';

import { dictionaryTables } from './dictionaries/eager';

/**
 * A word's class in the table (jieba's part-of-speech tags, grouped; see
 * scripts/caliber/generate-word-classes.ts): `a` adjective or state word, `i` four-character
 * idiom, `d` adverb, `v` verb, `vn` verb also used as a noun, `p` preposition, `n` any other
 * word (nouns, and words that contain 的/地/得 as a character of their own, such as 目的, 土地, 取得).
 */
export type WordClass = 'a' | 'i' | 'd' | 'v' | 'vn' | 'p' | 'n';

/** The longest word of the table, in characters. */
export const LONGEST_CLASSED_WORD = 4;

let loaded: ReadonlyMap<string, WordClass> | undefined;

/** The word-class table, parsed on first use (a few milliseconds) and kept for the life of the process. */
export function wordClasses(): ReadonlyMap<string, WordClass> {
  return (loaded ??= parse(dictionaryTables().WORD_CLASS_TABLE));
}

function parse(table: string): Map<string, WordClass> {
  const classes = new Map<string, WordClass>();
  for (const section of table.split(';')) {
    const colon = section.indexOf(':');
    const name = section.slice(0, colon) as WordClass;
    for (const group of section.slice(colon + 1).split(',')) {
      if (!group) continue;
      const first = group[0]!;
      for (const rest of group.slice(1).split('/')) classes.set(first + rest, name);
    }
  }
  return classes;
}

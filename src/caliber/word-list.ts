import { readNumbers } from '../text/index';

/**
 * The compact form of the lexicon's word list (src/caliber/lexicon/word-table.ts), written by
 * scripts/caliber/word-list-encoding.ts. The plain form, one string of every word followed by a
 * letter for its frequency bucket (`一s一一l…`), bundled as 1.2 MB of `\uXXXX` escapes and
 * 340 KB gzipped; this one is about 240 KB gzipped and decodes in one pass on first use.
 *
 * - `chars`: every character of the list, most frequent first, each as its code minus
 *   {@link CHAR_BASE} in the number digits of src/text/char-codes.ts;
 * - `list`: the words in sorted order, each as one of {@link PREFIX_SYMBOLS} (how many
 *   characters it shares with the word before, 0–3), the ranks in `chars` of the rest of its
 *   characters, and one of {@link BUCKET_SYMBOLS} (its frequency bucket, from
 *   {@link FIRST_BUCKET}).
 */
export const CHAR_BASE = 0x3400;
/** Shared-prefix lengths 0, 1, 2, 3. */
export const PREFIX_SYMBOLS = 'wxyz';
/** Frequency buckets FIRST_BUCKET, FIRST_BUCKET + 1, … */
export const BUCKET_SYMBOLS = "'()+,-./:;<=>?@[]^_{|}~";
/** The frequency bucket of the first of {@link BUCKET_SYMBOLS}. */
export const FIRST_BUCKET = 4;

/** The plain word table (each word followed by `a` + its bucket) from its compact form. */
export function decodeWordList(chars: string, list: string): string {
  const alphabet: string[] = [];
  readNumbers(chars, 0, chars.length, (v) => alphabet.push(String.fromCharCode(CHAR_BASE + v)));
  const out: string[] = [];
  let previous = '';
  let word = '';
  readNumbers(
    list,
    0,
    list.length,
    (rank) => {
      word += alphabet[rank]!;
    },
    (code) => {
      const prefix = PREFIX_SYMBOLS.indexOf(String.fromCharCode(code));
      if (prefix >= 0) {
        word = previous.slice(0, prefix);
        return;
      }
      const bucket = BUCKET_SYMBOLS.indexOf(String.fromCharCode(code));
      if (bucket < 0) throw new RangeError(`decodeWordList: unexpected character ${code}`);
      out.push(word, String.fromCharCode(97 + FIRST_BUCKET + bucket));
      previous = word;
    },
  );
  return out.join('');
}

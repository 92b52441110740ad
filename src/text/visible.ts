import { decodeHTML } from 'entities';
// zod/mini: this module shares a bundle chunk with the text helpers every check loads, and a
// classic schema built at module level would bring zod's whole classic API with it.
import * as z from 'zod/mini';
import { parseOrThrow } from '../errors/index';
import { MAX_TEXT_LENGTH } from './arguments';

/**
 * Characters a reader never sees but that break a value apart for a pattern: zero-width
 * space, non-joiner and joiner, word joiner, BOM / zero-width no-break space, soft hyphen,
 * Mongolian vowel separator, the bidirectional marks, embeddings, overrides and isolates,
 * invisible operators (U+2061–U+2064) and the Hangul / Khmer fillers that render as nothing.
 * (Unicode `Default_Ignorable_Code_Point` minus the variation selectors, which change a
 * glyph rather than hide one.)
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/;

// Elements a browser lays out as blocks: text on either side never joins into one word,
// so a tag of one of these becomes a line break in the visible text.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const ENTITY = /&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>/y;
const COMMENT_END = '-->';

/** What {@link visibleText} strips besides entities and invisible characters. */
export interface VisibleTextOptions {
  /**
   * `html`: remove tags and comments (block tags become line breaks); `markdown`: that, and
   * also the emphasis, strike-through and code markers (`*`, `~`, `` ` ``) Markdown never
   * shows; `none`: keep every character but entities and invisible ones. Default `html`.
   */
  markup?: 'html' | 'markdown' | 'none';
}

/**
 * The text as a reader sees it, with the way back to the source: unit `i` of `text` came
 * from `source.slice(starts[i], ends[i])`.
 */
export interface VisibleText {
  readonly source: string;
  readonly text: string;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The source span that produced `text.slice(start, end)` (`end` exclusive; an empty span maps to an empty span). */
  toSource(start: number, end: number): { start: number; end: number };
}

const optionsSchema = z.strictObject({ markup: z.optional(z.enum(['html', 'markdown', 'none'])) });

/**
 * What a reader of a rendered page sees of `source`: markup removed, HTML character
 * references decoded (the full HTML5 table, through the `entities` package), invisible
 * characters dropped. A check runs on `text` and maps its findings back with `toSource`, so
 * `1101<b></b>05…`, `&#26426;密` or `138\u200b1234\u200b5678` cannot hide a value from it.
 *
 * Linear in the length of `source`.
 *
 * @example
 * ```ts
 * const v = visibleText('机<i></i>&#23494;★1年');
 * v.text; // '机密★1年'
 * v.toSource(0, 2); // { start: 0, end: 17 }
 * ```
 */
export function visibleText(source: string, options: VisibleTextOptions = {}): VisibleText {
  parseOrThrow(z.string().check(z.maxLength(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`)), source, 'visibleText source');
  const markup = parseOrThrow(optionsSchema, options, 'visibleText options').markup ?? 'html';
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (chunk: string, from: number, to: number) => {
    out.push(chunk);
    for (let k = 0; k < chunk.length; k++) {
      starts.push(from);
      ends.push(to);
    }
  };

  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(source);
      if (m) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          // A reference to an invisible character hides as well as the character itself.
          const shown = [...decoded].filter((ch) => !INVISIBLE.test(ch)).join('');
          if (shown) emit(shown, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    } else if (c === '<' && markup !== 'none') {
      if (source.startsWith('<!--', i)) {
        const close = source.indexOf(COMMENT_END, i + 4);
        i = close < 0 ? source.length : close + COMMENT_END.length;
        continue;
      }
      TAG.lastIndex = i;
      const m = TAG.exec(source);
      if (m) {
        if (BLOCK_TAGS.has(m[1]!.toLowerCase())) emit('\n', i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (markup === 'markdown' && (c === '*' || c === '~' || c === '`')) {
      i++;
      continue;
    } else if (INVISIBLE.test(c)) {
      i++;
      continue;
    }
    emit(c, i, i + 1);
    i++;
  }

  const text = out.join('');
  const startArray = Uint32Array.from(starts);
  const endArray = Uint32Array.from(ends);
  return {
    source,
    text,
    starts: startArray,
    ends: endArray,
    toSource(start: number, end: number) {
      if (end <= start) {
        const at = start < startArray.length ? startArray[start]! : source.length;
        return { start: at, end: at };
      }
      return { start: startArray[start]!, end: endArray[end - 1]! };
    },
  };
}

import { isSkipped } from '../skip-ranges';
import type { BuiltinCheck, BuiltinContext, BuiltinHit } from './context';

/** Which rule reports a problem with a mark of this family. */
type Family = 'quote' | 'bracket' | 'title';

interface MarkKind {
  readonly pair: string;
  readonly family: Family;
  readonly name: string;
}

const PAREN: MarkKind = { pair: 'paren', family: 'bracket', name: '括号' };
const KINDS: Record<string, { kind: MarkKind; open: boolean; full: boolean }> = {};
function define(open: string, close: string, kind: MarkKind, full = true): void {
  KINDS[open] = { kind, open: true, full };
  KINDS[close] = { kind, open: false, full };
}
define('（', '）', PAREN);
define('(', ')', PAREN, false);
define('【', '】', { pair: 'lenticular', family: 'bracket', name: '方头括号' });
define('〔', '〕', { pair: 'tortoise', family: 'bracket', name: '六角括号' });
define('［', '］', { pair: 'square', family: 'bracket', name: '方括号' });
define('｛', '｝', { pair: 'brace', family: 'bracket', name: '花括号' });
define('「', '」', { pair: 'corner', family: 'quote', name: '直角引号' });
define('『', '』', { pair: 'white-corner', family: 'quote', name: '直角引号' });
define('“', '”', { pair: 'double-quote', family: 'quote', name: '双引号' });
define('‘', '’', { pair: 'single-quote', family: 'quote', name: '单引号' });
define('《', '》', { pair: 'title', family: 'title', name: '书名号' });
define('〈', '〉', { pair: 'single-title', family: 'title', name: '单书名号' });

interface Mark {
  at: number;
  char: string;
  kind: MarkKind;
  full: boolean;
}

/** The result of pairing every bracket and quote of a text once. */
interface Pairing {
  unpaired: Mark[];
  pairs: { open: Mark; close: Mark }[];
}

// 1 for the code of every mark in KINDS; built on first use.
let codes: Uint8Array | undefined;
function markCodes(): Uint8Array {
  if (codes) return codes;
  codes = new Uint8Array(0x10000);
  for (const ch of Object.keys(KINDS)) codes[ch.charCodeAt(0)] = 1;
  return codes;
}

const HAN = /\p{sc=Han}/u;
const ASCII_LETTER = /[A-Za-z]/;

// Pairs marks paragraph by paragraph with one stack, so that a closer skips over openers that
// were never closed (“甲（乙” reports the （, not the ”).
function pairMarks(context: BuiltinContext): Pairing {
  const { text, skip } = context;
  const unpaired: Mark[] = [];
  const pairs: Pairing['pairs'] = [];
  let stack: Mark[] = [];

  const endParagraph = (at: number) => {
    // A quotation running over several paragraphs opens each one and closes only the last
    // (GB/T 15834-2011 4.8): an open “ is fine when the next paragraph opens with “ again.
    const nextStart = /^\s*(?:>\s*)*([“「『])/.exec(text.slice(at, at + 80));
    for (const mark of stack) {
      if (nextStart && mark.kind.family === 'quote' && KINDS[nextStart[1]!]?.kind === mark.kind) continue;
      unpaired.push(mark);
    }
    stack = [];
  };

  const marks = markCodes();
  for (let i = 0; i < text.length; i++) {
    // Codes first: `text[i]` would make a string of every character, and few are marks.
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (/^\n[ \t]*\n/.test(text.slice(i, i + 40))) endParagraph(i);
      continue;
    }
    if (!marks[code]) continue;
    const ch = text[i]!;
    const info = KINDS[ch];
    if (!info || isSkipped(skip, i, i + 1)) continue;
    // ’ between two Latin letters is an apostrophe (don’t), not a closing quote.
    if (ch === '’' && ASCII_LETTER.test(text[i - 1] ?? '') && ASCII_LETTER.test(text[i + 1] ?? '')) continue;
    const mark: Mark = { at: i, char: ch, kind: info.kind, full: info.full };
    if (info.open) {
      stack.push(mark);
      continue;
    }
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.kind !== info.kind) k--;
    if (k < 0) {
      unpaired.push(mark);
      continue;
    }
    unpaired.push(...stack.slice(k + 1));
    pairs.push({ open: stack[k]!, close: mark });
    stack.length = k;
  }
  endParagraph(text.length);
  unpaired.sort((a, b) => a.at - b.at);
  pairs.sort((a, b) => a.open.at - b.open.at);
  return { unpaired, pairs };
}

const pairing = (context: BuiltinContext) => context.memo('brackets/pairing', () => pairMarks(context));

function unpairedOf(family: Family): BuiltinCheck {
  return {
    description: `Reports ${family === 'quote' ? 'quotation marks' : family === 'title' ? 'title marks (书名号)' : 'brackets'} without a partner in the same paragraph.`,
    run(context) {
      return pairing(context)
        .unpaired.filter((m) => m.kind.family === family && m.full)
        .map((m) => ({
          start: m.at,
          end: m.at + 1,
          message: `${m.kind.name}“${m.char}”不成对`,
          details: { mark: m.char },
        }));
    },
  };
}

/** Rewrites `(…)`/`(…）`/`（…)` as `（…）`, keeping the inside as written. */
function fullWidthPair(text: string, open: Mark, close: Mark, message: string): BuiltinHit {
  const start = open.at;
  const end = close.at + 1;
  const fixed = `（${text.slice(start + 1, end - 1)}）`;
  return { start, end, message, fix: { start, end, text: fixed }, suggestions: [fixed] };
}

/** Built-in checks on paired punctuation (GB/T 15834-2011 4.8 引号, 4.9 括号, 4.15 书名号). */
export const BRACKET_CHECKS = {
  'unpaired-quotes': unpairedOf('quote'),
  'unpaired-brackets': unpairedOf('bracket'),
  'unpaired-title-marks': unpairedOf('title'),
  'mixed-width-brackets': {
    description: 'Reports a pair of parentheses with one full-width and one half-width mark.',
    run(context) {
      return pairing(context)
        .pairs.filter(({ open, close }) => open.kind === PAREN && open.full !== close.full)
        .map(({ open, close }) => fullWidthPair(context.text, open, close, '括号全角、半角混用'));
    },
  },
  'halfwidth-brackets-around-chinese': {
    description: 'Reports half-width parentheses around text containing Chinese characters.',
    run(context) {
      return pairing(context)
        .pairs.filter(
          ({ open, close }) =>
            open.kind === PAREN && !open.full && !close.full && HAN.test(context.text.slice(open.at + 1, close.at)),
        )
        .map(({ open, close }) => fullWidthPair(context.text, open, close, '中文括注应使用全角括号“（）”'));
    },
  },
  'straight-double-quotes': {
    description: 'Reports straight double quotes ("…") around Chinese text, paired in order within a paragraph.',
    run(context) {
      const { text, skip } = context;
      const hits: BuiltinHit[] = [];
      for (const paragraph of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
        const quotes: number[] = [];
        for (let i = paragraph[0].indexOf('"'); i >= 0; i = paragraph[0].indexOf('"', i + 1)) {
          const at = paragraph.index + i;
          if (!isSkipped(skip, at, at + 1)) quotes.push(at);
        }
        for (let q = 0; q + 1 < quotes.length; q += 2) {
          const start = quotes[q]!;
          const end = quotes[q + 1]! + 1;
          const inner = text.slice(start + 1, end - 1);
          if (!HAN.test(inner)) continue;
          const fixed = `“${inner}”`;
          hits.push({ start, end, message: '中文引文应使用弯引号“”', fix: { start, end, text: fixed }, suggestions: [fixed] });
        }
      }
      return hits;
    },
  },
  'nested-quotes': {
    description: 'Reports quotation marks nested the wrong way: double inside double, or double inside single (outer “”, inner ‘’).',
    run(context) {
      const { text } = context;
      const quotes = pairing(context).pairs.filter(({ open }) => open.kind.pair === 'double-quote' || open.kind.pair === 'single-quote');
      const hits: BuiltinHit[] = [];
      // Pairs are sorted by opening position; a stack of enclosing pairs finds each one's parent.
      const stack: { open: Mark; close: Mark }[] = [];
      const reported = new Set<number>();
      for (const pair of quotes) {
        while (stack.length && stack[stack.length - 1]!.close.at < pair.open.at) stack.pop();
        const parent = stack[stack.length - 1];
        stack.push(pair);
        if (!parent || pair.open.kind.pair !== 'double-quote' || reported.has(parent.open.at)) continue;
        const start = parent.open.at;
        const end = parent.close.at + 1;
        if (parent.open.kind.pair === 'double-quote') {
          // “甲“乙”丙” → “甲‘乙’丙”: the inner pair becomes single quotes.
          const fixed = `‘${text.slice(pair.open.at + 1, pair.close.at)}’`;
          hits.push({
            start: pair.open.at,
            end: pair.close.at + 1,
            message: '引号里面还要用引号时，里面一层用单引号“‘’”',
            fix: { start: pair.open.at, end: pair.close.at + 1, text: fixed },
            suggestions: [fixed],
          });
        } else {
          // ‘甲“乙”丙’ → “甲‘乙’丙”: outer and inner swap.
          const inner = text.slice(start + 1, end - 1);
          const swapped = `“${inner.slice(0, pair.open.at - start - 1)}‘${text.slice(pair.open.at + 1, pair.close.at)}’${inner.slice(pair.close.at - start)}”`;
          hits.push({ start, end, message: '引号嵌套时外面一层用双引号，里面一层用单引号', fix: { start, end, text: swapped }, suggestions: [swapped] });
          reported.add(start);
        }
      }
      return hits;
    },
  },
} satisfies Record<string, BuiltinCheck>;

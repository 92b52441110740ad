import { parseChineseNumeral, parseFigure, toChineseNumeral } from '../numbers';
import type { BuiltinCheck, BuiltinContext, BuiltinHit } from './context';
import { matchesAt, matchesOutsideSkip, replaceMatch } from './context';

const CHINESE_DIGITS = '〇一二三四五六七八九';
const YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

// Measure words after which two adjacent numerals are an estimate (三四天, 七八十年代). 年 is
// kept out when 级 follows (一、二年级 are two grades, not an estimate), and 月 is left out
// altogether (七、八月 are two months).
const ESTIMATE_FOLLOWER = '(?=[十百千万亿]?(?:[天个人次岁名家件位元倍里米吨]|年(?!级)))';

/**
 * The four-digit years a two-digit one can mean, most likely first: this century's unless it
 * lies in the future at `now` (then only last century's).
 */
function fullYears(yy: string, now: number): string[] {
  const thisYear = Number.isNaN(now) ? 9999 : new Date(now).getUTCFullYear();
  return 2000 + Number(yy) <= thisYear ? [`20${yy}年`, `19${yy}年`] : [`19${yy}年`];
}

/** Number form of a figure occurrence, for the one-form-per-document check. */
interface Occurrence {
  start: number;
  end: number;
  chinese: boolean;
  value: number;
  percent: boolean;
}

// Kinds of number whose form (Arabic or Chinese) must agree within one document
// (GB/T 15835-2011: 同类别同形式). Percentages and ages are where both forms are common in
// government writing; counts are not checked because fixed expressions (三个代表, 一带一路)
// legitimately keep Chinese numerals.
// `present`: a text without it has no occurrence of one form at all, so the kind is skipped
// without running its patterns (the age patterns begin with a look-behind and are tried at
// every position).
const KINDS: { name: string; chinese: RegExp; arabic: RegExp; present: (text: string) => boolean }[] = [
  {
    name: '百分数',
    chinese: /百分之[零〇一二两三四五六七八九十百千点]+/gu,
    arabic: /(?<![\d.])\d+(?:\.\d+)?[%％]/gu,
    present: (text) => text.includes('百分之') && (text.includes('%') || text.includes('％')),
  },
  {
    name: '年龄',
    chinese: /(?<![零〇一二两三四五六七八九十百])[一二两三四五六七八九十百]+(?=周?岁)/gu,
    arabic: /(?<![\d.])\d{1,3}(?=周?岁)/gu,
    present: (text) => text.includes('岁'),
  },
];

function occurrences(context: BuiltinContext, re: RegExp, chinese: boolean): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of matchesOutsideSkip(context, re)) {
    const figure = parseFigure(m[0].replace('％', '%'));
    if (!figure) continue;
    out.push({ start: m.index, end: m.index + m[0].length, chinese, value: figure.value, percent: figure.percent });
  }
  return out;
}

function rewrite(o: Occurrence, toChinese: boolean): string {
  if (toChinese) return (o.percent ? '百分之' : '') + toChineseNumeral(o.value);
  return `${o.value}${o.percent ? '%' : ''}`;
}

const CHINESE_DATE = /([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})([日号]))?)?/uy;

/** Built-in checks on numbers (GB/T 15835-2011). */
export const NUMBER_CHECKS = {
  'adjacent-estimate-arabic': {
    description: 'Reports adjacent Arabic numerals joined by a 顿号 as an estimate (3、4天 → 三四天).',
    run(context) {
      const re = new RegExp(`(?<![\\d.第])([1-8])、([2-9])(?![\\d.])${ESTIMATE_FOLLOWER}`, 'gu');
      const hits: BuiltinHit[] = [];
      for (const m of matchesOutsideSkip(context, re)) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (b !== a + 1) continue;
        hits.push(replaceMatch(m, CHINESE_DIGITS[a]! + CHINESE_DIGITS[b]!, '相邻两数连用表示概数，应使用汉字数字且不加顿号'));
      }
      return hits;
    },
  },
  'shortened-year': {
    description: 'Reports years written with two digits (90年5月, ’98年, 〇八年).',
    run(context) {
      const hits: BuiltinHit[] = [];
      const arabic = /(?<![\d'’])(?:['’](\d{2})年(?!代)|(\d{2})年(?=\d{1,2}月))/gu;
      for (const m of matchesOutsideSkip(context, arabic)) {
        const yy = m[1] ?? m[2]!;
        hits.push({ start: m.index, end: m.index + m[0].length, message: '年份不应简写，应写全四位', suggestions: fullYears(yy, context.now) });
      }
      const chinese = /(?<![〇零一二三四五六七八九])[〇零][〇零一二三四五六七八九]年/gu;
      for (const m of matchesOutsideSkip(context, chinese)) {
        const yy = [...m[0].slice(0, 2)].map((c) => YEAR_DIGIT[c]).join('');
        hits.push({ start: m.index, end: m.index + m[0].length, message: '年份不应简写，应写全四位', suggestions: fullYears(yy, context.now) });
      }
      return hits;
    },
  },
  'date-chinese-numerals': {
    description: 'Reports calendar dates in Chinese numerals (二〇二四年三月五日 → 2024年3月5日).',
    run(context) {
      const hits: BuiltinHit[] = [];
      // Every match starts four characters before a 年: tried only there (see matchesAt).
      const starts: number[] = [];
      const { text } = context;
      for (let p = text.indexOf('年', 4); p >= 0; p = text.indexOf('年', p + 1)) starts.push(p - 4);
      for (const m of matchesAt(context, CHINESE_DATE, starts)) {
        const year = [...m[1]!].map((c) => YEAR_DIGIT[c]).join('');
        let fixed = `${year}年`;
        if (m[2]) {
          const month = parseChineseNumeral(m[2]);
          if (month === undefined || month < 1 || month > 12) continue;
          fixed += `${month}月`;
          if (m[3]) {
            const day = parseChineseNumeral(m[3]);
            if (day === undefined || day < 1 || day > 31) continue;
            fixed += `${day}${m[4]}`;
          }
        }
        hits.push(replaceMatch(m, fixed, '公历日期应使用阿拉伯数字'));
      }
      return hits;
    },
  },
  'consistent-number-form': {
    description: 'Reports percentages and ages written in the minority form (Arabic or Chinese) of the document.',
    run(context) {
      const hits: BuiltinHit[] = [];
      for (const kind of KINDS) {
        if (!kind.present(context.text)) continue;
        const chinese = occurrences(context, kind.chinese, true);
        const arabic = occurrences(context, kind.arabic, false);
        if (chinese.length === 0 || arabic.length === 0) continue;
        // The document's majority form wins; on a tie, Arabic (GB/T 15835-2011 prefers it for
        // counting and measuring).
        const keepChinese = chinese.length > arabic.length;
        const odd = keepChinese ? arabic : chinese;
        const form = keepChinese ? '汉字数字' : '阿拉伯数字';
        for (const o of odd) {
          const text = rewrite(o, keepChinese);
          hits.push({
            start: o.start,
            end: o.end,
            message: `同一文稿中${kind.name}应统一写法（本文多用${form}）`,
            fix: { start: o.start, end: o.end, text },
            suggestions: [text],
            details: { kind: kind.name, form: keepChinese ? 'chinese' : 'arabic' },
          });
        }
      }
      return hits;
    },
  },
} satisfies Record<string, BuiltinCheck>;

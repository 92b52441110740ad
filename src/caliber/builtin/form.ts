import { foldTraditionalCode } from '../../text/index';
import { toChineseNumeral } from '../numbers';
import type { BuiltinCheck, BuiltinContext, BuiltinHit } from './context';
import { matchesOutsideSkip } from './context';

// 几 next to Arabic numerals: 几10人, 10几个, 20几岁. GB/T 15835-2011 5.1.2 / 5.2.2: an estimate
// with 几 is written in Chinese numerals (几十人, 十几个).
const JI_BEFORE = /(?<![\d.])几(10|100|1000|10000)(?![\d.])/g;
const JI_AFTER = /(?<![\d.])([1-9]\d{0,3})几(?![\d.])/g;

function chinese(n: number): string {
  // 十几 rather than 一十几: the leading 一 is dropped before 十 in speech and print.
  const s = toChineseNumeral(n);
  return s.startsWith('一十') ? s.slice(1) : s;
}

const estimateJiArabic: BuiltinCheck = {
  description: 'Reports estimates mixing 几 with Arabic numerals (几10人, 10几个); they are written in Chinese numerals.',
  run(context: BuiltinContext): BuiltinHit[] {
    const hits: BuiltinHit[] = [];
    if (!context.text.includes('几')) return hits;
    for (const m of matchesOutsideSkip(context, JI_BEFORE)) {
      const unit = { '10': '十', '100': '百', '1000': '千', '10000': '万' }[m[1]!]!;
      const fixed = `几${unit}`;
      hits.push(hit(m.index, m[0].length, fixed));
    }
    for (const m of matchesOutsideSkip(context, JI_AFTER)) {
      const n = Number(m[1]);
      // 10几 (十几), 20几 (二十几), 100几 (一百几): only round tens, hundreds, thousands.
      if (n % 10 !== 0) continue;
      const fixed = `${chinese(n)}几`;
      hits.push(hit(m.index, m[0].length, fixed));
    }
    return hits;
    function hit(start: number, length: number, fixed: string): BuiltinHit {
      return {
        start,
        end: start + length,
        message: `概数“几”不与阿拉伯数字连用，应写作“${fixed}”`,
        fix: { start, end: start + length, text: fixed },
        suggestions: [fixed],
      };
    }
  },
};

const CORNER: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/** True when the text reads as traditional Chinese (several characters simplification would change). */
function looksTraditional(text: string): boolean {
  let changed = 0;
  for (let i = 0; i < text.length && changed < 3; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && foldTraditionalCode(c) !== c) changed++;
  }
  return changed >= 3;
}

const cornerQuotes: BuiltinCheck = {
  description: 'Reports corner quotation marks 「」『』 in simplified Chinese text (use “” and ‘’).',
  run(context: BuiltinContext): BuiltinHit[] {
    const hits: BuiltinHit[] = [];
    if (!/[「」『』]/.test(context.text) || looksTraditional(context.text)) return hits;
    for (const m of matchesOutsideSkip(context, /[「」『』]/g)) {
      const fixed = CORNER[m[0]]!;
      hits.push({
        start: m.index,
        end: m.index + 1,
        message: `简体中文使用弯引号，“${m[0]}”应为“${fixed}”`,
        fix: { start: m.index, end: m.index + 1, text: fixed },
        suggestions: [fixed],
      });
    }
    return hits;
  },
};

export const FORM_CHECKS = {
  'estimate-ji-arabic': estimateJiArabic,
  'corner-quotes': cornerQuotes,
} satisfies Record<string, BuiltinCheck>;

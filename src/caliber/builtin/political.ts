import type { BuiltinCheck, BuiltinContext, BuiltinHit } from './context';
import { isSkipped } from '../skip-ranges';

// Sentence marks and line breaks end the stretch a listing can span.
const SENTENCE_END = /[。！？；!?;\n]/;
const REGION = /中国香港|中国澳门|中国台湾|港澳台|港澳|香港|澳门|台湾/g;
// 国家 closing an enumeration: 等国家, 等12个国家, 等十余个国家.
const COUNTRIES_END = /(?:等(?:[\d一二三四五六七八九十百几多余]+个)?国家(?!和地区|或地区|与地区|及地区|地区|（地区）|\(地区\)|\/地区|级|安全|统一|主权|标准|队)|等国(?![家内外际])|[两三四五六七八九十]国(?![家内外际演志时鼎])(?=的|之间|企业|客商|代表|友人|游客|学员|人|间|共同|联合|合作|，|、|。|）|$))/g;

/** The start of the sentence that holds `at`, at most `reach` characters back. */
function sentenceStart(text: string, at: number, reach: number): number {
  let s = at;
  while (s > 0 && at - s < reach && !SENTENCE_END.test(text[s - 1]!)) s--;
  return s;
}

/**
 * 香港、澳门 or 台湾 in an enumeration closed by 等国家: they are not countries, and the list must
 * say 国家和地区 (新华社禁用词和慎用词, 涉及我国领土、主权和港澳台). The fix adds 和地区, which is
 * right whatever the list holds.
 */
const regionsListedAsCountries: BuiltinCheck = {
  description: 'Reports Hong Kong, Macao or Taiwan in a list closed by 等国家 (should be 国家和地区).',
  run(context: BuiltinContext): BuiltinHit[] {
    const { text, skip } = context;
    const hits: BuiltinHit[] = [];
    if (!/香港|澳门|台湾|港澳/.test(text)) return hits;
    COUNTRIES_END.lastIndex = 0;
    for (let m = COUNTRIES_END.exec(text); m; m = COUNTRIES_END.exec(text)) {
      const end = m.index + m[0].length;
      const from = sentenceStart(text, m.index, 80);
      // The enumeration: back from 等 to the last comma or colon that is not inside it.
      const before = text.slice(from, m.index);
      const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('：'), before.lastIndexOf(',')) + 1);
      REGION.lastIndex = 0;
      const region = REGION.exec(clause);
      if (!region) continue;
      const start = m.index - clause.length + region.index;
      if (isSkipped(skip, start, end)) continue;
      const fixAt = end;
      hits.push({
        start,
        end,
        message: `香港、澳门、台湾不是国家，与国家并列时应称“国家和地区”`,
        ...(m[0].endsWith('国家') ? { fix: { start: fixAt - 2, end: fixAt, text: '国家和地区' } } : {}),
        suggestions: [m[0].endsWith('国家') ? '国家和地区' : '国家和地区（如“等国家和地区”）'],
      });
    }
    return hits;
  },
};

// Words with 大陆 that are not the mainland of China.
const NOT_MAINLAND = /大陆(?:架|性|法|板块|漂移|桥|坡|岛|型|文明)|(?:新|欧亚|亚欧|美洲|非洲|澳洲|南极|北美|南美|欧洲|亚洲|古)大陆/y;
const HK_MACAO = /香港|澳门|港澳|港人|澳人|赴港|来港|在港|赴澳|抵港|港商|澳商|港资|澳资|港企|澳企|港胞|澳胞|港生|港青|港籍|澳籍/;
const TAIWAN = /台湾|台胞|两岸|台商|台资|台企|台青|涉台|对台|赴台|来台|在台|台港澳|港澳台/;

/**
 * 内地 and 大陆 are not interchangeable: 内地 is said of the mainland as against Hong Kong and
 * Macao, 大陆 as against Taiwan (新华社禁用词和慎用词, 涉及我国领土、主权和港澳台). Looked at
 * sentence by sentence: only a sentence that speaks of one side and not the other is judged.
 */
const mainlandInland: BuiltinCheck = {
  description: 'Reports 大陆 in a sentence about Hong Kong or Macao only (内地), and 内地 in one about Taiwan only (大陆).',
  run(context: BuiltinContext): BuiltinHit[] {
    const { text, skip } = context;
    const hits: BuiltinHit[] = [];
    for (const word of ['大陆', '内地'] as const) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 2)) {
        if (isSkipped(skip, at, at + 2)) continue;
        if (word === '大陆') {
          let excluded = false;
          for (let k = Math.max(0, at - 2); k <= at && !excluded; k++) {
            NOT_MAINLAND.lastIndex = k;
            const m = NOT_MAINLAND.exec(text);
            if (m && m.index <= at && m.index + m[0].length >= at + 2) excluded = true;
          }
          if (excluded) continue;
        }
        let s = at;
        while (s > 0 && at - s < 150 && !SENTENCE_END.test(text[s - 1]!)) s--;
        let e = at + 2;
        while (e < text.length && e - at < 150 && !SENTENCE_END.test(text[e]!)) e++;
        const sentence = text.slice(s, e);
        const hk = HK_MACAO.test(sentence);
        const tw = TAIWAN.test(sentence);
        if (word === '大陆' && hk && !tw) {
          hits.push({ start: at, end: at + 2, message: '与香港、澳门相对应称“内地”，“大陆”与台湾相对', fix: { start: at, end: at + 2, text: '内地', safe: false }, suggestions: ['内地'] });
        } else if (word === '内地' && tw && !hk) {
          hits.push({ start: at, end: at + 2, message: '与台湾相对应称“大陆”，“内地”与香港、澳门相对', fix: { start: at, end: at + 2, text: '大陆', safe: false }, suggestions: ['大陆'] });
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};

/** Built-in checks of the Xinhua pack that need a sentence's context. */
export const POLITICAL_CHECKS = {
  'regions-listed-as-countries': regionsListedAsCountries,
  'mainland-inland': mainlandInland,
} satisfies Record<string, BuiltinCheck>;

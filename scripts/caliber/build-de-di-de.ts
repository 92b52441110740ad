/**
 * Builds src/caliber/packs/de-di-de.json: the 的/地/得 pack. Its four built-in rules share the
 * `de-di-de` check (src/caliber/lexicon/de-di-de-check.ts), which judges each 的/地/得 from the
 * word classes on either side (src/caliber/lexicon/word-classes.ts, generated from jieba's
 * part-of-speech tags by generate-word-classes.ts) instead of from lists of words: the lists it
 * replaces were fitted to the sentences they were tried on and caught three errors in four on
 * sentences they had not seen.
 *
 * Usage (《现代汉语词典》第7版 “的”“地”“得” entries; 教育部《现代汉语规范词典》): 地 marks an
 * adverbial before a verb (积极地参与), 得 links a verb or adjective to its complement of degree
 * or state (跑得很快), 的 marks an attribute before a noun (新建的广场). The specs below are the
 * pack's self-tests, run by `defineRuleSet`.
 *
 * Run: `npx tsx scripts/caliber/build-de-di-de.ts`
 */
import { writeFileSync } from 'node:fs';

const SOURCE = '《现代汉语词典》（第7版）“的”“地”“得”条；教育部《现代汉语规范词典》：状语后用“地”，补语前用“得”，定语后用“的”';

const CLASSES_SOURCE = `${SOURCE}；词类：jieba 分词词典 dict.txt.big 的词性标注（MIT），见 scripts/caliber/generate-word-classes.ts`;

/**
 * One rule per kind of misuse, each a built-in check over the same judgement (run once per
 * text), so an office can switch any of them off by id; the ids are those of the earlier
 * regex rules where the kind is the same. A judgement from word classes: a human confirms
 * every fix (`safe: false`).
 */
const rule = (id: string, check: string, specs: { from: string; to: string }[]) => ({ id, type: 'builtin', check, severity: 'warning', source: CLASSES_SOURCE, safe: false, specs });

const rules = [
  rule('adverbial-de', 'de-di-de-adverbial', [
    { from: '群众积极的参与志愿服务。', to: '群众积极地参与志愿服务。' },
    { from: '离不开社会各界积极的参与和支持。', to: '离不开社会各界积极的参与和支持。' },
    { from: '情节严重的依法追究法律责任。', to: '情节严重的依法追究法律责任。' },
  ]),
  rule('complement-de', 'de-di-de-complement', [
    { from: '各项工作推进的非常顺利。', to: '各项工作推进得非常顺利。' },
    { from: '会场布置地温馨舒适。', to: '会场布置得温馨舒适。' },
    { from: '各地要因地制宜，用好土地。', to: '各地要因地制宜，用好土地。' },
  ]),
  rule('adverbial-de-written-de', 'de-di-de-written-de', [
    { from: '各部门要积极得配合调查。', to: '各部门要积极地配合调查。' },
    { from: '他高兴得说不出话来。', to: '他高兴得说不出话来。' },
  ]),
  rule('attributive-de', 'de-di-de-attributive', [
    { from: '村里新建地文化广场已经开放。', to: '村里新建的文化广场已经开放。' },
    { from: '取得了显著的成绩。', to: '取得了显著的成绩。' },
  ]),
];

const pack = {
  id: 'zh-gov-de-di-de',
  name: '“的”“地”“得”用法',
  description:
    '按两侧词语的词类判断“的”“地”“得”：状语后误用“的”（积极的参与→积极地参与）、补语前误用“的/地”（跑的很快→跑得很快）、状语后误用“得”（积极得配合→积极地配合）、定语后误用“地/得”（新建地广场→新建的广场）。由 scripts/caliber/build-de-di-de.ts 生成。',
  rules,
};
writeFileSync(new URL('../../src/caliber/packs/de-di-de.json', import.meta.url), `${JSON.stringify(pack, null, 1)}\n`);
console.log('wrote de-di-de.json');

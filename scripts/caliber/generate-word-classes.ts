/**
 * Writes src/caliber/lexicon/word-classes.ts: the word classes the 的/地/得 check reasons with
 * (src/caliber/lexicon/de-di-de-check.ts): modifiers that can be adverbials, adverbs, verbs,
 * verbs that are also nouns, prepositions, and a list of other words that only keeps the
 * longest-match segmentation honest (作用 is a noun, not 作 + 用; 比重 is not the degree word 比).
 *
 * Input: jieba's `dict.txt.big` (jieba, MIT licence, © Sun Junyi), which gives one
 * part-of-speech tag per word (ICTCLAS tags: a adjective, ad adverbial adjective, z state word,
 * d adverb, v verb, vn verb used as noun, p preposition, i idiom, l fixed expression, n noun …),
 * as shipped in the `jieba-js` package (ISC): `npm pack jieba-js && tar xzf jieba-js-*.tgz` →
 * `package/dict/dict.txt.big`. Traditional spellings are dropped with OpenCC's TSCharacters
 * table (Apache-2.0, `opencc-js` dev dependency), as generate-lexicon.ts does.
 *
 * jieba gives a word the tag of its most frequent use in its training corpus, and some tags of
 * official vocabulary are plainly wrong for the use that matters here (及时 is tagged c, 全面 and
 * 系统 n, 落实 a, 作用 v). CLASS_CORRECTIONS below moves those words to the class that
 * 《现代汉语词典》（第7版） gives them (形容词 that take 地 as an adverbial, 动词, 名词); the list is
 * short and each entry is a dictionary fact, not a corpus fit.
 *
 * Run: `npx tsx scripts/caliber/generate-word-classes.ts [path/to/dict.txt.big]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
// @ts-expect-error: the dictionary modules ship without type declarations.
import tsCharacters from 'opencc-js/dict/TSCharacters';

const require = createRequire(import.meta.url);
const path = process.argv[2] ?? require.resolve('jieba-js/dict/dict.txt.big');

/** Our classes, each a set of jieba tags and the least frequency that keeps a word. */
const CLASSES = {
  /** Adjectives, adverbial adjectives, state words: what can stand before 地 as an adverbial. */
  a: { tags: ['a', 'ad', 'z'], minFreq: 100 },
  /** Four-character idioms and fixed expressions (一丝不苟, 有声有色): manner adverbials or state complements. */
  i: { tags: ['i', 'l'], minFreq: 80 },
  /** Adverbs. */
  d: { tags: ['d'], minFreq: 100 },
  /** Verbs. */
  v: { tags: ['v', 'vd', 'vi'], minFreq: 300 },
  /** Verbs also used as nouns (工作, 服务, 检查): verbal or nominal by context. */
  vn: { tags: ['vn'], minFreq: 100 },
  /** Prepositions (把, 向, 按照): after an adverbial + 地 they open the verb phrase. */
  p: { tags: ['p'], minFreq: 100 },
} as const;
type ClassName = keyof typeof CLASSES | 'n';
/**
 * Other words (nouns, numerals, pronouns …) are kept only where they compete with a class word in
 * segmentation, and only when this frequent. Once 1500: the table then missed 流行病 (52), 准则
 * (894) and the like, so the longest match read 静悄悄的流行病 as 的 + the verb 流行 and raised a
 * false 的 → 地 on realistic text. At 50 the table is about 85 KB gzip instead of 33 KB; it is
 * fetched on demand in browsers (docs/caliber.md, "Word tables in a browser").
 */
const OTHER_MIN_FREQ = 50;
/** Nouns kept as heads of attributes. */
const NOUN_MIN_FREQ = 3000;
/** Words with 的/地/得 inside kept so that the particle inside them is never judged. */
const PARTICLE_WORD_MIN_FREQ = 50;
const MAX_LENGTH = 4;

/**
 * Words whose jieba tag is wrong for their use in official prose, moved to the class
 * 《现代汉语词典》（第7版） gives them. Adjectives there marked as usable as adverbials (积极、
 * 全面、及时 …) are class `a`; verbs (落实、记录、评价 …) `v`; nouns (作用、说法) `n`.
 */
const CLASS_CORRECTIONS: Record<string, readonly string[]> = {
  a: [
    '及时', '全面', '系统', '有序', '热情', '主动', '客观', '公正', '高兴', '创造性', '科学', '集中', '统一', '广泛', '充分',
    '深入', '持续', '稳定', '有力', '有效', '精准', '妥善', '扎实', '稳妥', '平稳', '高效', '规范', '准确', '详细', '具体',
    '自发', '自觉', '感激', '感慨', '动情', '诚恳', '坦诚', '真诚', '虚心', '专心', '用心', '细心', '耐心', '悉心', '精心',
    '创新性', '针对性', '系统性', '全方位', '多渠道', '常态化', '制度化', '规范化', '精细化',
    '实事求是', '真心实意', '深入细致', '认真细致', '客观公正', '积极主动', '扎实有序', '稳妥有序', '耐心细致', '热情周到',
    '深情', '美丽', '周密', '透彻', '亲切', '温馨', '庄重', '大方', '舒适', '整洁', '热烈', '隆重', '简朴', '紧凑', '生动',
    '热心', '优质', '便捷', '贴心', '暖心', '细心', '周到', '踊跃', '文明', '开心', '温暖', '饱满', '有针对性', '有计划',
    '有步骤', '有重点', '有组织', '有条理', '有秩序', '合理', '大胆', '坦率', '自豪', '风趣', '兴奋', '欣慰', '感动', '满意',
    '反复', '分批', '分期', '分步', '分类', '大规模', '全天候', '系统化', '实际', '光荣', '艰辛', '辛勤', '宝贵', '难得',
    '红火',
    // Adjectives of 《现代汉语词典》 that jieba tags as verbs (飞快, 好听, 出色), nouns (精彩, 通俗,
    // 结实) or adverbs (整齐, 深刻): the state complements of realistic prose (跑得飞快, 讲得通俗).
    '飞快', '起劲', '好听', '好看', '好吃', '难看', '难受', '出色', '明白', '整齐', '精彩', '火热', '深刻', '通俗', '结实',
    '舒心', '香甜',
  ],
  v: [
    '落实', '记录', '评价', '投身', '记下', '检查', '审查', '调查', '研究', '处理', '排查', '核查', '督查', '巡查', '整改',
    '整治', '宣传', '讲解', '解答', '回应', '答复', '指导', '帮扶', '走访', '慰问', '看望', '救治', '抢修', '疏导', '劝导',
    '亮明', '还原', '梳理', '核实', '核验', '登记', '清理', '推进', '开展', '参与', '配合', '支持', '帮助', '保护', '维护',
    '布置', '新建', '上门', '入户', '新装', '新修', '新增', '改建', '装扮', '打扫', '修缮', '维修', '筹备', '规划', '设计',
    '办理', '交流', '部署', '关心',
    // Verbs of official prose (government work reports, meeting reports) rarer than the frequency
    // cut in jieba's general corpus.
    '领会', '应对', '宣讲', '对接', '督导', '谋划', '深化', '跟进', '杜绝', '关爱', '奋战', '拼搏', '压实', '夯实', '筑牢',
    '织密', '兜牢', '守牢', '做实', '落细', '研判', '核对', '值守', '普及', '办结', '关停', '消杀', '清运', '帮办', '代办',
    '走访', '摸排', '摸清', '督办', '转办', '交办', '问责', '约谈', '通报', '纠治', '整治', '赋能', '提速', '提质', '扩容',
    '意识到', '认识到', '感受到', '赶往', '前往', '奔赴', '赶赴',
    '盘活', '激活', '兜底', '托底', '补齐', '补短板', '疏解', '化解', '破解', '攻坚', '守护', '疏散', '转移', '安置', '救助',
    // One-character verbs jieba tags as a noun (流) or as the aspect particle (过).
    '流', '过',
  ],
  // Adverbs (副词, or words used only as adverbials): 依法 and 大力 are tagged n, 逐户 and 逐项 are missing.
  d: ['深深', '依纪', '极力', '着力', '从快', '从重', '从严', '正在', '特地', '依法', '依规', '逐户', '逐项', '逐条', '逐一', '全力', '连夜', '尽快', '尽早', '及早', '夜以继日', '大力', '手把手', '面对面', '一对一'],
  n: ['作用', '说法', '作风', '意识', '态度', '精神', '氛围', '成效', '力度', '效果', '过程', '方式', '方法', '理念', '乐趣', '好处', '干劲'],
};

const traditional = new Set<string>();
for (const entry of (tsCharacters as string).split('|')) {
  const [t, candidates] = entry.split(' ');
  if (t && candidates && t.length === 1 && !candidates.split(/\s+/).includes(t)) traditional.add(t);
}

const HAN = /^\p{sc=Han}+$/u;
const tagOf = new Map<string, { tag: string; freq: number }>();
for (const line of readFileSync(path, 'utf8').split('\n')) {
  const [word, f, tag] = line.split(' ');
  if (!word || !f || !tag || word.length > MAX_LENGTH || !HAN.test(word)) continue;
  if ([...word].some((c) => traditional.has(c) || c.length !== 1 || c.charCodeAt(0) > 0xffff)) continue;
  const freq = Number(f);
  const seen = tagOf.get(word);
  if (!seen || seen.freq < freq) tagOf.set(word, { tag, freq });
}

const classOf = new Map<string, ClassName>();
for (const [word, { tag, freq }] of tagOf) {
  for (const [name, spec] of Object.entries(CLASSES) as [keyof typeof CLASSES, (typeof CLASSES)[keyof typeof CLASSES]][]) {
    if (!(spec.tags as readonly string[]).includes(tag) || freq < spec.minFreq) continue;
    // Idioms count only at four characters (an idiom of five or more is no single adverbial).
    if (name === 'i' && word.length !== 4) continue;
    classOf.set(word, name);
  }
}
for (const [name, words] of Object.entries(CLASS_CORRECTIONS)) for (const w of words) classOf.set(w, name as ClassName);

// Other words: kept where a class word is a proper prefix or suffix of them (作用 ⊃ 作, 县长 ⊃
// 长), so that the longest match does not take half of them for a verb or an adjective; and
// the frequent nouns, which tell an attribute's head (新建的广场) from a verb.
const classWords = new Set(classOf.keys());
for (const [word, { tag, freq }] of tagOf) {
  if (classOf.has(word) || word.length < 2) continue;
  if (tag === 'n' && freq >= NOUN_MIN_FREQ) {
    classOf.set(word, 'n');
    continue;
  }
  if (freq < OTHER_MIN_FREQ) continue;
  let competes = false;
  for (let k = 1; k < word.length && !competes; k++) competes = classWords.has(word.slice(0, k)) || classWords.has(word.slice(k));
  // A word kept for segmentation keeps the class of its tag where it has one (采摘 is a verb
  // rarer than the verb cut, not a noun); the others are `n`.
  if (competes) classOf.set(word, (Object.entries(CLASSES) as [keyof typeof CLASSES, (typeof CLASSES)[keyof typeof CLASSES]][]).find(([name, spec]) => (spec.tags as readonly string[]).includes(tag) && (name !== 'i' || word.length === 4))?.[0] ?? 'n');
}

// Words with 的/地/得 inside (目的, 的确, 土地, 各地, 地方, 取得, 值得, 得到): there the
// character is no particle, and the check must leave it alone. A word that is only a modifier
// followed by the particle (默默地, 悄悄的, 系统地: jieba lists some as words) is not one of
// them: its last character is the particle the check judges.
const PARTICLES = /[的地得]/;
for (const [word, { tag, freq }] of tagOf) {
  if (word.length < 2 || !PARTICLES.test(word) || freq < PARTICLE_WORD_MIN_FREQ) continue;
  const stem = word.slice(0, -1);
  const stemClass = classOf.get(stem);
  if (tag === 'z' || (PARTICLES.test(word.at(-1)!) && stem.length >= 2 && stemClass !== undefined && stemClass !== 'n')) {
    classOf.delete(word);
    continue;
  }
  if (!classOf.has(word)) classOf.set(word, 'n');
}

const ORDER: ClassName[] = ['a', 'i', 'd', 'v', 'vn', 'p', 'n'];
const lists = Object.fromEntries(ORDER.map((c) => [c, [] as string[]])) as Record<ClassName, string[]>;
for (const [w, c] of classOf) lists[c].push(w);
for (const c of ORDER) lists[c].sort();

// Words grouped by first character (\`参与,参加\` → \`参与/加\`): a fifth smaller after gzip.
const grouped = (words: string[]) => {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const rest = groups.get(w[0]!) ?? [];
    rest.push(w.slice(1));
    groups.set(w[0]!, rest);
  }
  return [...groups].map(([first, rests]) => first + rests.join('/')).join(',');
};
const table = ORDER.map((c) => `${c}:${grouped(lists[c])}`).join(';');
const counts = ORDER.map((c) => `${c} ${lists[c].length}`).join(', ');
const body = `// Generated by scripts/caliber/generate-word-classes.ts. Do not edit by hand.
// Word classes from jieba's dict.txt.big (jieba, MIT licence, (c) Sun Junyi; part-of-speech
// tags per word; read from the jieba-js package, ISC), with the corrections listed in the
// generator (《现代汉语词典》第7版). Traditional spellings dropped with OpenCC TSCharacters (Apache-2.0).
// ${counts}.

/**
 * The word-class table: \`class:group,group,…\` separated by \`;\`, each group a first
 * character and the rest of each word starting with it, separated by \`/\` (\`参与/加\` is 参与, 参加;
 * an empty rest is the one-character word). Classes: a adjective or
 * state word, i four-character idiom, d adverb, v verb, vn verb also used as noun, p
 * preposition, n other word kept for segmentation. Parsed on first use by word-class-table.ts.
 */
export const WORD_CLASS_TABLE =
  ${JSON.stringify(table)};
`;
writeFileSync(new URL('../../src/caliber/lexicon/word-classes.ts', import.meta.url), body);
console.log(`wrote word-classes.ts: ${counts}; ${table.length} characters, ${gzipSync(table, { level: 9 }).length} bytes gzip`);

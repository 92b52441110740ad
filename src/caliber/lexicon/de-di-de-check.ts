import type { BuiltinContext, BuiltinHit } from '../builtin/context';
import { isSkipped } from '../skip-ranges';
import { LONGEST_CLASSED_WORD, wordClasses, type WordClass } from './word-class-table';

/**
 * The 的/地/得 check: each 的, 地 and 得 that is a particle (not a character of 目的, 土地, 取得 …)
 * is judged from the classes of the words on either side (word-class-table.ts), by the usage
 * rules of 《现代汉语词典》（第7版）“的”“地”“得”条:
 *
 * - `adverbial-de`: an adjective, adverb, reduplicated form or manner idiom + 的 + a verb that
 *   is verbal here (it has an object, an aspect mark, or a modal before it) → 地
 *   (积极的参与志愿服务, 迅速的疏散, 默默的守护, 一丝不苟的做好); left alone where the phrase is a
 *   noun phrase (进行积极的探索, 离不开群众积极的参与和支持, 认真的学习态度);
 * - `complement-de`: a verb or adjective + 的/地 + a complement of degree or state that ends the
 *   clause → 得 (推进的非常顺利, 长的特别好, 开展的有声有色, 布置地温馨舒适, 好的很, 落实的怎么样,
 *   保障的好不好); not before a noun (反映的比较集中的问题, 做的很多工作);
 * - `adverbial-de-written-de`: a modifier + 得 + a verb with its object → 地 (积极得配合, 高兴得说：),
 *   not where 得 leads a result (高兴得说不出话, 感动得热泪盈眶, 认真得让人感动);
 * - `attributive-de`: a verb or adjective + 地/得 + a noun → 的 (新建地文化广场, 美丽得家园).
 *
 * A guess from word classes, so every fix waits for a human.
 */
export type DeDiDeRule = 'adverbial-de' | 'complement-de' | 'adverbial-de-written-de' | 'attributive-de';

interface Word {
  start: number;
  end: number;
  text: string;
  cls: WordClass | undefined;
  /** The word the table gives, where `cls` is a guess from the shape (an unlisted idiom). */
  listed?: Word;
}

const isHan = (c: string | undefined) => c !== undefined && c >= '\u3400' && c <= '\u9fff';
/** Whether every unit of text[from, to) is Han (a loop on char codes: this runs for every particle). */
function allHan(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return true;
}
const PARTICLE = /[的地得]/;

/** Where a clause ends: a punctuation mark, a line break or the end of the text. */
const CLAUSE_END = new Set([...'，。；！？、：,.;!?:”’」』）)》〉】…—\n\r']);
const endsClause = (text: string, at: number) => at >= text.length || CLAUSE_END.has(text[at]!);

/** Modal and auxiliary verbs: before an adverbial they do not make the phrase an object (要积极地参与). */
const MODALS = new Set([
  '要', '能', '会', '应', '应该', '应当', '必须', '需要', '需', '可以', '可', '将', '敢', '愿意', '肯', '得', '想', '希望',
  '能够', '务必', '一定', '始终', '继续', '不断', '坚持', '都', '也', '还', '又', '正', '正在', '已', '已经', '仍', '仍然',
]);
/**
 * Words after which modifier + 的 + verb is an object noun phrase: 进行积极的探索, 给予热情的帮助,
 * 以认真的态度, 一次认真的检查. Any verb other than a modal counts too (see {@link nominalBefore}).
 */
const NOMINAL_BEFORE = new Set([
  '的', '了', '之', '这', '那', '这种', '那种', '这样', '那样', '一种', '一个', '一次', '一场', '一番', '种', '个', '次',
  '场', '番', '项', '此', '其', '以', '用', '凭', '靠', '经过', '通过', '对于', '在', '于', '和', '与', '及', '、',
]);
/** Words after a verb that show it heads a noun phrase or is itself the noun (参与和支持, 解答表示满意). */
const NOMINAL_AFTER = new Set([
  '的', '和', '与', '及', '以及', '或', '、', '等', '者', '之', '度', '率', '性', '员', '人', '家', '师', '工', '长', '品',
  '费', '站', '室', '会', '队', '组', '证', '单',
  '表示', '是', '得到', '受到', '赢得', '让', '使', '令', '成为', '离不开', '值得', '感动', '温暖',
]);
/**
 * Words that open the consequence of a conditional 的 phrase, the “……的，依法……” structure of
 * laws and notices (情节严重的依法追究, 逾期不改的一律注销, 构成犯罪的由司法机关处理;
 * 全国人大常委会法工委《立法技术规范（试行）》: conditions are written as 的字结构): after
 * them the 的 phrase is a nominal topic, not an adverbial, whether or not a comma follows 的.
 */
const CONSEQUENCES = new Set(['依法', '依规', '依纪', '依法依规', '依规依纪', '依纪依法', '一律', '均', '予以', '不予', '由', '责令', '可', '可以', '应当', '应', '须', '必须']);
/** The consequence words of more than one character, tried at the start of the text after 的 (the word there may be longer: 依法依规, 予以处罚). */
const LONG_CONSEQUENCES = [...CONSEQUENCES].filter((w) => w.length > 1);
/** Locatives that close a noun phrase (在……的参与下, 在……的推动中). */
const LOCATIVES = new Set(['中', '下', '上', '时', '后', '前', '里', '间', '之下', '之中']);
/** Nouns that, right after a verb, make verb + noun one noun (学习态度, 服务意识, 工作作风). */
const NOMINAL_HEADS = new Set([
  '态度', '作风', '意识', '精神', '能力', '水平', '方式', '方法', '过程', '情况', '效果', '成效', '力度', '机制', '体系',
  '氛围', '模式', '理念', '环境', '工作', '队伍', '人员', '习惯', '风气', '热情', '成果', '经验', '质量', '效率', '状态',
  '程序', '流程', '制度', '体制', '平台', '中心', '部门', '机构', '单位', '项目', '活动', '会议', '方案', '计划', '规划',
]);
/**
 * Adjectives of relation and kind (不同, 相同, 主要): they classify rather than describe a degree
 * or a state, so after V的 they make a noun phrase (记录的不同), never a state complement.
 */
const RELATIONAL_ADJECTIVES = new Set([
  '不同', '相同', '一样', '同样', '一致', '主要', '重要', '必要', '有关', '相关', '共同', '个别', '特殊', '一般', '普通',
  '基本', '具体', '正常', '唯一', '全部', '部分', '所有', '不少', '许多', '大量', '少量', '多数', '少数', '各种',
]);
/** Adverbs that also make attributes (共同的目标, 进一步的措施, 不断的努力). */
const ATTRIBUTIVE_ADVERBS = new Set([
  '共同', '进一步', '不断', '一贯', '真正', '根本', '基本', '主要', '最终', '一切', '全部', '唯一', '原来', '一般', '特别',
  '非常', '最后', '长期', '一致', '一再',
]);
/** Prepositions “with”, which are also “and”. */
const COMITATIVES = new Set(['与', '跟', '同', '和']);
/** Prepositions that begin a noun phrase or a clause rather than a verb phrase (对于群众的关切, 由于……). */
const NON_VERBAL_PREPOSITIONS = new Set(['及', '以及', '之', '于', '由于', '因为', '关于', '对于', '至于', '随着', '作为', '除', '除了', '以', '由', '自', '自从', '当', '比']);
/** What begins an object and never the second half of a compound noun (服务每一位, 帮助这些). */
const OBJECT_STARTS = new Set([...'每各这那其所全该本此他她它我你']);
/** Result and direction complements of a one-character verb (抓好, 抓出, 送到, 走进). */
const RESULT_OR_DIRECTION = new Set([...'好出到起进上下完成住开回来去实牢紧通透清准全足']);
/** Verbs of speech: with a colon or comma after them they are verbal (激动的表示，…). */
const SPEECH_VERBS = new Set(['说', '讲', '问', '表示', '回答', '介绍', '感叹', '回忆', '告诉', '说道', '答道', '称赞', '叮嘱']);
/** Prepositions that open a verb phrase after an adverbial (耐心的向老人讲解, 严格的按照程序). */
const VERBAL_PREPOSITIONS = new Set([
  '把', '将', '向', '对', '为', '给', '从', '在', '按照', '按', '依照', '依据', '根据', '依法', '朝', '往', '被', '替', '帮',
  '到',
]);

/**
 * Degree words that open a complement after 得 (跑得很快, 推进得比预期还要快). A closed class;
 * longer words beginning with them (比重, 更新, 还有) win the longest match and are no degree word.
 */
const DEGREE = new Set([
  '很', '非常', '十分', '特别', '相当', '格外', '极其', '极为', '更加', '更', '越来越', '比较', '较', '太', '挺', '还',
  '还不', '不够', '还不够', '不太', '不是很', '有些', '有点', '过于', '如此', '这么', '那么', '比', '愈发', '异常', '分外',
  '尤其', '越发', '最',
]);
/** Last characters of words that own what follows their 的 (我们的, 县里的, 群众的, 他人的). */
const POSSESSORS = new Set([...'们里家人者之我你他她它县市省区镇乡村国局部厅委年月日天众司队校院']);
/** Degree words that make a complement even after a word of unknown class (布置的很温馨). */
const STRONG_DEGREE = new Set(['很', '非常', '十分', '特别', '相当', '格外', '极其', '极为', '比较', '挺', '太', '越来越', '不够', '还不够']);
/** 很多, 太少 …: degree + quantity, which go with a noun (做的很多工作), not a complement. */
const QUANTITY = new Set(['多', '少']);
/** Question complements (落实得怎么样). */
const QUESTION_COMPLEMENTS = new Set(['怎么样', '怎样', '如何']);
/** Verbs of saying and thinking: 他说的对 is “what he said is right”, a noun phrase; not judged for bare-adjective complements. */
const SAY_THINK = new Set(['说', '讲', '想', '看', '听', '问', '提', '认为', '觉得', '知道', '懂', '写']);
/**
 * Adjectives of feeling and bodily state: with 得 they lead a result (高兴得说不出话, 紧张得手心
 * 出汗), so 得 after them is judged only before a verb of speech or gesture.
 */
const FEELINGS = new Set([
  '高兴', '激动', '感动', '兴奋', '开心', '难过', '伤心', '害怕', '紧张', '着急', '急', '气', '累', '忙', '饿', '冷', '热',
  '疼', '痛', '乐', '笑', '哭', '吓', '惊讶', '惊喜', '感激', '欣慰', '自豪', '骄傲', '委屈', '生气', '愤怒', '感慨', '激昂',
]);
/** Verbs of speech and gesture a feeling can modify with 地 (激动地握住, 高兴地说：). */
const GESTURE_VERBS = new Set([...SPEECH_VERBS, '握住', '握着', '拉着', '拍着', '点头', '点了点头', '点点头', '鼓掌', '竖起', '拥抱']);
/** After a verb, these show 得 leads a result, not that the verb is modified (说不出话, 跳了起来). */
const RESULT_MARKS = new Set(['不', '得', '过来', '起来', '了起来']);
/** Verbs that make the phrase after 得 a result (认真得让人感动, 漂亮得像一幅画). */
const RESULT_VERBS = new Set(['让', '使', '令', '叫', '像', '如同', '仿佛', '好像', '连']);

/** One particle judged. */
export interface DeDiDeHit extends BuiltinHit {
  details: { rule: DeDiDeRule; before: string; after: string };
}

/** Finds the 的/地/得 misuses in `text` (see the module comment for the rules). */
export function findDeDiDe(text: string): DeDiDeHit[] {
  const classes = wordClasses();
  const hits: DeDiDeHit[] = [];
  for (let p = 0; p < text.length; p++) {
    const c = text[p]!;
    if (c !== '的' && c !== '地' && c !== '得') continue;
    const before = modifierBefore(text, p, classes);
    // 认认真真的: 真的 is a word, but after a reduplicated modifier the 的 is its particle.
    if (insideWord(text, p, classes, before?.cls === 'a' && before.text.length === 4 && isReduplicated(text, before.start, 4))) continue;
    const after = wordAt(text, p + 1, classes);
    if (!before || !after) continue;
    const judged = judge(text, c, before, after, classes);
    if (!judged) continue;
    const [rule, replacement] = judged;
    hits.push({
      start: p,
      end: p + 1,
      message: MESSAGES[rule](before.text, c, after.text, replacement),
      fix: { start: p, end: p + 1, text: replacement, safe: false },
      suggestions: [replacement],
      details: { rule, before: before.text, after: after.text },
    });
  }
  return hits;
}

const MESSAGES: Record<DeDiDeRule, (before: string, c: string, after: string, to: string) => string> = {
  'adverbial-de': (b, c, a, to) => `状语修饰动词用“地”：“${b}${c}${a}”应为“${b}${to}${a}”（adverbial-de）`,
  'adverbial-de-written-de': (b, c, a, to) => `状语修饰动词用“地”，不用“得”：“${b}${c}${a}”应为“${b}${to}${a}”（adverbial-de-written-de）`,
  'complement-de': (b, c, a, to) => `动词、形容词后引出程度或状态补语用“得”：“${b}${c}${a}”应为“${b}${to}${a}”（complement-de）`,
  'attributive-de': (b, c, a, to) => `定语修饰名词用“的”：“${b}${c}${a}”应为“${b}${to}${a}”（attributive-de）`,
};

function judge(text: string, c: string, guessed: Word, after: Word, classes: ReadonlyMap<string, WordClass>): [DeDiDeRule, string] | undefined {
  // The guessed idiom is read only as an adverbial; as a predicate, the word the table gives.
  // (Only before a verb or a preposition that opens a verb phrase, not before 与/跟/同.)
  if (c === '的' && guessed.listed && !COMITATIVES.has(after.text) && opensVerbPhrase(text, guessed, after, classes)) return ['adverbial-de', '地'];
  const before = guessed.listed ?? guessed;
  const isModifier = before.text.length >= 2 && (before.cls === 'a' || before.cls === 'i' || before.cls === 'd');
  const isPredicate = before.cls === 'v' || before.cls === 'vn' || before.cls === 'a';
  if (c === '的') {
    if (isModifier && opensVerbPhrase(text, before, after, classes)) return ['adverbial-de', '地'];
    if (complementFollows(text, before, after, classes)) return ['complement-de', '得'];
    return undefined;
  }
  // 新建地广场, 新装得路灯: 新 + a one-character verb (newly built, newly fitted) is an attribute
  // only; it neither modifies a verb nor takes a complement.
  if (c !== '的' && isNewlyDone(text, after.start - 1, classes) && after.cls !== 'v' && after.cls !== 'p') return ['attributive-de', '的'];
  if (c === '地') {
    if (complementFollows(text, before, after, classes)) return ['complement-de', '得'];
    // 进行了严肃地批评教育: after a dummy verb the verb is its nominal object, and the modifier an attribute.
    if (before.cls === 'a' && before.text.length >= 2 && (after.cls === 'v' || after.cls === 'vn') && afterDummyVerb(text, before, classes)) return ['attributive-de', '的'];
    if ((before.cls === 'v' || (before.cls === 'a' && before.text.length >= 2)) && headsNounPhrase(text, before, after, classes)) return ['attributive-de', '的'];
    return undefined;
  }
  // 得
  if (isModifier && !FEELINGS.has(before.text) && verbWithObject(text, before, after, classes)) return ['adverbial-de-written-de', '地'];
  const gesture = [...GESTURE_VERBS].find((g) => text.startsWith(g, after.start));
  if (FEELINGS.has(before.text) && gesture && !RESULT_MARKS.has(text[after.start + gesture.length] ?? '')) {
    if (SPEECH_VERBS.has(gesture) ? /^[：:，,“]/.test(text.slice(after.start + gesture.length, after.start + gesture.length + 1)) : true) return ['adverbial-de-written-de', '地'];
  }
  // 给予充分得肯定。领导的充分得肯定。: modifier + 得 + verb closing a noun phrase.
  if (isModifier && (after.cls === 'v' || after.cls === 'vn' || after.cls === 'a') && objectOfWhatPrecedes(text, before, after, classes)) return ['attributive-de', '的'];
  // 美丽得家园, 难忘得经历。: an attribute; not 冷得手发抖 (a feeling leads a result) nor
  // 说得群众心服口服 (a verb's result, with a predicate after the noun).
  if (before.text.length >= 2 && !FEELINGS.has(before.text)) {
    if (before.cls === 'a' && after.cls === 'n') return ['attributive-de', '的'];
    // 美丽得家园。: two characters the table does not hold, ending the clause, whose first is no
    // verb, adjective or adverb (a complement begins with one: 干净得发亮, 美丽得动人).
    if (before.cls === 'a' && after.cls === undefined && isHan(text[after.start + 1]) && endsClause(text, after.start + 2) && !classes.has(text.slice(after.start, after.start + 2))) {
      const first = classes.get(text[after.start]!);
      if (first === undefined || first === 'n') return ['attributive-de', '的'];
    }
    // 温暖得服务。: a verb also used as a noun, ending the clause after an adjective + 得.
    if (before.cls === 'a' && after.cls === 'vn' && endsClause(text, after.end)) return ['attributive-de', '的'];
    if (before.cls === 'v' && after.cls === 'n' && endsClause(text, after.end)) return ['attributive-de', '的'];
  }
  return undefined;
}

/** modifier + 的 + `after`: does `after` open a verb phrase the modifier is the adverbial of? */
function opensVerbPhrase(text: string, modifier: Word, after: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  // A verb with an aspect mark and the clause going on is verbal whatever stands before the
  // modifier (活动顺利的完成了各项议程: 活动 is the subject here, not a verb taking a noun phrase).
  if (nominalBefore(text, modifier, classes) && !verbWithAspect(text, after)) return false;
  if (conditionalTopic(text, modifier, after, classes)) return false;
  // 与, 跟, 同 are “with” before a noun and a verb (耐心的与当事人沟通), “and” between two
  // attributes (积极的与消极的因素).
  if (COMITATIVES.has(after.text)) {
    const partner = wordAt(text, after.end, classes);
    return partner !== undefined && partner.cls !== 'a' && partner.cls !== 'd' && !text.slice(after.end, after.end + 4).includes('的');
  }
  if (after.cls === 'p' && !NON_VERBAL_PREPOSITIONS.has(after.text) && !VERBAL_PREPOSITIONS.has(after.text)) return true;
  if (VERBAL_PREPOSITIONS.has(after.text)) {
    // 将 is also the adverb “will” (弄虚作假的将依法追究): a preposition only with its object after it.
    const object = wordAt(text, after.end, classes);
    return after.text !== '将' || (object !== undefined && object.cls !== 'd' && object.cls !== 'v' && object.cls !== 'p');
  }
  if (after.cls === 'p') return false;
  // 天渐渐的黑了下来: after an adverb (which never modifies a noun) an adjective with 了 is the
  // predicate, a change of state.
  if (modifier.cls === 'd' && after.cls === 'a' && text[after.end] === '了') return true;
  // A two-character word the table does not hold, with an aspect mark after it, is a verb (迅速的疏散了).
  if (after.cls === undefined) {
    // 静静的流过村庄: a character the table does not class, with an aspect mark of its own after
    // it (not 过程, 了解, 着手), is a one-character verb.
    const mark = wordAt(text, after.start + 1, classes);
    if (mark !== undefined && mark.text.length === 1 && /^[了着过]$/.test(mark.text) && !endsClause(text, mark.end) && isHan(text[mark.end])) return true;
    const two = mark;
    if (two === undefined || two.cls !== undefined) return false;
    // …or before an object that begins with a determiner (认真的核对每一份材料), or, after an
    // adverb (which never modifies a noun), before a noun (依规的查办违纪案件).
    if ((/^[了着过]/.test(text.slice(after.start + 2, after.start + 3)) && !endsClause(text, after.start + 3)) || OBJECT_STARTS.has(text[after.start + 2] ?? '')) return true;
    const object = wordAt(text, after.start + 2, classes);
    return modifier.cls === 'd' && !ATTRIBUTIVE_ADVERBS.has(modifier.text) && object !== undefined && object.cls === 'n' && object.text.length >= 2;
  }
  // 迅速的疏散了: a one-character verb with the next character before an aspect mark is a
  // two-character verb the table does not hold.
  if (after.text.length === 1 && /^[了着过]/.test(text.slice(after.start + 2, after.start + 3)) && isHan(text[after.start + 1]) && !classes.has(text.slice(after.start, after.start + 2))) {
    return after.cls === 'v' || after.cls === undefined;
  }
  if (after.cls !== 'v' && after.cls !== 'vn') return false;
  const next = wordAt(text, after.end, classes);
  const aspect = /^[了着过]/.test(text.slice(after.end, after.end + 1));
  // A one-character verb may be the first character of a noun the table does not hold (热烈的
  // 掌声): it counts only with an aspect mark or a result or direction after it (认真的抓好, 抓出).
  // (After an adverb, which never modifies a noun, a one-character verb is a verb: 手把手的教.)
  if (after.text.length === 1 && modifier.cls !== 'd' && !aspect && !RESULT_OR_DIRECTION.has(text[after.end] ?? '')) {
    // 高兴的说，…: a one-character verb of speech before its quotation.
    const speech = SPEECH_VERBS.has(after.text) && /^[：:，,“]/.test(text.slice(after.end, after.end + 1));
    // 热情的帮群众办事: before a listed noun of two characters that does not begin a word with
    // the verb (热心的修理工 is 修理 + 工).
    const object = next !== undefined && next.cls === 'n' && next.text.length >= 2 && !classes.has(after.text + next.text[0]!);
    if (!speech && !object) return false;
  }
  // A verb also used as a noun is verbal only with an aspect mark (认真的检查了 …) or an object
  // that does not make one noun with it (因地制宜的发展特色产业; not 热情的服务态度).
  if (after.cls === 'vn' && !aspect) {
    // Only an object that cannot be the second half of a compound noun: 发展每一个产业, 服务群众
    // (建设用地, 服务体系 are nouns).
    // (A result character that begins a noun of the table is that noun: 活动准则, 服务好评.)
    if (!OBJECT_STARTS.has(text[after.end] ?? '') && !(RESULT_OR_DIRECTION.has(text[after.end] ?? '') && next?.cls !== 'n')) return false;
  }
  if (aspect) return true;
  if (endsClause(text, after.end)) {
    // 激动的表示，…: a verb of speech before its quotation; otherwise a verb ending the clause
    // is verbal only after a modal (要认真的学习。), a noun otherwise (感谢他们认真的工作。).
    if (SPEECH_VERBS.has(after.text) && /^[：:，,]/.test(text.slice(after.end, after.end + 1))) return true;
    const prev = wordBefore(text, modifier.start, classes);
    return (prev !== undefined && MODALS.has(prev.text)) || passiveBefore(text, modifier.start) || onlySubjectBefore(text, modifier.start, classes);
  }
  if (!next) return true;
  if (NOMINAL_AFTER.has(next.text)) return false;
  // 在群众积极的参与下，: a locative closing the phrase (not the 上 of 执行上级决定).
  if (LOCATIVES.has(next.text) && (endsClause(text, next.end) || text[next.end] === '的')) return false;
  // 认真的学习态度 (a noun head ending the phrase), but not 深入的推进作风建设 (作风建设 is the object).
  if (NOMINAL_HEADS.has(next.text)) {
    const then = wordAt(text, next.end, classes);
    if (!then || (then.cls !== 'n' && then.cls !== 'vn')) return false;
  }
  return true;
}

/**
 * Is modifier + 的 the end of a conditional topic (情节严重的依法追究, 数额较大的由…处理)? Its
 * predicate has a subject noun before it, and a consequence word follows 的; an adverbial is
 * preceded by a modal, a pronoun or nothing (要严肃的依法查处 stays a finding).
 */
const PERSONAL_PRONOUN = /^(?:[我你他她它咱][们]?|大家)$/;

function conditionalTopic(text: string, modifier: Word, after: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  if (!CONSEQUENCES.has(after.text) && !LONG_CONSEQUENCES.some((w) => text.startsWith(w, after.start))) return false;
  const subject = wordBefore(text, modifier.start, classes);
  if (subject === undefined || MODALS.has(subject.text) || PERSONAL_PRONOUN.test(subject.text)) return false;
  // The table holds only frequent nouns: a word it does not class (情节, 数额) counts as one.
  return subject.cls === undefined || subject.cls === 'n' || subject.cls === 'vn';
}

/** Is modifier + 的 … the object of what stands before it (进行积极的探索, 一次认真的检查)? */
function nominalBefore(text: string, modifier: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  const prev = wordBefore(text, modifier.start, classes);
  if (!prev) return false;
  if (MODALS.has(prev.text)) return false;
  if (NOMINAL_BEFORE.has(prev.text)) return true;
  return prev.cls === 'v' || prev.cls === 'vn';
}

/** predicate + 的/地 + `after`: does a complement of degree or state follow, ending the clause? */
function complementFollows(text: string, predicate: Word, after: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  const from = after.start;
  // 看得见的管不着: a verb that already carries a potential complement (V得C, V不C) takes no
  // second one; its 的 makes a noun phrase (“those who can see”).
  if (predicate.text.length === 1 && /[得不]/.test(text[predicate.start - 1] ?? '') && isHan(text[predicate.start - 2])) return false;
  if (/^\p{sc=Han}[得不]\p{sc=Han}$/u.test(predicate.text)) return false;
  const isPredicate = predicate.cls === 'v' || predicate.cls === 'vn' || predicate.cls === 'a';
  // With a degree word or a question after it, a word the table does not call a verb may still
  // be one (布置, 保障): anything but a possessor (我们的, 县里的, 群众的) counts.
  const mayBePredicate = isPredicate || !POSSESSORS.has(predicate.text.at(-1)!);
  if (mayBePredicate) {
    // 好的很。快的多。好的极了。
    if ((after.text === '很' || after.text === '多') && endsClause(text, after.end)) return true;
    if (text.startsWith('极了', from + 1) && isHan(text[from])) return true;
    // 落实的怎么样
    const question = [...QUESTION_COMPLEMENTS].find((q) => text.startsWith(q, from));
    if (question) return endsClause(text, from + question.length) || text.startsWith('，', from + question.length);
    // 好不好, 及不及时, 到不到位
    if (text[from + 1] === '不' && text[from] === text[from + 2] && isHan(text[from])) return true;
    const degree = degreeAt(text, from, classes);
    // After a word the table does not call a verb, only the strong degree words (the 最 of
    // 政策的最大亮点 makes a noun phrase).
    if (degree !== undefined && (isPredicate || STRONG_DEGREE.has(text.slice(from, degree)))) {
      // 很多工作, 太少的人: a quantity before a noun.
      if (QUANTITY.has(text[degree] ?? '') && !endsClause(text, degree + 1)) return false;
      return shortPredicateToClauseEnd(text, degree, 8);
    }
  }
  // State complements: 有声有色, 干干净净, 温馨舒适, 又宽又平, 细之又细, 漂亮 — ending the clause.
  if (isPredicate && isPotentialComplement(text, from)) return true;
  // 激动的热泪盈眶: a feeling and the idiom of its result.
  if (FEELINGS.has(predicate.text) && after.cls === 'i' && endsClause(text, after.end)) return true;
  // After an adjective, only a descriptive idiom or a reduplicated form is a complement (忙的不亦乐乎
  // is one; 丰富的风土人情 is a noun phrase, and an idiom list cannot tell them apart).
  if (predicate.cls === 'a') return (isRepetitiveIdiom(text.slice(from, from + 4)) || isReduplicated(text, from, 4)) && endsClause(text, from + 4);
  if (mayBePredicate && text[from] === '又' && /^又\p{sc=Han}{1,2}又\p{sc=Han}{1,2}$/u.test(clauseFrom(text, from))) return true;
  if (!isPredicate) return false;
  if (/^(\p{sc=Han})之又\1/u.test(text.slice(from, from + 4))) return true;
  if (isReduplicated(text, from, 4) && endsClause(text, from + 4)) return true;
  if (text[from] === '又' && /^又\p{sc=Han}{1,2}又\p{sc=Han}{1,2}$/u.test(clauseFrom(text, from))) return true;
  if ((after.cls === 'i' || isRepetitiveIdiom(text.slice(from, from + 4))) && endsClause(text, from + 4)) return true;
  if (after.cls === 'a' && after.text.length >= 2 && !RELATIONAL_ADJECTIVES.has(after.text) && !SAY_THINK.has(predicate.text)) {
    if (endsClause(text, after.end)) return true;
    const second = wordAt(text, after.end, classes);
    return second !== undefined && second.cls === 'a' && second.text.length >= 2 && endsClause(text, second.end);
  }
  // 美观大方, 井然有序: an adjective of two characters after two the table does not know, ending the clause.
  const tail = text.slice(from + 2, from + 4);
  return after.cls === undefined && !classes.has(text.slice(from, from + 2)) && isModifierWord(tail, classes) && classes.get(tail) === 'a' && endsClause(text, from + 4);
}

/** The end of the degree word at `from` (很, 非常, 比), unless a longer word there is no degree word (比重, 更新; 很快 is one). */
function degreeAt(text: string, from: number, classes: ReadonlyMap<string, WordClass>): number | undefined {
  let end: number | undefined;
  for (let n = 3; n >= 1 && end === undefined; n--) if (DEGREE.has(text.slice(from, from + n))) end = from + n;
  if (end === undefined) return undefined;
  const word = wordAt(text, from, classes);
  if (word && word.end > end && word.cls !== 'd' && word.cls !== 'a') return undefined;
  return end;
}

/** A potential complement ending the clause (合不拢嘴, 说不出话来, 睡不着觉): X不Y with X a verb character. */
function isPotentialComplement(text: string, from: number): boolean {
  if (!(isHan(text[from]) && text[from + 1] === '不' && isHan(text[from + 2]) && text[from] !== text[from + 2] && text[from] !== '不')) return false;
  return shortPredicateToClauseEnd(text, from + 3, 2) || endsClause(text, from + 3);
}

/** Does the clause end within `max` characters of `from`, with no particle on the way (很集中的问题)? */
function shortPredicateToClauseEnd(text: string, from: number, max: number): boolean {
  for (let i = from; i <= from + max; i++) {
    if (endsClause(text, i)) return i > from;
    const ch = text[i]!;
    if (ch === '的' || ch === '之' || !isHan(ch)) return false;
  }
  return false;
}

/** The characters from `from` to the end of the clause. */
function clauseFrom(text: string, from: number): string {
  let i = from;
  while (!endsClause(text, i)) i++;
  return text.slice(from, i);
}

/** modifier + 得 + `after`: a verb with what follows it as an object, not a result (积极得配合做好). */
function verbWithObject(text: string, modifier: Word, after: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  if (after.cls !== 'v' || RESULT_VERBS.has(after.text)) return false;
  // A one-character verb only after a reduplicated modifier (实实在在得抓): 认真得很 is a complement.
  if (after.text.length < 2 && !isReduplicated(text, modifier.start, 4)) return false;
  const rest = text.slice(after.end, after.end + 2);
  if ([...RESULT_MARKS].some((m) => rest.startsWith(m))) return false;
  const next = wordAt(text, after.end, classes);
  return next !== undefined || /^[了着]/.test(rest);
}

/** verb or adjective + 地 + `after`: is `after` a noun the phrase is the attribute of (新建地文化广场)? */
function headsNounPhrase(text: string, before: Word, after: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  if (after.cls === 'n') return true;
  // 付出了艰辛地努力。: the whole phrase is the object of the verb before it.
  if (before.cls === 'a' && (after.cls === 'a' || after.cls === 'v') && objectOfWhatPrecedes(text, before, after, classes)) return true;
  // 提供便捷地服务: a verb also used as a noun, as the object of the verb before the phrase.
  if (after.cls === 'vn') {
    // (Past a degree word: 提供更加优质地服务.)
    let prev = wordBefore(text, before.start, classes);
    if (prev && DEGREE.has(prev.text)) prev = wordBefore(text, prev.start, classes);
    // (Ending the clause or before a noun heading it, 营造良好地发展环境; not 要求积极地服务群众.)
    const head = wordAt(text, after.end, classes);
    return prev !== undefined && (prev.cls === 'v' || prev.cls === 'vn') && !MODALS.has(prev.text) && (endsClause(text, after.end) || (head !== undefined && NOMINAL_HEADS.has(head.text)));
  }
  return false;
}

/**
 * Is modifier + particle + `after` a noun phrase closing the clause as the object of a verb
 * that takes a noun (付出了艰辛地努力, 给予充分得肯定) or after a possessive 的 (领导的充分得肯定)?
 */
function objectOfWhatPrecedes(text: string, modifier: Word, after: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  if (!endsClause(text, after.end)) return false;
  let prev = wordBefore(text, modifier.start, classes);
  const perfective = prev?.text === '了';
  if (prev && (prev.text === '了' || DEGREE.has(prev.text))) prev = wordBefore(text, prev.start, classes);
  if (!prev) return false;
  if (prev.text === '的') return true;
  // A verb also used as a noun takes the phrase as its object only with 了 (付出了艰辛地努力); bare,
  // it is more often the subject (各项工作扎实地推进).
  return (prev.cls === 'v' || (prev.cls === 'vn' && perfective)) && prev.text.length >= 2 && !MODALS.has(prev.text) && !TAKES_VERB_PHRASE.has(prev.text);
}

/**
 * Dummy verbs (形式动词, 《现代汉语词典》: 进行、加以、给予、予以、作出 take a verb as their
 * nominal object): modifier + particle + verb after them is a noun phrase (进行认真的检查).
 */
const DUMMY_VERBS = new Set(['进行', '加以', '给予', '予以', '作出', '做出', '受到', '得到', '展开', '开展']);

/** Does a dummy verb (with 了 or a degree word in between) stand right before `modifier`? */
function afterDummyVerb(text: string, modifier: Word, classes: ReadonlyMap<string, WordClass>): boolean {
  let prev = wordBefore(text, modifier.start, classes);
  if (prev && (prev.text === '了' || DEGREE.has(prev.text))) prev = wordBefore(text, prev.start, classes);
  return prev !== undefined && DUMMY_VERBS.has(prev.text);
}

/** Does the clause before `at` hold the passive 被 (被眼前的美景深深的吸引): then the verb after the modifier is its predicate. */
function passiveBefore(text: string, at: number): boolean {
  // (Not the 被 of 被告, 被子, 被动, 被单.)
  for (let i = at - 1; i >= 0 && !endsClause(text, i); i--) if (text[i] === '被' && !'告子动单褥'.includes(text[i + 1] ?? '')) return true;
  return false;
}

/**
 * Is everything from the clause start to `at` a subject, nouns of the table and personal
 * pronouns only (水位迅速的上涨。, 我们认真的学习。)? Then the verb after the modifier is the
 * clause's predicate; with a verb before (感谢他们认真的工作。) it may be its object.
 */
function onlySubjectBefore(text: string, at: number, classes: ReadonlyMap<string, WordClass>): boolean {
  let end = at;
  let words = 0;
  while (end > 0 && !endsClause(text, end - 1)) {
    const w = wordBefore(text, end, classes);
    if (!w || !(w.cls === 'n' && w.text.length >= 2) && !PERSONAL_PRONOUN.test(w.text)) return false;
    end = w.start;
    if (++words > 3) return false;
  }
  return words > 0;
}

/** A verb followed by an aspect mark (了, 着, 过) and more of its clause (完成了各项, 握着他的手). */
function verbWithAspect(text: string, after: Word): boolean {
  return (after.cls === 'v' || after.cls === 'vn') && /^[了着过]/.test(text.slice(after.end, after.end + 1)) && !endsClause(text, after.end + 1);
}

/** Verbs whose object is a verb phrase (要求积极地参与, 坚持认真地学习): after them modifier + 地 + verb stays. */
const TAKES_VERB_PHRASE = new Set([
  '要求', '希望', '鼓励', '引导', '支持', '推动', '坚持', '继续', '开始', '努力', '注意', '学会', '善于', '敢于', '能够', '需要',
  '应该', '决定', '准备', '打算', '争取', '号召', '动员', '组织', '带领', '督促', '帮助', '指导', '倡导', '提倡', '主张', '要',
]);

/** Is the 的/地/得 at `p` a character of a word (目的, 的确, 土地, 地方, 取得, 得到)? */
function insideWord(text: string, p: number, classes: ReadonlyMap<string, WordClass>, afterModifier: boolean): boolean {
  for (let start = afterModifier ? p : Math.max(0, p - LONGEST_CLASSED_WORD + 1); start <= p; start++) {
    // A word that a longer word before it cuts into is not read: in 认真的 the word 真的 loses
    // its 真 to 认真, in 项目的 the word 目的 its 目 to 项目 (the longest match from the left).
    if (start < p && crossedAt(text, start, classes)) continue;
    for (let end = Math.max(p + 1, start + 2); end <= Math.min(text.length, start + LONGEST_CLASSED_WORD); end++) {
      if (classes.has(text.slice(start, end))) return true;
    }
  }
  return false;
}

/** Is there a word of the table of two or more characters that ends right after `at` and starts before it? */
function crossedAt(text: string, at: number, classes: ReadonlyMap<string, WordClass>): boolean {
  for (let from = Math.max(0, at - LONGEST_CLASSED_WORD + 1); from < at; from++) {
    for (let end = at + 1; end <= Math.min(text.length, from + LONGEST_CLASSED_WORD); end++) {
      const w = text.slice(from, end);
      if (classes.has(w) && !PARTICLE.test(w)) return true;
    }
  }
  return false;
}

/** The longest word of the table starting at `at`, or the one character there (class unknown); undefined at a non-Han character. */
function wordAt(text: string, at: number, classes: ReadonlyMap<string, WordClass>): Word | undefined {
  if (!isHan(text[at])) return undefined;
  for (let n = LONGEST_CLASSED_WORD; n >= 1; n--) {
    if (at + n > text.length || !allHan(text, at, at + n)) continue;
    const w = text.slice(at, at + n);
    const cls = classes.get(w);
    if (cls) return { start: at, end: at + n, text: w, cls };
  }
  return { start: at, end: at + 1, text: text[at]!, cls: undefined };
}

/** The longest word of the table ending at `end`, or the one character there; undefined at a non-Han character. */
function wordBefore(text: string, end: number, classes: ReadonlyMap<string, WordClass>): Word | undefined {
  if (!isHan(text[end - 1])) return CLAUSE_END.has(text[end - 1] ?? '') ? undefined : undefined;
  for (let n = Math.min(LONGEST_CLASSED_WORD, end); n >= 1; n--) {
    if (!allHan(text, end - n, end)) continue;
    const w = text.slice(end - n, end);
    const cls = classes.get(w);
    if (cls) return { start: end - n, end, text: w, cls };
  }
  return { start: end - 1, end, text: text[end - 1]!, cls: undefined };
}

/** The word before the particle, where reduplicated forms count as modifiers (认认真真, 默默, 实实在在). */
function modifierBefore(text: string, p: number, classes: ReadonlyMap<string, WordClass>): Word | undefined {
  if (p >= 4 && (isReduplicated(text, p - 4, 4) || isRepetitiveIdiom(text.slice(p - 4, p)))) return { start: p - 4, end: p, text: text.slice(p - 4, p), cls: 'a' };
  const w = wordBefore(text, p, classes);
  if (w && w.text.length < 2 && p >= 2 && text[p - 1] === text[p - 2] && isHan(text[p - 2])) {
    return { start: p - 2, end: p, text: text.slice(p - 2, p), cls: 'a' };
  }
  // Two modifiers joined (科学有序, 积极稳妥, 扎实有效): one manner adverbial.
  if (p >= 4 && isModifierWord(text.slice(p - 4, p - 2), classes) && isModifierWord(text.slice(p - 2, p), classes)) {
    return { start: p - 4, end: p, text: text.slice(p - 4, p), cls: 'a' };
  }
  // A numeral and a reduplicated measure word (一遍遍, 一次次, 一步步): a manner of repetition.
  if (p >= 3 && text[p - 3] === '一' && text[p - 2] === text[p - 1] && isHan(text[p - 1])) {
    return { start: p - 3, end: p, text: text.slice(p - 3, p), cls: 'a' };
  }
  // Four characters that hold no word of the table are most likely an idiom it does not list
  // (不厌其烦, 小心谨慎): a manner adverbial if a verb phrase follows.
  if (w && w.cls !== 'n' && w.text.length < 4 && p >= 4 && isUnlistedIdiom(text.slice(p - 4, p), classes)) {
    return { start: p - 4, end: p, text: text.slice(p - 4, p), cls: 'i', listed: w };
  }
  return w;
}

/**
 * AABB (认认真真, 实实在在, 干干净净) at `from`: the reduplicated form of an adjective or verb,
 * which describes a manner or a state. Not the reduplicated noun (方方面面, 家家户户, 点点滴滴:
 * 方面, 家户, 点滴 are nouns), which is a noun itself.
 */
function isReduplicated(text: string, from: number, length: 4): boolean {
  const s = text.slice(from, from + length);
  if (!(s.length === 4 && [...s].every(isHan) && s[0] === s[1] && s[2] === s[3] && s[0] !== s[2] && !/[的地得]/.test(s))) return false;
  return wordClasses().get(s[0]! + s[2]!) !== 'n';
}

/** Is the particle at `p` after 新 + a one-character verb (新建, 新装, 新栽)? */
function isNewlyDone(text: string, p: number, classes: ReadonlyMap<string, WordClass>): boolean {
  return p >= 2 && text[p - 2] === '新' && classes.get(text[p - 1]!) === 'v';
}

/** A word of two characters the table calls an adjective or an adverb. */
function isModifierWord(s: string, classes: ReadonlyMap<string, WordClass>): boolean {
  const cls = classes.get(s);
  return s.length === 2 && (cls === 'a' || cls === 'd');
}

/** Four Han characters, none a particle, that contain no word of two or more characters of the table. */
function isUnlistedIdiom(s: string, classes: ReadonlyMap<string, WordClass>): boolean {
  // (Function characters — measure words, locatives, pronouns — mark a phrase, not an idiom: 个实例中.)
  if (s.length !== 4 || ![...s].every(isHan) || /[的地得了是在和与及个们中里上下之这那各每某些]/.test(s)) return false;
  // (Nor a number: 七十八岁, 三百多户 open with two numerals; idioms with one, 三心二意, are listed.)
  if (/^[零一二三四五六七八九十百千万两几]{2}/.test(s)) return false;
  for (let i = 0; i < 4; i++) for (let j = i + 2; j <= 4; j++) if (classes.has(s.slice(i, j))) return false;
  return true;
}

/**
 * A four-character idiom with a repeated character, ABAC (有声有色, 不折不扣, 全心全意), AABC
 * (井井有条, 欣欣向荣) or ABCC (生机勃勃, 喜气洋洋): these shapes are descriptive idioms, used as
 * state complements and manner adverbials.
 */
function isRepetitiveIdiom(s: string): boolean {
  if (s.length !== 4 || ![...s].every(isHan) || /[的地得]/.test(s)) return false;
  const [a, b, c, d] = [...s] as [string, string, string, string];
  // Not a reduplicated adverb before a verb (纷纷感动, 渐渐消失): 纷纷 is a word of its own.
  if (a === b && wordClasses().get(a + b) === 'd') return false;
  // Nor a word and a reduplicated adverb after it (群众紧紧, 美景深深): 紧紧 is the adverb of what follows.
  if (c === d && wordClasses().get(c + d) === 'd') return false;
  // ABCC only where AB is a word of the table (生机勃勃, 喜气洋洋, 人才济济): after any two
  // characters it is more often a reduplicated adverb after the end of a phrase (爱好者早早).
  return (a === c && b !== d && a !== b) || (a === b && c !== d && b !== c) || (c === d && a !== b && b !== c && wordClasses().has(a + b));
}

// The pack's four rules each run this check on the same text, one after the other: the last
// text's hits are kept so the particles are judged once per check, not once per rule.
let lastText: string | undefined;
let lastHits: DeDiDeHit[] = [];

/** The `de-di-de` built-in check: {@link findDeDiDe} outside skipped markup. */
export function runDeDiDeCheck(context: BuiltinContext): BuiltinHit[] {
  if (context.text !== lastText) {
    lastHits = findDeDiDe(context.text);
    lastText = context.text;
  }
  return lastHits.filter((h) => !isSkipped(context.skip, h.start, h.end));
}

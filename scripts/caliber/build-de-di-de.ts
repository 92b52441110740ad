/**
 * Builds src/caliber/packs/de-di-de.json: the 的/地/得 rules as plain regex rules an office can
 * read and edit, written from the word lists below so that each list stays readable here.
 *
 * Usage (《现代汉语词典》第7版 “的”“地”“得” entries; 教育部《现代汉语规范词典》): 地 marks an
 * adverbial before a verb (积极地参与), 得 links a verb or adjective to its complement of degree
 * or result (跑得很快), 的 marks an attribute before a noun. The patterns fire only where the
 * words around make the reading unambiguous; nominal uses (给予积极的回应, 做的很多工作) are
 * excluded by the context lists.
 *
 * Run: `npx tsx scripts/caliber/build-de-di-de.ts`
 */
import { writeFileSync } from 'node:fs';

const SOURCE = '《现代汉语词典》（第7版）“的”“地”“得”条；教育部《现代汉语规范词典》：状语后用“地”，补语前用“得”';

/** Two-character adverbials that are written with 地 before a verb. */
const ADVERBIALS = [
  '积极', '认真', '努力', '切实', '扎实', '深入', '全面', '稳步', '大力', '主动', '不断', '持续', '逐步', '严格',
  '热情', '耐心', '迅速', '及时', '依法', '有序', '精准', '妥善', '紧密', '牢牢', '坚定', '坚决', '深刻', '热烈',
  '仔细', '稳妥', '统筹', '平稳', '快速', '全力', '尽快', '高效', '有力', '充分', '广泛', '顺利', '扎扎实实', '认认真真',
  '实实在在', '创造性', '系统', '科学', '有效', '合理', '仔细', '严肃', '亲切', '自觉', '逐一', '精心', '激动', '高兴',
  '感慨', '动情', '自豪', '真心实意', '坚持不懈', '手把手', '挨家挨户', '一遍遍', '一次次', '默默', '悄悄', '紧紧',
  '深情', '郑重', '明确', '反复', '集中', '全方位', '有针对性',
  // Adverbials of official prose (manner, attitude, pace), from the usage notes of 《现代汉语规范词典》
  // and the patterns of government work reports: with a verb after 的 they are adverbials.
  '稳定', '大幅', '明显', '显著', '积极主动', '深入细致', '认真细致', '扎实有序', '稳妥有序', '精细', '准确', '客观',
  '公正', '规范', '大规模', '热情周到', '耐心细致', '及时准确', '实事求是', '一丝不苟', '千方百计', '想方设法', '有条不紊',
  '争分夺秒', '马不停蹄', '夜以继日', '不折不扣', '全心全意', '尽心尽力', '尽职尽责', '兢兢业业', '默默无闻', '坚定不移',
  '毫不动摇', '毫不松懈', '持之以恒', '锲而不舍', '逐家逐户', '逐村逐户', '面对面', '点对点', '一对一', '一点一滴',
  '慢慢', '渐渐', '轻轻', '静静', '细细', '好好', '深深', '稳稳', '早早', '大胆', '坦诚', '坦率', '诚恳', '热心', '专心',
  '用心', '细心', '有计划', '有步骤', '有组织', '有重点', '分类', '分批', '分期', '分步', '踏踏实实', '仔仔细细',
  '老老实实', '勤勤恳恳', '认真负责', '积极稳妥', '主动积极', '创造性', '常态化', '制度化', '规范化', '系统化',
  '细致', '清醒', '齐心协力', '不辞辛劳', '不辞辛苦', '进一步', '更好', '更加', '切切实实', '同心协力', '团结一心',
  '废寝忘食', '日夜', '连夜', '加班加点', '全天候', '全覆盖', '深入扎实', '扎实有效', '积极有效', '有力有序', '科学有序',
];
/** Words for a state of mind or manner of speaking; with 的 before a verb of speech or gesture they are adverbials (激动的说). */
const MANNER_OF_SPEAKING = [
  '激动', '感激', '满意', '高兴', '兴奋', '欣慰', '自豪', '感慨', '动情', '深情', '风趣', '幽默', '坦率', '诚恳', '开心',
  '欣喜', '感动', '骄傲', '无奈', '郑重', '严肃', '亲切', '笑着', '笑眯眯', '乐呵呵', '喜滋滋', '意味深长', '语重心长',
  '激动不已', '感慨万千', '兴奋不已', '由衷', '不住', '连连', '频频', '紧紧',
];
/** Verbs of speech and gesture that follow such a word. */
const SPEECH_VERBS = ['说', '讲', '问', '表示', '告诉', '介绍', '回忆', '感叹', '笑', '点头', '握住', '握着', '拉着', '拍着', '鼓掌', '称赞', '竖起'];
/** Words starting with a SPEECH_VERB that are nouns (笑容, 说法). */
const SPEECH_NOUNS = ['说法', '说明', '讲话', '讲座', '问题', '问候', '表示', '介绍信', '笑容', '笑脸', '笑声', '笑话', '点头之交', '回忆录'];
/** Prepositions and verbs that begin a verb phrase; after an adverbial + 的 they show 的 should be 地. */
const VERBAL_STARTS = ['将', '把', '向', '为', '对', '给', '从', '与', '在', '跟', '同', '被', '说', '问', '表示', '指出', '强调', '介绍', '询问', '检查', '核对', '核实', '查处', '发布', '接受', '减轻', '转运', '宣传', '讲解', '上门', '走访', '看望', '慰问'];
/** Words beginning with one of VERBAL_STARTS that are nouns or take 的 (将来, 对象, 为人, 在场). */
const VERBAL_EXCEPTIONS = ['将来', '将军', '把握', '把关', '向往', '为人', '为主', '对象', '对手', '对方', '对外', '对于', '给予', '从业', '与会', '在场', '在职', '在校', '同志', '同事', '同时', '同类', '被告', '说法', '说明', '问题', '表示', '宣传'];
/** Verbs that, right after such an adverbial + 的, make the phrase verbal. */
const VERBS = [
  '参与', '开展', '推进', '落实', '实施', '推动', '做好', '解决', '完成', '贯彻', '投入', '融入', '处置', '排查', '整改',
  '化解', '办理', '督促', '引导', '帮助', '解答', '答复', '参加', '组织', '执行', '传达', '学习', '领会', '把握', '发挥',
  '提高', '提升', '加强', '改善', '促进', '维护', '保护', '防范', '应对', '回应', '抓好', '抓住', '做到', '落到', '推向',
  '指导', '宣讲', '讲解', '帮扶', '配合', '支持', '响应', '回答', '告诉', '询问', '交流', '沟通', '协调', '对接', '走访',
  '调研', '督导', '整治', '清理', '清除', '收集', '记录', '登记', '核查', '巡查', '监测', '研究', '分析', '谋划', '部署',
  '安排', '完善', '健全', '建立', '构建', '打造', '培育', '壮大', '增长', '回升', '恢复', '向好', '运行', '上升', '下降',
  '教', '帮', '讲', '抓', '干', '查', '改', '守', '护', '送', '修', '种', '救', '扶', '跑', '走', '看', '听', '写', '读',
  // Verbs of official prose that are seldom the head of a noun phrase after an adverbial + 的.
  '担当', '认识到', '意识到', '奔波', '投身', '坚守', '深化', '强化', '压实', '夯实', '筑牢', '织密', '守牢', '兜牢',
  '用好', '管好', '办好', '讲好', '走好', '干好', '做实', '落细', '跟进', '面对', '看待', '对待', '借鉴', '衔接', '统筹',
  '兼顾', '审核', '纠正', '制止', '遏制', '杜绝', '减少', '降低', '增加', '扩大', '拓展', '满足', '关心', '关注', '关爱',
  '照顾', '奋战', '拼搏', '行动起来', '优化', '投入到', '参与到', '融入到',
];
/** Nouns that begin with one of the one-character VERBS (认真的学生, 热情的服务员): after 的 they are an attribute's head. */
const VERB_NOUNS = [
  '教师', '教育', '教学', '教材', '教训', '帮助', '讲话', '讲座', '抓手', '干部', '干劲', '查询', '改革', '改变', '守则',
  '护士', '护理', '送达', '修养', '种子', '种类', '救助', '扶持', '跑道', '走向', '走势', '看法', '听众', '写作', '读者',
  '读书', '种植', '看点', '干事', '讲解员', '教练',
];
/** What comes before a nominal 的 phrase: after these the words are a noun phrase, leave them. */
const NOMINAL_BEFORE = ['采取', '经过', '通过', '付出', '感谢', '致以', '报以', '表示', '给予', '得到', '作出', '做出', '进行', '加以', '提供', '取得', '获得', '受到', '赢得', '实现', '保持', '予以', '是', '有', '了', '个', '种', '一', '的', '和', '与', '及'];
/** What makes the verb a noun (参与者, 推进力度): leave those. */
const NOMINAL_AFTER = ['者', '度', '率', '性', '人', '员', '机制', '工作', '情况', '方面', '意识', '能力', '体系', '力度', '主体', '单位', '的', '中', '下', '上', '和', '与', '、', '，', '。'];

/** Verbs and adjectives that take a complement of degree with 得. */
const COMPLEMENT_HEADS = [
  '跑', '走', '做', '干', '写', '说', '讲', '办', '抓', '搞', '学', '变', '来', '吃', '睡', '唱', '跳', '飞', '看', '听', '想',
  '笑', '忙', '落实', '推进', '完成', '开展', '发展', '建设', '准备', '组织', '安排', '处理', '解决', '执行', '改', '管', '治',
  '修', '建', '用', '涨', '跌', '增长', '下降', '提升', '提高', '进行', '运行', '恢复', '整改', '表现', '回答', '解释', '讲解',
  '宣传', '服务', '办理', '答复', '解答', '做好', '开', '搞好', '干好', '来',
];
const DEGREE = ['很', '非常', '十分', '特别', '相当', '极其', '更加', '越来越', '比较', '太', '更', '还', '不', '不太', '不够', '挺'];
/** Complements that end the clause: the phrase is then verb + complement, not an attribute. */
const COMPLEMENTS = [
  '快', '慢', '好', '早', '晚', '高', '低', '顺利', '出色', '圆满', '精彩', '认真', '仔细', '透彻', '清楚', '明白', '扎实',
  '有力', '到位', '及时', '有效', '稳', '实', '细', '深', '好极了', '不错', '规范', '热烈', '红火', '满意',
];
/** Two-character state adjectives that end a clause as a complement (布置得温馨). */
const STATE_ADJECTIVES = ['温馨', '整洁', '干净', '漂亮', '热闹', '生动', '细致', '周到', '彻底', '牢固', '温馨简朴', '简朴', '紧凑', '合理', '妥当', '稳妥', '井然', '充实', '丰富', '精彩纷呈'];
const CLAUSE_END = '(?=[，。；！？、,.;!?”]|$)';
/** Degree words that, right after a verb + 的/地, start a complement when one or two characters end the clause. */
const STRONG_DEGREE = ['很', '非常', '十分', '特别', '相当', '格外', '极其', '更加', '越来越', '比较', '太', '挺'];
/** Four-character complements of state (有声有色, 井井有条) and reduplicated ones (整整齐齐). */
const STATE_COMPLEMENTS = ['有声有色', '井井有条', '整整齐齐', '干干净净', '清清楚楚', '明明白白', '扎扎实实', '红红火火', '热热闹闹', '妥妥当当', '漂漂亮亮', '舒舒服服', '温馨舒适', '整洁有序', '井然有序', '热火朝天', '如火如荼', '出乎意料', '恰到好处', '淋漓尽致'];
/** Characters that end a noun or a pronoun: X的很好 after them is a possessive, not a complement. */
const POSSESSORS = ['们', '的', '里', '家', '人', '者', '之', '我', '你', '他', '她', '它'];
/** Reduplicated adverbials that must be followed by 地, not 得. */
const REDUPLICATED_ADVERBIALS = [
  '实实在在', '扎扎实实', '认认真真', '踏踏实实', '仔仔细细', '明明白白', '清清楚楚', '老老实实', '兢兢业业', '勤勤恳恳',
  '高高兴兴', '开开心心', '轻轻松松', '稳稳当当', '规规矩矩', '平平安安', '快快乐乐', '痛痛快快', '大大方方', '安安心心',
  '一步一步', '一项一项', '一件一件', '一户一户', '一家一户', '一村一村', '一个一个', '一次又一次', '一遍又一遍',
];

/** Affirmative-negative complements (正反问补语): V得好不好, V得实不实. */
const A_NOT_A = [
  '好不好', '快不快', '实不实', '细不细', '准不准', '稳不稳', '够不够', '对不对', '严不严', '深不深', '到不到位',
  '扎不扎实', '清不清楚', '明不明白', '满不满意', '顺不顺利', '快不快速', '及不及时', '规不规范', '透不透彻',
];

/**
 * Words that are adverbs only (《现代汉语规范词典》 labels them 副词): they never take 的 as an
 * attribute, so 的 after them before a verb or a verb phrase is always 地 (尽量的减少, 依法的查处).
 * Adverbs that also make attributes (共同的目标, 进一步的措施, 不断的努力, 及时的救治) are not here.
 */
const PURE_ADVERBS = [
  '尽量', '尽快', '尽早', '尽力', '逐步', '逐渐', '依法', '依规', '依纪', '务必', '立即', '马上', '竭力', '极力', '着力',
  '悉心', '亲自', '随即', '从严', '从快', '从重', '一再', '已经', '正在', '即将', '特地', '特意', '千方百计', '想方设法',
  '争分夺秒', '全力以赴', '一如既往', '坚定不移', '毫不动摇', '毫不松懈', '持之以恒', '不折不扣', '大张旗鼓', '有条不紊',
];
/** Words ending in 地 (place nouns and the adverb 特地 …): 地 there is no particle. */
const DI_WORDS = [
  '各地', '当地', '本地', '外地', '异地', '两地', '多地', '实地', '就地', '土地', '天地', '此地', '基地', '阵地', '绿地',
  '草地', '湿地', '山地', '田地', '耕地', '用地', '场地', '陆地', '腹地', '境地', '园地', '工地', '林地', '属地', '落地',
  '大地', '高地', '洼地', '盆地', '空地', '荒地', '内地', '驻地', '营地', '产地', '目的地', '所在地', '原产地', '根据地',
  '特地', '暗地', '平地', '遍地', '满地', '就近就地', '心地', '余地', '质地', '墓地', '宅基地', '建设用地',
];

const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

const rules = [
  {
    id: 'adverbial-de',
    type: 'regex',
    pattern: `的(?<=(?:${alt(ADVERBIALS)})的)(?<!(?:${alt(NOMINAL_BEFORE)})(?:${alt(ADVERBIALS)})的)(?!${alt(VERB_NOUNS)})(?=(?:${alt(VERBS)})(?!${alt(NOMINAL_AFTER)}))`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '状语修饰动词用“地”：“{match}”应为“地”',
    source: SOURCE,
    specs: [{ from: '群众积极的参与志愿服务。', to: '群众积极地参与志愿服务。' }],
  },
  {
    id: 'adverbial-de-before-verb-phrase',
    type: 'regex',
    pattern: `的(?<=(?:${alt(ADVERBIALS)})的)(?<!(?:${alt(NOMINAL_BEFORE)})(?:${alt(ADVERBIALS)})的)(?=(?:${alt(VERBAL_STARTS)}))(?!${alt(VERBAL_EXCEPTIONS)})`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '状语后接介词或动词短语时用“地”：“{match}”应为“地”',
    source: SOURCE,
    specs: [{ from: '医护人员迅速的将伤员转运至医院。', to: '医护人员迅速地将伤员转运至医院。' }],
  },
  {
    id: 'adverbial-de-reduplicated',
    type: 'regex',
    pattern: `[的得](?<=(?:${alt(REDUPLICATED_ADVERBIALS)})[的得])(?=\\p{sc=Han})(?!很|非常|十分)`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '重叠式状语修饰动词用“地”：“{match}”应为“地”',
    source: SOURCE,
    specs: [{ from: '要实实在在得抓出成效。', to: '要实实在在地抓出成效。' }],
  },
  {
    id: 'complement-de',
    type: 'regex',
    pattern: `[的地](?<=(?:${alt(COMPLEMENT_HEADS)})[的地])(?=(?:${alt(DEGREE)})?(?:${alt(COMPLEMENTS)})${CLAUSE_END})`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '动词后引出程度、结果补语用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [
      { from: '他跑的很快。', to: '他跑得很快。' },
      { from: '各项工作推进地十分顺利。', to: '各项工作推进得十分顺利。' },
    ],
  },
  {
    id: 'complement-de-degree',
    type: 'regex',
    pattern: `[的地](?<=\\p{sc=Han}[的地])(?<!(?:${alt(POSSESSORS)})[的地])(?!很多|很少|不少|太多|太少|非常多|十分多)(?=(?:${alt(STRONG_DEGREE)})\\p{sc=Han}{1,4}${CLAUSE_END})`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '引出程度补语（“很……”“十分……”）用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [{ from: '这次培训组织的很周密，效果好。', to: '这次培训组织得很周密，效果好。' }],
  },
  {
    id: 'complement-de-state',
    type: 'regex',
    pattern: `[的地](?<=\\p{sc=Han}[的地])(?<!(?:${alt(POSSESSORS)})[的地])(?=(?:${alt(STATE_COMPLEMENTS)})${CLAUSE_END})`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '引出状态补语用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [{ from: '垃圾分类工作开展的有声有色。', to: '垃圾分类工作开展得有声有色。' }],
  },
  {
    id: 'complement-de-hen',
    type: 'regex',
    pattern: `的(?<=\\p{sc=Han}的)(?<!(?:${alt(POSSESSORS)})的)(?=很${CLAUSE_END}|多${CLAUSE_END}|怎么样|怎样[，。？?])`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '“好得很”“快得多”“落实得怎么样”中补语前用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [{ from: '今年夏粮长势好的很，', to: '今年夏粮长势好得很，' }],
  },
  {
    id: 'complement-de-a-not-a',
    type: 'regex',
    pattern: `的(?<=\\p{sc=Han}的)(?<!(?:${alt(POSSESSORS)})的)(?=(?:${alt(A_NOT_A)}))`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '正反问补语（“好不好”“实不实”）前用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [{ from: '工作落实的好不好，群众最有发言权。', to: '工作落实得好不好，群众最有发言权。' }],
  },
  {
    id: 'adverb-de',
    type: 'regex',
    pattern: `的(?<=(?:${alt(PURE_ADVERBS)})的)(?=\\p{sc=Han})(?!的)`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '副词修饰动词不用“的”：“{match}”应为“地”或删去',
    source: SOURCE,
    specs: [
      { from: '要尽量的减少群众跑腿次数。', to: '要尽量地减少群众跑腿次数。' },
      { from: '共同的目标把大家凝聚在一起。', to: '共同的目标把大家凝聚在一起。' },
    ],
  },
  {
    id: 'complement-di-clause-end',
    type: 'regex',
    pattern: `地(?<=\\p{sc=Han}地)(?<!${alt(DI_WORDS)})(?=(?:${alt(DEGREE)})?(?:${alt([...COMPLEMENTS, ...STATE_COMPLEMENTS, ...STATE_ADJECTIVES])})${CLAUSE_END})`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '“地”只用在动词前；句末的程度、状态补语前用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [
      { from: '会场布置地温馨简朴。', to: '会场布置得温馨简朴。' },
      { from: '项目已在当地顺利。', to: '项目已在当地顺利。' },
    ],
  },
  {
    id: 'adverbial-de-written-de',
    type: 'regex',
    pattern: `得(?<=(?:${alt(ADVERBIALS)})得)(?<!(?:${alt(NOMINAL_BEFORE)})(?:${alt(ADVERBIALS)})得)(?!${alt(VERB_NOUNS)})(?=(?:${alt(VERBS.filter((v) => v.length > 1))})(?!${alt(NOMINAL_AFTER)}))`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '状语修饰动词用“地”，不用“得”：“{match}”应为“地”',
    source: SOURCE,
    specs: [
      { from: '群众积极得参与志愿服务。', to: '群众积极地参与志愿服务。' },
      { from: '工作做得扎实。', to: '工作做得扎实。' },
    ],
  },
  {
    id: 'adverbial-de-speech',
    type: 'regex',
    pattern: `的(?<=(?:${alt(MANNER_OF_SPEAKING)})的)(?<!(?:${alt(NOMINAL_BEFORE)})(?:${alt(MANNER_OF_SPEAKING)})的)(?!${alt(SPEECH_NOUNS)})(?=${alt(SPEECH_VERBS)})`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '修饰“说”“笑”“握住”等动作的状语用“地”：“{match}”应为“地”',
    source: SOURCE,
    specs: [
      { from: '他激动的握住民警的手。', to: '他激动地握住民警的手。' },
      { from: '群众脸上露出满意的笑容。', to: '群众脸上露出满意的笑容。' },
    ],
  },
  {
    id: 'complement-de-not-enough',
    type: 'regex',
    pattern: `[的地](?<=\\p{sc=Han}[的地])(?<!(?:${alt(POSSESSORS)})[的地])(?=(?:还不够|不够|还不太|不太|还不是很|越来越|还比较|还很)\\p{sc=Han}{1,4}${CLAUSE_END})`,
    flags: 'u',
    replacement: '得',
    severity: 'warning',
    message: '引出程度补语（“不够……”“越来越……”）用“得”：“{match}”应为“得”',
    source: SOURCE,
    specs: [
      { from: '项目推进的还不够快。', to: '项目推进得还不够快。' },
      { from: '我们的不够之处还很多。', to: '我们的不够之处还很多。' },
    ],
  },
  {
    id: 'de-speech-adverbial',
    type: 'regex',
    pattern: `得(?<=(?:高兴|激动|动情|感慨|自豪|兴奋|笑着|风趣|坦率|诚恳)得)(?=(?:说|问|表示|回答|讲)[：，:,])`,
    flags: 'u',
    replacement: '地',
    severity: 'warning',
    message: '修饰“说”“表示”等的状语用“地”：“{match}”应为“地”',
    source: SOURCE,
    specs: [{ from: '村民们高兴得说，路修好了。', to: '村民们高兴地说，路修好了。' }],
  },
  {
    id: 'attributive-de-new',
    type: 'regex',
    pattern: '[得地](?<=新(?:装|建|修|开|设|增|改|购|铺|栽|种|添|配|建成)[得地])(?!铁|块|区|方|下|面|址|点|段|标|产|域|道|基|图|理|质|位|震|貌|形|势|址|盘|皮)(?=\\p{sc=Han})',
    flags: 'u',
    replacement: '的',
    severity: 'warning',
    message: '修饰名词用“的”：“{match}”应为“的”',
    source: SOURCE,
    specs: [{ from: '村口新装得路灯已经亮了。', to: '村口新装的路灯已经亮了。' }],
  },
];

// Each pattern starts with the literal 的/地/得 and looks back from there, so the regex engine
// skips ahead to those characters instead of testing the look-behinds at every position.
// The verb lists hold 的-compounds nowhere; the patterns never see 的确/目的/地方 because they
// need a listed word on both sides.
// 的/地/得 are judged from the words around, not from the sentence's structure: each finding
// suggests the character but its fix waits for a human (`safe: false`), so `applyFixes` never
// rewrites a sentence the patterns misread (and 依法的处理 may be meant as 依法处理).
for (const rule of rules) (rule as { safe?: boolean }).safe = false;

const wordClassRule = {
  id: 'word-classes',
  type: 'builtin',
  check: 'de-di-de',
  severity: 'warning',
  source: `${SOURCE}；词类：jieba 分词词典 dict.txt.big 的词性标注（MIT），见 scripts/caliber/generate-word-classes.ts`,
  safe: false,
  specs: [
    { from: '群众积极的参与志愿服务。', to: '群众积极地参与志愿服务。' },
    { from: '各项工作推进的非常顺利。', to: '各项工作推进得非常顺利。' },
    { from: '离不开社会各界积极的参与和支持。', to: '离不开社会各界积极的参与和支持。' },
  ],
};
const KEEP = (process.env.DEDI_KEEP ?? '').split(',');
const pack = {
  id: 'zh-gov-de-di-de',
  name: '“的”“地”“得”用法',
  description: '状语后误用“的”（积极的参与→积极地参与）、补语前误用“的/地”（跑的很快→跑得很快）。由 scripts/caliber/build-de-di-de.ts 生成。',
  rules: [wordClassRule, ...rules.filter((r) => KEEP.includes('all') || KEEP.includes(r.id))],
};
writeFileSync(new URL('../../src/caliber/packs/de-di-de.json', import.meta.url), `${JSON.stringify(pack, null, 1)}\n`);
console.log('wrote de-di-de.json');

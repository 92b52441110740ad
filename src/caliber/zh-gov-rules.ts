import { deepFreeze, trustRuleSet } from './define-rule-set';
import type { Rule, RuleSet } from './types';

// Characters after which a half-width mark is in Chinese text: a Han character or a closing
// Chinese quote or bracket. In numbers (1,234.5), URLs and English sentences the character
// before the mark is a digit or a Latin letter, so those are left alone.
const AFTER_CHINESE = String.raw`(?<=[\p{sc=Han}”’）》」』】〕])`;

const GB_15834 = 'GB/T 15834-2011《标点符号用法》';
const GB_15835 = 'GB/T 15835-2011《出版物上数字用法》';
const GB_9704 = 'GB/T 9704-2012《党政机关公文格式》';
const XINHUA = '新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订）';

const PUNCTUATION: Rule[] = [
  {
    id: 'halfwidth-comma',
    type: 'regex',
    pattern: String.raw`${AFTER_CHINESE}[ \t]*,[ \t]*`,
    flags: 'u',
    replacement: '，',
    message: '中文语句中应使用全角逗号“，”',
    source: `${GB_15834} 4.4 逗号`,
    specs: [{ from: '北京, 上海', to: '北京，上海' }],
  },
  {
    id: 'halfwidth-period',
    type: 'regex',
    // Not before another period (an ellipsis) or a letter or digit (a file name, a domain).
    pattern: String.raw`${AFTER_CHINESE}\.(?![.\w])`,
    flags: 'u',
    replacement: '。',
    message: '中文语句末尾应使用句号“。”',
    source: `${GB_15834} 4.1 句号`,
    specs: [{ from: '会议圆满结束.', to: '会议圆满结束。' }],
  },
  {
    id: 'halfwidth-question',
    type: 'regex',
    pattern: String.raw`${AFTER_CHINESE}[ \t]*\?(?![?？])`,
    flags: 'u',
    replacement: '？',
    message: '中文语句中应使用全角问号“？”',
    source: `${GB_15834} 4.2 问号`,
    specs: [{ from: '如何办理?', to: '如何办理？' }],
  },
  {
    id: 'halfwidth-exclamation',
    type: 'regex',
    // `![` opens a Markdown image, not an exclamation.
    pattern: String.raw`${AFTER_CHINESE}[ \t]*!(?![!！\[])`,
    flags: 'u',
    replacement: '！',
    message: '中文语句中应使用全角叹号“！”',
    source: `${GB_15834} 4.3 叹号`,
    specs: [{ from: '祝贺!', to: '祝贺！' }],
  },
  {
    id: 'halfwidth-colon',
    type: 'regex',
    pattern: String.raw`${AFTER_CHINESE}[ \t]*:[ \t]*`,
    flags: 'u',
    replacement: '：',
    message: '中文语句中应使用全角冒号“：”',
    source: `${GB_15834} 4.7 冒号`,
    specs: [{ from: '联系电话: 12345', to: '联系电话：12345' }],
  },
  {
    id: 'halfwidth-semicolon',
    type: 'regex',
    pattern: String.raw`${AFTER_CHINESE}[ \t]*;[ \t]*`,
    flags: 'u',
    replacement: '；',
    message: '中文语句中应使用全角分号“；”',
    source: `${GB_15834} 4.6 分号`,
    specs: [{ from: '一是加强领导;二是压实责任', to: '一是加强领导；二是压实责任' }],
  },
  {
    id: 'repeated-exclamation',
    type: 'regex',
    pattern: String.raw`${AFTER_CHINESE}[!！]{2,}`,
    flags: 'u',
    replacement: '！',
    message: '政务文稿不叠用叹号',
    source: `${GB_15834} 4.3 叹号（叠用仅用于表达强烈情感的文艺语体）`,
    specs: [{ from: '热烈祝贺！！！', to: '热烈祝贺！' }],
  },
  {
    id: 'repeated-question',
    type: 'regex',
    pattern: String.raw`${AFTER_CHINESE}[?？]{2,}`,
    flags: 'u',
    replacement: '？',
    message: '政务文稿不叠用问号',
    source: `${GB_15834} 4.2 问号（叠用仅用于表达强烈疑问的文艺语体）`,
    specs: [{ from: '真的吗？？', to: '真的吗？' }],
  },
  {
    id: 'ellipsis-ascii',
    type: 'regex',
    pattern: String.raw`(?<=[\p{sc=Han}，。、；：？！”’）》])\.{3,6}|\.{3,6}(?=[\p{sc=Han}“‘（《])`,
    flags: 'u',
    replacement: '……',
    message: '中文省略号应写作“……”',
    source: `${GB_15834} 4.11 省略号`,
    specs: [{ from: '等等...', to: '等等……' }],
  },
  {
    id: 'ellipsis-periods',
    type: 'regex',
    pattern: '。{3,}',
    flags: 'u',
    replacement: '……',
    message: '省略号应写作“……”，不用连续句号',
    source: `${GB_15834} 4.11 省略号`,
    specs: [{ from: '等等。。。', to: '等等……' }],
  },
  {
    id: 'ellipsis-single',
    type: 'regex',
    pattern: '(?<!…)…(?!…)',
    flags: 'u',
    replacement: '……',
    message: '省略号占两个字的位置，应写作“……”',
    source: `${GB_15834} 4.11 省略号`,
    specs: [{ from: '水果、蔬菜…', to: '水果、蔬菜……' }],
  },
  {
    id: 'no-dunhao-between-quotes',
    type: 'regex',
    pattern: '(?<=[”’」』])、(?=[“‘「『])',
    flags: 'u',
    replacement: '',
    message: '标有引号的并列成分之间通常不用顿号',
    source: `${GB_15834} 4.5 顿号`,
    specs: [{ from: '“放管服”、“最多跑一次”', to: '“放管服”“最多跑一次”' }],
  },
  {
    id: 'no-dunhao-between-titles',
    type: 'regex',
    pattern: '(?<=[》〉])、(?=[《〈])',
    flags: 'u',
    replacement: '',
    message: '标有书名号的并列成分之间通常不用顿号',
    source: `${GB_15834} 4.5 顿号`,
    specs: [{ from: '《民法典》、《刑法》', to: '《民法典》《刑法》' }],
  },
  {
    id: 'unpaired-quotes',
    type: 'builtin',
    check: 'unpaired-quotes',
    source: `${GB_15834} 4.8 引号`,
  },
  {
    id: 'unpaired-brackets',
    type: 'builtin',
    check: 'unpaired-brackets',
    source: `${GB_15834} 4.9 括号`,
  },
  {
    id: 'unpaired-title-marks',
    type: 'builtin',
    check: 'unpaired-title-marks',
    source: `${GB_15834} 4.15 书名号`,
  },
  {
    id: 'mixed-width-brackets',
    type: 'builtin',
    check: 'mixed-width-brackets',
    source: `${GB_15834} 4.9 括号`,
    specs: [{ from: '国务院(办公厅）', to: '国务院（办公厅）' }],
  },
  {
    id: 'halfwidth-brackets-around-chinese',
    type: 'builtin',
    check: 'halfwidth-brackets-around-chinese',
    source: `${GB_15834} 4.9 括号`,
    specs: [{ from: '住房公积金(试行)', to: '住房公积金（试行）' }],
  },
  {
    id: 'straight-double-quotes',
    type: 'builtin',
    check: 'straight-double-quotes',
    source: `${GB_15834} 4.8 引号`,
    specs: [{ from: '推行"一网通办"', to: '推行“一网通办”' }],
  },
  {
    id: 'number-range-tilde',
    type: 'regex',
    // Not inside a longer number, code or standard number (GB/T 15834-2011), not an area code
    // (0871-…), and not a house number (3-5号楼) where the hyphen is part of the address.
    pattern: String.raw`(?<![\d.\-/:A-Za-z]|[A-Za-z] )(?!0\d)(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?![\d.\-/:])(?=[%％℃‰]|(?![号楼栋幢室])\p{sc=Han})`,
    flags: 'u',
    replacement: '$1～$2',
    message: '标示数值范围应使用浪纹线“～”',
    source: `${GB_15834} 4.13 连接号（4.13.3.3 数值范围用浪纹线）`,
    specs: [{ from: '3-5天', to: '3～5天' }],
  },
  {
    id: 'time-range-tilde',
    type: 'regex',
    pattern: String.raw`(?<![\d:])(\d{1,2}:\d{2})[ \t]*[-－–][ \t]*((?:次日|翌日)?\d{1,2}:\d{2})(?![\d:])`,
    flags: 'u',
    replacement: '$1～$2',
    message: '标示时间起止不用短横线，应使用浪纹线“～”（或一字线“—”）',
    source: `${GB_15834} 4.13 连接号（4.13.3.2 时间起止用一字线，必要时也可用浪纹线）`,
    specs: [{ from: '办公时间8:30-17:30', to: '办公时间8:30～17:30' }],
  },
  {
    id: 'halfwidth-comma-after-percent',
    type: 'regex',
    // halfwidth-comma covers a comma after a Han character; after a percentage the character
    // before it is a sign, and a Chinese clause follows.
    pattern: String.raw`(?<=\d[%％‰])[ \t]*,[ \t]*(?=[\p{sc=Han}“《（])`,
    flags: 'u',
    replacement: '，',
    message: '中文语句中应使用全角逗号“，”',
    source: `${GB_15834} 4.4 逗号`,
    specs: [{ from: '增长5.2%,高于全省', to: '增长5.2%，高于全省' }],
  },
  {
    id: 'nested-quotes',
    type: 'builtin',
    check: 'nested-quotes',
    source: `${GB_15834} 4.8 引号（4.8.3.2 引号里面还要用引号时，外面一层用双引号，里面一层用单引号）`,
    specs: [{ from: '他说：“要坚持“三个一批”原则。”', to: '他说：“要坚持‘三个一批’原则。”' }],
  },
  {
    id: 'corner-quotes',
    type: 'builtin',
    check: 'corner-quotes',
    source: `${GB_15834} 4.8 引号（直角引号用于竖排或繁体文本，简体横排用弯引号）`,
    specs: [{ from: '开展「文明城市」创建', to: '开展“文明城市”创建' }],
  },
];

const NUMBERS: Rule[] = [
  {
    id: 'adjacent-estimate-dunhao',
    type: 'regex',
    // 年 is not followed by 级 (一、二年级 are two grades); 月 is left out (七、八月 are two months).
    // 一 never starts an estimate (one says 一两个, not 一二个): 一、二次分配 and 一、二审 are two
    // ordinals. Nor does 次 before an event noun: 三、四次全会 are the third and fourth sessions.
    pattern:
      '(?<![第〇零一二三四五六七八九十百千万])([二三四五六七八九])、([三四五六七八九])(?=[十百千万亿]?(?:[天个人岁名家件位元倍里米吨]|次(?!分配|会议|全会|全体会议|常委会|审议|代表大会)|年(?!级)))',
    flags: 'u',
    replacement: '$1$2',
    message: '相邻两数连用表示概数，中间不用顿号',
    source: `${GB_15835}：概数；${GB_15834} 4.5 顿号`,
    specs: [{ from: '七、八十年代', to: '七八十年代' }],
  },
  {
    id: 'estimate-ji-arabic',
    type: 'builtin',
    check: 'estimate-ji-arabic',
    source: `${GB_15835}：概数（带“几”的概数用汉字数字）`,
    specs: [{ from: '几10人参加', to: '几十人参加' }],
  },
  {
    id: 'adjacent-estimate-arabic',
    type: 'builtin',
    check: 'adjacent-estimate-arabic',
    source: `${GB_15835}：概数用汉字数字`,
    specs: [{ from: '3、4天', to: '三四天' }],
  },
  {
    id: 'shortened-year',
    type: 'builtin',
    check: 'shortened-year',
    source: `${GB_15835}：年份不应简写`,
  },
  {
    id: 'date-chinese-numerals',
    type: 'builtin',
    check: 'date-chinese-numerals',
    source: `${GB_15835}：公历纪年、月、日用阿拉伯数字；${GB_9704}：成文日期`,
    specs: [{ from: '二〇二四年三月十五日', to: '2024年3月15日' }],
  },
  {
    id: 'consistent-number-form',
    type: 'builtin',
    check: 'consistent-number-form',
    source: `${GB_15835}：同一场合出现的数字遵循“同类别同形式”原则`,
    specs: [{ from: '增长12%，占比百分之三十', to: '增长12%，占比30%' }],
  },
];

const DOC_NUMBER_OPEN = '[\\[［【（(〈〔]';
const DOC_NUMBER_CLOSE = '[\\]］】）)〉〕]';

const DOCUMENTS: Rule[] = [
  {
    id: 'doc-number-brackets',
    type: 'regex',
    pattern: String.raw`(?<=\p{sc=Han})(?!〔\d{4}〕)${DOC_NUMBER_OPEN}((?:19|20)\d{2})${DOC_NUMBER_CLOSE}(?=第?\d+号)`,
    flags: 'u',
    replacement: '〔$1〕',
    message: '发文字号中的年份应用六角括号“〔〕”括入',
    source: `${GB_9704}：发文字号`,
    specs: [{ from: '国办发[2024]12号', to: '国办发〔2024〕12号' }],
  },
  {
    id: 'doc-number-short-year',
    type: 'regex',
    pattern: String.raw`(?<=\p{sc=Han})${DOC_NUMBER_OPEN}\d{2}${DOC_NUMBER_CLOSE}(?=第?\d+号)`,
    flags: 'u',
    message: '发文字号中的年份应标全称，如〔2024〕',
    source: `${GB_9704}：发文字号`,
  },
  {
    id: 'doc-number-no-di',
    type: 'regex',
    pattern: String.raw`(?<=\p{sc=Han}${DOC_NUMBER_OPEN}\d{2,4}${DOC_NUMBER_CLOSE})第(?=\d+号)`,
    flags: 'u',
    replacement: '',
    message: '发文顺序号不加“第”字',
    source: `${GB_9704}：发文字号`,
    specs: [{ from: '京政发〔2024〕第3号', to: '京政发〔2024〕3号' }],
  },
  {
    id: 'doc-number-leading-zero',
    type: 'regex',
    pattern: String.raw`(?<=\p{sc=Han}${DOC_NUMBER_OPEN}\d{2,4}${DOC_NUMBER_CLOSE}第?)0+(?=\d+号)`,
    flags: 'u',
    replacement: '',
    message: '发文顺序号不编虚位（1不编为01）',
    source: `${GB_9704}：发文字号`,
    specs: [{ from: '京政发〔2024〕003号', to: '京政发〔2024〕3号' }],
  },
  {
    id: 'classification-marking-format',
    type: 'builtin',
    check: 'classification-marking-format',
    source: `${GB_9704}：密级和保密期限`,
    specs: [{ from: '机密*一年', to: '机密★1年' }],
  },
];

const WORDS: Rule[] = [
  {
    id: 'common-typos',
    type: 'dictionary',
    severity: 'error',
    message: '错别字：“{match}”应为“{expected}”',
    // A wrong character is wrong in a quotation too; the fix there waits for a human.
    exemptQuoted: false,
    source: '常见错别字，以《现代汉语词典》（第7版）词形为准',
    entries: [
      ['按步就班', '按部就班'],
      ['迫不急待', '迫不及待'],
      ['一愁莫展', '一筹莫展'],
      ['再接再励', '再接再厉'],
      ['针贬时弊', '针砭时弊'],
      ['默守成规', '墨守成规'],
      ['出奇不意', '出其不意'],
      ['既往不究', '既往不咎'],
      ['不径而走', '不胫而走'],
      ['变本加利', '变本加厉'],
      ['走头无路', '走投无路'],
      ['一股作气', '一鼓作气'],
      ['一如继往', '一如既往'],
      ['穿流不息', '川流不息'],
      ['竭泽而鱼', '竭泽而渔'],
      ['食不裹腹', '食不果腹'],
      ['美仑美奂', '美轮美奂'],
      ['金榜提名', '金榜题名'],
      ['莫明其妙', '莫名其妙'],
      ['谈笑风声', '谈笑风生'],
      ['甘败下风', '甘拜下风'],
      ['有持无恐', '有恃无恐'],
      ['滥芋充数', '滥竽充数'],
      ['迫在眉捷', '迫在眉睫'],
      ['融汇贯通', '融会贯通'],
      ['一张一驰', '一张一弛'],
      ['声名雀起', '声名鹊起'],
      ['星罗奇布', '星罗棋布'],
      ['名符其实', '名副其实'],
      ['布署', '部署'],
    ].map(([wrong, right]) => ({ patterns: [wrong!], expected: right! })),
    specs: [{ from: '按步就班推进', to: '按部就班推进' }],
  },
  {
    id: 'variant-forms',
    type: 'dictionary',
    message: '异形词：推荐使用“{expected}”',
    source: '《第一批异形词整理表》（教育部、国家语言文字工作委员会，2001年发布）',
    entries: [
      ['笔划', '笔画'],
      ['成份', '成分'],
      ['定婚', '订婚'],
      ['含胡', '含糊'],
      ['胡涂', '糊涂'],
      ['交待', '交代'],
      ['惟一', '唯一'],
      ['思惟', '思维'],
      ['折衷', '折中'],
      ['筹画', '筹划'],
      ['出谋画策', '出谋划策'],
      ['参预', '参与'],
      ['告戒', '告诫'],
      ['简炼', '简练'],
      ['松驰', '松弛'],
      ['小题大作', '小题大做'],
      ['指手划脚', '指手画脚'],
      ['百废具兴', '百废俱兴'],
      ['份量', '分量'],
      ['过份', '过分'],
    ].map(([variant, preferred]) => ({ patterns: [variant!], expected: preferred! })),
    specs: [{ from: '主要成份', to: '主要成分' }],
  },
  {
    id: 'consistent-qita',
    type: 'consistency',
    variants: ['其他', '其它'],
    severity: 'info',
    source: 'govpub 编辑规范：同一文稿中同一词语只用一种写法',
    specs: [{ from: '其他单位和其它部门', to: '其他单位和其他部门' }],
  },
  {
    id: 'covid-name',
    type: 'dictionary',
    since: '2022-12-26',
    // 2020年新冠肺炎疫情防控 speaks of a time when that was the name.
    historical: true,
    message: '“{match}”已更名，应为“{expected}”',
    source: '国家卫生健康委员会公告2022年第7号：新型冠状病毒肺炎更名为新型冠状病毒感染',
    entries: [
      { patterns: ['新型冠状病毒肺炎'], expected: '新型冠状病毒感染' },
      { patterns: ['新冠肺炎'], expected: '新冠病毒感染' },
    ],
    specs: [{ from: '新冠肺炎疫情', to: '新冠病毒感染疫情' }],
  },
  {
    id: 'xinhua-disability-terms',
    type: 'dictionary',
    message: '对残疾人不使用蔑称，“{match}”应为“{expected}”',
    source: XINHUA,
    safe: false,
    entries: [
      { patterns: ['残废人'], expected: '残疾人' },
      { patterns: ['残废'], expected: '残疾' },
      { patterns: ['瞎子'], expected: '盲人' },
      { patterns: ['聋子'], expected: '聋人' },
      { patterns: ['哑巴'], expected: '言语残疾人' },
      { patterns: ['瘸子'], expected: '肢体残疾人' },
      { patterns: ['弱智'], expected: '智力障碍者' },
    ],
    specs: [{ from: '帮助残废人就业', to: '帮助残疾人就业' }],
  },
  {
    id: 'xinhua-presumption-of-innocence',
    type: 'replace',
    patterns: ['罪犯', '杀人犯'],
    expected: '犯罪嫌疑人',
    // In prison administration the people concerned have been convicted.
    exceptions: ['罪犯改造', '服刑罪犯'],
    // After a judgment the person is convicted: 经法院终审判决，罪犯张某被依法执行死刑.
    unlessSentenceHas: ['判决', '判处', '宣判', '终审', '服刑', '刑满', '执行死刑', '监狱', '减刑', '假释', '改造'],
    safe: false,
    message: '法院宣判有罪之前不使用“{match}”，应使用“{expected}”',
    source: XINHUA,
    specs: [{ from: '罪犯已被抓获', to: '犯罪嫌疑人已被抓获' }],
  },
  {
    id: 'xinhua-civil-parties',
    type: 'banned',
    terms: ['推上被告席'],
    message: '民事、行政案件中原告与被告法律地位平等，不使用“推上被告席”等带有主观色彩的说法',
    source: XINHUA,
  },
  {
    id: 'xinhua-hk-macao-taiwan',
    type: 'dictionary',
    message: '涉港澳台表述：“{match}”应为“{expected}”',
    source: XINHUA,
    safe: false,
    entries: [
      // Only where 中港 pairs the country with a part of it; 中港城, 中港码头 are place names.
      { patterns: ['中港两地'], expected: '内地与香港两地' },
      { patterns: ['中港关系'], expected: '内地与香港关系' },
      { patterns: ['中港合作'], expected: '内地与香港合作' },
      { patterns: ['中港交流'], expected: '内地与香港交流' },
      { patterns: ['中港贸易'], expected: '内地与香港贸易' },
      { patterns: ['中港跨境'], expected: '内地与香港跨境' },
      { patterns: ['中港澳'], expected: '内地与港澳' },
      { patterns: ['中澳两地'], expected: '内地与澳门两地' },
      { patterns: ['台湾政府'], expected: '台湾当局' },
      { patterns: ['台湾总统'], expected: '台湾地区领导人' },
    ],
    specs: [{ from: '台湾政府回应', to: '台湾当局回应' }],
  },
  {
    id: 'relative-dates',
    type: 'banned',
    severity: 'info',
    terms: ['今天', '今日', '昨天', '昨日', '前天', '明天', '明日', '本周', '上周', '下周', '本月', '上月', '下月', '今年', '去年', '明年'],
    exceptions: ['今日头条', '明日之星'],
    message: '“{match}”是相对时间，发布后内容长期留存，宜写明具体日期',
    source: 'govpub 编辑规范：政务发布内容长期可查，时间应写具体日期',
  },
];

/**
 * The built-in rules for Chinese government writing: punctuation (GB/T 15834-2011), numbers
 * (GB/T 15835-2011), official-document elements (GB/T 9704-2012), commonly mistaken words,
 * variant forms, the Xinhua guidance on terms, and relative dates. Each rule names its
 * `source`; see `docs/caliber.md` for the list.
 *
 * Plain JSON like any rule set: hosts can copy and edit it, or leave rules out per check with
 * `checkCaliber(text, zhGovRules, { disable: ['zh-gov/relative-dates'] })`.
 */
export const zhGovRules: RuleSet = /* @__PURE__ */ trustRuleSet(
  deepFreeze({
    id: 'zh-gov',
    name: '政务信息发布通用规范',
    description: 'GB/T 15834-2011, GB/T 15835-2011, GB/T 9704-2012, 常见错别字, 异形词, 新华社禁用词和慎用词, 相对时间',
    rules: [...PUNCTUATION, ...NUMBERS, ...DOCUMENTS, ...WORDS],
  }),
);

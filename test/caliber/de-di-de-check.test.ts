import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, zhGovDeDiDe } from '../../src/caliber/index';
import { findDeDiDe } from '../../src/caliber/lexicon/de-di-de-check';
import { wordClasses } from '../../src/caliber/lexicon/word-class-table';

const rulesOf = (text: string) => findDeDiDe(text).map((h) => `${h.details.rule}:${text.slice(h.start - 2, h.start)}${h.fix!.text}`);
const fixAll = (text: string) => applyFixes(text, checkCaliber(text, zhGovDeDiDe), { unsafe: true });

describe('the word-class table', () => {
  it('carries jieba tags, corrected where the dictionary disagrees', () => {
    const classes = wordClasses();
    expect(classes.get('参与')).toBe('v');
    expect(classes.get('积极')).toBe('a');
    expect(classes.get('非常')).toBe('d');
    // jieba tags 及时 as a conjunction and 作用 as a verb; 《现代汉语词典》 does not.
    expect(classes.get('及时')).toBe('a');
    expect(classes.get('作用')).toBe('n');
    // Words with 的/地/得 inside are kept, so the check leaves them alone.
    for (const w of ['目的', '的确', '土地', '各地', '取得', '值得']) expect(classes.has(w)).toBe(true);
    // A modifier + particle that jieba lists as a word is no such word.
    expect(classes.has('默默地')).toBe(false);
  });
});

describe('findDeDiDe', () => {
  it.each([
    // adverbial-de: modifier + 的 + a verb phrase → 地
    ['全镇党员干部积极的投身防疫一线。', 'adverbial-de:积极地'],
    ['执法人员严格的按照法定程序开展检查。', 'adverbial-de:严格地'],
    // An adverbial before 依法 after a modal or a pronoun is still one.
    ['工作人员要严肃的依法查处。', 'adverbial-de:严肃地'],
    ['他严肃的依法查处了此案。', 'adverbial-de:严肃地'],
    ['各校认认真真的开展了安全检查。', 'adverbial-de:真真地'],
    ['窗口人员不厌其烦的为群众解答疑问。', 'adverbial-de:其烦地'],
    ['要有针对性的做好帮扶工作。', 'adverbial-de:对性地'],
    ['他高兴的说，日子越过越好了。', 'adverbial-de:高兴地'],
    ['民警耐心的与当事人沟通。', 'adverbial-de:耐心地'],
    ['消防员迅速的疏散了群众。', 'adverbial-de:迅速地'],
    ['志愿者热情的帮群众办事。', 'adverbial-de:热情地'],
    ['要深入的推进作风建设。', 'adverbial-de:深入地'],
    // complement-de: predicate + 的/地 + a complement that ends the clause → 得
    ['项目推进的比预期还要快。', 'complement-de:推进得'],
    ['这项工作落实的怎么样，群众说了算。', 'complement-de:落实得'],
    ['考场秩序维持的井然有序。', 'complement-de:维持得'],
    ['会场布置地温馨舒适。', 'complement-de:布置得'],
    ['村里的路修的又宽又平。', 'complement-de:路修得'],
    ['今年长势好的很。', 'complement-de:势好得'],
    ['取暖保障的好不好，群众最清楚。', 'complement-de:保障得'],
    ['他高兴的合不拢嘴。', 'complement-de:高兴得'],
    // adverbial-de-written-de: modifier + 得 + verb with its object → 地
    ['各部门要积极得配合调查。', 'adverbial-de-written-de:积极地'],
    ['他激动得握住了民警的手。', 'adverbial-de-written-de:激动地'],
    ['要实实在在得抓出成效。', 'adverbial-de-written-de:在在地'],
    // attributive-de: 地/得 before a noun → 的
    ['县里新建地文化广场开放了。', 'attributive-de:新建的'],
    ['村口新装得路灯亮了。', 'attributive-de:新装的'],
    ['要营造良好地发展环境。', 'attributive-de:良好的'],
    ['携手共建美丽得家园。', 'attributive-de:美丽的'],
    ['他们付出了艰辛地努力。', 'attributive-de:艰辛的'],
  ])('%s → %s', (text, expected) => {
    expect(rulesOf(text)).toEqual([expected]);
  });

  it.each([
    // nominal 的 after modifiers: the phrase is an object or a subject
    '这些成绩离不开社会各界积极的参与和支持。',
    '经过一年认真的学习，学员们顺利结业。',
    '群众对工作人员耐心的解答表示满意。',
    '各村进行了积极的探索。',
    '红十字会给予困难家庭热情的帮助。',
    '他保持着认真的学习态度。',
    '感谢他们认真的工作。',
    '大家对他的发言报以热烈的掌声。',
    '他是一名热心的修理工。',
    '他们是年轻的讲解员。',
    '在群众积极的参与下，活动圆满结束。',
    '积极的与消极的因素都要考虑。',
    // 的 after verbs: relative clauses and possessives
    '他们做的很多工作，群众都看在眼里。',
    '企业反映的比较集中的问题是融资难。',
    '新政策的最大亮点是扩大了病种范围。',
    '他说的不对，我们要纠正。',
    '这次检查记录的不同：前后两次结论不一。',
    '弄虚作假的将依法追究责任。',
    // 的, 地, 得 inside words
    '他们的经验值得各地学习借鉴。',
    '这里的土地肥沃，当地群众就地取材。',
    '我们的目的是确保群众满意，这的确不容易。',
    '这是新建地铁线路。',
    '今年取得的成绩来之不易。',
    // right uses of 地 and 得
    '我们要扎扎实实地推进民生实事。',
    '这项工作开展得有声有色。',
    '他高兴得说不出话来。',
    '老人激动得热泪盈眶。',
    '他认真得让人感动。',
    '屋里干净得发亮。',
    '湖水清澈得见底。',
    '要求各单位积极地服务群众。',
    '丰富的风土人情吸引了游客。',
    '这是方方面面的共同努力。',
    // The conditional 的 phrase of laws and notices (……的，依法……), with or without the comma:
    // a nominal topic, not an adverbial (a false alarm on a clean sentence before).
    '该办法对违规行为规定了相应的处罚措施，情节严重的依法追究法律责任。',
    '逾期不改的一律注销登记，数额较大的由公安机关依法处理。',
  ])('leaves %s alone', (text) => {
    expect(findDeDiDe(text)).toEqual([]);
  });

  it('names its rule and the words it judged, and leaves the fix to a human', () => {
    const [hit] = findDeDiDe('群众积极的参与志愿服务。');
    expect(hit).toMatchObject({ start: 4, end: 5, fix: { start: 4, end: 5, text: '地', safe: false }, details: { rule: 'adverbial-de', before: '积极', after: '参与' } });
    expect(hit!.message).toContain('adverbial-de');
  });
});

describe('zhGovDeDiDe', () => {
  it('reports through the pack, with its source, and applies only when asked', () => {
    const text = '这次培训组织的很周密。';
    const [finding] = checkCaliber(text, zhGovDeDiDe);
    expect(finding).toMatchObject({ ruleId: 'zh-gov-de-di-de/complement-de', severity: 'warning' });
    expect(finding!.source).toContain('jieba');
    expect(applyFixes(text, [finding!])).toBe(text);
    expect(fixAll(text)).toBe('这次培训组织得很周密。');
  });

  it('can be switched off rule by rule (it was one rule for all four kinds)', () => {
    const text = '群众积极的参与志愿服务，会场布置地温馨舒适。';
    expect(checkCaliber(text, zhGovDeDiDe).map((f) => f.ruleId)).toEqual(['zh-gov-de-di-de/adverbial-de', 'zh-gov-de-di-de/complement-de']);
    expect(checkCaliber(text, zhGovDeDiDe, { disable: ['zh-gov-de-di-de/adverbial-de'] }).map((f) => f.ruleId)).toEqual(['zh-gov-de-di-de/complement-de']);
    expect(checkCaliber(text, zhGovDeDiDe, { disable: ['zh-gov-de-di-de/adverbial-de', 'zh-gov-de-di-de/complement-de'] })).toEqual([]);
  });

  it('keeps the class table out of a page that imports checkCaliber and zhGovRules only', async () => {
    const result = await build({
      stdin: { contents: "import { checkCaliber, zhGovRules } from './src/index'; console.log(checkCaliber, zhGovRules);", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      treeShaking: true,
      logLevel: 'silent',
    });
    // What the page carries: the modules with bytes in the output (the metafile's inputs list every module parsed).
    const carried = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([m]) => m);
    expect(carried.some((m) => m.endsWith('caliber/lexicon/word-classes.ts'))).toBe(false);
    expect(carried.some((m) => m.endsWith('caliber/lexicon/de-di-de-check.ts'))).toBe(false);
    expect(carried.some((m) => m.endsWith('caliber/check-caliber.ts'))).toBe(true);
  }, 60_000);
});

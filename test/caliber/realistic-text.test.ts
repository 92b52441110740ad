import { describe, expect, it } from 'vitest';
import { checkCaliber, defaultRuleSets } from '../../src/caliber/index';

// False alarms that the realistic clean text of test/fixtures/caliber-eval/clean/*-4.jsonl
// found (民生新闻, 健康科普, 法治宣传, 文旅): each sentence is correct, and each stands for a
// general cause fixed at its root (see the comments), not for itself.
const warningsOn = (text: string) => checkCaliber(text, defaultRuleSets).filter((f) => f.severity !== 'info');

describe('correct realistic prose raises nothing', () => {
  it.each([
    // words of 《现代汉语词典》 that jieba counts under the word list's cut (official-words.ts)
    '“咱们都是泥腿子出身，讲政策就得讲到大伙儿心坎上。”',
    '“你们隔三岔五来看我，比亲闺女还上心。”',
    '宣讲员们用群众听得懂的大白话讲政策、算细账。',
    '提倡使用公筷公勺，可以有效降低感染风险。',
    '他靠的是一股钻劲和韧劲。',
    '浇好“扬花水”，才能保住千粒重。',
    '一芽一叶地采摘明前茶，一斤鲜叶能卖到六十元。',
    // a rare reading is no homophone (蹲 cún, 且 jū: generate-lexicon.ts READING_SHARE)
    '镇农技站的技术员蹲在田埂上，手把手地教农户识别稻飞虱。',
    '被执行人有能力履行而拒不履行生效判决的，可能被列入失信被执行人名单。',
    // a negated medical claim is a warning against it, not a claim (xinhua medical-claims exceptions)
    '抗生素不能包治百病，感冒多由病毒引起。',
    '这种保健品并非包治百病，切勿轻信广告。',
    // a wrong form that is the meeting of two words (沉迷|网络) is no typo (typos.json rebuilt)
    '不得放任未成年人沉迷网络。',
    // 的 before a noun the class table now holds (流行病, 准则) and a noun jieba tags as an adjective (乐趣)
    '骨质疏松被称为“静悄悄的流行病”。',
    '必须以宪法为根本的活动准则。',
    '游客可以亲手体验扎染的乐趣。',
    // a verb carrying a potential complement takes no second one (看得见的 = those who can see)
    '解决了过去“看得见的管不着、管得着的看不见”的问题。',
    // a number is no idiom used as an adverbial
    '七十八岁的独居老人秦奶奶拉着网格员的手说。',
    // a noun and a reduplicated adverb are no ABCC idiom; a bare noun subject takes no object
    '摄影爱好者早早地架起了长枪短炮。',
    '各项工作扎扎实实地推进。',
    // noun phrases ending a clause stay (a verb also used as a noun, or a verb before them)
    '群众满意的服务。',
    '我们要感谢他们认真的工作。',
  ])('%s', (text) => {
    expect(warningsOn(text)).toEqual([]);
  });

  it('still flags the claim itself and a real slip next to the new words', () => {
    expect(warningsOn('本品包治百病，无效退款。').map((f) => f.ruleId)).toContain('xinhua/medical-claims');
    expect(warningsOn('村民们高兴的说：“这下好了。”').some((f) => f.ruleId.startsWith('zh-gov-de-di-de/'))).toBe(true);
  });
});

describe('的/地/得 slips of realistic prose', () => {
  const dediOn = (text: string) => checkCaliber(text, defaultRuleSets).filter((f) => f.ruleId.startsWith('zh-gov-de-di-de/')).map((f) => f.fix?.text);
  it.each([
    // an unlisted one-character verb with its aspect mark (流过)
    ['清澈的溪水静静的流过村庄。', '地'],
    // a reduplicated adverb after a noun (群众|紧紧), not an ABCC idiom
    ['获救的群众紧紧的握住消防员的手。', '地'],
    ['游客们被眼前的美景深深的吸引。', '地'],
    // a verb with 了 and its object is verbal whatever precedes the modifier
    ['这次大型活动顺利的完成了各项预定议程。', '地'],
    // 过 is a verb (《现代汉语词典》), 红火 an adjective: a state complement
    ['搬进新居后，乡亲们的日子过的红红火火。', '得'],
    // after a dummy verb (进行) the verb is a noun: 地 → 的
    ['执法人员对违规经营的商户进行了严肃地批评教育。', '的'],
    // adjectives of 《现代汉语词典》 that jieba tags otherwise (飞快 v, 出色 v, 起劲 v)
    ['他跑的飞快。', '得'],
    ['大伙干的起劲。', '得'],
    ['他出色的完成了任务。', '地'],
    // an adjective with 了 after an adverb is a predicate
    ['天渐渐的黑了下来。', '地'],
    // a clause-final verb after a subject alone is the predicate
    ['群众热情的欢迎。', '地'],
  ])('%s', (text, particle) => {
    expect(dediOn(text)).toEqual([particle]);
  });
});

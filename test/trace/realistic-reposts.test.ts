import { describe, expect, it } from 'vitest';
import { compareWithRevision, createDuplicateIndex, trace } from '../../src/index';
import type { PublishedRevision } from '../../src/trace/index';

// Invented texts in the style of a county account; no real notice is copied.
const PARAGRAPHS = [
  '为做好2026年秋季学期开学准备，云岭县教育局定于8月25日至8月29日在县城区开展校车安全专项检查。',
  '检查范围包括全县38所学校的96辆校车，重点检查车辆制动、灯光、安全带和应急锤等设施是否完好，驾驶人是否持有校车驾驶资格。',
  '检查中发现问题的车辆，须在9月1日前整改完毕并经复检合格后方可投入运营。',
  '各学校要于8月22日前将校车及驾驶人信息报送县教育局安全股，联系电话：0872-6123 4567。',
  '县教育局将会同县公安局交通管理大队、县交通运输局组成联合检查组，对检查情况进行通报。',
];
const REVISION: PublishedRevision = {
  id: 'bus@1',
  documentId: 'bus',
  revision: 1,
  title: '关于开展秋季学期校车安全专项检查的通知',
  body: PARAGRAPHS.join('\n'),
  publishedAt: '2026-08-18T09:00:00+08:00',
};

describe('trace on realistic reposts', () => {
  it('takes a WeChat header, bar-separated source lines, metadata and banners for the page, not for added text', () => {
    const copy = [
      '云岭教育 2026-08-18 10:15 发表于云南',
      '开学安全季',
      REVISION.title,
      ...PARAGRAPHS,
      '来源 | 云岭县教育局',
      '附件：校车信息登记表.xlsx',
      '（通讯员 李青）',
      '云岭县教育局',
      '2026年8月18日',
    ].join('\n');
    const r = compareWithRevision(copy, REVISION);
    expect(r.added.map((s) => s.text)).toEqual([]);
    expect(r.verdict).toBe('faithful');
  });

  it('an inserted unpunctuated line inside the copied stretch still counts as added', () => {
    const copy = [REVISION.title, PARAGRAPHS[0], '家长朋友请相互转告', ...PARAGRAPHS.slice(1)].join('\n');
    expect(compareWithRevision(copy, REVISION).verdict).toBe('altered');
  });

  it('an excerpt of one paragraph is an abridged copy, though it carries a fifth of the original', () => {
    const r = compareWithRevision(`${REVISION.title}\n${PARAGRAPHS[1]}`, REVISION);
    expect(r.coverage).toBeLessThan(0.3);
    expect(r.verdict).toBe('abridged');
  });

  it('a commentary quoting one sentence is still unrelated', () => {
    const commentary = [
      '开学在即，校车安全再次成为家长关注的焦点。',
      `县教育局日前发出通知：“${PARAGRAPHS[2]}”`,
      '检查不能一查了之。对超载、超速等违法行为，要建立长效机制，让每一个孩子都能平平安安上学、开开心心回家。家长也要教育孩子乘车时系好安全带，不在车内打闹。',
    ].join('\n');
    expect(compareWithRevision(commentary, REVISION).verdict).toBe('unrelated');
  });

  it('the same template filled for another term is another document, not an altered copy', () => {
    const next = [
      '关于开展春季学期校车安全专项检查的通知',
      '为做好2027年春季学期开学准备，云岭县教育局定于2月15日至2月19日在县城区开展校车安全专项检查。',
      '检查范围包括全县41所学校的103辆校车，重点检查车辆制动、灯光、安全带和应急锤等设施是否完好，驾驶人是否持有校车驾驶资格。',
      '检查中发现问题的车辆，须在2月24日前整改完毕并经复检合格后方可投入运营。',
      '各学校要于2月10日前将校车及驾驶人信息报送县教育局安全股，联系电话：0872-6123 4567。',
      '县教育局将会同县公安局交通管理大队、县交通运输局组成联合检查组，对检查情况进行通报。',
    ].join('\n');
    const r = compareWithRevision(next, REVISION);
    expect(r.verdict).toBe('unrelated');
    expect(r.reasons.map((x) => x.code)).toEqual(['template-refilled']);
  });

  it('a copy word for word apart from most of its facts is an altered copy, not a refill', () => {
    const short: PublishedRevision = {
      ...REVISION,
      id: 'pool@1',
      title: '县游泳馆暑期开放时间调整',
      body: '县全民健身中心游泳馆自7月1日起延长开放时间，每日开放至21时，票价15元，学生凭证件半价。\n暑期每天限流300人，请提前在小程序预约。',
    };
    const copy = `${short.title}\n${short.body.replace('7月1日', '7月10日').replace('21时', '22时').replace('15元', '20元')}`;
    const r = compareWithRevision(copy, short);
    expect(r.verdict).toBe('altered');
    expect(r.changes.map((c) => c.copy)).toEqual(['7月10日', '22时', '20元']);
  });

  it('a copy with two facts changed stays an altered copy with both changes', () => {
    const copy = `${REVISION.title}\n${REVISION.body.replace('96辆', '69辆').replace('9月1日前', '9月5日前')}`;
    const r = compareWithRevision(copy, REVISION);
    expect(r.verdict).toBe('altered');
    expect(r.changes.map((c) => [c.original, c.copy])).toEqual([
      ['96辆', '69辆'],
      ['9月1日', '9月5日'],
    ]);
  });
});

describe('trace finds a rewrite (洗稿) by the facts it keeps', () => {
  const index = createDuplicateIndex();
  const other: PublishedRevision = {
    id: 'canteen@1',
    documentId: 'canteen',
    revision: 1,
    title: '关于开展秋季学期学校食堂食品安全检查的通知',
    body: '为保障师生饮食安全，云岭县市场监督管理局定于8月26日至8月30日对全县学校食堂开展食品安全检查，重点检查食品原料进货查验、留样和从业人员健康证明。',
    publishedAt: '2026-08-20T09:00:00+08:00',
  };
  for (const r of [REVISION, other]) index.add(r.id, `${r.title}\n\n${r.body}`);
  const revisions = new Map([REVISION, other].map((r) => [r.id, r]));

  it('names the source of a rewrite that shares hardly a sentence but keeps the dates and figures', async () => {
    const rewrite = [
      '开学前，县里要给校车来一次“体检”',
      '记者从县教育局了解到，8月25日到29日，县城区将开展一次校车安全专项检查，全县38所学校的96辆校车一辆不落。',
      '这次主要看刹车、车灯、安全带、应急锤好不好用，司机有没有校车驾驶资格。查出问题的车，9月1日之前必须改好，复检过关才能接着跑。',
      '学校要在8月22日以前把校车和司机的信息交到县教育局安全股。县教育局还会联合交警、交通部门一起检查并通报结果。',
    ].join('\n');
    const r = await trace(rewrite, { index, revisions });
    expect(r.revision?.id).toBe('bus@1');
    expect(r.verdict).toBe('altered');
    expect(r.reasons.map((x) => x.code)).toContain('rewritten');
  });

  it('leaves a text on the same topic that shares a date or two unrelated', async () => {
    const sameTopic = [
      '县交警大队为校车驾驶人开展开学前培训',
      '8月25日，县公安局交通管理大队组织全县校车驾驶人开展安全培训，民警结合典型事故案例讲解了雨天、山区道路行车要点。',
      '培训结束后，驾驶人进行了应急疏散演练和理论考试，考试合格率达到100%。',
    ].join('\n');
    const r = await trace(sameTopic, { index, revisions });
    expect(r.verdict).toBe('unrelated');
  });
});

import { describe, expect, it } from 'vitest';
import { compareWithRevision } from '../../src/index';
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

import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, originality, type DuplicateMatch } from '../../src/index';

const score = (m: DuplicateMatch): number => Math.max(m.containment, m.otherContainment);

// One 停气通知 template, filled for two districts on two days (invented text).
const notice = (p: { area: string; date: string; hours: string; streets: string; homes: string; cause: string }) =>
  [
    `关于${p.area}管道燃气临时停气的通知`,
    '',
    `因${p.cause}，江宁华润燃气有限公司定于${p.date}${p.hours}对${p.area}部分区域暂停管道燃气供应。`,
    `停气范围：${p.streets}，共涉及居民用户约${p.homes}户。`,
    '停气期间请用户关闭燃气表前阀门和灶具开关，切勿使用明火检查漏气。恢复供气时请勿自行开启阀门，由工作人员上门逐户检查通气，确认安全后方可使用。',
    '如发现燃气泄漏，请立即关闭阀门、打开门窗，远离现场后拨打燃气抢修电话96777。给您带来的不便，敬请谅解。',
  ].join('\n');

const EAST = notice({ area: '城东片区', date: '2026年11月3日', hours: '9:00至15:00', streets: '建设大道以南、东环路以西、青年路以北', homes: '3400', cause: '中压燃气管道碰头施工' });
const NORTH = notice({ area: '城北片区', date: '2026年12月8日', hours: '8:30至17:30', streets: '北环路以南、解放路以东、人民路以北', homes: '1260', cause: '调压站设备更换' });

describe('template fills: one notice template filled in twice is not a copy', () => {
  it('does not score the shared template wording as copied when the particulars differ', () => {
    const index = createDuplicateIndex();
    index.add('east', EAST);
    const [m] = index.query(NORTH);
    // The template sentences are still shown as shared passages…
    expect(m?.passages.length ?? 0).toBeGreaterThan(0);
    expect(m?.template).toBe(true);
    // …but they are not counted as copied: below the gate's warning threshold.
    expect(score(m!)).toBeLessThan(0.5);
  });

  it('still scores a copy with one date changed as a copy', () => {
    const index = createDuplicateIndex();
    index.add('east', EAST);
    const [m] = index.query(EAST.replace('11月3日', '11月4日'));
    expect(m?.template).toBeUndefined();
    expect(score(m!)).toBeGreaterThan(0.9);
  });

  it('a copy word for word apart from three of its five figures is still a copy, not a refill', () => {
    const index = createDuplicateIndex();
    index.add('east', EAST);
    const edited = EAST.replace('11月3日', '11月5日').replace('15:00', '16:00').replace('3400户', '3600户');
    const [m] = index.query(edited);
    expect(m?.template).toBeUndefined();
    expect(score(m!)).toBeGreaterThan(0.9);
  });

  it('the same words with four or more figures new are the notice sent again for another day', () => {
    const index = createDuplicateIndex();
    index.add('east', EAST);
    const [m] = index.query(EAST.replace('11月3日', '12月1日').replace('9:00至15:00', '8:00至16:00').replace('3400户', '3600户'));
    expect(m?.template).toBe(true);
    expect(score(m!)).toBeLessThan(0.5);
  });

  it('judges facts only inside the copied stretch: a compilation that reprints the notice is a copy', () => {
    const index = createDuplicateIndex();
    index.add('east', EAST);
    const others = '本周要闻：11月1日，全市新增公共充电桩120个；11月2日，市图书馆延长开放时间至21时；全市2026年前10个月接待游客860万人次，同比增长12%。';
    const [m] = index.query(`${others}\n${EAST}\n${others}`);
    expect(m?.template).toBeUndefined();
    expect(m?.otherContainment).toBeGreaterThan(0.9);
  });
});

describe('originality of a template fill', () => {
  it('counts a notice refilled from the office template as original, even against several earlier fills', () => {
    const index = createDuplicateIndex();
    index.add('east', EAST);
    index.add('north', NORTH);
    const south = notice({ area: '城南片区', date: '2027年1月12日', hours: '10:00至16:00', streets: '南环路以北、新华路以西、和平路以南', homes: '2150', cause: '老旧管网更新改造' });
    const matches = index.query(south);
    expect(matches.length).toBe(2);
    expect(matches.every((m) => m.template)).toBe(true);
    // Without the template rule a third fill looked 60 % copied from two sources (a mosaic).
    expect(originality(south, matches)).toBeGreaterThan(0.9);
    expect(originality(EAST, index.query(EAST, { exclude: ['north'] }))).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from '../../src/index';

// An invented 会议报道 of four paragraphs under a title of 19 characters (shorter than minPassage).
const TITLE = '全市秋冬季农田水利建设现场会召开';
const PARAGRAPHS = [
  '11月6日，全市秋冬季农田水利建设现场会在白河县召开，与会人员实地察看了白河县灌区续建配套与节水改造工程。',
  '会议指出，今冬明春要完成高标准农田建设12万亩，新建和修复灌排渠道860公里，整治山塘水库病险隐患140处。',
  '会议要求，各县（区）要落实项目资金，抢抓枯水期施工，确保明年春耕前全部完工并发挥效益。',
  '市农业农村局、市水务局负责人参加会议。',
];
const ORIGINAL = `${TITLE}\n\n${PARAGRAPHS.join('\n')}`;

describe('a title both texts open with counts as copied', () => {
  it('an excerpt that keeps its source title is copied whole', () => {
    const index = createDuplicateIndex();
    index.add('meeting', ORIGINAL);
    const [m] = index.query(`${TITLE}\n\n${PARAGRAPHS[1]}`);
    // Before, the title (shorter than minPassage, and apart from the excerpted paragraph in
    // the source) was left out, and a bare excerpt scored about 0.8.
    expect(m?.containment).toBeGreaterThan(0.97);
    expect(m?.passages[0]).toMatchObject({ start: 0, end: TITLE.length, otherStart: 0, otherEnd: TITLE.length });
  });

  it('a stock opening shared by two different texts is still not a passage', () => {
    const opening = '为深入贯彻落实党的二十大精神，';
    const index = createDuplicateIndex();
    index.add('a', `${opening}市农业农村局部署今冬明春农田水利建设，要求各地抢抓枯水期施工。`);
    const matches = index.query(`${opening}市卫生健康委启动基层医疗卫生服务能力提升行动，首批覆盖四十个乡镇卫生院。`);
    expect(matches).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, defineRuleSet, zhGovDeDiDe } from '../../src/caliber/index';
import deDiDe from '../../src/caliber/packs/de-di-de.json';

// The fixes are unsafe (a human confirms), so they are applied here with `unsafe: true`.
const fix = (text: string) => applyFixes(text, checkCaliber(text, zhGovDeDiDe), { unsafe: true });

describe('zhGovDeDiDe', () => {
  it('is a valid rule set whose self-tests pass', () => {
    // The pack installs its check when it is first resolved; a plain copy of its JSON then validates and runs.
    checkCaliber('', zhGovDeDiDe);
    expect(() => defineRuleSet(JSON.parse(JSON.stringify(deDiDe)))).not.toThrow();
  });

  it.each([
    ['群众积极的参与志愿服务。', '群众积极地参与志愿服务。'],
    ['执法队员耐心的向商户宣传燃气安全常识。', '执法队员耐心地向商户宣传燃气安全常识。'],
    ['他跑的很快。', '他跑得很快。'],
    ['这次演练准备的很充分，各环节衔接紧密。', '这次演练准备得很充分，各环节衔接紧密。'],
    ['村民们高兴得说，路修好了。', '村民们高兴地说，路修好了。'],
    ['技术员手把手的教农户嫁接。', '技术员手把手地教农户嫁接。'],
    ['取暖保障落实的好不好，群众最清楚。', '取暖保障落实得好不好，群众最清楚。'],
    ['要尽量的减少群众跑腿次数。', '要尽量地减少群众跑腿次数。'],
    ['会场布置地温馨简朴。', '会场布置得温馨简朴。'],
    ['他激动的握住民警的手。', '他激动地握住民警的手。'],
    ['企业负责人感激的说，政策来得太及时了。', '企业负责人感激地说，政策来得太及时了。'],
    ['项目推进的还不够快。', '项目推进得还不够快。'],
    ['我们要清醒的认识到当前面临的困难。', '我们要清醒地认识到当前面临的困难。'],
    ['群众积极得参与志愿服务。', '群众积极地参与志愿服务。'],
  ])('corrects %s', (from, to) => {
    expect(fix(from)).toBe(to);
  });

  it('leaves its fixes to a human', () => {
    const text = '群众积极的参与志愿服务。';
    expect(checkCaliber(text, zhGovDeDiDe)[0]!.fix).toMatchObject({ text: '地', safe: false });
    expect(applyFixes(text, checkCaliber(text, zhGovDeDiDe))).toBe(text);
  });

  it.each([
    '各级政府给予积极的回应。',
    '他们做的很多工作值得肯定。',
    '提供有效的服务保障。',
    '我们的目的是确保群众满意。',
    '参与者积极的参与度很高。',
    '这是新建地铁线路。',
    '高兴得说不出话来。',
    '共同的目标把大家凝聚在一起。',
    '认真的学生受到表扬。',
    '经过不断的努力，项目顺利投产。',
    '活动在当地温馨举行。',
    '这是我们的好不好的问题。',
    '群众脸上露出满意的笑容。',
    '各部门采取积极的行动应对寒潮。',
    '全县人民对客人表示热烈的欢迎。',
    '感谢他们认真的工作。',
    '工作做得扎实。',
  ])('leaves %s alone', (text) => {
    expect(checkCaliber(text, zhGovDeDiDe)).toEqual([]);
  });
});

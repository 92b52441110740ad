import { describe, expect, it } from 'vitest';
import { detectSensitive, findMarkings, isGovpubError, parseMarking, periodExceedsMaximum, requiredLevel } from '../../src/index';

describe('parseMarking', () => {
  it('parses the GB/T 9704 forms with their periods', () => {
    expect(parseMarking('机密★1年')).toEqual({ level: 'confidential', period: { years: 1 }, start: 0, end: 5 });
    expect(parseMarking('秘密★6个月')).toEqual({ level: 'secret', period: { months: 6 }, start: 0, end: 6 });
    expect(parseMarking('绝密★长期')).toEqual({ level: 'top-secret', period: 'long-term', start: 0, end: 5 });
    expect(parseMarking('绝密★启用前')).toEqual({ level: 'top-secret', period: { until: '启用前' }, start: 0, end: 6 });
    expect(parseMarking('机密★2030年12月31日前')).toEqual({ level: 'confidential', period: { until: '2030年12月31日前' }, start: 0, end: 15 });
    expect(parseMarking('机密★')).toEqual({ level: 'confidential', period: null, start: 0, end: 3 });
    expect(parseMarking('机密')).toEqual({ level: 'confidential', period: null, start: 0, end: 2 });
  });

  it('reads Chinese numerals, full-width digits, spaces and traditional script', () => {
    expect(parseMarking('机密★二十年')?.period).toEqual({ years: 20 });
    expect(parseMarking('秘密★十年')?.period).toEqual({ years: 10 });
    expect(parseMarking('秘密★１０年')?.period).toEqual({ years: 10 });
    expect(parseMarking('秘密 ★ 3 年')?.period).toEqual({ years: 3 });
    expect(parseMarking('機密★5年')).toEqual({ level: 'confidential', period: { years: 5 }, start: 0, end: 5 });
  });

  it('maps internal markings to internal', () => {
    for (const t of ['内部', '内部资料', '内部事项 注意保管', '内部资料，注意保存', '工作秘密', '工作秘密★2年']) {
      expect(parseMarking(t)?.level, t).toBe('internal');
    }
    expect(parseMarking('工作秘密★2年')?.period).toEqual({ years: 2 });
  });

  it('finds the head marking of a document after the copy number', () => {
    const doc = '000123\n机密★10年\n特急\n\n关于做好有关工作的通知\n';
    expect(parseMarking(doc)).toEqual({ level: 'confidential', period: { years: 10 }, start: 7, end: 13 });
  });

  it('does not read running text as a marking', () => {
    for (const t of [
      '开展秘密调查',
      '公安机关开展秘密调查。',
      '秘密调查显示……',
      '机密文件管理办法',
      '加强内部管理，完善内部控制',
      '内部资料的印制要严格审批',
      '工作秘密的范围由各单位确定',
      '培训讲解了“机密★1年”的标注方法',
      '**重要**',
      '关于内部审计的通知',
    ]) {
      expect(parseMarking(t), t).toBeNull();
    }
  });

  it('throws VALIDATION for a non-string', () => {
    try {
      parseMarking(42 as unknown as string);
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    }
  });
});

describe('findMarkings', () => {
  it('finds head, section and inline marks with their placement', () => {
    const doc = '秘密★5年\n关于某事项的报告（内部）\n\n一、基本情况。\n\n【机密】二、具体部署。\n\n附件：绝密★启用前 试卷\n';
    const found = findMarkings(doc);
    expect(found.map((m) => [m.text, m.level, m.placement])).toEqual([
      ['秘密★5年', 'secret', 'head'],
      ['（内部）', 'internal', 'inline'],
      ['【机密】', 'confidential', 'section'],
      ['绝密★启用前', 'top-secret', 'inline'],
    ]);
    for (const m of found) expect(doc.slice(m.start, m.end)).toBe(m.text);
  });

  it('accepts Markdown decoration around a line mark but not emphasis as a star', () => {
    expect(findMarkings('**机密**\n\n正文').map((m) => m.text)).toEqual(['机密']);
    expect(findMarkings('# 秘密\n正文').map((m) => m.text)).toEqual(['秘密']);
    expect(findMarkings('机密*5年\n正文').map((m) => m.text)).toEqual(['机密*5年']);
  });
});

describe('protection periods', () => {
  it('knows the statutory maximum of each level', () => {
    expect(periodExceedsMaximum('top-secret', { years: 30 })).toBe(false);
    expect(periodExceedsMaximum('top-secret', { years: 31 })).toBe(true);
    expect(periodExceedsMaximum('confidential', { years: 20 })).toBe(false);
    expect(periodExceedsMaximum('confidential', { years: 21 })).toBe(true);
    expect(periodExceedsMaximum('secret', { years: 10 })).toBe(false);
    expect(periodExceedsMaximum('secret', { months: 121 })).toBe(true);
    expect(periodExceedsMaximum('secret', 'long-term')).toBe(false);
    expect(periodExceedsMaximum('internal', { years: 50 })).toBe(false);
  });

  it('reports an over-long period as an error finding', () => {
    const [f] = detectSensitive('秘密★15年\n关于……的通知');
    expect(f).toMatchObject({ kind: 'classification-marking', severity: 'error', excerpt: '秘密★15年', level: 'secret' });
    expect(f!.details).toMatchObject({ problem: 'period-exceeds-maximum', maximumYears: 10 });
    expect(detectSensitive('秘密★10年\n正文')[0]!.severity).toBe('warning');
  });
});

describe('requiredLevel', () => {
  it('is the highest marking of all texts, public without markings', () => {
    expect(requiredLevel('关于某事的通知', '正文')).toBe('public');
    expect(requiredLevel('标题', '内部资料，注意保存\n正文\n\n【秘密】第二段')).toBe('secret');
    expect(requiredLevel('机密★1年\n标题')).toBe('confidential');
    expect(requiredLevel('开展秘密调查，身份证号11010519491231002X')).toBe('public');
  });
});

import { describe, expect, it } from 'vitest';
import { govpub } from './package-under-test';

const g: any = govpub;

function checkFindingInvariants(text: string, findings: any[]) {
  let prev = -1;
  for (const f of findings) {
    expect(typeof f.ruleId).toBe('string');
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(f.start)).toBe(true);
    expect(Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
    // 1-based line/column
    const before = text.slice(0, f.start);
    const lines = before.split('\n');
    expect(f.line).toBe(lines.length);
    expect(f.column).toBe(lines[lines.length - 1]!.length + 1);
    expect(f.start).toBeGreaterThanOrEqual(prev);
    prev = f.start;
    if (f.fix) {
      expect(typeof f.fix.start).toBe('number');
      expect(typeof f.fix.end).toBe('number');
      expect(typeof f.fix.text).toBe('string');
    }
  }
}

const cityOffice = {
  id: 'city-office',
  rules: [
    { id: 'superlative', type: 'banned', terms: ['最'], exceptions: ['最高人民法院'], severity: 'warning', message: '避免使用绝对化用语', source: '广告法' },
    { id: 'covid', type: 'replace', patterns: ['新冠肺炎'], expected: '新型冠状病毒感染', severity: 'error', specs: [{ from: '新冠肺炎疫情', to: '新型冠状病毒感染疫情' }] },
    { id: 'no-exclaim', type: 'regex', pattern: '！{2,}', flags: 'u', message: '感叹号不要连用', replacement: '！' },
    { id: 'mayor', type: 'title', name: '王明', title: '市长' },
  ],
};

describe('errors', () => {
  it('GovpubError extends Error with code and details; isGovpubError', () => {
    const e = new g.GovpubError('NOT_FOUND', 'missing');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('NOT_FOUND');
    expect(g.isGovpubError(e)).toBe(true);
    expect(g.isGovpubError(new Error('x'))).toBe(false);
    expect(g.isGovpubError(null)).toBe(false);
  });

  it('isGovpubError works across copies (Symbol.for tag) — plain object with a structurally-copied error', () => {
    const e = new g.GovpubError('CONFLICT', 'stale');
    const copy = Object.create(Object.getPrototypeOf(Object.getPrototypeOf(e)));
    for (const s of Object.getOwnPropertySymbols(e)) copy[s] = (e as any)[s];
    // tags may also be on prototype
    let proto = Object.getPrototypeOf(e);
    while (proto && proto !== Error.prototype) {
      for (const s of Object.getOwnPropertySymbols(proto)) copy[s] = proto[s];
      proto = Object.getPrototypeOf(proto);
    }
    copy.code = 'CONFLICT';
    copy.message = 'stale';
    expect(g.isGovpubError(copy)).toBe(true);
  });
});

describe('defineRuleSet', () => {
  it('accepts the DESIGN.md example rule set', () => {
    const rs = g.defineRuleSet(cityOffice);
    expect(rs).toBeTruthy();
  });

  it('throws VALIDATION with issue paths for an unknown rule type', () => {
    try {
      g.defineRuleSet({ id: 'x', rules: [{ id: 'a', type: 'nope', terms: ['x'] }] });
      expect.unreachable();
    } catch (e: any) {
      expect(g.isGovpubError(e)).toBe(true);
      expect(e.code).toBe('VALIDATION');
      expect(Array.isArray(e.details.issues)).toBe(true);
      expect(e.details.issues.length).toBeGreaterThan(0);
      const paths = e.details.issues.map((i: any) => JSON.stringify(i.path));
      expect(paths.some((p: string) => p.includes('rules') && p.includes('0'))).toBe(true);
    }
  });

  it('throws VALIDATION for replace rule missing expected, naming the path', () => {
    try {
      g.defineRuleSet({ id: 'x', rules: [{ id: 'ok', type: 'banned', terms: ['a'] }, { id: 'a', type: 'replace', patterns: ['x'] }] });
      expect.unreachable();
    } catch (e: any) {
      expect(e.code).toBe('VALIDATION');
      const paths = e.details.issues.map((i: any) => (Array.isArray(i.path) ? i.path.join('.') : String(i.path)));
      expect(paths.some((p: string) => p.includes('rules') && p.includes('1'))).toBe(true);
    }
  });

  it('throws VALIDATION for a regex that does not compile', () => {
    expect(() => g.defineRuleSet({ id: 'x', rules: [{ id: 'r', type: 'regex', pattern: '(', message: 'm' }] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  it('throws VALIDATION when a replace spec fails', () => {
    expect(() =>
      g.defineRuleSet({ id: 'x', rules: [{ id: 'c', type: 'replace', patterns: ['新冠肺炎'], expected: '新型冠状病毒感染', specs: [{ from: '新冠肺炎', to: '别的' }] }] }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('checkCaliber', () => {
  const rs = () => g.defineRuleSet(cityOffice);

  it('banned term: ruleId <set>/<rule>, severity, offsets, excerpt, exceptions', () => {
    const text = '这是最好的办法。\n最高人民法院发布通知。';
    const f = g.checkCaliber(text, rs());
    checkFindingInvariants(text, f);
    const sup = f.filter((x: any) => x.ruleId === 'city-office/superlative');
    expect(sup).toHaveLength(1);
    expect(sup[0].start).toBe(2);
    expect(sup[0].end).toBe(3);
    expect(sup[0].severity).toBe('warning');
    expect(sup[0].line).toBe(1);
    expect(sup[0].column).toBe(3);
    expect(sup[0].source).toBe('广告法');
  });

  it('replace rule gives error with fix and applyFixes applies it', () => {
    const text = '关于新冠肺炎的通知';
    const f = g.checkCaliber(text, rs());
    checkFindingInvariants(text, f);
    const c = f.find((x: any) => x.ruleId === 'city-office/covid');
    expect(c).toBeTruthy();
    expect(c.severity).toBe('error');
    expect(c.excerpt).toBe('新冠肺炎');
    expect(c.fix).toEqual({ start: 2, end: 6, text: '新型冠状病毒感染' });
    expect(g.applyFixes(text, f)).toBe('关于新型冠状病毒感染的通知');
  });

  it('accepts an array of rule sets and a raw JSON rule set (ambiguous)', () => {
    const text = '关于新冠肺炎的通知';
    const f1 = g.checkCaliber(text, [rs()]);
    expect(f1.some((x: any) => x.ruleId === 'city-office/covid')).toBe(true);
  });

  it('regex rule with replacement; severity defaults to warning', () => {
    const text = '好消息！！！大家好';
    const f = g.checkCaliber(text, rs());
    checkFindingInvariants(text, f);
    const r = f.find((x: any) => x.ruleId === 'city-office/no-exclaim');
    expect(r).toBeTruthy();
    expect(r.severity).toBe('warning');
    expect(r.excerpt).toBe('！！！');
    expect(g.applyFixes(text, [r])).toBe('好消息！大家好');
  });

  it('title rule: name without title at first mention is a finding; with title none', () => {
    const bad = '王明出席了会议。';
    const good = '市长王明出席了会议。王明指出';
    const fb = g.checkCaliber(bad, rs()).filter((x: any) => x.ruleId === 'city-office/mayor');
    const fg = g.checkCaliber(good, rs()).filter((x: any) => x.ruleId === 'city-office/mayor');
    expect(fb.length).toBe(1);
    expect(fb[0].excerpt).toContain('王明');
    expect(fg.length).toBe(0);
  });

  it('matches over normalised text, maps offsets back to the original (full width)', () => {
    const set = g.defineRuleSet({ id: 's', rules: [{ id: 'covid', type: 'banned', terms: ['COVID'] }] });
    const text = '😀关于ＣＯＶＩＤ的通知';
    const f = g.checkCaliber(text, set);
    checkFindingInvariants(text, f);
    expect(f).toHaveLength(1);
    expect(f[0].excerpt).toBe('ＣＯＶＩＤ');
    expect(f[0].start).toBe(4);
    expect(f[0].column).toBe(5);
  });

  it('traditional characters match simplified terms', () => {
    const set = g.defineRuleSet({ id: 's', rules: [{ id: 'x', type: 'banned', terms: ['国务院'] }] });
    const text = '國務院發布';
    const f = g.checkCaliber(text, set);
    expect(f).toHaveLength(1);
    expect(f[0].excerpt).toBe('國務院');
  });

  it('facts: a different figure is an error finding on the figure', () => {
    const set = g.defineRuleSet({ id: 's', rules: [] });
    const text = '本次共接种疫苗1.3万人次。';
    const f = g.checkCaliber(text, set, { facts: [{ label: '接种疫苗', value: '12000人次' }] });
    checkFindingInvariants(text, f);
    const err = f.filter((x: any) => x.severity === 'error');
    expect(err.length).toBe(1);
    expect(err[0].excerpt).toContain('1.3万');
    const ok = g.checkCaliber('本次共接种疫苗一万二千人次。', set, { facts: [{ label: '接种疫苗', value: '12000人次' }] });
    expect(ok.filter((x: any) => x.severity === 'error')).toHaveLength(0);
    const ok2 = g.checkCaliber('本次共接种疫苗1.2万人次。', set, { facts: [{ label: '接种疫苗', value: '12000人次' }] });
    expect(ok2.filter((x: any) => x.severity === 'error')).toHaveLength(0);
  });

  it('findings are sorted by start across multiple rule sets', () => {
    const a = g.defineRuleSet({ id: 'a', rules: [{ id: 'x', type: 'banned', terms: ['乙'] }] });
    const b = g.defineRuleSet({ id: 'b', rules: [{ id: 'y', type: 'banned', terms: ['甲'] }] });
    const text = '甲乙甲乙';
    const f = g.checkCaliber(text, [a, b]);
    checkFindingInvariants(text, f);
    expect(f.map((x: any) => x.start)).toEqual([0, 1, 2, 3]);
  });

  it('code blocks, inline code and link targets are not checked', () => {
    const set = g.defineRuleSet({ id: 's', rules: [{ id: 'x', type: 'banned', terms: ['最'] }] });
    const text = '正文\n\n```\n最\n```\n\n`最` 见 [链接](https://example.com/最)';
    const f = g.checkCaliber(text, set);
    expect(f).toHaveLength(0);
  });

  // Chinese prose runs straight into and out of URLs with no space, so a bare URL ends at the
  // first Chinese character (docs/caliber.md); the URL itself is never checked.
  it('a bare URL is not checked, and the Chinese text right after it is', () => {
    const set = g.defineRuleSet({ id: 's', rules: [{ id: 'x', type: 'banned', terms: ['最'] }] });
    const text = '见 https://example.com/zui/最 ';
    expect(g.checkCaliber(text, set).map((f: any) => f.start)).toEqual([text.indexOf('最')]);
    expect(g.checkCaliber('见 https://example.com/a?q=zui 。', set)).toHaveLength(0);
    expect(g.checkCaliber('详见https://example.com/a最好。', set).map((f: any) => f.excerpt)).toEqual(['最']);
  });

  it('applyFixes is idempotent', () => {
    const text = '关于新冠肺炎的通知，新冠肺炎';
    const f = g.checkCaliber(text, rs());
    const once = g.applyFixes(text, f);
    expect(g.applyFixes(once, g.checkCaliber(once, rs()))).toBe(once);
  });
});

describe('zhGovRules', () => {
  it('is a rule set with at least 30 rules each with a source', () => {
    const z = g.zhGovRules;
    expect(z).toBeTruthy();
    expect(z.rules.length).toBeGreaterThanOrEqual(30);
    for (const r of z.rules) expect(r.source, r.id).toBeTruthy();
  });

  it('flags document number with [2024] and ellipsis ...', () => {
    const text = '根据京政发[2024]12号文件，我们要...认真落实。';
    const f = g.checkCaliber(text, g.zhGovRules);
    checkFindingInvariants(text, f);
    expect(f.some((x: any) => x.excerpt.includes('[2024]'))).toBe(true);
    expect(f.some((x: any) => x.excerpt.includes('...'))).toBe(true);
    for (const x of f) expect(x.ruleId.startsWith(g.zhGovRules.id + '/')).toBe(true);
  });

  it('does not flag numbers like 1,234.5 as punctuation errors', () => {
    const text = '全年收入1,234.5万元。';
    const f = g.checkCaliber(text, g.zhGovRules);
    expect(f.filter((x: any) => x.start >= 4 && x.end <= 11)).toHaveLength(0);
  });

  it('half-width comma between Chinese characters → full-width, with fix', () => {
    const text = '我们认为,这是对的';
    const f = g.checkCaliber(text, g.zhGovRules);
    const p = f.find((x: any) => x.excerpt === ',');
    expect(p).toBeTruthy();
    expect(g.applyFixes(text, [p])).toBe('我们认为，这是对的');
  });
});

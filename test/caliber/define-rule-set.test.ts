import { describe, expect, it } from 'vitest';
import { isGovpubError, type ValidationIssue } from '../../src/errors/index';
import { checkCaliber, defineRuleSet, zhGovRules } from '../../src/caliber/index';

function issuesOf(json: unknown): ValidationIssue[] {
  try {
    defineRuleSet(json);
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return (e.details as { issues: ValidationIssue[] }).issues;
    throw e;
  }
  throw new Error('expected VALIDATION');
}

describe('defineRuleSet', () => {
  it('lists every problem with its path', () => {
    const issues = issuesOf({
      id: 'office',
      rules: [
        { id: 'a', type: 'forbidden', terms: ['x'] },
        { id: 'b', type: 'replace', patterns: ['新冠肺炎'] },
        { id: 'c', type: 'regex', pattern: '(unclosed' },
        { id: 'c', type: 'banned', terms: ['最'] },
      ],
    });
    const paths = issues.map((i) => i.path.join('.'));
    expect(paths).toContain('rules.0.type');
    expect(paths).toContain('rules.1.expected');
    expect(paths).toContain('rules.2.pattern');
    expect(paths).toContain('rules.3.id');
    expect(issues.find((i) => i.path.join('.') === 'rules.2.pattern')?.message).toMatch(/does not compile/);
  });

  it('runs specs and reports a failing one at its path', () => {
    const issues = issuesOf({
      id: 'office',
      rules: [
        {
          id: 'covid',
          type: 'replace',
          patterns: ['新冠肺炎'],
          expected: '新型冠状病毒感染',
          specs: [
            { from: '新冠肺炎疫情', to: '新型冠状病毒感染疫情' },
            { from: '新冠肺炎', to: '新冠' },
          ],
        },
      ],
    });
    expect(issues).toEqual([{ path: ['rules', 0, 'specs', 1], message: expect.stringContaining('became "新型冠状病毒感染"') }]);
  });

  it('rejects ids with "/" or spaces, unknown keys, bad dates and until before since', () => {
    const paths = issuesOf({
      id: 'a/b',
      rules: [
        { id: 'x y', type: 'banned', terms: ['最'] },
        { id: 'z', type: 'banned', terms: ['最'], expexted: '最' },
        { id: 'd', type: 'banned', terms: ['最'], since: '2024-02-30' },
        { id: 'e', type: 'banned', terms: ['最'], since: '2024-02-01', until: '2024-01-01' },
        { id: 'f', type: 'regex', pattern: 'x', flags: 'gy' },
      ],
    }).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'rules.0.id', 'rules.1', 'rules.2.since', 'rules.3.until', 'rules.4.flags']));
  });

  it('returns a deeply frozen copy and accepts its own result unchanged', () => {
    const json = { id: 'office', rules: [{ id: 'most', type: 'banned', terms: ['最'] }] };
    const set = defineRuleSet(json);
    expect(set).toEqual(json);
    expect(set).not.toBe(json);
    expect(Object.isFrozen(set.rules[0])).toBe(true);
    expect(defineRuleSet(set)).toBe(set);
    expect(defineRuleSet(zhGovRules)).toBe(zhGovRules);
  });

  it('checkCaliber validates plain objects too and rejects two sets with one id', () => {
    expect(() => checkCaliber('x', { id: 'o', rules: [{ id: 'r', type: 'nope' }] } as never)).toThrow(/rules\.0\.type/);
    const a = defineRuleSet({ id: 'same', rules: [] });
    const b = defineRuleSet({ id: 'same', rules: [] });
    expect(() => checkCaliber('x', [a, b])).toThrow(/share the id/);
    expect(checkCaliber('最', { id: 'plain', rules: [{ id: 'most', type: 'banned', terms: ['最'] }] })).toHaveLength(1);
  });
});

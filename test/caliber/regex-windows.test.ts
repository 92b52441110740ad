import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRuleSets, defineRuleSet, type RegexRule, type RuleSet } from '../../src/caliber/index';
import { compileRuleSets, type CompiledRule } from '../../src/caliber/compile';
import { regexFindings, type RegexTarget } from '../../src/caliber/regex-findings';
import { regexSlices } from '../../src/caliber/regex-slices';
import { regexTrigger } from '../../src/caliber/regex-trigger';
import { triggerWindows } from '../../src/caliber/regex-windows';
import { NO_SKIP } from '../../src/caliber/skip-ranges';

// Every regex rule, run windowed around its trigger and run over every slice (the reference),
// must give the same findings.
function both(text: string, sets: readonly RuleSet[]): { windowed: unknown[]; reference: unknown[] } {
  const compiled = compileRuleSets(sets);
  const index = compiled.triggers.text;
  const target: RegexTarget = { string: text, normalized: undefined, slices: regexSlices(text), windows: () => (index ? triggerWindows(index, text) : []) };
  const windowed: unknown[] = [];
  const reference: unknown[] = [];
  for (const c of compiled.rules) {
    if (c.rule.type !== 'regex' || c.rule.normalize) continue;
    windowed.push(...regexFindings(text, c, c.rule, NO_SKIP, target));
    const { windowed: _dropped, ...plain } = c;
    void _dropped;
    reference.push(...regexFindings(text, plain as CompiledRule, c.rule, NO_SKIP, target));
  }
  return { windowed, reference };
}

// Characters the built-in patterns care about, plus filler, so that random texts hit them.
const ALPHABET = [...'的地得很非常十分积极认真参与开展截止至2024年0123456789第号〔〕[]（）()“”‘’「」《》〈〉、，,.。…!！?？:：;；- \t台湾国立中台杀穆斯林博彩注册送联系下载加微信www.com党委决定给予行政警告处分二三四五六七八九天个人%％'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 300 }).map((cs) => cs.join(''));
const lines = fc.array(text, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));

describe('windowed regex rules', () => {
  it('find exactly what a run over every slice finds (built-in packs)', () => {
    fc.assert(
      fc.property(lines, (t) => {
        const { windowed, reference } = both(t, defaultRuleSets);
        expect(windowed).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('find exactly what a run over every slice finds (patterns with unbounded prefixes, sets, look-arounds)', () => {
    const rules: RegexRule[] = [
      { id: 'a', type: 'regex', pattern: '(?<=\\p{sc=Han})[ \\t]*,[ \\t]*', flags: 'u' },
      { id: 'b', type: 'regex', pattern: '\\d+(?:\\.\\d+)?%', flags: 'u' },
      { id: 'c', type: 'regex', pattern: '[的地](?=很|非常)', flags: 'u' },
      { id: 'd', type: 'regex', pattern: '(?:截止|截至)[^，。]{0,6}?年', flags: 'u' },
      { id: 'e', type: 'regex', pattern: '。{2,}|…{3}', flags: 'u' },
      { id: 'f', type: 'regex', pattern: '(?=[^，。]{0,3}联系)[^，。]', flags: 'u' },
      { id: 'g', type: 'regex', pattern: '[^，。\\n]*号', flags: '' },
      { id: 'h', type: 'regex', pattern: '(第)?\\d+号', flags: 'u' },
    ];
    for (const r of rules) expect(regexTrigger(r.pattern, r.flags ?? ''), r.id).not.toBeNull();
    const set = defineRuleSet({ id: 'windows', rules });
    fc.assert(
      fc.property(lines, (t) => {
        const { windowed, reference } = both(t, [set]);
        expect(windowed).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('leave patterns they cannot read to the slice-by-slice run', () => {
    expect(regexTrigger('(a)\\1', 'u')).toBeNull();
    expect(regexTrigger('abc', 'iu')).toBeNull();
    expect(regexTrigger('\\d+', 'u')).toBeNull();
    expect(regexTrigger('(?:a|)b?', 'u')).toBeNull();
  });

  it('choose a bounded, rare literal', () => {
    expect(regexTrigger('截止(?:到)?(?=\\d)', 'u')?.literals).toEqual([{ text: '截止', minOffset: 0, maxOffset: 0 }]);
    expect(regexTrigger('。{3,}', 'u')?.literals).toEqual([{ text: '。。。', minOffset: 0, maxOffset: 0 }]);
    const comma = regexTrigger('(?<=[\\p{sc=Han}”])[ \\t]*,[ \\t]*', 'u')!;
    expect(comma.literals).toEqual([{ text: ',', minOffset: 0, maxOffset: Infinity }]);
    expect(comma.consumable).not.toBeNull();
  });
});

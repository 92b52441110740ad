import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCaliber, defineRuleSet } from '../../src/caliber/index';

const guide = readFileSync(new URL('../../docs/caliber.md', import.meta.url), 'utf8');
const jsonBlocks = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));

describe('docs/caliber.md', () => {
  it('shows a rule set that defineRuleSet accepts and that behaves as described', () => {
    const office = defineRuleSet(jsonBlocks.find((b) => Array.isArray(b.rules)));
    const found = checkCaliber('王明指出，新冠肺炎防控最重要！！打开APP和客户端', office, { now: new Date('2024-01-01') });
    expect(found.map((f) => f.ruleId)).toEqual(['city/mayor', 'city/covid', 'city/superlative', 'city/no-exclaim', 'city/app-name']);
  });

  it('shows a builtin rule that a rule set of one’s own may use', () => {
    const rule = jsonBlocks.find((b) => b.type === 'builtin');
    const set = defineRuleSet({ id: 'own', rules: [rule] });
    expect(checkCaliber('（未闭合', set)).toMatchObject([{ ruleId: 'own/brackets', severity: 'error', source: '本单位校对规范' }]);
  });
});

import { deepFreeze, trustRuleSet } from '../define-rule-set';
import type { RuleSet } from '../types';
import typos from '../packs/typos.json';

/**
 * Common wrong characters (别字) of official writing: hand-written wrong → right pairs, each
 * checked against jieba's word list when the pack was built (`scripts/caliber/build-typos.ts`),
 * plus the context rules for 截止/截至 and 其它/其他. Plain JSON (`src/caliber/packs/typos.json`):
 * an office can read it, switch rules off with `disable`, or copy and extend it.
 *
 * @example
 * ```ts
 * checkCaliber('新门诊楼已于9月底峻工。', [zhGovRules, zhGovTypos]);
 * // → zh-gov-typos/typos-words on 峻工, fix 竣工
 * ```
 */
export const zhGovTypos: RuleSet = /* @__PURE__ */ trustRuleSet(/* @__PURE__ */ deepFreeze(typos as unknown as RuleSet));

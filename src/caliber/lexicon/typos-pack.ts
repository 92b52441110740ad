import { deepFreeze, trustRuleSet } from '../define-rule-set';
import type { RuleSet } from '../types';
import typos from '../packs/typos.json';

/**
 * Common wrong characters (别字) of official writing: about 2,300 hand-written wrong → right pairs
 * of the errors the usual 错别字 lists record (idioms, homophones, near-shapes, official
 * vocabulary), each checked against jieba's word list and tried on correct text when the pack was
 * built (`scripts/caliber/build-typos.ts`), plus context rules for the errors that only the words
 * around them decide (截止/截至, 其它/其他, 既使/即使, 自已, 登陆/登录 …). Plain JSON (`src/caliber/packs/typos.json`):
 * an office can read it, switch rules off with `disable`, or copy and extend it.
 *
 * @example
 * ```ts
 * checkCaliber('新门诊楼已于9月底峻工。', [zhGovRules, zhGovTypos]);
 * // → zh-gov-typos/typos-words on 峻工, fix 竣工
 * ```
 */
export const zhGovTypos: RuleSet = /* @__PURE__ */ trustRuleSet(/* @__PURE__ */ deepFreeze(typos as unknown as RuleSet));

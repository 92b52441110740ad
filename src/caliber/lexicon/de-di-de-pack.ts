import { deepFreeze, trustRuleSet } from '../define-rule-set';
import { carryLexiconCheck } from '../builtin/lexicon-checks';
import type { RuleSet } from '../types';
import deDiDe from '../packs/de-di-de.json';
import { runDeDiDeCheck } from './de-di-de-check';

// The pack carries the `de-di-de` check (installed when the pack is resolved); only this module
// reaches the word-class table, so a page that imports checkCaliber or zhGovRules alone never
// loads it.

/**
 * 的/地/得: 的 written for 地 after an adverbial (积极的参与 → 积极地参与), 的 or 地 written for 得
 * before a complement (跑的很快 → 跑得很快), 得 for 地 (积极得配合 → 积极地配合) and 地 or 得 for 的
 * before a noun (新建地广场 → 新建的广场), judged from the word classes on either side (jieba's
 * part-of-speech tags, MIT; see `de-di-de-check.ts`). Warnings whose fixes wait for a human.
 * In a browser bundle the word classes arrive on `loadDictionaries()`: await it before a
 * synchronous check with this pack (a publisher does so itself).
 *
 * @example
 * ```ts
 * checkCaliber('这次培训组织的很周密。', zhGovDeDiDe); // → zh-gov-de-di-de/complement-de on 的, fix 得
 * ```
 */
export const zhGovDeDiDe: RuleSet = /* @__PURE__ */ trustRuleSet(
  /* @__PURE__ */ deepFreeze(/* @__PURE__ */ carryLexiconCheck(deDiDe as unknown as RuleSet, 'de-di-de', runDeDiDeCheck)),
);

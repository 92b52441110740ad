import { deepFreeze, trustRuleSet } from '../define-rule-set';
import type { RuleSet } from '../types';
import deDiDe from '../packs/de-di-de.json';

/**
 * 的/地/得: 的 written for 地 after an adverbial (积极的参与 → 积极地参与) and for 得 before a
 * complement (跑的很快 → 跑得很快), and the reverse misuses where the words around decide it.
 * Readable regex rules generated from word lists by `scripts/caliber/build-de-di-de.ts`.
 *
 * @example
 * ```ts
 * checkCaliber('这次培训组织的很周密。', zhGovDeDiDe); // → complement-de-degree, fix 得
 * ```
 */
export const zhGovDeDiDe: RuleSet = /* @__PURE__ */ trustRuleSet(/* @__PURE__ */ deepFreeze(deDiDe as unknown as RuleSet));

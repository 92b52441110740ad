import { deepFreeze, trustRuleSet } from '../define-rule-set';
import type { RuleSet } from '../types';
import { zhGovRules } from '../zh-gov-rules';
import agency from './agency-2018.json';
import spam from './spam.json';
import xinhua from './xinhua.json';
import { zhGovDeDiDe } from '../lexicon/de-di-de-pack';
import { zhGovTypos } from '../lexicon/typos-pack';
import { zhGovNonWords } from '../lexicon/non-words-pack';
// For {@link} in the documentation only.
import type { loadDictionaries } from '../lexicon/dictionaries/eager';

// The packs are JSON files an office can read, copy and extend; here they are frozen and
// marked as defined. Their validity (schema, self-tests, regex screen) is proven by the test
// suite, which runs each through defineRuleSet, so importing govpub stays cheap.
const pack = (json: unknown): RuleSet => trustRuleSet(deepFreeze(json as RuleSet));

/**
 * Xinhua's banned and cautious terms (《新华社新闻信息报道中的禁用词和慎用词》, 2016 revision)
 * that a machine can check with context: Hong Kong, Macao and Taiwan listed as countries,
 * 内地/大陆, Taiwan as a state, full forms of leaders' titles, ethnic and religious names,
 * slurs and vulgar slang. Complements the `xinhua-*` rules already in {@link zhGovRules}.
 * Each rule cites its category and item in `source`. Fixes are unsafe (a person decides).
 */
export const xinhuaRules: RuleSet = /* @__PURE__ */ pack(xinhua);

/**
 * Agency names abolished or renamed by the 2018 institutional reform (and the 2013 health and
 * 2023 financial-regulation reforms), national and local: 安监局 → 应急管理局, 环保局 → 生态环境局,
 * 卫计委 → 卫生健康委, … Each rule carries the date of the change as `since` and is `historical`:
 * 原安监局 or a sentence about 2017 is not reported; pass `asOf` for a document about earlier
 * years. Names inside 《》 and quotations are left alone.
 */
export const agencyRenameRules: RuleSet = /* @__PURE__ */ pack(agency);

/**
 * Gambling and pornography promotion injected into hijacked pages: reported only in promotion
 * shape (a gambling or sex term in one sentence with a URL, a contact lure or bonus wording),
 * never in a sentence about fighting it. Matches inside links and URLs too.
 */
export const spamRules: RuleSet = /* @__PURE__ */ pack(spam);

/**
 * Every built-in pack, by id. The ids are written out rather than read as `[set.id]`: a bundler
 * cannot prove a property read free of side effects, so computed keys kept every pack (and
 * its JSON) in any page that imported anything from the caliber chunk, `checkCaliber` alone
 * included. A test checks each key against its pack's `id`.
 */
export const BUILTIN_PACKS: Readonly<Record<string, RuleSet>> = /* @__PURE__ */ Object.freeze({
  'zh-gov': zhGovRules,
  xinhua: xinhuaRules,
  'agency-2018': agencyRenameRules,
  spam: spamRules,
  'zh-gov-typos': zhGovTypos,
  'zh-gov-de-di-de': zhGovDeDiDe,
  'zh-gov-non-words': zhGovNonWords,
});

/**
 * The rule sets a publisher should check by default: every built-in pack that raised no error
 * or warning on the clean sentences of the evaluation corpus (`test/fixtures/caliber-eval/clean`,
 * measured by `npm run eval`). See docs/caliber.md for the figures.
 *
 * It includes the non-word detector ({@link zhGovNonWords}): a wrong character fails an
 * account's inspection outright, and the detector catches the slips no dictionary lists
 * (峻工 → 竣工) with no warning on the clean sentences. In a browser bundle its word tables and
 * those of {@link zhGovDeDiDe} (about 360 KB gzip) arrive on {@link loadDictionaries}: await it
 * before a synchronous check with this list (a publisher does so itself).
 */
export const defaultRuleSets: readonly RuleSet[] = /* @__PURE__ */ Object.freeze([zhGovRules, xinhuaRules, agencyRenameRules, spamRules, zhGovTypos, zhGovDeDiDe, zhGovNonWords]);

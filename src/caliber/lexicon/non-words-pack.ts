import { deepFreeze, trustRuleSet } from '../define-rule-set';
import { carryLexiconCheck } from '../builtin/lexicon-checks';
import type { RuleSet } from '../types';
import { runNonWordCheck } from './non-word-check';

// The pack carries the `non-word` check (installed when the pack is resolved); only this
// module reaches the word tables.

/**
 * A run of 2–4 characters that is no word but sounds or looks like a common one with one
 * character changed (峻工 → 竣工, 检查院 → 检察院, 全力以附 → 全力以赴), as warnings with
 * suggestions and unsafe fixes; part of `defaultRuleSets`. Uses a 78,000-word list reduced from
 * jieba's dictionary (MIT), a list of newer official terms, and homophones precomputed with
 * pinyin-pro: about 270 KB gzip, which a browser bundle fetches on `loadDictionaries()` (await
 * it before a synchronous check with this pack; a publisher does so itself). It raises no
 * warning on the clean sentences of the evaluation corpus (`npm run eval`).
 *
 * @example
 * ```ts
 * checkCaliber('统筹推进综和执法改革。', [zhGovRules, zhGovNonWords]);
 * // → zh-gov-non-words/non-word on 综和, suggestions ['综合']
 * ```
 */
export const zhGovNonWords: RuleSet = /* @__PURE__ */ trustRuleSet(
  /* @__PURE__ */ deepFreeze(/* @__PURE__ */ carryLexiconCheck({
    id: 'zh-gov-non-words',
    name: '疑似别字（非词检测）',
    description: '二至四字连用不成词、而换一个同音、近音或形近字后是常用词时提示（词表：jieba 词典，MIT，另补近年政务新词；读音：pinyin-pro）',
    rules: [
      {
        id: 'non-word',
        type: 'builtin',
        check: 'non-word',
        severity: 'warning',
        source: '词频：jieba 分词词典 dict.txt.big（MIT），另补近年政务新词（official-words.ts）；读音：pinyin-pro；形近字表：govpub 整理（shape-neighbours.ts）',
      },
    ],
  } satisfies RuleSet, 'non-word', runNonWordCheck)),
);

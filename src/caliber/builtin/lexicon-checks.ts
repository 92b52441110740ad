import { GovpubError } from '../../errors/index';
import type { BuiltinCheck, BuiltinContext, BuiltinHit } from './context';

/**
 * Built-in checks whose tables are large (the word list and its homophone index). They are
 * named here so that rule sets may use them, but their code arrives only with the pack that
 * needs it (`zhGovNonWords`), which carries it and installs it when the pack is resolved:
 * `checkCaliber`'s own import graph never reaches the tables, so a page that imports only
 * `checkCaliber` stays small.
 */
export type LexiconCheckId = 'non-word' | 'de-di-de';

/**
 * The 的/地/得 check's rules, each also a check of its own so an office can switch them off one
 * by one: they run the one `de-di-de` check and keep the hits of their rule.
 */
export const DE_DI_DE_RULE_CHECKS = {
  'de-di-de-adverbial': 'adverbial-de',
  'de-di-de-complement': 'complement-de',
  'de-di-de-written-de': 'adverbial-de-written-de',
  'de-di-de-attributive': 'attributive-de',
} as const;
/** One of the ids of {@link DE_DI_DE_RULE_CHECKS}. */
export type DeDiDeRuleCheckId = keyof typeof DE_DI_DE_RULE_CHECKS;

type Runner = (context: BuiltinContext) => BuiltinHit[];
const runners = new Map<LexiconCheckId, Runner>();

/** Installs the implementation of a lexicon check. */
export function provideLexiconCheck(id: LexiconCheckId, run: Runner): void {
  runners.set(id, run);
}

// Where a pack carries the implementations of the lexicon checks it uses. A property of the
// pack, not a module-level call, so that a bundler can drop the pack and its tables (a
// top-level side effect would keep them in every page that imports the caliber area).
const CARRIED_CHECKS: unique symbol = Symbol.for('govpub.caliber.lexiconChecks') as never;

/** Returns `set` carrying the implementation of lexicon check `id`; installed when the set is resolved. */
export function carryLexiconCheck<T extends object>(set: T, id: LexiconCheckId, run: Runner): T {
  Object.defineProperty(set, CARRIED_CHECKS, { value: { id, run }, enumerable: false });
  return set;
}

/** Whether a rule set carries a lexicon check, i.e. needs the word tables (see `loadDictionaries`). */
export function carriesLexiconCheck(set: object): boolean {
  return CARRIED_CHECKS in set;
}

/** Installs the lexicon check a rule set carries, if any (called for every resolved set). */
export function installCarriedChecks(set: object): void {
  const carried = (set as { [CARRIED_CHECKS]?: { id: LexiconCheckId; run: Runner } })[CARRIED_CHECKS];
  if (carried) provideLexiconCheck(carried.id, carried.run);
}

function lazyCheck(id: LexiconCheckId, description: string, keep?: (hit: BuiltinHit) => boolean): BuiltinCheck {
  return {
    description,
    run(context) {
      const run = runners.get(id);
      if (!run) {
        throw new GovpubError(
          'VALIDATION',
          `The built-in check "${id}" needs the lexicon tables: import the pack that carries it from 'govpub' (${id === 'de-di-de' ? 'zhGovDeDiDe' : 'zhGovNonWords'}; importing it installs the check).`,
          { details: { issues: [{ path: ['check'], message: `"${id}" is not loaded` }] } },
        );
      }
      const hits = run(context);
      return keep ? hits.filter(keep) : hits;
    },
  };
}

const ruleOf = (hit: BuiltinHit) => (hit.details as { rule?: string } | undefined)?.rule;

/** The lexicon checks by id, for the registry. */
export const LEXICON_CHECKS: Record<LexiconCheckId, BuiltinCheck> = {
  'non-word': lazyCheck(
    'non-word',
    'Two characters that are no word but sound or look like a common word (峻工 → 竣工); needs zhGovNonWords',
  ),
  'de-di-de': lazyCheck('de-di-de', '的/地/得 judged from the word classes on either side (积极的参与 → 地, 跑的很快 → 得); needs zhGovDeDiDe'),
};

/** The 的/地/得 rules as checks of their own, for the registry. */
export const DE_DI_DE_CHECKS: Record<DeDiDeRuleCheckId, BuiltinCheck> = {
  'de-di-de-adverbial': lazyCheck('de-di-de', '的 written for 地 after an adverbial (积极的参与 → 积极地参与); needs zhGovDeDiDe', (h) => ruleOf(h) === 'adverbial-de'),
  'de-di-de-complement': lazyCheck('de-di-de', '的/地 written for 得 before a complement (推进的非常顺利 → 得); needs zhGovDeDiDe', (h) => ruleOf(h) === 'complement-de'),
  'de-di-de-written-de': lazyCheck('de-di-de', '得 written for 地 after an adverbial (积极得配合 → 积极地配合); needs zhGovDeDiDe', (h) => ruleOf(h) === 'adverbial-de-written-de'),
  'de-di-de-attributive': lazyCheck('de-di-de', '地/得 written for 的 before a noun (新建地广场 → 新建的广场); needs zhGovDeDiDe', (h) => ruleOf(h) === 'attributive-de'),
};

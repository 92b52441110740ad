import { carriesLexiconCheck, checkCaliber, dictionariesLoaded, loadDictionaries, resolveRuleSets, type Fact, type Roster, type RuleSet } from '../../caliber/index';
import { isGovpubError, validationError } from '../../errors/index';
import type { GovDocument } from '../../document/index';
import type { Finding } from '../../findings/index';
import type { Gate } from './gate';

/** Options of {@link caliberGate}. */
export interface CaliberGateOptions {
  /**
   * Figures of the approved statement, for every document or chosen per document (e.g. by the
   * topic the host stored with it). `undefined` from the function means none.
   */
  facts?: readonly Fact[] | ((document: Readonly<GovDocument>) => readonly Fact[] | undefined);
  /** Full rule ids to leave out, as in `checkCaliber`'s `disable`. */
  disable?: readonly string[];
  /** The office's leader roster(s), made with `defineRoster` (findings `roster/<check>`). */
  roster?: Roster | readonly Roster[];
  /** The gate's id; default `caliber`. */
  id?: string;
}

/** The document fields the caliber gate checks, and whether each is Markdown. */
const FIELDS = [
  ['title', false],
  ['summary', false],
  ['body', true],
] as const;

/**
 * The publisher's caliber gate: on `submit` and `publish` it checks the document's title,
 * summary and body (Markdown) with `ruleSets`, as of the command's time. Findings carry
 * `details.field` naming the field their offsets refer to; `error`s block the command.
 *
 * The rule sets are validated when the gate is made, so a bad rule set fails at start-up, not
 * at the first submission.
 *
 * @example
 * ```ts
 * const gate = caliberGate([zhGovRules, defineRuleSet(officeJson)], {
 *   facts: (doc) => approvedFacts[doc.tags?.[0] ?? ''],
 * });
 * // Replaces the built-in caliber gate, so that one is switched off (a second would run twice).
 * createPublisher({ storage, caliber: false, gates: [gate] });
 * ```
 */
export function caliberGate(ruleSets: readonly RuleSet[], options: CaliberGateOptions = {}): Gate {
  const sets = resolveRuleSets(ruleSets);
  // In a browser bundle the word tables of the lexicon packs arrive on demand: the gate is
  // asynchronous, so it loads them itself rather than leave that to every host.
  const needsDictionaries = sets.some(carriesLexiconCheck);
  const { facts, disable, roster } = options;
  if (Array.isArray(facts)) assertFacts(facts as readonly Fact[]);
  return {
    id: options.id ?? 'caliber',
    phases: ['submit', 'publish'],
    async check({ document, now }) {
      if (needsDictionaries && !dictionariesLoaded()) await loadDictionaries();
      const documentFacts = (typeof facts === 'function' ? facts(document) : facts) ?? [];
      const findings: Finding[] = [];
      for (const [field, markdown] of FIELDS) {
        const text = document[field];
        if (!text) continue;
        const options = { now, markdown, facts: documentFacts, ...(disable ? { disable } : {}), ...(roster ? { roster } : {}) };
        for (const f of checkCaliber(text, sets, options)) findings.push({ ...f, details: { ...f.details, field } });
      }
      return findings;
    },
  };
}

/**
 * Checks a fixed list of facts now, so a bad one fails when the publisher is created (naming
 * the fact's label and its path under `caliberFacts`) instead of reaching the author at submit.
 * `checkCaliber` owns what a valid fact is; it is asked on an empty text.
 */
function assertFacts(facts: readonly Fact[]): void {
  try {
    checkCaliber('', [], { facts });
  } catch (e) {
    if (!isGovpubError(e) || e.code !== 'VALIDATION') throw e;
    const issues = ((e.details?.issues as { path: (string | number)[]; message: string }[] | undefined) ?? []).map((issue) => {
      const [, index, ...rest] = issue.path;
      const label = typeof index === 'number' ? facts[index]?.label : undefined;
      return {
        path: ['caliberFacts', ...(index === undefined ? [] : [index]), ...rest],
        message: label === undefined ? issue.message : `fact "${label}": ${issue.message}`,
      };
    });
    throw validationError('caliberFacts', issues);
  }
}

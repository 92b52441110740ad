import { GovpubError } from '../../errors/index';
import type { BuiltinCheck, BuiltinContext, BuiltinHit } from './context';

/**
 * Built-in checks whose tables are large (the word list and its homophone index). They are
 * named here so that rule sets may use them, but their code arrives only with the pack that
 * needs it (`zhGovNonWords`), which calls {@link provideLexiconCheck} when it is imported:
 * `checkCaliber`'s own import graph never reaches the tables, so a page that imports only
 * `checkCaliber` stays small.
 */
export type LexiconCheckId = 'non-word';

type Runner = (context: BuiltinContext) => BuiltinHit[];
const runners = new Map<LexiconCheckId, Runner>();

/** Installs the implementation of a lexicon check (done by the pack module that owns it). */
export function provideLexiconCheck(id: LexiconCheckId, run: Runner): void {
  runners.set(id, run);
}

function lazyCheck(id: LexiconCheckId, description: string): BuiltinCheck {
  return {
    description,
    run(context) {
      const run = runners.get(id);
      if (!run) {
        throw new GovpubError(
          'VALIDATION',
          `The built-in check "${id}" needs the lexicon tables: import { zhGovNonWords } from 'govpub' (importing it installs the check).`,
          { details: { issues: [{ path: ['check'], message: `"${id}" is not loaded` }] } },
        );
      }
      return run(context);
    },
  };
}

/** The lexicon checks by id, for the registry. */
export const LEXICON_CHECKS: Record<LexiconCheckId, BuiltinCheck> = {
  'non-word': lazyCheck(
    'non-word',
    'Two characters that are no word but sound or look like a common word (峻工 → 竣工); needs zhGovNonWords',
  ),
};

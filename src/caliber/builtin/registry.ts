import { BRACKET_CHECKS } from './brackets';
import type { BuiltinCheck } from './context';
import { DOCUMENT_CHECKS } from './documents';
import { NUMBER_CHECKS } from './numbers';
import { FORM_CHECKS } from './form';
import { POLITICAL_CHECKS } from './political';
import { DE_DI_DE_CHECKS, LEXICON_CHECKS } from './lexicon-checks';

/** The name of a built-in check, usable as `check` of a `builtin` rule. */
export type BuiltinCheckId =
  | 'unpaired-quotes'
  | 'unpaired-brackets'
  | 'unpaired-title-marks'
  | 'mixed-width-brackets'
  | 'halfwidth-brackets-around-chinese'
  | 'straight-double-quotes'
  | 'adjacent-estimate-arabic'
  | 'shortened-year'
  | 'date-chinese-numerals'
  | 'consistent-number-form'
  | 'classification-marking-format'
  | 'nested-quotes'
  | 'estimate-ji-arabic'
  | 'corner-quotes'
  | 'regions-listed-as-countries'
  | 'mainland-inland'
  | 'non-word'
  | 'de-di-de'
  | 'de-di-de-adverbial'
  | 'de-di-de-complement'
  | 'de-di-de-written-de'
  | 'de-di-de-attributive';

// `satisfies` keeps the union above and the tables in step: a check missing from either side
// fails to compile.
const CHECKS = { ...BRACKET_CHECKS, ...NUMBER_CHECKS, ...DOCUMENT_CHECKS, ...FORM_CHECKS, ...POLITICAL_CHECKS, ...LEXICON_CHECKS, ...DE_DI_DE_CHECKS } satisfies Record<BuiltinCheckId, BuiltinCheck>;
const _noExtraChecks: Record<keyof typeof CHECKS, unknown> = {} as Record<BuiltinCheckId, unknown>;
void _noExtraChecks;

/** Every built-in check's id, for validation and docs. */
export const BUILTIN_CHECK_IDS = Object.freeze(Object.keys(CHECKS)) as readonly BuiltinCheckId[];

/** The check behind an id. */
export function builtinCheck(id: BuiltinCheckId): BuiltinCheck {
  return CHECKS[id];
}

/** What a built-in check looks for, in one sentence. */
export function describeBuiltinCheck(id: BuiltinCheckId): string {
  return CHECKS[id].description;
}

import type { FindingInput } from '../../findings/index';
import type { SkipRanges } from '../skip-ranges';
import type { ParsedTitle } from './titles';

/** A leader with what the checks need worked out once. */
export interface CompiledLeader {
  readonly name: string;
  /** The name and its aliases. */
  readonly forms: readonly string[];
  readonly titles: readonly string[];
  readonly parsedTitles: readonly ParsedTitle[];
  /** Position in the roster: the order of precedence. */
  readonly rank: number;
}

/** A roster compiled by `compileRoster`. */
export interface CompiledRoster {
  readonly id: string;
  readonly leaders: readonly CompiledLeader[];
  /** Core offices to read titles with: the usual ones and those of this roster's titles. */
  readonly cores: readonly string[];
  /** Organisations titles are prefixed with: the usual ones and this roster's. */
  readonly orgs: readonly string[];
  /**
   * The roster checks (`rosterFindings` in check-roster.ts), run once over all of a call's
   * rosters. Carried by the compiled roster rather than imported by the engine, so that the
   * checks and the reading table behind their homophones load only with defineRoster, not on
   * a page that checks wording without a roster (see compiled-rosters.ts).
   */
  readonly check: (text: string, rosters: readonly CompiledRoster[], skip: SkipRanges) => FindingInput[];
}

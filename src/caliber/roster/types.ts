/** One leader of an office's {@link Roster}. */
export interface Leader {
  /** The name as it must be written, e.g. `王建华`. */
  name: string;
  /** Every title the leader holds, exactly as written at first mention (`县委副书记`, `县长`). */
  titles: string[];
  /** Other correct forms of the name (a name with a middle dot, a former spelling). */
  aliases?: string[];
}

/**
 * An office's list of leaders, plain JSON the office keeps next to its rule sets. The order of
 * `leaders` is the order of precedence (排名顺序) in which they are listed.
 *
 * @example
 * ```json
 * { "id": "county", "leaders": [
 *   { "name": "陈立新", "titles": ["县委书记"] },
 *   { "name": "王建华", "titles": ["县委副书记", "县长"] }
 * ] }
 * ```
 */
export interface Roster {
  /** No `/` or white space. */
  readonly id: string;
  readonly name?: string;
  readonly leaders: readonly Leader[];
}

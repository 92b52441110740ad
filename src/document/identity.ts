/**
 * Characters that render as nothing (or only steer layout) and so let two ids that look the
 * same compare different: zero-width space/joiners, word joiner and invisible operators, the
 * BOM, bidi embedding/override/isolate controls, the soft hyphen, Mongolian vowel separator,
 * combining grapheme joiner, Hangul fillers. Source: Unicode `Default_Ignorable_Code_Point`
 * (DerivedCoreProperties.txt) and the Bidi_Control property (PropList.txt), Unicode 15.1.
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu;
// C0/C1 controls, which no id should contain at all.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/**
 * The form in which actor ids and department names are compared: NFKC (full-width `ｌｉ`
 * is `li`), invisible characters removed, case folded, surrounding white space trimmed. The
 * stored id stays as the host gave it; only comparisons use this.
 *
 * @example
 * ```ts
 * identityKey('ＬＩ.na\u200b') === identityKey('li.na'); // true
 * ```
 */
export function identityKey(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().toUpperCase().toLowerCase().trim();
}

/**
 * Whether two ids (or two department names) name the same person (or department). Two
 * absent values are the same (no department on either side); absent and present are not.
 */
export function sameIdentity(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return identityKey(a) === identityKey(b);
}

/** Why an id is unusable, or `null`: blank, only invisible characters, or control characters. */
export function identityProblem(value: string): string | null {
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (identityKey(value).replace(/\s+/gu, '') === '') return 'must contain visible characters (blank, white space or invisible characters only)';
  return null;
}

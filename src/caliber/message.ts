// Templates are split once into literal parts and placeholders: a message is formatted once
// per finding, and a check can report thousands.
const MATCH = { key: 'match' } as const;
const EXPECTED = { key: 'expected' } as const;
type Part = string | typeof MATCH | typeof EXPECTED;
const parsed = new Map<string, Part[]>();

/**
 * Fills `{match}` and `{expected}` in a rule's message. Other braces are left as written, so
 * messages may contain literal `{…}`.
 */
export function formatMessage(template: string, values: { match: string; expected: string }): string {
  if (!template.includes('{')) return template;
  let parts = parsed.get(template);
  if (!parts) {
    parts = template.split(/(\{match\}|\{expected\})/).map((p) => (p === '{match}' ? MATCH : p === '{expected}' ? EXPECTED : p));
    if (parsed.size > 1000) parsed.clear(); // templates come from rule sets; keep memory bounded
    parsed.set(template, parts);
  }
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : values[p.key];
  return out;
}

/**
 * Expands a regex rule's `replacement` for one match the way `String.prototype.replace`
 * does (`$1`…`$99`, `$<name>`, `$&`, `$$`), but from the match object: re-running the pattern
 * on the matched text alone would lose look-behind context.
 */
export function expandReplacement(match: RegExpExecArray, replacement: string): string {
  if (!replacement.includes('$')) return replacement;
  return replacement.replace(/\$(\$|&|<([^>]*)>|(\d{1,2}))/g, (token, kind: string, name?: string, digits?: string) => {
    if (kind === '$') return '$';
    if (kind === '&') return match[0];
    if (name !== undefined) return match.groups?.[name] ?? '';
    let index = Number(digits);
    // `$12` with fewer than 12 groups means group 1 followed by "2", as in String#replace.
    if (index >= match.length && digits!.length === 2) {
      index = Number(digits![0]);
      return index > 0 && index < match.length ? (match[index] ?? '') + digits![1] : token;
    }
    return index > 0 && index < match.length ? (match[index] ?? '') : token;
  });
}

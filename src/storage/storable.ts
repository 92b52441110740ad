import { GovpubError } from '../errors/index';

// JSON.stringify writes a lone surrogate as the escape \udxxx (well-formed JSON.stringify,
// ES2019) and a paired one as the raw character, so an escape here is always a lone half —
// unless its backslash is itself escaped (the text contained a literal backslash).
const ESCAPED_LONE_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i;

/**
 * Refuses, with `VALIDATION` naming the path, a value no adapter can store the same way:
 * not JSON, or text holding U+0000 or a lone surrogate (PostgreSQL refuses both in `text`
 * and `jsonb`, so the memory adapter refuses them too — one behaviour for every adapter).
 * Returns the value's JSON.
 */
export function storableJson(value: unknown, path: readonly (string | number)[]): string {
  const json = JSON.stringify(value);
  const where = path.join('.');
  if (json === undefined) {
    throw new GovpubError('VALIDATION', `Invalid ${where}: not a JSON value`, {
      details: { issues: [{ path: [...path], message: 'must be a JSON value (undefined, functions and symbols cannot be stored)' }] },
    });
  }
  if (json.includes('\\u0000')) {
    throw new GovpubError('VALIDATION', `Invalid ${where}: contains the NUL character U+0000, which cannot be stored`, {
      details: { issues: [{ path: [...path], message: 'contains U+0000' }] },
    });
  }
  if (ESCAPED_LONE_SURROGATE.test(json)) {
    throw new GovpubError('VALIDATION', `Invalid ${where}: contains a lone surrogate (half of a UTF-16 pair), which is not text`, {
      details: { issues: [{ path: [...path], message: 'contains an unpaired UTF-16 surrogate' }] },
    });
  }
  return json;
}

import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseOrThrow, safeParseWithMessages } from '../../src/errors/index';

// zod/mini registers no locale (the classic API does, on first use), so these tests take the
// locale away first: that is what a browser page loading only zod/mini starts with.
const saved = z.config().localeError;
afterEach(() => {
  z.config({ localeError: saved });
});

const schema = z.strictObject({ id: z.string().check(z.minLength(1)), count: z.optional(z.number().check(z.int(), z.gte(0))) });

function messageOf(value: unknown): string {
  try {
    parseOrThrow(schema, value, 'thing');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a failure');
}

describe('zod messages', () => {
  it('are English with zod/mini and no locale configured, as with the classic API', () => {
    z.config({ localeError: undefined });
    expect(messageOf({ id: '', count: -1, x: 1 })).toBe(
      'Invalid thing: id: Too small: expected string to have >=1 characters; count: Too small: expected number to be >=0; Unrecognized key: "x"',
    );
    z.config({ localeError: undefined });
    const r = safeParseWithMessages(schema, { id: 5 });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['Invalid input: expected string, received number']);
  });

  it("leave a host's own locale in place", () => {
    z.config({ localeError: () => 'eigene Meldung' });
    expect(messageOf({ id: '' })).toBe('Invalid thing: id: eigene Meldung');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { GovpubError, isGovpubError, parseOrThrow } from '../../src/errors/index';

describe('GovpubError', () => {
  it('carries code, details and cause', () => {
    const cause = new Error('db down');
    const e = new GovpubError('CONFLICT', 'stale', { details: { id: 'a' }, cause });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'GovpubError', code: 'CONFLICT', message: 'stale', details: { id: 'a' } });
    expect(e.cause).toBe(cause);
  });

  it('is recognised across two copies of the package', async () => {
    // A second, independently evaluated copy of the module: its class is a different object.
    vi.resetModules();
    const copy = await import('../../src/errors/govpub-error');
    expect(copy.GovpubError).not.toBe(GovpubError);
    const foreign = new copy.GovpubError('NOT_FOUND', 'x');
    expect(foreign instanceof GovpubError).toBe(false);
    expect(isGovpubError(foreign)).toBe(true);
    expect(copy.isGovpubError(new GovpubError('NOT_FOUND', 'y'))).toBe(true);
  });

  it('is not fooled by look-alikes', () => {
    expect(isGovpubError(new Error('x'))).toBe(false);
    expect(isGovpubError({ code: 'VALIDATION', message: 'x' })).toBe(false);
    expect(isGovpubError(null)).toBe(false);
  });
});

describe('parseOrThrow', () => {
  it('lists every issue with its path', () => {
    const schema = z.object({ title: z.string(), rules: z.array(z.object({ id: z.string() })) });
    try {
      parseOrThrow(schema, { title: 1, rules: [{ id: 'a' }, {}] }, 'rule set');
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      expect((e as GovpubError).message).toMatch(/^Invalid rule set: /);
      expect((e as GovpubError).details!.issues).toEqual([
        { path: ['title'], message: expect.any(String) },
        { path: ['rules', 1, 'id'], message: expect.any(String) },
      ]);
    }
  });
});

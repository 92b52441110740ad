import { describe, expect, it } from 'vitest';
import { GovpubError, checkClearance, isGovpubError } from '../../src/index';

function caught(fn: () => void): GovpubError {
  try {
    fn();
  } catch (e) {
    if (isGovpubError(e)) return e;
    throw e;
  }
  throw new Error('expected a GovpubError');
}

describe('checkClearance', () => {
  it('passes when every channel is cleared for the level', () => {
    expect(() => checkClearance('public', [{ id: 'wechat', clearance: 'public' }])).not.toThrow();
    expect(() => checkClearance('internal', [{ id: 'intranet', clearance: 'internal' }, { id: 'oa', clearance: 'secret' }])).not.toThrow();
    expect(() => checkClearance('secret', [])).not.toThrow();
  });

  it('throws CLEARANCE naming every channel below the level', () => {
    const e = caught(() =>
      checkClearance('internal', [
        { id: 'wechat', clearance: 'public' },
        { id: 'intranet', clearance: 'internal' },
        { id: 'weibo', clearance: 'public' },
      ]),
    );
    expect(e.code).toBe('CLEARANCE');
    expect(e.message).toContain('wechat');
    expect(e.message).toContain('weibo');
    expect(e.message).not.toContain('intranet');
    expect(e.details).toEqual({ level: 'internal', channels: ['wechat', 'weibo'] });
  });

  it('validates its arguments', () => {
    expect(caught(() => checkClearance('classified' as never, [])).code).toBe('VALIDATION');
    expect(caught(() => checkClearance('public', [{ id: 'x', clearance: 'open' as never }])).code).toBe('VALIDATION');
  });
});

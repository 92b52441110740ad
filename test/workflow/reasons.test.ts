import { describe, expect, it } from 'vitest';
import { REASON_CODES, formatReason } from '../../src/index';
import { notice, setup, staff } from './fixtures';

describe('reasons a UI can show (issue 15 §1)', () => {
  it('carries { code, params, message } on every refusal, Chinese by default, with step labels', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    const error = await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' }).catch((e) => e);
    const [r] = error.details.reasons;
    expect(r).toMatchObject({ code: 'SIGNED_OTHER_STEP', error: 'FORBIDDEN', params: { step: 'initial', stepLabel: '初审' } });
    expect(r.message).toContain('初审');
    expect(error.message).toContain('初审');
  });

  it('speaks English with createPublisher({ locale: "en" }) and through formatReason', async () => {
    const { publisher } = setup({ locale: 'en' });
    const doc = await publisher.createDraft(notice, staff.author);
    const answer = await publisher.can(doc.id, staff.author, 'approve');
    expect(answer.reasons).toContain('The author may not review their own draft');
    expect(formatReason({ code: 'SELF_REVIEW', params: {} })).toBe('作者不得审核自己的稿件');
    expect(formatReason({ code: 'WRONG_STATE', params: { state: 'draft', action: 'publish' } })).toBe('文档当前为“草稿”状态，不能执行“发布”');
  });

  it('has a message in both languages for every code', () => {
    for (const code of REASON_CODES) {
      for (const locale of ['zh', 'en'] as const) expect(formatReason({ code, params: {} }, locale)).not.toBe(code);
    }
  });

  it('refuses an unknown locale at createPublisher', () => {
    expect(() => setup({ locale: 'fr' as 'en' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('the CHECKS_FAILED message', () => {
  it('is Chinese by default and English with locale "en"', async () => {
    for (const [locale, expected] of [
      [undefined, /^1 项检查未通过：短信/],
      ['en', /^1 check\(s\) failed: SMS/],
    ] as const) {
      const { publisher } = setup(locale ? { locale } : {}); // no SMS signature configured
      const doc = await publisher.createDraft({ ...notice, channels: ['website', 'sms'] }, staff.author);
      const error = await publisher.submit(doc.id, staff.author).catch((e) => e);
      expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
      expect(error.message).toMatch(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isGovpubError, type Finding } from '../../../src/index';
import { setup, staff } from '../fixtures';

// A valid resident ID (GB 11643 check digit X) and a classification marking, hidden the ways
// the security review used to walk them past the gate. Each case failed before the gate
// scanned the rendered text of every field.
const ID = '11010519491231002X';
const cases: [string, Record<string, unknown>, string][] = [
  ['a marking split by inline markup in the body', { body: '机<i></i>密★1年\n\n会议纪要如下。' }, 'body'],
  ['a marking written as a character reference in the summary', { summary: '&#26426;密★1年 会议纪要' }, 'summary'],
  ['an ID split by an empty tag in the body', { body: `申请人身份证号${ID.slice(0, 6)}<b></b>${ID.slice(6)}，已受理。` }, 'body'],
  ['an ID broken by a zero-width space in the byline', { author: `经办人${ID.slice(0, 9)}\u200b${ID.slice(9)}` }, 'author'],
  ['an ID in a tag', { tags: ['民生', `身份证${ID}`] }, 'tags.1'],
];

describe('the confidentiality gate scans what channels will publish', () => {
  for (const [name, fields, field] of cases) {
    it(`refuses ${name}`, async () => {
      const { publisher } = setup({ caliber: false });
      const doc = await publisher.createDraft({ title: '工作动态', body: '正文。', level: 'public', ...fields }, staff.author);
      const error = await publisher.submit(doc.id, staff.author).catch((e: unknown) => e);
      expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
      const findings = (isGovpubError(error) ? error.details?.findings : []) as Finding[];
      expect(findings.some((f) => f.ruleId.startsWith('confidentiality/') && (f.details as { field?: string } | undefined)?.field === field)).toBe(true);
    });
  }

  it('still lets a clean public notice through', async () => {
    const { publisher } = setup({ caliber: false });
    const doc = await publisher.createDraft({ title: '停水通知', body: '城区部分区域<b>临时</b>停水。', level: 'public', tags: ['民生'] }, staff.author);
    expect((await publisher.submit(doc.id, staff.author)).state).toBe('in_review');
  });
});

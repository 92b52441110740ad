import { describe, expect, it } from 'vitest';
import { isGovpubError, type Finding } from '../../../src/index';
import { CLINICS, JOB_FAIR, ROADWORKS } from '../../duplicates/fixtures';
import { setup, staff } from '../fixtures';

const half = (text: string, which: 'first' | 'second') => {
  const lines = text.split('\n');
  const cut = Math.ceil(lines.length / 2);
  return (which === 'first' ? lines.slice(0, cut) : lines.slice(cut)).join('\n');
};

/** Publishes two articles, then submits a draft made of half of each: the findings of the CHECKS_FAILED it gets. */
async function submitMosaic(options: Parameters<typeof setup>[0]): Promise<Finding[]> {
  const { publisher } = setup(options);
  for (const [title, body] of [['滨河北路施工公告', ROADWORKS], ['送医下乡活动报道', CLINICS]] as const) {
    const doc = await publisher.createDraft({ title, body, level: 'public' }, staff.author);
    await publisher.submit(doc.id, staff.author);
  }
  const mosaic = await publisher.createDraft(
    { title: '近期民生工作动态', body: `${half(ROADWORKS, 'first')}\n${half(CLINICS, 'second')}`, level: 'public' },
    staff.coauthor,
  );
  const error = await publisher.submit(mosaic.id, staff.coauthor).catch((e: unknown) => e);
  expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
  return (isGovpubError(error) ? error.details?.findings : []) as Finding[];
}

describe('the duplicates gate judges combined originality', () => {
  it('blocks a mosaic drafted from two published articles (failed before: each match alone stayed under the limit)', async () => {
    const finding = (await submitMosaic({ caliber: false })).find((f) => f.ruleId === 'duplicates/mosaic');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/出自2篇/);
  });

  it('writes the mosaic finding in the publisher\'s locale (it was Chinese under locale "en")', async () => {
    const findings = await submitMosaic({ caliber: false, locale: 'en' });
    expect(findings.find((f) => f.ruleId === 'duplicates/mosaic')?.message).toMatch(/comes from 2 existing documents/);
  });

  it('leaves an original draft that shares only stock phrases alone', async () => {
    const { publisher } = setup({ caliber: false });
    for (const [title, body] of [['滨河北路施工公告', ROADWORKS], ['送医下乡活动报道', CLINICS]] as const) {
      const doc = await publisher.createDraft({ title, body, level: 'public' }, staff.author);
      await publisher.submit(doc.id, staff.author);
    }
    const other = await publisher.createDraft({ title: '春季招聘会', body: JOB_FAIR, level: 'public' }, staff.coauthor);
    const submitted = await publisher.submit(other.id, staff.coauthor);
    expect(submitted.findings.filter((f) => f.ruleId.startsWith('duplicates/'))).toEqual([]);
  });
});

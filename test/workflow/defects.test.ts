import { describe, expect, it } from 'vitest';
import { confidentialityGate, createFinding, duplicatesGate, memoryAdapter, type Gate, type StorageAdapter } from '../../src/index';
import { countBodyChanges } from '../../src/workflow/body-changes';
import { notice, setup, staff } from './fixtures';

describe('defects found in review (issue 12 §3)', () => {
  it('retries start() on the next command after a transient storage error', async () => {
    const storage = memoryAdapter();
    let failures = 1;
    const flaky: Gate = {
      id: 'flaky',
      phases: ['submit'],
      check: () => [],
      async start() {
        if (failures-- > 0) throw new Error('connection reset');
      },
    };
    const { publisher } = setup({ storage, gates: [flaky] });
    await expect(publisher.createDraft(notice, staff.author)).rejects.toThrow('connection reset');
    const doc = await publisher.createDraft(notice, staff.author);
    expect(doc.state).toBe('draft');
  });

  it('counts body changes in linear work (common prefix/suffix), not a quadratic diff', () => {
    const before = '甲'.repeat(8_000);
    const after = '乙'.repeat(8_000);
    const work = { steps: 0 };
    expect(countBodyChanges(before, after, work)).toEqual({ added: 8_000, removed: 8_000 });
    expect(work.steps).toBeLessThanOrEqual(2 * 8_000 + 2);
    const w2 = { steps: 0 };
    expect(countBodyChanges('前文。旧句。后文。', '前文。新的句子。后文。', w2)).toEqual({ added: 4, removed: 2 });
  });

  it('refuses a non-absolute url at createDraft and updateDraft, naming url', async () => {
    const { publisher } = setup();
    const error = await publisher.createDraft({ ...notice, url: 'news/1.html' }, staff.author).catch((e) => e);
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(error.details.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(['url']);
    const doc = await publisher.createDraft(notice, staff.author);
    const e2 = await publisher.updateDraft(doc.id, { coverImage: 'javascript:alert(1)' }, staff.author, { expectedVersion: 1 }).catch((e) => e);
    expect(e2).toMatchObject({ code: 'VALIDATION' });
    expect(e2.details.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(['coverImage']);
  });

  it('refuses a second instance of a built-in gate at createPublisher', () => {
    expect(() => setup({ gates: [confidentialityGate()] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => setup({ gates: [duplicatesGate()] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => setup({ duplicates: false, gates: [duplicatesGate()] })).not.toThrow();
  });

  it('says how many more findings a CHECKS_FAILED message leaves out', async () => {
    const many: Gate = {
      id: 'many',
      phases: ['submit'],
      check: ({ document }) =>
        [0, 1, 2, 3, 4].map((i) => createFinding(document.body, { ruleId: `house/${i}`, severity: 'error', message: `问题${i}`, start: i, end: i + 1 })),
    };
    const { publisher } = setup({ caliber: false, gates: [many] });
    const doc = await publisher.createDraft(notice, staff.author);
    const error = await publisher.submit(doc.id, staff.author).catch((e) => e);
    expect(error.code).toBe('CHECKS_FAILED');
    expect(error.message).toMatch(/另有 2 项/);
  });

  it('validates caliber facts when the publisher is created, naming the fact', () => {
    const error = (() => {
      try {
        setup({ caliberFacts: [{ label: '参与人数', value: '很多' }] });
      } catch (e) {
        return e as { code: string; message: string; details: { issues: { path: unknown[] }[] } };
      }
      return null;
    })();
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(error!.message).toContain('参与人数');
    expect(error!.details.issues[0]!.path).toEqual(['caliberFacts', 0, 'value']);
  });
});

export type { StorageAdapter };

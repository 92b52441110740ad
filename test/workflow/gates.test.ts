import { describe, expect, it } from 'vitest';
import { createFinding, type Gate, type GateContext } from '../../src/index';
import { approvedDocument, dump, notice, setup, staff } from './fixtures';

/** Flags 最 as an error and 今天 as a warning; records every context it saw. */
function wordingGate(seen: GateContext[] = []): Gate {
  return {
    id: 'wording',
    phases: ['submit', 'publish'],
    check(ctx) {
      seen.push(ctx);
      const body = ctx.document.body;
      const out = [];
      for (const [word, severity] of [['最', 'error'], ['今天', 'warning']] as const) {
        const at = body.indexOf(word);
        if (at >= 0) out.push(createFinding(body, { ruleId: `house/${word}`, severity, message: `避免使用“${word}”`, start: at, end: at + word.length, details: { field: 'body' } }));
      }
      return out;
    },
  };
}

// These tests are about the gate mechanism, so the built-in caliber rules stay out of the way.
describe('gates', () => {
  it('stop submit with CHECKS_FAILED and the findings, writing nothing', async () => {
    const { publisher, storage } = setup({ caliber: false, gates: [wordingGate()] });
    const doc = await publisher.createDraft({ ...notice, body: '这是最好的安排，今天起执行。' }, staff.author);
    const before = await dump(storage, [doc.id]);
    const error = await publisher.submit(doc.id, staff.author).catch((e) => e);
    expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
    expect(error.details.findings.map((f: { ruleId: string; severity: string; excerpt: string }) => [f.ruleId, f.severity, f.excerpt])).toEqual([
      ['house/最', 'error', '最'],
      ['house/今天', 'warning', '今天'],
    ]);
    expect(await dump(storage, [doc.id])).toEqual(before);
  });

  it('store warnings on the document for reviewers', async () => {
    const seen: GateContext[] = [];
    const { publisher } = setup({ caliber: false, gates: [wordingGate(seen)] });
    const doc = await publisher.createDraft({ ...notice, body: '今天起执行。' }, staff.author);
    const submitted = await publisher.submit(doc.id, staff.author);
    expect(submitted.findings).toHaveLength(1);
    expect(submitted.findings[0]).toMatchObject({ severity: 'warning', line: 1, column: 1, excerpt: '今天' });
    expect(seen[0]).toMatchObject({ phase: 'submit', actor: { id: 'zhang.wei' }, channels: [{ id: 'website', clearance: 'public' }] });
  });

  it('let an approver waive one specific error finding, audited, for this revision only', async () => {
    const { publisher } = setup({ caliber: false, gates: [wordingGate()] });
    const doc = await publisher.createDraft({ ...notice, body: '最高人民法院发布通告。' }, staff.author);
    await expect(publisher.waive(doc.id, staff.author, { ruleId: 'house/最', excerpt: '最', reason: '机构名称' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.waive(doc.id, staff.approver, { ruleId: 'house/最', excerpt: '最', reason: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await publisher.waive(doc.id, staff.approver, { ruleId: 'house/最', excerpt: '最', reason: '“最高人民法院”是机构名称' });
    const submitted = await publisher.submit(doc.id, staff.author);
    expect(submitted.findings[0]).toMatchObject({ ruleId: 'house/最', severity: 'warning', details: { waived: { by: 'zhao.lei', reason: '“最高人民法院”是机构名称' } } });
    expect((await publisher.history(doc.id)).map((e) => e.type)).toContain('waived');
  });

  it('run again at publish time', async () => {
    const seen: GateContext[] = [];
    const { publisher } = setup({ caliber: false, gates: [wordingGate(seen)] });
    const doc = await approvedDocument(publisher);
    await publisher.publish(doc.id, staff.publisher);
    expect(seen.map((c) => c.phase)).toEqual(['submit', 'publish']);
  });

  it('refuse content above a channel clearance with CLEARANCE before anything is written', async () => {
    const { publisher, storage } = setup();
    const doc = await publisher.createDraft({ ...notice, level: 'internal' }, staff.author);
    const before = await dump(storage, [doc.id]);
    await expect(publisher.submit(doc.id, staff.author)).rejects.toMatchObject({ code: 'CLEARANCE', details: { level: 'internal', channels: ['website'] } });
    expect(await dump(storage, [doc.id])).toEqual(before);
    expect((await publisher.can(doc.id, staff.author, 'submit')).details.map((r) => r.code)).toEqual(['CLEARANCE']);
  });

  it('let a gate restore its state before the first command and observe every commit', async () => {
    const observed: string[] = [];
    let started = 0;
    const observer: Gate = {
      id: 'observer',
      phases: [],
      check: () => [],
      start: async () => void started++,
      observe: (d) => void observed.push(`${d.id}:${d.state}`),
    };
    const { publisher } = setup({ gates: [observer] });
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    expect(started).toBe(1);
    expect(observed).toEqual(['doc-1:draft', 'doc-1:in_review']);
  });
});

describe('a gate that fails to observe a commit', () => {
  it('does not turn the successful command into an error, and is restarted before the next one', async () => {
    let starts = 0;
    let failNext = true;
    const flaky: Gate = {
      id: 'flaky',
      phases: [],
      check: () => [],
      start: async () => void starts++,
      observe: () => {
        if (failNext) {
          failNext = false;
          throw new Error('artifact store unavailable');
        }
      },
    };
    const { publisher, storage } = setup({ caliber: false, gates: [flaky] });
    const doc = await publisher.createDraft(notice, staff.author);
    expect(await storage.getDocument(doc.id)).toMatchObject({ version: 1 });
    expect(starts).toBe(1);
    await publisher.submit(doc.id, staff.author);
    expect(starts).toBe(2);
  });
});

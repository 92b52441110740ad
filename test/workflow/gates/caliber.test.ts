import { describe, expect, it } from 'vitest';
import { defineRuleSet, zhGovRules } from '../../../src/caliber/index';
import { caliberGate } from '../../../src/workflow/gates/caliber';
import { createPublisher, memoryAdapter, type Actor, type GateContext, type GovDocument } from '../../../src/index';

const office = defineRuleSet({
  id: 'city',
  rules: [{ id: 'mayor', type: 'title', name: '王明', title: '市长', severity: 'error' }],
});

function context(document: Partial<GovDocument>, phase: GateContext['phase'] = 'submit'): GateContext {
  return {
    phase,
    now: new Date('2026-03-01T01:00:00Z'),
    actor: { id: 'a', roles: ['author'] },
    channels: [],
    document: { title: '', body: '', ...document } as GovDocument,
  };
}

describe('caliberGate', () => {
  it('runs on submit and publish and checks title, summary and body, naming the field', async () => {
    const gate = caliberGate([zhGovRules, office]);
    expect(gate.phases).toEqual(['submit', 'publish']);
    const findings = await gate.check(context({ title: '王明调研,', summary: '按步就班', body: '```\n王明\n```\n\n市长王明指出：今天' }));
    expect(findings.map((f) => [f.details?.field, f.ruleId, f.excerpt])).toEqual([
      ['title', 'city/mayor', '王明'],
      ['title', 'zh-gov/halfwidth-comma', ','],
      ['summary', 'zh-gov/common-typos', '按步就班'],
      ['body', 'zh-gov/relative-dates', '今天'],
    ]);
  });

  it('takes facts for every document or per document, and honours disable', async () => {
    const perDocument = caliberGate([zhGovRules], {
      facts: (doc) => (doc.tags?.includes('flood') ? [{ label: '受灾人数', value: '1.2万' }] : undefined),
      disable: ['zh-gov/relative-dates'],
    });
    const flood = await perDocument.check(context({ body: '今天受灾人数达1.5万人', tags: ['flood'] }));
    expect(flood.map((f) => [f.ruleId, f.excerpt, f.severity])).toEqual([['caliber/fact-mismatch', '1.5万', 'error']]);
    expect(await perDocument.check(context({ body: '受灾人数达1.5万人' }))).toEqual([]);
  });

  it('validates its rule sets when it is made', () => {
    expect(() => caliberGate([{ id: 'bad', rules: [{ id: 'x', type: 'nope' }] } as never])).toThrow(/0\.rules\.0\.type/);
  });

  it('blocks submit through the publisher on an error finding and stores warnings', async () => {
    let n = 0;
    const publisher = createPublisher({
      storage: memoryAdapter(),
      // zhGovRules is the publisher's default caliber; passing it says so explicitly.
      caliber: [zhGovRules],
      clock: () => new Date('2026-03-01T01:00:00Z'),
      idGenerator: () => `doc-${++n}`,
    });
    const author: Actor = { id: 'zhang', roles: ['author'] };
    const bad = await publisher.createDraft({ title: '通知', body: '按步就班推进。', level: 'public' }, author);
    await expect(publisher.submit(bad.id, author)).rejects.toMatchObject({
      code: 'CHECKS_FAILED',
      details: { findings: [expect.objectContaining({ ruleId: 'zh-gov/common-typos', excerpt: '按步就班' })] },
    });
    const ok = await publisher.createDraft({ title: '通知', body: '今天起执行。', level: 'public' }, author);
    const submitted = await publisher.submit(ok.id, author);
    expect(submitted.findings.map((f) => [f.ruleId, f.severity])).toEqual([['zh-gov/relative-dates', 'info']]);
  });

  it('takes the approved figures per document and can be switched off', async () => {
    const author: Actor = { id: 'zhang', roles: ['author'] };
    const draft = { title: '招聘会通报', body: '本次招聘会共提供岗位1.3万个。', level: 'public' as const, tags: ['招聘会'] };
    const statements: Record<string, { label: string; value: string }[]> = { 招聘会: [{ label: '提供岗位', value: '12000个' }] };

    const checked = createPublisher({ storage: memoryAdapter(), caliberFacts: (doc) => statements[doc.tags?.[0] ?? ''] });
    const doc = await checked.createDraft(draft, author);
    const error = await checked.submit(doc.id, author).catch((e) => e);
    expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
    expect(error.details.findings.find((f: { severity: string }) => f.severity === 'error')).toMatchObject({ ruleId: 'caliber/fact-mismatch', excerpt: '1.3万' });

    const unchecked = createPublisher({ storage: memoryAdapter(), caliber: false, caliberFacts: (d) => statements[d.tags?.[0] ?? ''] });
    const free = await unchecked.createDraft(draft, author);
    expect((await unchecked.submit(free.id, author)).state).toBe('in_review');
  });
});

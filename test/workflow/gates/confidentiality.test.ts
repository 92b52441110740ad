import { describe, expect, it } from 'vitest';
import { LEVEL_BELOW_REQUIRED, confidentialityGate, isGovpubError, type Finding, type GateContext, type GovDocument, type Level } from '../../../src/index';
import { makeDocument } from '../../../src/testing/index';

const NOW = new Date('2025-01-01T00:00:00Z');
const ID = '11010519491231002X';

function context(fields: Partial<Pick<GovDocument, 'title' | 'body' | 'summary' | 'level'>>, channels: { id: string; clearance: Level }[] = [{ id: 'website', clearance: 'public' }], phase: GateContext['phase'] = 'submit'): GateContext {
  const document = makeDocument({
    title: '关于做好有关工作的通知',
    body: '正文。',
    summary: undefined,
    level: 'public',
    channels: channels.map((c) => c.id),
    createdAt: NOW.toISOString(),
    ...fields,
  });
  return { phase, document, actor: { id: 'author-1', roles: ['author'] }, now: NOW, channels };
}

async function run(ctx: GateContext): Promise<Finding[]> {
  return [...(await confidentialityGate().check(ctx))];
}

describe('confidentialityGate', () => {
  it('runs on submit and publish', () => {
    const gate = confidentialityGate();
    expect(gate.id).toBe('confidentiality');
    expect(gate.phases).toEqual(['submit', 'publish']);
  });

  it('passes a clean public document', async () => {
    expect(await run(context({ body: '根据京政发〔2024〕12号，全年完成投资13812345678元。' }))).toEqual([]);
  });

  it('blocks a document declared below its section mark, at the mark', async () => {
    const body = '一、总体情况。\n\n【机密】二、具体部署如下。\n\n内部资料，注意保存';
    const findings = await run(context({ body, level: 'internal' }));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      ruleId: LEVEL_BELOW_REQUIRED,
      severity: 'error',
      excerpt: '【机密】',
      details: { declared: 'internal', required: 'confidential', field: 'body', marking: '【机密】' },
    });
    expect(body.slice(f!.start, f!.end)).toBe(f!.excerpt);
    expect(f!.line).toBe(3);
  });

  it('reads the title and the summary too', async () => {
    const [f] = await run(context({ title: '机密★1年 关于某事项的报告' }));
    expect(f).toMatchObject({ ruleId: LEVEL_BELOW_REQUIRED, excerpt: '机密★1年', details: { field: 'title', required: 'confidential' } });
    const [g] = await run(context({ summary: '内部事项 注意保管' }));
    expect(g).toMatchObject({ ruleId: LEVEL_BELOW_REQUIRED, details: { field: 'summary', required: 'internal' } });
  });

  it('accepts a document declared at or above its markings', async () => {
    const body = '秘密★5年\n\n关于某事项的报告';
    expect(await run(context({ body, level: 'secret' }, [{ id: 'oa', clearance: 'secret' }]))).toEqual([]);
    expect(await run(context({ body, level: 'confidential' }, [{ id: 'oa', clearance: 'confidential' }]))).toEqual([]);
  });

  it('does not mistake running text for a marking', async () => {
    expect(await run(context({ body: '公安机关开展秘密调查，加强内部管理。' }))).toEqual([]);
  });

  it('makes personal data an error on a public channel, with the field and channels', async () => {
    const body = `联系人张三，手机13812345678，身份证号${ID}。咨询电话010-65123456。`;
    const findings = await run(context({ body }, [{ id: 'wechat', clearance: 'public' }, { id: 'intranet', clearance: 'internal' }]));
    expect(findings.map((f) => [f.ruleId, f.severity, f.excerpt])).toEqual([
      ['confidentiality/mobile', 'error', '13812345678'],
      ['confidentiality/id-card', 'error', ID],
    ]);
    for (const f of findings) expect(f.details).toMatchObject({ field: 'body', channels: ['wechat'] });
  });

  it('only warns about personal data when no channel is public', async () => {
    const body = `手机13812345678`;
    const findings = await run(context({ body, level: 'internal' }, [{ id: 'intranet', clearance: 'internal' }]));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['confidentiality/mobile', 'warning']]);
  });

  it('lets the host choose the personal kinds', async () => {
    const gate = confidentialityGate({ personalKinds: ['landline'] });
    const findings = await gate.check(context({ body: `电话010-65123456，手机13812345678` }));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['confidentiality/landline', 'error']]);
  });

  it('blocks an over-long protection period even when the level is right', async () => {
    const findings = await run(context({ body: '机密★25年\n正文', level: 'confidential' }, [{ id: 'oa', clearance: 'confidential' }]));
    expect(findings.map((f) => [f.ruleId, f.severity, f.excerpt])).toEqual([['confidentiality/classification-marking', 'error', '机密★25年']]);
  });

  it('validates its options', () => {
    try {
      confidentialityGate({ personalKinds: ['phone' as never] });
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    }
  });
});

import { describe, expect, it, vi } from 'vitest';

describe('examples/delivery.ts', () => {
  it('runs against its local fakes and shows removal and the manual task', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await import('../../examples/delivery');
    } finally {
      log.mockRestore();
    }
    const out = lines.join('\n');
    expect(out).toMatch(/发布 某某发布\s+已送达 \(sent\) https:\/\/mp\.weixin\.qq\.com\/s\//);
    expect(out).toMatch(/撤回 门户网站\s+已删除 \(removed\)/);
    expect(out).toMatch(/撤回 @某某发布\s+需人工处理 \(manual\).*手动删除/);
    expect(out).toMatch(/delivered\s+已发布到「某某发布」/);
    expect(out).toMatch(/removal_manual/);
    expect(out).toContain('仍在外: @某某发布');
    expect(out).toContain('chain verifies: true');
  });
});

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The README's quickstart is the first code a reader runs: run it exactly as printed (with
// 'govpub' pointing at the source) and check what it says it prints.
const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const quickstart = /## Quickstart\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const file = `${root}test/docs/.readme-quickstart.generated.ts`;

describe('README', () => {
  afterAll(() => rmSync(file, { force: true }));

  it('opens with the two commands', () => {
    const top = readme.split('## Quickstart')[0]!;
    expect(top).toContain('npm install && npm run demo');
    expect(top).toContain('npm test');
  });

  it('has a quickstart of at most 20 lines that runs and prints a verified history', async () => {
    expect(quickstart.trim().split('\n').length).toBeLessThanOrEqual(20);
    writeFileSync(file, quickstart.replace("from 'govpub'", "from '../../src/index'"));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ file);
      const [payload, verification] = log.mock.calls.at(-1)!;
      expect(payload).toMatchObject({ title: '关于临时停水的通知' });
      expect(verification).toMatchObject({ ok: true, count: 6 });
      expect(quickstart).toContain('count: 6');
    } finally {
      log.mockRestore();
    }
  });
});

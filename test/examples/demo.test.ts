// `npm run demo` is the story an office director follows (issue 15 §1): run it as a reader
// would and check that it reads in Chinese, shows every turn of the story, and keeps hashes
// out of the main lines (one verified-trail line at the end).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'examples/demo.ts'], { encoding: 'utf8', timeout: 60_000 });
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  const last = lines.at(-1)!;

  it('tells the whole story: caught, fixed, self-review refused, three reviewers, published, withdrawn, corrected', () => {
    const order = ['被检查拦下', '错别字', '按提示改正', '作者不得审核自己的稿件（SELF_REVIEW）', '李娜初审通过', '王芳复审通过', '赵磊终审通过', '发布前预览：可以发布', '孙丽发布到', '孙丽撤回通告', '开始日期改为11月10日', '孙丽发布更正稿', '状态：已发布 · 第 2 版', '全过程记录'];
    let at = -1;
    for (const step of order) {
      const next = out.indexOf(step, at + 1);
      expect(next, step).toBeGreaterThan(at);
      at = next;
    }
  });

  it('reads in Chinese: states, steps, reasons, findings and channels', () => {
    for (const line of lines.slice(1)) {
      // Codes and rule ids stand in parentheses beside the Chinese; links are links.
      const words = line.replace(/（[^（）]*）/g, '').replace(/https?:\/\/\S+/g, '').match(/[A-Za-z]{3,}/g) ?? [];
      expect(words, line).toEqual([]);
      expect(line, line).toMatch(/\p{Script=Han}/u);
    }
    for (const word of ['草稿', '审核中（待初审）', '已批准', '已撤回', '微信公众号', '短信']) expect(out).toContain(word);
  });

  it('keeps hashes out of every line but the verified-trail line at the end', () => {
    // A hex run with a letter in it (a phone number is all digits).
    const hashes = (line: string) => (line.match(/[0-9a-f]{8,}/g) ?? []).filter((h) => /[a-f]/.test(h));
    for (const line of lines.slice(0, -1)) expect(hashes(line), line).toEqual([]);
    expect(hashes(last)).toHaveLength(1);
    expect(last).toMatch(/^✔ 记录完整未被改动：\d+ 条记录/);
  });
});

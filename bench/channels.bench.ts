/**
 * `formatAll` for all six built-in channels on one article, next to one bare marked +
 * sanitize-html pass over the same Markdown (the least any HTML channel must do). The ratio
 * is govpub's whole multi-channel overhead in units of "one plain render"; target ≤ 3×.
 *
 * `BENCH_QUICK=1` uses a 2,000-character article and few iterations (smoke test).
 */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { formatAll } from '../src/channels/index';

const quick = process.env.BENCH_QUICK === '1';
const size = quick ? 2_000 : 10_000;
const iterations = quick ? 5 : 60;
const warmup = quick ? 2 : 10;

/** A government notice of about `chars` characters: headings, lists, a table, links, images. */
function article(chars: number) {
  const blocks: string[] = [];
  let n = 0;
  let i = 0;
  while (n < chars) {
    const block =
      i % 7 === 0
        ? `## 第${i}部分 工作安排`
        : i % 7 === 3
          ? `| 事项 | 责任单位 | 时限 |\n|---|---|---|\n| 值班值守 | 市政府办公室 | 1月${i % 28 + 1}日 |\n| 安全检查 | 市应急管理局 | 2月${i % 28 + 1}日 |`
          : i % 7 === 5
            ? `1. 严格落实领导带班和24小时值班制度。\n2. 加强对重点场所的巡查，详见[通知](https://www.gov.cn/zhengce/${i}.htm)。\n3. ![现场检查](https://mmbiz.qpic.cn/mmbiz_png/${i}/0 "检查现场")`
            : `各区县人民政府、市政府各部门要高度重视节日期间的安全生产工作，认真落实安全生产责任制，全面排查风险隐患（第${i}条）。对发现的问题要立即整改，确保人民群众过一个欢乐祥和的节日。Details: https://www.example.gov.cn/${i}.`;
    blocks.push(block);
    n += block.length + 2;
    i++;
  }
  return {
    title: '关于做好2025年元旦春节期间有关工作的通知',
    body: blocks.join('\n\n').slice(0, chars),
    summary: '做好节日期间安全生产、值班值守等工作。',
    author: '市政府办公室',
    url: 'https://www.example.gov.cn/zwgk/2025/0101.html',
    tags: ['元旦', '春节'],
    publishedAt: '2025-01-01T08:00:00+08:00',
  };
}

function time(fn: () => unknown): number {
  for (let i = 0; i < warmup; i++) fn();
  (globalThis as { gc?: () => void }).gc?.();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const a = article(size);
const channels = ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'] as const;
const options = { sms: { signature: '某市人民政府', linkAllowlist: ['example.gov.cn'] } };

const baseline = time(() => sanitizeHtml(marked.parse(a.body, { async: false }) as string, { allowProtocolRelative: false }));
const all = time(() => formatAll(a, [...channels], options));
const wechatOnly = time(() => formatAll(a, ['wechat'], options));
const plainOnly = time(() => formatAll(a, ['weibo', 'push', 'sms'], options));

const row = (name: string, ms: number) => `| ${name} | ${ms.toFixed(2)} | ${(ms / baseline).toFixed(2)}× |`;
console.log(`Article: ${a.body.length} characters of Markdown; median of ${iterations} runs.\n`);
console.log('| case | median ms | vs baseline |');
console.log('|---|---:|---:|');
console.log(row('baseline: marked.parse + sanitize-html (defaults)', baseline));
console.log(row('formatAll, all six channels', all));
console.log(row('formatAll, wechat only', wechatOnly));
console.log(row('formatAll, weibo + push + sms', plainOnly));
console.log(`\nTarget: all six channels ≤ 3× baseline → ${all / baseline <= 3 ? 'met' : 'NOT met'} (${(all / baseline).toFixed(2)}×).`);

/**
 * Full lifecycles per second on memoryAdapter (create → submit → three reviews → publish),
 * next to the bare xstate `transition()` calls the same lifecycles contain, measured in the
 * same run. The ratio is what the publisher adds: validation, policy, hashing, copies, gates.
 */
import { transition } from 'xstate';
import { mulberry32 } from '../scripts/seeded-random';
import { createPublisher, documentMachine, memoryAdapter, type Actor, type PublisherOptions } from '../src/index';

const quick = process.env.BENCH_QUICK === '1';
const LIFECYCLES = quick ? 200 : 3_000;

const author: Actor = { id: 'a', roles: ['author'], department: 'office' };
const reviewers: Actor[] = [
  { id: 'r1', roles: ['reviewer'], department: 'office' },
  { id: 'r2', roles: ['reviewer'], department: 'office' },
  { id: 'ap', roles: ['approver'], department: 'office' },
];
const operator: Actor = { id: 'p', roles: ['publisher'], department: 'office' };
// Distinct documents: the duplicates gate would rightly refuse the same text twice.
const WORDS = '供水 管网 改造 施工 城区 部分 区域 临时 停水 居民 提前 做好 储水 准备 道路 交通 管制 绕行 社区 服务 窗口 办理 业务 时间 调整 通知 公告 安全 生产 检查 防汛 应急 演练 疫苗 接种 医保 缴费 就业 招聘 培训 补贴 申报 审核 公示 结果 名单 项目 建设 进展 环境 监测 空气 质量 垃圾 分类 志愿 活动 文化 展览 图书馆 开放'.split(' ');
function article(seed: number): string {
  const random = mulberry32(seed);
  let text = '';
  for (let i = 1; i <= 240; i++) text += WORDS[Math.floor(random() * WORDS.length)] + (i % 12 === 0 ? '。' : i % 4 === 0 ? '，' : '');
  return text;
}

// The least the publisher does: the confidentiality gate cannot be switched off.
const MINIMAL: Partial<PublisherOptions> = { caliber: false, duplicates: false };

async function lifecycles(options: Partial<PublisherOptions>, n: number): Promise<number> {
  const publisher = createPublisher({ storage: memoryAdapter(), ...options });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const doc = await publisher.createDraft({ title: `通知 第${i}号`, body: article(i), level: 'public' }, author);
    await publisher.submit(doc.id, author);
    for (const r of reviewers) await publisher.review(doc.id, r, { decision: 'approve' });
    await publisher.publish(doc.id, operator);
  }
  return performance.now() - t0;
}

function bareTransitions(n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    // The same five decisions, each from a snapshot restored from stored state as the publisher does.
    const at = (value: string, stepIndex: number) =>
      documentMachine.resolveState({ value, context: { stepCount: 3, stepIndex, live: false, retrospectivePending: 0 } });
    transition(documentMachine, at('draft', 0), { type: 'SUBMIT' });
    transition(documentMachine, at('in_review', 0), { type: 'APPROVE_STEP' });
    transition(documentMachine, at('in_review', 1), { type: 'APPROVE_STEP' });
    transition(documentMachine, at('in_review', 2), { type: 'APPROVE_STEP' });
    transition(documentMachine, at('approved', 3), { type: 'PUBLISH' });
  }
  return performance.now() - t0;
}

async function main() {
  // Warm up the JIT on both sides before measuring.
  await lifecycles(MINIMAL, 50);
  bareTransitions(500);

  const bare = bareTransitions(LIFECYCLES);
  const rows: [string, number][] = [['bare xstate transition() ×5', bare]];
  rows.push(['publisher, caliber and duplicates off (confidentiality always runs)', await lifecycles(MINIMAL, LIFECYCLES)]);
  rows.push(['publisher, default gates (caliber, confidentiality, duplicates)', await lifecycles({}, LIFECYCLES)]);

  console.log(`Workflow: ${LIFECYCLES} full lifecycles (6 commands each) on memoryAdapter\n`);
  console.log('| variant | lifecycles/s | µs per lifecycle | × bare transitions |');
  console.log('|---|---:|---:|---:|');
  for (const [name, ms] of rows) {
    console.log(`| ${name} | ${Math.round((LIFECYCLES / ms) * 1000).toLocaleString('en')} | ${((ms / LIFECYCLES) * 1000).toFixed(0)} | ${(ms / bare).toFixed(1)}× |`);
  }
}

await main();

/**
 * `npm run demo`: a heating notice of a city government office, told the way the office
 * director follows it. The editor's draft is stopped by the checks (a wrong character, a
 * figure against the approved statement, a staff mobile number), fixed, refused when the
 * editor tries to sign his own draft, reviewed by three people (初审, 复审, 终审), previewed,
 * published to four channels, then withdrawn because of a wrong date and republished
 * corrected. The audit trail is printed last, with one line saying it was verified.
 *
 * Everything runs in memory (`memoryAdapter()`); a real portal passes its own adapter.
 * `npm run demo -- preview.html` also writes the reviewers' preview page to that file.
 */
import { writeFileSync } from 'node:fs';
import {
  applyFixes,
  checkCaliber,
  createPublisher,
  detectSensitive,
  isGovpubError,
  memoryAdapter,
  redact,
  zhGovRules,
  type Actor,
  type AuditEvent,
  type ChannelOutput,
  type GovDocument,
  type ReportedFinding,
} from 'govpub';

// ── 办公室的人 ────────────────────────────────────────────────────────────────
// 编辑张伟也审别人的稿子，但不能审自己的。
const office = '市政府办公室';
const editor: Actor = { id: '张伟', roles: ['author', 'reviewer'], department: office };
const initialReviewer: Actor = { id: '李娜', roles: ['reviewer'], department: office };
const secondaryReviewer: Actor = { id: '王芳', roles: ['reviewer'], department: office };
const director: Actor = { id: '赵磊', roles: ['approver'], department: office };
const operator: Actor = { id: '孙丽', roles: ['publisher'], department: office };

// A clock that moves a few minutes per step keeps the printed times readable and repeatable.
let now = new Date('2026-11-24T01:00:00Z');
const clock = () => new Date(now);
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
let seq = 0;

// 住建局通稿中的数字：通告必须一字不差地照录。
const approvedFacts = [{ label: '室温不低于', value: '18℃' }];

const publisher = createPublisher({
  storage: memoryAdapter(),
  clock,
  idGenerator: () => `notice-2026-${String(++seq).padStart(3, '0')}`,
  channels: { options: { sms: { signature: '滨江市人民政府' } } },
  caliberFacts: approvedFacts,
});

const draftBody = `滨江市2026—2027年度供暖期自**2026年11月15日**开始，至2027年3月15日结束。

## 有关事项

1. 供热单位要按步就班做好准备，保障室温不低于16℃。
2. 对供暖有问题的，可拨打供热服务热线12345反映，或联系市住建局王工（13912345678）。

详情见[市住房城乡建设局网站](https://zjj.example.gov.cn/notice/2026-heating)。`;

// ── 中文名称 ──────────────────────────────────────────────────────────────────
const STATES: Record<string, string> = {
  draft: '草稿', in_review: '审核中', rejected: '已退回', approved: '已批准', scheduled: '已定时', published: '已发布', withdrawn: '已撤回',
};
const CHANNELS: Record<string, string> = { wechat: '微信公众号', weibo: '微博', website: '网站', push: '客户端推送', sms: '短信', rss: 'RSS 订阅' };
const EVENTS: Record<string, string> = {
  created: '起草', updated: '修改', submitted: '提交审核', approved: '签署', rejected: '退回', scheduled: '定时', unscheduled: '取消定时',
  published: '发布', withdrawn: '撤回', revised: '开始修订', waived: '豁免', reopened: '退回修改',
};
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const FIELDS: Record<string, string> = { title: '标题', summary: '摘要', body: '正文', text: '正文', content: '正文', digest: '摘要' };
const stepLabel = (id: string | null | undefined) => publisher.reviewSteps.find((s) => s.id === id)?.label ?? String(id);
const channelList = (ids: readonly string[]) => ids.map((c) => CHANNELS[c] ?? c).join('、');
const beijing = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

// ── 打印 ──────────────────────────────────────────────────────────────────────
function step(title: string, doc: GovDocument) {
  const where = doc.state === 'in_review' ? `审核中（待${stepLabel(doc.currentStep)}）` : STATES[doc.state];
  console.log(`\n▶ ${title}`);
  console.log(`  状态：${where} · 第 ${doc.revision} 版`);
}

function showFindings(findings: readonly ReportedFinding[]) {
  for (const f of findings) {
    const field = FIELDS[String(f.details?.field ?? 'body')] ?? String(f.details?.field);
    const where = f.end > f.start ? `${field}第 ${f.line} 行“${f.excerpt}”` : field;
    console.log(`  · ${SEVERITY[f.severity]}　${where}：${f.message}（${f.ruleId}）`);
  }
}

function showOutput(o: ChannelOutput) {
  const p = o.payload as Record<string, unknown>;
  const what =
    o.channel === 'sms' ? `${String(p.text).slice(0, 28)}…（${String(p.segments)} 条计费）`
    : o.channel === 'weibo' ? `${String(p.text).slice(0, 30)}…`
    : `《${String(p.title)}》`;
  console.log(`  · ${(CHANNELS[o.channel] ?? o.channel).padEnd(6, '　')}${o.ok ? '已生成' : '不合格'}：${what}`);
}

function showEvent(e: AuditEvent) {
  const d = e.data;
  const detail =
    e.type === 'approved' ? `（${stepLabel(String(d.step))}）`
    : e.type === 'withdrawn' ? `：“${String(d.reason)}”`
    : e.type === 'rejected' && d.comment ? `：“${String(d.comment)}”`
    : '';
  console.log(`  ${String(e.seq).padStart(2)}. ${beijing(e.at)}　${e.actor.id}　${EVENTS[e.type] ?? e.type}${detail}　（第 ${e.revision} 版）`);
}

async function threeReviews(id: string, notes: readonly [string, string, string]) {
  let doc: GovDocument | undefined;
  for (const [i, reviewer] of [initialReviewer, secondaryReviewer, director].entries()) {
    later(10);
    const before = await publisher.get(id);
    doc = await publisher.review(id, reviewer, { decision: 'approve', comment: notes[i]! });
    step(`${reviewer.id}${stepLabel(before.currentStep)}通过：“${notes[i]}”`, doc);
  }
  return doc!;
}

// ── 故事 ──────────────────────────────────────────────────────────────────────
async function main() {
  console.log('govpub 演示 —《关于2026—2027年度供暖有关事项的通告》从起草到发布、撤回和更正');

  let doc = await publisher.createDraft(
    {
      title: '关于2026—2027年度供暖有关事项的通告',
      summary: '本年度供暖期为2026年11月15日至2027年3月15日，室温不低于18℃。',
      body: draftBody,
      level: 'public',
      channels: ['website', 'wechat', 'weibo', 'sms'],
      author: office,
      tags: ['供暖'],
      url: 'https://www.example.gov.cn/zwgk/2026/heating.html',
    },
    editor,
  );
  step(`${editor.id}起草通告，发往${channelList(doc.channels)}`, doc);

  // 1. 提交时检查拦下了稿件：什么都没有写入。
  later(5);
  try {
    await publisher.submit(doc.id, editor);
  } catch (e) {
    if (!isGovpubError(e) || e.code !== 'CHECKS_FAILED') throw e;
    console.log(`\n▶ ${editor.id}提交审核，被检查拦下（${e.code}），稿件未提交：`);
    showFindings(e.details.findings.filter((f) => f.severity !== 'info'));
  }

  // 2. 改正：错别字和数字按检查给出的修改，手机号码打码（不删除）。
  later(5);
  const fixed = applyFixes(doc.body, checkCaliber(doc.body, zhGovRules, { facts: approvedFacts }));
  const masked = redact(fixed, detectSensitive(fixed).filter((f) => f.kind === 'mobile'), { mode: 'mask' });
  doc = await publisher.updateDraft(doc.id, { body: masked }, editor, { expectedVersion: doc.version });
  step(`${editor.id}按提示改正错别字和室温，手机号码打码`, doc);

  later(2);
  doc = await publisher.submit(doc.id, editor);
  step(`${editor.id}再次提交，检查通过`, doc);

  // 3. 作者不能审自己的稿子：发布系统拒绝，且不写入任何内容。
  try {
    await publisher.review(doc.id, editor, { decision: 'approve' });
  } catch (e) {
    if (!isGovpubError(e) || e.code !== 'FORBIDDEN') throw e;
    console.log(`\n▶ ${editor.id}想自己签署${stepLabel(doc.currentStep)}，被拒绝：`);
    for (const r of e.details.reasons) console.log(`  · ${r.message}（${r.code}）`);
  }

  // 4. 三审：三个人，各签一步。
  doc = await threeReviews(doc.id, ['内容准确', '口径一致', '同意发布']);

  // 5. 发布前看一眼预览：能不能发、发到哪里、还有什么要注意。
  const preview = await publisher.preview(doc.id);
  console.log(`\n▶ 发布前预览：${preview.ok ? '可以发布' : '不能发布'}，发往${channelList(preview.outputs.map((o) => o.channel))}`);
  const notes = preview.findings.length + preview.outputs.reduce((n, o) => n + o.findings.length, 0);
  if (notes) console.log(`  （另有 ${notes} 条提示供参考，见预览页）`);
  const previewFile = process.argv[2];
  if (previewFile) {
    writeFileSync(previewFile, preview.html);
    console.log(`  预览页已写入 ${previewFile}`);
  }

  // 6. 发布到四个渠道。
  later(5);
  const first = await publisher.publish(doc.id, operator);
  step(`${operator.id}发布到${channelList(first.document.channels)}`, first.document);
  first.outputs.forEach(showOutput);

  // 7. 群众来电：开始日期写错了。撤回，修订，重新三审，再发布。
  later(60);
  doc = await publisher.withdraw(doc.id, operator, '供暖开始日期有误，应为11月10日');
  step(`${operator.id}撤回通告：供暖开始日期有误`, doc);

  later(5);
  doc = await publisher.revise(doc.id, editor);
  doc = await publisher.updateDraft(
    doc.id,
    {
      body: doc.body.replace('2026年11月15日', '2026年11月10日'),
      summary: '本年度供暖期为2026年11月10日至2027年3月15日，室温不低于18℃。',
    },
    editor,
    { expectedVersion: doc.version },
  );
  step(`${editor.id}修订：开始日期改为11月10日`, doc);
  later(2);
  doc = await publisher.submit(doc.id, editor);
  step(`${editor.id}提交更正稿`, doc);
  doc = await threeReviews(doc.id, ['日期已核对', '与住建局通告一致', '同意更正发布']);
  later(5);
  const second = await publisher.publish(doc.id, operator);
  step(`${operator.id}发布更正稿`, second.document);
  second.outputs.forEach(showOutput);

  // 8. 全过程留痕。
  console.log('\n▶ 全过程记录（谁、何时、做了什么）');
  (await publisher.history(doc.id)).forEach(showEvent);
  const verified = await publisher.verifyHistory(doc.id);
  console.log(
    verified.ok
      ? `\n✔ 记录完整未被改动：${verified.count} 条记录环环相扣，末条哈希 ${verified.headHash.slice(0, 16)}…`
      : `\n✘ 记录在第 ${verified.brokenAt} 条处断开：${verified.reason}`,
  );
  if (!verified.ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

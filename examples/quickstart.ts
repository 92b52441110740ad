/**
 * `npm run demo`: a heating notice of a city government office goes from draft through the
 * checks (a typo, a figure that contradicts the approved statement, a staff member's mobile
 * number), rejection, correction, the three reviews (三审), approval and publishing to four
 * channels; then the audit trail is printed and verified.
 *
 * Everything runs in memory (`memoryAdapter()`); a real portal passes its own adapter.
 * In your project, import from 'govpub' exactly as below.
 */
import {
  applyFixes,
  checkCaliber,
  createPublisher,
  detectSensitive,
  isGovpubError,
  redact,
  zhGovRules,
  memoryAdapter,
  type Actor,
  type ChannelOutput,
  type Finding,
  type GovDocument,
} from 'govpub';

// ── The office ────────────────────────────────────────────────────────────────
// The editor also reviews other people's drafts, but never their own.
const editor: Actor = { id: '张伟', roles: ['author', 'reviewer'], department: '市政府办公室' };
const initialReviewer: Actor = { id: '李娜', roles: ['reviewer'], department: '市政府办公室' };
const secondaryReviewer: Actor = { id: '王芳', roles: ['reviewer'], department: '市政府办公室' };
const director: Actor = { id: '赵磊', roles: ['approver'], department: '市政府办公室' };
const operator: Actor = { id: '孙丽', roles: ['publisher'], department: '市政府办公室' };

// A clock that moves a few minutes per step keeps the printed times readable and repeatable.
let now = new Date('2026-11-24T01:00:00Z');
const clock = () => new Date(now);
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
let seq = 0;

// The approved statement (通稿) of the housing bureau: figures the notice must repeat exactly.
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

// ── Helpers that print ────────────────────────────────────────────────────────
const beijing = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function step(title: string, doc: GovDocument) {
  const where = doc.state === 'in_review' ? `in_review (awaiting ${doc.currentStep})` : doc.state;
  console.log(`\n▶ ${title}`);
  console.log(`  state: ${where} · version ${doc.version} · revision ${doc.revision}`);
}

function showFindings(findings: readonly Finding[]) {
  for (const f of findings) {
    console.log(`  ${f.severity.padEnd(7)} ${f.ruleId} at ${f.line}:${f.column} “${f.excerpt}” — ${f.message}`);
  }
}

function showOutput(o: ChannelOutput) {
  const p = o.payload as Record<string, unknown>;
  const preview = String(p.text ?? p.title ?? p.xml ?? '').replace(/\s+/g, ' ').slice(0, 60);
  console.log(`  ${o.channel.padEnd(8)} ok=${o.ok} revision=${o.sourceRevision} sha256=${o.contentHash.slice(0, 12)}…  ${preview}`);
  if (o.channel === 'sms') console.log(`           SMS segments: ${String(p.segments)}`);
}

// ── The walk-through ──────────────────────────────────────────────────────────
async function main() {
  console.log('govpub quickstart — 关于2026—2027年度供暖有关事项的通告');

  let doc = await publisher.createDraft(
    {
      title: '关于2026—2027年度供暖有关事项的通告',
      summary: '本年度供暖期为2026年11月15日至2027年3月15日，室温不低于18℃。',
      body: draftBody,
      level: 'public',
      channels: ['website', 'wechat', 'weibo', 'sms'],
      author: '市政府办公室',
      tags: ['供暖'],
      url: 'https://www.example.gov.cn/zwgk/2026/heating.html',
    },
    editor,
  );
  step(`${editor.id} writes the draft`, doc);

  later(5);
  try {
    await publisher.submit(doc.id, editor);
  } catch (e) {
    if (!isGovpubError(e) || e.code !== 'CHECKS_FAILED') throw e;
    console.log(`\n▶ ${editor.id} submits it: ${e.code}, nothing is written`);
    showFindings(e.details?.findings as Finding[]);
  }

  // The caliber findings carry their fixes; the phone number is masked, not deleted.
  later(5);
  const fixed = applyFixes(doc.body, checkCaliber(doc.body, zhGovRules, { facts: approvedFacts }));
  const redacted = redact(fixed, detectSensitive(fixed).filter((f) => f.kind === 'mobile'), { mode: 'mask' });
  doc = await publisher.updateDraft(doc.id, { body: redacted }, editor, { expectedVersion: doc.version });
  step(`${editor.id} applies the fixes and masks the number`, doc);

  later(2);
  doc = await publisher.submit(doc.id, editor);
  step(`${editor.id} submits it for review`, doc);
  if (doc.findings.length) {
    console.log('  checks left these for the reviewers:');
    showFindings(doc.findings);
  }

  later(20);
  doc = await publisher.review(doc.id, initialReviewer, {
    decision: 'reject',
    comment: '供暖开始日期应与市住建局通告一致：11月15日改为11月10日。',
  });
  step(`${initialReviewer.id} rejects it at the initial review`, doc);

  later(15);
  doc = await publisher.updateDraft(
    doc.id,
    {
      body: doc.body.replace('2026年11月15日', '2026年11月10日'),
      summary: '本年度供暖期为2026年11月10日至2027年3月15日，室温不低于18℃。',
    },
    editor,
    { expectedVersion: doc.version },
  );
  step(`${editor.id} corrects the date`, doc);

  later(2);
  doc = await publisher.submit(doc.id, editor);
  step(`${editor.id} resubmits`, doc);

  // The author may not review their own work: the publisher refuses, and writes nothing.
  try {
    await publisher.review(doc.id, editor, { decision: 'approve' });
  } catch (e) {
    if (!isGovpubError(e)) throw e;
    console.log(`  (${editor.id} tries to sign the initial review himself: ${e.code} — ${e.message})`);
  }

  for (const [reviewer, note] of [
    [initialReviewer, '内容准确'],
    [secondaryReviewer, '口径一致'],
    [director, '同意发布'],
  ] as const) {
    later(10);
    doc = await publisher.review(doc.id, reviewer, { decision: 'approve', comment: note });
    step(`${reviewer.id} signs the ${doc.signatures.at(-1)!.step} review: “${note}”`, doc);
  }

  later(5);
  const { document, outputs } = await publisher.publish(doc.id, operator);
  step(`${operator.id} publishes to ${document.channels.join(', ')}`, document);
  outputs.forEach(showOutput);

  console.log('\n▶ The audit trail');
  for (const e of await publisher.history(document.id)) {
    const detail = e.type === 'approved' ? ` ${String(e.data.step)}` : e.type === 'rejected' ? ` “${String(e.data.comment)}”` : '';
    console.log(`  #${e.seq} ${beijing(e.at)} ${e.type.padEnd(9)} by ${e.actor.id}${detail}  ${e.hash.slice(0, 12)}…`);
  }
  const verified = await publisher.verifyHistory(document.id);
  console.log(verified.ok ? `  ✔ hash chain verified: ${verified.count} events, head ${verified.headHash.slice(0, 12)}…` : `  ✘ broken at #${verified.brokenAt}: ${verified.reason}`);
  if (!verified.ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

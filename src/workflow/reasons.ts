import type { GovpubErrorCode } from '../errors/index';
import { languageOf, type Locale } from '../text/index';

/**
 * The stable codes of every reason a command can be refused for, so a UI can show its own
 * text (or the Chinese/English `message`) and tests can assert the cause, not the wording.
 */
export const REASON_CODES = [
  'WRONG_STATE',
  'SCHEDULED_LATER',
  'NOTHING_LIVE',
  'NOTHING_OWED',
  'MISSING_ROLE',
  'SELF_REVIEW',
  'EDITED_THIS_REVISION',
  'SIGNED_OTHER_STEP',
  'URGENT_PUBLISHER_REVIEW',
  'WRONG_DEPARTMENT',
  'NOT_AUTHOR_OR_COLLEAGUE',
  'NOT_AUTHOR_SIDE_OR_APPROVER',
  'SELF_WAIVE',
  'SELF_URGENT',
  'CLEARANCE',
  'CHANNEL_REFUSED',
  'TRAIL_MISMATCH',
] as const;
/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** The languages refusal messages are written in; Chinese by default (editors and reviewers read them). */
export type { Locale };

/**
 * Why an action is refused: a stable `code`, the `params` a UI needs to say it its own way,
 * the `message` in the publisher's locale, and `error`, the `GovpubError` code the command
 * throws for it.
 */
export interface Reason {
  code: ReasonCode;
  params: Record<string, unknown>;
  message: string;
  error: GovpubErrorCode;
}

const list = (v: unknown, sep: string) => (Array.isArray(v) ? v.join(sep) : String(v ?? ''));
const step = (p: Record<string, unknown>) => String(p.stepLabel ?? p.step ?? '');

// One entry per code: Chinese first (the default), then English for developers and hosts
// that ask for it with createPublisher({ locale: 'en' }).
const TEXTS: Record<ReasonCode, Record<'zh' | 'en', (p: Record<string, unknown>) => string>> = {
  WRONG_STATE: {
    zh: (p) => `文档当前为“${String(p.stateLabel ?? p.state)}”状态，不能执行“${String(p.actionLabel ?? p.action)}”`,
    en: (p) => `Cannot ${String(p.action)} a document that is ${String(p.state)}`,
  },
  SCHEDULED_LATER: {
    zh: (p) => `已定时于 ${String(p.scheduledAt)} 发布；如需现在发布，请先取消定时`,
    en: (p) => `Scheduled for ${String(p.scheduledAt)}; unschedule it to publish now`,
  },
  NOTHING_LIVE: { zh: () => '该文档没有正在发布的版本，无需撤回', en: (p) => `Nothing of document ${String(p.id)} is live to withdraw` },
  NOTHING_OWED: {
    zh: () => '该文档没有待补的审核步骤（只有紧急发布后待补审核的发布才能补签或提出异议）',
    en: (p) => `Document ${String(p.id)} owes no review steps (only an urgent publication still owing review can be signed after the fact or disputed)`,
  },
  MISSING_ROLE: {
    zh: (p) => (p.step !== undefined ? `“${step(p)}”须由以下角色之一签署：${list(p.roles, '、')}` : `“${String(p.actionLabel ?? p.action)}”需要角色 ${list(p.roles, ' + ')}，缺少 ${list(p.missing, '、')}`),
    en: (p) => (p.step !== undefined ? `Step "${String(p.step)}" must be signed by one of: ${list(p.roles, ', ')}` : `${String(p.action)} needs the role(s) ${list(p.roles, ' + ')}; missing ${list(p.missing, ', ')}`),
  },
  SELF_REVIEW: { zh: () => '作者不得审核自己的稿件', en: () => 'The author may not review their own draft' },
  EDITED_THIS_REVISION: {
    zh: (p) => (p.action === 'waive' ? '修改过本版本的人不得豁免其中的问题' : '修改过本版本的人视同作者，不得审核本版本'),
    en: (p) => (p.action === 'waive' ? 'Whoever edited this revision may not waive findings on it' : 'Whoever edited this revision counts as its author and may not review it'),
  },
  SIGNED_OTHER_STEP: {
    zh: (p) => `${String(p.actorId)} 已签署本版本的“${step(p)}”，每一步须由不同的人签署`,
    en: (p) => `${String(p.actorId)} already signed step "${String(p.step)}" of this revision; each step needs a different person`,
  },
  URGENT_PUBLISHER_REVIEW: { zh: () => '紧急发布人不得对该次发布进行事后审核', en: () => 'Whoever published urgently may not review that publication after the fact' },
  WRONG_DEPARTMENT: {
    zh: (p) =>
      p.action === 'create'
        ? `只能在本部门（${String(p.actorDepartment ?? '无')}）创建稿件，不能在“${String(p.department)}”`
        : p.department === null
          ? '该稿件不属于任何部门，只能由无部门的审核人或管理员审核'
          : `只能审核本部门（${String(p.department)}）的稿件`,
    en: (p) =>
      p.action === 'create'
        ? `An author creates drafts only in their own department (${String(p.actorDepartment ?? 'none')}), not ${String(p.department)}`
        : p.department === null
          ? 'This document belongs to no department: only reviewers without a department (or admins) may review it'
          : `Reviewers act only on documents of their own department (${String(p.department)})`,
  },
  NOT_AUTHOR_OR_COLLEAGUE: {
    zh: () => '只有作者或同部门同事可以修改、提交或修订该稿件',
    en: () => 'Only the author or a colleague of the same department may edit, submit or revise this document',
  },
  NOT_AUTHOR_SIDE_OR_APPROVER: {
    zh: () => '只有本版本的作者（或修改人）或本部门的审批人可以退回修改',
    en: () => 'Reopening needs the author of this revision (with author) or an approver of its department',
  },
  SELF_WAIVE: { zh: () => '作者不得豁免自己稿件中的问题', en: () => 'The author may not waive findings on their own draft' },
  SELF_URGENT: {
    zh: () => '作者（或修改人）不得紧急发布自己的稿件：紧急发布跳过了本应审核他们的环节',
    en: () => 'The author (or an editor) of a revision may not publish it urgently: urgent publishing skips the review that would check them',
  },
  CLEARANCE: {
    zh: (p) => `内容密级“${String(p.level)}”高于渠道 ${list(p.channels, '、')} 的许可`,
    en: (p) => `Content level ${String(p.level)} is above the clearance of ${list(p.channels, ', ')}`,
  },
  CHANNEL_REFUSED: {
    zh: (p) => `渠道输出不合格：${list(p.problems, '；')}`,
    en: (p) => `Channel output not acceptable: ${list(p.problems, '; ')}`,
  },
  TRAIL_MISMATCH: {
    zh: (p) => `文档与其审计链不符（第 ${String(p.seq)} 条事件，${String(p.code)}），拒绝发布：${String(p.detail)}`,
    en: (p) => `Document ${String(p.id)} does not match its audit trail at event ${String(p.seq)} (${String(p.code)}); refusing to publish: ${String(p.detail)}`,
  },
};

const STATE_LABELS: Record<string, string> = {
  draft: '草稿',
  in_review: '审核中',
  rejected: '已退回',
  approved: '已批准',
  scheduled: '已定时',
  published: '已发布',
  withdrawn: '已撤回',
};
const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  submit: '提交',
  review: '审核',
  approve: '签署',
  reject: '退回',
  dispute: '提出异议',
  schedule: '定时',
  unschedule: '取消定时',
  publish: '发布',
  publishUrgent: '紧急发布',
  withdraw: '撤回',
  revise: '修订',
  waive: '豁免',
  reopen: '退回修改',
};

/**
 * A reason's message in `locale` (default Chinese), written from its code and params; what
 * the publisher puts in `message`, available to UIs that store reasons and show them later.
 *
 * @example
 * ```ts
 * formatReason({ code: 'SELF_REVIEW', params: {} }); // '作者不得审核自己的稿件'
 * formatReason({ code: 'SELF_REVIEW', params: {} }, 'en'); // 'The author may not review their own draft'
 * ```
 */
export function formatReason(reason: Pick<Reason, 'code' | 'params'>, locale: Locale = 'zh'): string {
  const texts = Object.hasOwn(TEXTS, reason.code) ? TEXTS[reason.code] : undefined;
  if (!texts) return String(reason.code);
  const p = { ...reason.params };
  const language = languageOf(locale);
  if (language === 'zh') {
    if (typeof p.state === 'string' && p.stateLabel === undefined) p.stateLabel = STATE_LABELS[p.state] ?? p.state;
    if (typeof p.action === 'string' && p.actionLabel === undefined) p.actionLabel = ACTION_LABELS[p.action] ?? p.action;
  }
  return texts[language](p);
}

/** A reason with its message in `locale`. */
export function reason(code: ReasonCode, error: GovpubErrorCode, params: Record<string, unknown>, locale: Locale = 'zh'): Reason {
  return { code, error, params, message: formatReason({ code, params }, locale) };
}

/**
 * The message of a `CHECKS_FAILED` error: how many checks failed and the first three of their
 * messages, in `locale` (default Chinese; the findings themselves are in `details.findings`).
 */
export function checksFailedMessage(messages: readonly string[], locale?: Locale): string {
  const shown = messages.slice(0, 3);
  const more = messages.length - shown.length;
  if (languageOf(locale) === 'en') return `${messages.length} check(s) failed: ${shown.join('; ')}${more > 0 ? ` (+${more} more in details.findings)` : ''}`;
  return `${messages.length} 项检查未通过：${shown.join('；')}${more > 0 ? `（另有 ${more} 项，见 details.findings）` : ''}`;
}

import type { InspectionReasonCode, InspectionVerdict } from './types';
import { htmlLang, type Locale } from '../text/index';

/** Locales of inspection messages and the report. */
export type InspectionLocale = Locale;

type Params = Record<string, string | number>;

const MESSAGES: Record<'zh-CN' | 'en', Record<InspectionReasonCode, (p: Params) => string>> = {
  'zh-CN': {
    'never-published': () => '该账号从未发布内容，属于“僵尸”账号，检查不合格。',
    'silent-too-long': (p) => `已连续 ${p.days} 天未更新，超过${p.rule === 'local' ? '本地规定的' : ''} ${p.limit} 天更新要求，检查不合格。`,
    'gap-exceeded': (p) => `检查期内 ${p.from} 至 ${p.to} 连续 ${p.days} 天未更新，超过${p.rule === 'local' ? '本地规定的' : ''} ${p.limit} 天更新要求。`,
    'fails-soon': (p) => `距不合格还剩 ${p.daysLeft} 天：如 ${p.failsOn} 前仍无更新，将超过 ${p.limit} 天更新要求。`,
    'below-weekly-target': (p) => `每周更新 ${p.actual} 次，低于每周 ${p.target} 次的要求。`,
    'interaction-unanswered': (p) => `收到的 ${p.received} 条留言均未回复，互动功能形同虚设，检查不合格。`,
    'messages-overdue': (p) => `有 ${p.overdue} 条留言超过答复期限仍未回复。`,
    'urgent-awaiting-review': (p) => `有 ${p.count} 篇紧急发布的稿件尚未完成事后审核。`,
    'deliveries-failed': (p) => `有 ${p.failed} 次推送失败、${p.dead} 次推送已放弃，内容未送达平台。`,
    'unreasonable-hours': (p) => `有 ${p.count} 篇在 0 时至 6 时发布（占 ${p.percent}%）。`,
    'low-originality': (p) => `原创内容占比 ${p.percent}%，偏低。`,
    withdrawals: (p) => `检查期内撤回 ${p.count} 篇、更正 ${p.corrections} 篇。`,
  },
  en: {
    'never-published': () => 'The account has never published: a dormant account fails inspection.',
    'silent-too-long': (p) => `No update for ${p.days} days, over the ${p.rule === 'local' ? 'local ' : ''}${p.limit}-day rule: fails inspection.`,
    'gap-exceeded': (p) => `No update from ${p.from} to ${p.to} (${p.days} days) within the window, over the ${p.rule === 'local' ? 'local ' : ''}${p.limit}-day rule.`,
    'fails-soon': (p) => `${p.daysLeft} day(s) left: without an update before ${p.failsOn} it breaks the ${p.limit}-day rule.`,
    'below-weekly-target': (p) => `${p.actual} updates a week, below the target of ${p.target}.`,
    'interaction-unanswered': (p) => `None of the ${p.received} messages received was answered: fails inspection.`,
    'messages-overdue': (p) => `${p.overdue} message(s) past their reply deadline without a reply.`,
    'urgent-awaiting-review': (p) => `${p.count} urgent publication(s) still await retrospective review.`,
    'deliveries-failed': (p) => `${p.failed} delivery(ies) failed and ${p.dead} dead: content did not reach the platform.`,
    'unreasonable-hours': (p) => `${p.count} publication(s) between 0:00 and 6:00 (${p.percent}%).`,
    'low-originality': (p) => `Original content is only ${p.percent}%.`,
    withdrawals: (p) => `${p.count} withdrawn and ${p.corrections} corrected in the window.`,
  },
};

/** The message of an inspection reason in `locale`. */
export function inspectionMessage(code: InspectionReasonCode, params: Params, locale: InspectionLocale): string {
  return MESSAGES[htmlLang(locale)][code](params);
}

/** Verdict labels. */
export const VERDICT_LABELS: Record<'zh-CN' | 'en', Record<InspectionVerdict, string>> = {
  'zh-CN': { pass: '合格', 'at-risk': '有风险', fail: '不合格' },
  en: { pass: 'Pass', 'at-risk': 'At risk', fail: 'Fail' },
};

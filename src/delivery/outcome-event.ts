import type { Delivery, DeliveryError, DeliveryReceipt } from './delivery';
import type { ManualTask } from './transport';

// The event types are the document vocabulary's own (one list for the trail and the worker).
import type { DeliveryEventType } from '../document/index';
export type { DeliveryEventType };

/**
 * One delivery outcome, described for the document's audit chain: what happened, on which
 * account, with the platform's receipt or error, and a Chinese sentence for the timeline.
 */
export interface DeliveryOutcomeEvent {
  type: DeliveryEventType;
  at: string;
  documentId: string;
  revision: number;
  deliveryId: string;
  accountId: string;
  channel: string;
  kind: Delivery['kind'];
  attempt: number;
  /** Chinese, for editors and reviewers. */
  message: string;
  receipt?: DeliveryReceipt;
  error?: DeliveryError;
  task?: ManualTask;
  /** For a retry: when the next attempt is due. */
  nextAttemptAt?: string;
}

const TEXT: Record<DeliveryEventType, (name: string) => string> = {
  delivered: (n) => `已发布到「${n}」。`,
  delivery_failed: (n) => `发布到「${n}」失败，平台拒绝，不再重试。`,
  delivery_retry: (n) => `发布到「${n}」暂时失败，稍后自动重试。`,
  delivery_unknown: (n) => `已向「${n}」提交，等待平台确认结果。`,
  delivery_dead: (n) => `发布到「${n}」多次失败，已停止重试，请人工处理。`,
  delivery_manual: (n) => `无法确认「${n}」是否已收到，请人工核实。`,
  removed: (n) => `已从「${n}」删除。`,
  removal_failed: (n) => `从「${n}」删除失败。`,
  removal_manual: (n) => `「${n}」上的内容需人工删除或更正。`,
};

/** Builds the audit-event description of an outcome (`name` is the account's display name). */
export function outcomeEvent(
  type: DeliveryEventType,
  d: Delivery,
  name: string,
  at: string,
  extra: { receipt?: DeliveryReceipt; error?: DeliveryError; task?: ManualTask; nextAttemptAt?: string } = {},
): DeliveryOutcomeEvent {
  return {
    type,
    at,
    documentId: d.documentId,
    revision: d.revision,
    deliveryId: d.id,
    accountId: d.accountId,
    channel: d.channel,
    kind: d.kind,
    attempt: d.attempts,
    message: TEXT[type](name) + (extra.error ? `（${extra.error.code}：${extra.error.message}）` : '') + (extra.task ? ` ${extra.task.message}` : ''),
    ...extra,
  };
}

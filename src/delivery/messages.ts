import type { DeliveryState } from './delivery';

/** Chinese labels of the ledger states, for a UI (the state itself is the stable code). */
export const DELIVERY_STATE_LABELS: Readonly<Record<DeliveryState, string>> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已送达',
  failed: '发送失败',
  unknown: '结果待确认',
  dead: '多次失败，已停止重试',
  removed: '已删除',
  manual: '需人工处理',
};

/** Stable codes of the tasks the ledger gives to people, with their Chinese text. */
export const MANUAL_TASKS = {
  sms_cannot_recall: { code: 'sms_cannot_recall', message: '短信已发出，无法撤回：如需更正，请向同一批号码发送更正短信。' },
  weibo_delete_by_hand: { code: 'weibo_delete_by_hand', message: '微博开放接口不支持删除该条微博：请登录账号手动删除。' },
  push_cannot_recall: { code: 'push_cannot_recall', message: '推送已送达用户设备，无法撤回：如需更正，请发送更正推送。' },
  remove_by_hand: { code: 'remove_by_hand', message: '该平台不支持自动删除：请登录平台手动删除已发布内容。' },
  check_unknown: { code: 'check_unknown', message: '无法确认该平台是否已收到内容：请登录平台核实，避免重复发布。' },
} as const satisfies Record<string, { code: string; message: string }>;

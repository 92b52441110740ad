import type { InspectionAccount, PublicationRecord } from '../../src/inspection/index';

let seq = 0;
/** A publication record with defaults: original, delivered, no findings. */
export function rec(accountId: string, publishedAt: string, over: Partial<PublicationRecord> = {}): PublicationRecord {
  seq++;
  return {
    documentId: `doc-${seq}`,
    revision: 1,
    accountId,
    channel: 'wechat',
    publishedAt,
    urgent: false,
    retrospectivePending: false,
    original: true,
    findingsByCategory: {},
    deliveryState: 'delivered',
    ...over,
  };
}

/** `2024-MM-DDT10:00:00+08:00` for each day listed (day numbers within `month`). */
export function daily(accountId: string, month: number, days: number[], hour = 10): PublicationRecord[] {
  const mm = String(month).padStart(2, '0');
  const hh = String(hour).padStart(2, '0');
  return days.map((d) => rec(accountId, `2024-${mm}-${String(d).padStart(2, '0')}T${hh}:00:00+08:00`));
}

export const ACCOUNTS: InspectionAccount[] = [
  { id: 'wx-main', name: '市政府办公室微信公众号', channel: 'wechat', cadence: { perWeek: 3 } },
  { id: 'wb-main', name: '市政府微博', channel: 'weibo' },
  { id: 'wx-water', name: '市水务局微信公众号', channel: 'wechat' },
  { id: 'wx-street', name: '某街道微信公众号', channel: 'wechat', cadence: { everyDays: 10 } },
  { id: 'wx-dormant', name: '某社区微信公众号', channel: 'wechat' },
];

/** The window every test inspects: June 2024, seen on 30 June at 18:00 Beijing time. */
export const WINDOW = { from: '2024-06-01T00:00:00+08:00', to: '2024-06-30T23:59:59+08:00', now: '2024-06-30T18:00:00+08:00' };

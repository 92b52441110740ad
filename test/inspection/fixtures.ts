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

/**
 * A year (2024) of publications for the five ACCOUNTS, from a seeded generator: the main
 * account posts most days, the microblog in bursts, the water bureau with one long silence in
 * summer, the street account weekly and at odd hours, the community account never.
 */
export function yearOfRecords(): PublicationRecord[] {
  let s = 20240101;
  const random = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out: PublicationRecord[] = [];
  const at = (day: number, hour: number) => new Date(Date.UTC(2024, 0, 1 + day, hour - 8, Math.floor(random() * 60))).toISOString().replace('Z', '+00:00');
  for (let day = 0; day < 366; day++) {
    if (random() < 0.8) out.push(rec('wx-main', at(day, 8 + Math.floor(random() * 10)), { original: random() < 0.6, findingsByCategory: { caliber: { caught: random() < 0.3 ? 1 : 0, waived: 0 } } }));
    if (day % 9 < 3) out.push(rec('wb-main', at(day, 9 + Math.floor(random() * 12)), { channel: 'weibo', original: random() < 0.3 }));
    if ((day < 150 || day > 190) && random() < 0.3) out.push(rec('wx-water', at(day, 10), { original: random() < 0.5, findingsByCategory: { confidentiality: { caught: random() < 0.1 ? 1 : 0, waived: 0 } } }));
    if (day % 7 === 2) out.push(rec('wx-street', at(day, random() < 0.3 ? 1 + Math.floor(random() * 5) : 20), { original: random() < 0.2 }));
  }
  return out;
}

/** The year seen on 31 December 2024 at 18:00 Beijing time. */
export const YEAR = { from: '2024-01-01T00:00:00+08:00', to: '2024-12-31T23:59:59+08:00', now: '2024-12-31T18:00:00+08:00' };

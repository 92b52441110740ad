import * as z from 'zod';
import type { Delivery } from '../delivery';

/** Who receives an SMS delivery: a fixed list, or one computed per delivery (e.g. by department). */
export type SmsRecipients = readonly string[] | ((delivery: Delivery) => readonly string[] | Promise<readonly string[]>);

/** Mainland mobile numbers, optionally with +86 (the gateways' own format is applied per provider). */
export const mobileSchema = z.string().regex(/^(\+?86)?1[3-9]\d{9}$/, 'must be a mainland mobile number');

/** Recipients in a transport configuration: a non-empty list of numbers, or a function of the delivery. */
export const recipientsSchema = z.union([
  z.array(mobileSchema).min(1, 'needs at least one number'),
  z.custom<(d: Delivery) => readonly string[]>((f) => typeof f === 'function', { message: 'must be a list of numbers or a function' }),
]);

/** The recipients of a delivery, as bare 11-digit numbers. */
export async function recipientsOf(recipients: SmsRecipients, delivery: Delivery): Promise<string[]> {
  const list = typeof recipients === 'function' ? await recipients(delivery) : recipients;
  return list.map((n) => n.replace(/^\+?86/, ''));
}

/** The date in China Standard Time (UTC+8), as `yyyyMMdd`: the SMS status queries ask by local sending date. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

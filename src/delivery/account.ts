import * as z from 'zod';
import type { Level } from '../confidentiality/index';
import { LEVELS } from '../confidentiality/index';
import { validationError, type ValidationIssue, toValidationIssues } from '../errors/index';
import type { AccountProfile, Transport } from './transport';

/**
 * A named account a document is published to: 某某发布 on WeChat, @某某发布 on Weibo, the
 * portal, an SMS signature.
 */
export interface Account extends AccountProfile {
  /** The highest level of content this account may receive; default `public`. */
  clearance?: Level;
  /** Marks the channel's default account (a document naming only the channel goes here); default: the first account of the channel. */
  default?: boolean;
  /** How deliveries reach the platform. */
  transport: Transport;
}

/** Accounts after {@link defineAccounts}: validated, by id and by channel. */
export interface AccountRegistry {
  readonly list: readonly Account[];
  get(id: string): Account | undefined;
  /** The channel's default account, if the channel has any account. */
  defaultFor(channel: string): Account | undefined;
}

const ACCOUNT_ID = /^[A-Za-z0-9_.-]+$/;

const accountSchema = z
  .object({
    id: z.string().regex(ACCOUNT_ID, 'must be letters, digits, _, - or . (no colon: ids are part of idempotency keys)'),
    channel: z.string().min(1, 'must name a channel'),
    name: z.string().trim().min(1, 'must not be empty'),
    department: z.string().min(1).optional(),
    clearance: z.enum(LEVELS).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    default: z.boolean().optional(),
    transport: z.custom<Transport>(
      (t) => typeof t === 'object' && t !== null && typeof (t as { send?: unknown }).send === 'function',
      { message: 'must be a transport (an object with a send function)' },
    ),
  })
  .strict();

/**
 * Validates a list of accounts and indexes them. Every problem is reported with its path
 * (`[index, field]`) and the account's id in the message.
 *
 * @example
 * ```ts
 * const accounts = defineAccounts([
 *   { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ … }) },
 *   { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ … }) },
 * ]);
 * accounts.defaultFor('wechat')?.id // 'wx-main'
 * ```
 */
export function defineAccounts(list: readonly Account[]): AccountRegistry {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(list)) throw validationError('accounts', [{ path: [], message: 'must be an array of accounts' }]);
  const byId = new Map<string, Account>();
  const defaults = new Map<string, Account>();
  list.forEach((raw, index) => {
    const name = typeof (raw as { id?: unknown })?.id === 'string' ? `account "${(raw as { id: string }).id}"` : `account #${index}`;
    const parsed = accountSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of toValidationIssues(parsed.error.issues)) issues.push({ path: [index, ...issue.path], message: `${name}: ${issue.message}` });
      return;
    }
    const account = raw;
    if (byId.has(account.id)) issues.push({ path: [index, 'id'], message: `${name}: duplicate account id` });
    byId.set(account.id, account);
    const current = defaults.get(account.channel);
    if (account.default) {
      if (current?.default) issues.push({ path: [index, 'default'], message: `${name}: channel "${account.channel}" already has a default account ("${current.id}")` });
      else defaults.set(account.channel, account);
    } else if (!current) defaults.set(account.channel, account);
  });
  if (issues.length) throw validationError('accounts', issues);
  const frozen = Object.freeze([...list]);
  return {
    list: frozen,
    get: (id) => byId.get(id),
    defaultFor: (channel) => defaults.get(channel),
  };
}

/** A target resolved to its account: `requested` is what the document said (an account id or a channel id). */
export interface ResolvedTarget {
  requested: string;
  account: Account;
}

/**
 * Resolves a document's targets to accounts: an account id names that account; a channel
 * id alone means that channel's default account (so documents written before accounts
 * existed keep working). Duplicates collapse; an unknown target is a `VALIDATION` error
 * naming it.
 *
 * @example
 * ```ts
 * resolveTargets(['wechat', 'portal'], accounts).map((t) => t.account.id) // ['wx-main', 'portal']
 * ```
 */
export function resolveTargets(targets: readonly string[], accounts: AccountRegistry): ResolvedTarget[] {
  if (!Array.isArray(targets)) throw validationError('targets', [{ path: [], message: 'must be an array of account or channel ids' }]);
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const out: ResolvedTarget[] = [];
  targets.forEach((target, index) => {
    if (typeof target !== 'string' || target === '') {
      issues.push({ path: [index], message: 'must be an account id or a channel id' });
      return;
    }
    const account = accounts.get(target) ?? accounts.defaultFor(target);
    if (!account) {
      issues.push({ path: [index], message: `"${target}" is neither an account id nor a channel with an account` });
      return;
    }
    if (seen.has(account.id)) return;
    seen.add(account.id);
    out.push({ requested: target, account });
  });
  if (issues.length) throw validationError('targets', issues);
  return out;
}

import { resolveChannel, type ChannelDefinition, type FormatOptions } from '../channels/index';
import type { Account, AccountRegistry } from '../delivery/index';

/** Channel definitions and options the publisher formats with once accounts are configured. */
export interface AccountChannels {
  customChannels: ChannelDefinition[];
  channelOptions: Record<string, FormatOptions>;
}

/**
 * Makes every account a target a document can name (issue 14): each account becomes a
 * channel definition under its own id, formatted like its channel with the account's options
 * (SMS signature, theme, limits) and checked against the account's clearance, so channel
 * findings and clearance refusals name the account. A channel id alone keeps meaning that
 * channel's default account: it is redefined with the default account's options and
 * clearance. Channels without an account stay as they were.
 */
export function accountChannels(accounts: AccountRegistry, custom: readonly ChannelDefinition[], options: Readonly<Record<string, FormatOptions>>): AccountChannels {
  const customChannels: ChannelDefinition[] = [];
  const channelOptions: Record<string, FormatOptions> = { ...options };
  const add = (id: string, account: Account) => {
    const base = resolveChannel(account.channel, custom);
    customChannels.push({ ...base, id, clearance: account.clearance ?? 'public' });
    channelOptions[id] = { ...options[account.channel], ...options[id], ...(account.transport.formatOptions as FormatOptions | undefined), ...(account.options as FormatOptions | undefined) };
  };
  for (const account of accounts.list) {
    if (account.id !== account.channel) add(account.id, account);
  }
  for (const channel of new Set(accounts.list.map((a) => a.channel))) {
    const account = accounts.defaultFor(channel);
    if (account) add(channel, account);
  }
  // Host-defined channels keep their own definitions unless an account redefines them.
  const redefined = new Set(customChannels.map((c) => c.id));
  return { customChannels: [...customChannels, ...custom.filter((c) => !redefined.has(c.id))], channelOptions };
}

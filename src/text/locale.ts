import * as z from 'zod';

/**
 * The languages govpub writes messages in, one type for every area (workflow reasons, channel
 * findings, previews, trace and inspection reports), so a host passes the same value
 * everywhere. `'zh'` and `'zh-CN'` are the same language (simplified Chinese, the default:
 * editors and reviewers read it); `'en'` is English for developers and hosts that ask for it.
 */
export type Locale = 'zh' | 'zh-CN' | 'en';

/** Every accepted {@link Locale}. */
export const LOCALES = ['zh', 'zh-CN', 'en'] as const satisfies readonly Locale[];

/** The zod schema of a {@link Locale}, for every options object that takes one. */
export const localeSchema = z.enum(LOCALES);

/** The language a locale writes in: `'en'` or `'zh'` (the default, also for `'zh-CN'` and no locale). */
export function languageOf(locale: Locale | undefined): 'zh' | 'en' {
  return locale === 'en' ? 'en' : 'zh';
}

/** The value of an HTML `lang` attribute for a locale. */
export function htmlLang(locale: Locale | undefined): 'zh-CN' | 'en' {
  return languageOf(locale) === 'en' ? 'en' : 'zh-CN';
}

import * as z from 'zod';

/**
 * The elements (and roles) a WeChat theme styles. Roles name generated parts: `table-wrap`
 * (the scrolling box around a table), `ref-mark` (the `[1]` after an external link),
 * `references`, `references-title` and `reference` (the list at the end).
 */
export const WECHAT_THEME_KEYS = [
  'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'del',
  'code', 'pre', 'hr', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'table-wrap', 'ref-mark', 'references', 'references-title', 'reference',
] as const;

/** One of {@link WECHAT_THEME_KEYS}. */
export type WechatThemeKey = (typeof WECHAT_THEME_KEYS)[number];

/**
 * Inline CSS declarations per element or role. WeChat strips `<style>` and classes, so every
 * visual choice must be an inline `style`; these are the only styles the sanitiser lets through.
 */
export type WechatTheme = Partial<Record<WechatThemeKey, string>>;

/** A plain, readable default: 16px body text, generous line height, dark grey on white. */
export const DEFAULT_WECHAT_THEME: Readonly<WechatTheme> = Object.freeze({
  section: 'font-size: 16px; line-height: 1.75; color: #333333; letter-spacing: 0.5px',
  h2: 'font-size: 20px; font-weight: bold; margin: 24px 0 12px; color: #1a1a1a',
  h3: 'font-size: 18px; font-weight: bold; margin: 20px 0 10px; color: #1a1a1a',
  h4: 'font-size: 16px; font-weight: bold; margin: 16px 0 8px; color: #1a1a1a',
  h5: 'font-size: 16px; font-weight: bold; margin: 12px 0 6px',
  h6: 'font-size: 16px; font-weight: bold; margin: 12px 0 6px',
  p: 'margin: 0 0 16px; text-align: justify',
  blockquote: 'margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #c00000; background-color: #f7f7f7; color: #555555',
  ul: 'margin: 0 0 16px; padding-left: 24px',
  ol: 'margin: 0 0 16px; padding-left: 24px',
  li: 'margin: 4px 0',
  a: 'color: #576b95; text-decoration: none',
  strong: 'font-weight: bold; color: #1a1a1a',
  code: 'font-family: Menlo, Consolas, monospace; font-size: 14px; background-color: #f2f2f2; padding: 2px 4px',
  pre: 'margin: 0 0 16px; padding: 12px; background-color: #f2f2f2; overflow-x: auto; font-size: 14px',
  hr: 'border: 0; border-top: 1px solid #e5e5e5; margin: 24px 0',
  img: 'max-width: 100%; height: auto; display: block; margin: 0 auto',
  figure: 'margin: 0 0 16px; text-align: center',
  figcaption: 'font-size: 14px; color: #888888; margin-top: 6px',
  'table-wrap': 'overflow-x: auto; margin: 0 0 16px',
  table: 'border-collapse: collapse; min-width: 100%; font-size: 14px',
  th: 'border: 1px solid #dddddd; padding: 6px 8px; background-color: #f2f2f2; font-weight: bold; white-space: nowrap',
  td: 'border: 1px solid #dddddd; padding: 6px 8px',
  'ref-mark': 'font-size: 12px; color: #576b95',
  references: 'margin-top: 24px; padding-top: 12px; border-top: 1px solid #e5e5e5; font-size: 14px; color: #888888',
  'references-title': 'font-weight: bold; margin: 0 0 8px',
  reference: 'margin: 0 0 4px; word-break: break-all',
} satisfies WechatTheme);

// A declaration list of plain property: value pairs. Values may hold words, numbers with
// units, #colours, commas, quotes-free font names and rgb()/rgba(); nothing that can load or
// run anything (url(), expression(), @import, escapes, quotes, angle brackets).
const DECLARATION = /^\s*[a-z-]+\s*:\s*(?:[a-zA-Z0-9#%.,\s-]|rgba?\(\s*[0-9.,\s%]+\))+\s*$/;

/** True when `style` is a safe inline declaration list (see {@link WechatTheme}). */
export function isSafeStyle(style: string): boolean {
  if (style.length > 1000) return false;
  return style
    .split(';')
    .filter((d) => d.trim() !== '')
    .every((d) => DECLARATION.test(d));
}

/** Validates a theme: known keys only, each value a safe declaration list. */
export const wechatThemeSchema = z
  .object(
    Object.fromEntries(
      WECHAT_THEME_KEYS.map((k) => [
        k,
        z.string().refine(isSafeStyle, { message: 'only plain CSS declarations (no url(), expression(), quotes or escapes)' }).optional(),
      ]),
    ) as Record<WechatThemeKey, z.ZodOptional<z.ZodString>>,
  )
  .strict();

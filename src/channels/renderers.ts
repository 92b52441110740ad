import { decodeHTML } from 'entities';
import { Renderer, TextRenderer, type Tokens } from 'marked';
import type { Severity } from '../findings/index';
import { escapeHtml } from './escape';
import { channelMessage, type ChannelMessageKey } from './messages';
import { THEME_ROLE_ATTRIBUTE, sanitizeChannelHtml } from './sanitize';
import { DEFAULT_WECHAT_THEME, type WechatTheme } from './theme';
import { SAFE_IMAGE_SCHEMES, classifyUrl, hostOf, hostUnder, resolveUrl } from './url';

/**
 * How to render a body to HTML: `website` (semantic, accessible, no styles) or `wechat`
 * (inline theme styles, external links as numbered references, images as figures, tables in
 * a scrolling box).
 */
export interface HtmlProfile {
  kind: 'website' | 'wechat';
  /** `lang` of the website fragment's `<article>`; default `zh-CN`. */
  lang?: string;
  /** Resolves relative links and images against this URL (the article's page). */
  baseUrl?: string;
  /** WeChat inline styles; defaults to {@link DEFAULT_WECHAT_THEME}. */
  theme?: WechatTheme;
  /** Remove images served over plain http (an `insecure_image` error each). */
  httpsOnly?: boolean;
}

/** The codes a renderer reports about the body. */
export type BodyNoteCode =
  | 'external_link'
  | 'unsafe_url'
  | 'relative_link'
  | 'missing_alt'
  | 'external_image'
  | 'insecure_image'
  | 'raw_html'
  | 'active_content'
  | 'heading_level';

/** Something the renderer noticed or changed, located in the Markdown body (UTF-16 offsets). */
export interface BodyNote {
  code: BodyNoteCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** The URL concerned, for link and image notes. */
  url?: string;
  /** Which of the channel messages `message` is, and its parameters, to write it in another locale. */
  messageKey?: ChannelMessageKey;
  messageParams?: Record<string, unknown>;
}

// Markup that can run code or load active content. Raw HTML like this in an approved body is
// an attack or an accident; either way a reviewer must see it (the sanitiser removes it too).
const ACTIVE =
  /<\s*\/?\s*(script|iframe|object|embed|applet|form|svg|math|style|link|meta|base|frame|frameset|xmp|noscript|plaintext|template|isindex)\b|\son[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text\/html|expression\s*\(/i;

/** WeChat keeps links only to its own articles. */
export const WECHAT_LINK_HOST = 'mp.weixin.qq.com';

// Raw HTML is read with the same tolerance a browser has for case, quotes and `/` as an
// attribute separator. These only decide notes and references; the sanitiser, which parses
// properly, still has the last word on what stays live.
const RAW_A_TAG = /<a(?=[\s/>])[^>]*>|<\/a\s*>/gi;
const RAW_IMG = /<img(?=[\s/>])[^>]*>/gi;

/** The value of attribute `name` in one raw start tag, entities decoded; `undefined` when absent. */
function rawAttribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`[\\s/"']${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!m) return new RegExp(`[\\s/"']${name}(?=[\\s/>])`, 'i').test(tag) ? '' : undefined;
  return decodeHTML(m[1] ?? m[2] ?? m[3] ?? '');
}
/** Images WeChat serves; others are filtered unless uploaded with media/uploadimg. */
const WECHAT_IMAGE_HOSTS = ['mmbiz.qpic.cn', 'mmbiz.qlogo.cn'];

/**
 * marked renderer for the HTML channels. Token renderer API (marked ≥ 13): each method gets
 * the token and renders its children through `this.parser`. It also records notes about the
 * body; the output still goes through the sanitiser in {@link HtmlRenderer.finish}.
 */
export class HtmlRenderer extends Renderer {
  readonly notes: BodyNote[] = [];
  readonly references: string[] = [];
  readonly #profile: HtmlProfile;
  readonly #body: string;
  readonly #minDepth: number;
  #cursor = 0;
  #lastLevel = 1;
  // Reference numbers of raw `<a>` tags turned into plain text, innermost last, so that the
  // matching `</a>` gets the `[n]` mark (raw tags reach `html()` one token at a time).
  readonly #openRawLinks: number[] = [];

  constructor(profile: HtmlProfile, body: string, minHeadingDepth: number) {
    super();
    this.#profile = profile;
    this.#body = body;
    this.#minDepth = minHeadingDepth;
  }

  /** Wraps the rendered body and runs the profile's sanitiser over it. */
  finish(inner: string): string {
    if (this.#profile.kind === 'website') {
      return sanitizeChannelHtml(`<article lang="${escapeHtml(this.#profile.lang ?? 'zh-CN')}">\n${inner}</article>`, { kind: 'website', httpsOnly: this.#profile.httpsOnly === true });
    }
    let refs = '';
    if (this.references.length) {
      refs =
        `<section ${THEME_ROLE_ATTRIBUTE}="references"><p ${THEME_ROLE_ATTRIBUTE}="references-title">参考链接</p>\n` +
        this.references.map((url, i) => `<p ${THEME_ROLE_ATTRIBUTE}="reference">[${i + 1}] ${escapeHtml(url)}</p>\n`).join('') +
        '</section>\n';
    }
    const theme = this.#profile.theme ?? DEFAULT_WECHAT_THEME;
    return sanitizeChannelHtml(`<section>\n${inner}${refs}</section>`, { kind: 'wechat', theme, httpsOnly: this.#profile.httpsOnly === true });
  }

  override heading({ tokens, depth, raw }: Tokens.Heading): string {
    // The page (or the WeChat card) already shows the title as the top heading, so the
    // body's shallowest heading becomes h2 and no level is skipped on the way down.
    const wanted = Math.min(6, depth - (this.#minDepth || 1) + 2);
    const level = Math.min(wanted, this.#lastLevel + 1);
    if (level !== wanted && this.#profile.kind === 'website') {
      this.#note('heading_level', 'info', ['heading_level', { level, wanted }], raw);
    }
    this.#lastLevel = level;
    return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
  }

  override link({ href, title, tokens, raw }: Tokens.Link): string {
    const inner = this.parser.parseInline(tokens);
    const target = this.#url(href, raw, 'link');
    if (target === undefined) return inner;
    const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
    if (this.#profile.kind === 'wechat' && hostOf(target) !== WECHAT_LINK_HOST) {
      const n = this.#reference(target, raw);
      return `${inner}<sup ${THEME_ROLE_ATTRIBUTE}="ref-mark">[${n}]</sup>`;
    }
    return `<a href="${escapeHtml(target)}"${titleAttr}>${inner}</a>`;
  }

  override image({ href, title, text, raw }: Tokens.Image): string {
    const src = this.#url(href, raw, 'image');
    if (src === undefined) return escapeHtml(text);
    if (this.#profile.kind === 'website' && text.trim() === '') {
      this.#note('missing_alt', 'error', ['missing_alt_markdown', {}], raw, src);
    }
    if (this.#profile.kind === 'wechat' && !WECHAT_IMAGE_HOSTS.some((h) => hostUnder(hostOf(src) ?? '', h))) {
      this.#note('external_image', 'warning', ['external_image', {}], raw, src);
    }
    const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
    return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}"${titleAttr}>`;
  }

  override paragraph({ tokens }: Tokens.Paragraph): string {
    // A paragraph that holds only images is a figure (with its caption), not text.
    const meaningful = tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br');
    if (meaningful.length > 0 && meaningful.every((t) => t.type === 'image')) {
      return meaningful
        .map((t) => {
          const img = t as Tokens.Image;
          const rendered = this.image(img);
          if (!rendered.startsWith('<img')) return `<p>${rendered}</p>\n`;
          const caption = (img.title || img.text).trim();
          return `<figure>${rendered}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>\n`;
        })
        .join('');
    }
    return `<p>${this.parser.parseInline(tokens)}</p>\n`;
  }

  override table(token: Tokens.Table): string {
    const table = super.table(token);
    return this.#profile.kind === 'wechat' ? `<section ${THEME_ROLE_ATTRIBUTE}="table-wrap">${table}</section>\n` : table;
  }

  override tablecell(token: Tokens.TableCell): string {
    const content = this.parser.parseInline(token.tokens);
    const align = token.align ? ` align="${token.align}"` : '';
    return token.header ? `<th scope="col"${align}>${content}</th>\n` : `<td${align}>${content}</td>\n`;
  }

  override checkbox({ checked }: Tokens.Checkbox): string {
    return checked ? '☑ ' : '☐ ';
  }

  override html({ text, raw }: Tokens.HTML | Tokens.Tag): string {
    if (ACTIVE.test(text)) {
      this.#note('active_content', 'error', ['active_content', {}], raw);
    } else if (text.trim() !== '') {
      this.#note('raw_html', 'warning', ['raw_html', {}], raw);
    }
    for (const img of text.match(RAW_IMG) ?? []) this.#rawImage(img, raw);
    return this.#profile.kind === 'wechat' ? this.#rawLinks(text, raw) : text;
  }

  // The Markdown image rules, for `<img>` written as HTML: alternative text on the website,
  // images WeChat would filter.
  #rawImage(tag: string, raw: string): void {
    const written = rawAttribute(tag, 'src') ?? '';
    const src = this.#profile.baseUrl && classifyUrl(written) === 'relative' ? resolveUrl(written, this.#profile.baseUrl) : written;
    if (this.#profile.httpsOnly && /^\s*http:/i.test(src)) {
      this.#note('insecure_image', 'error', ['insecure_image', {}], raw, src);
    }
    if (this.#profile.kind === 'website' && (rawAttribute(tag, 'alt') ?? '').trim() === '') {
      this.#note('missing_alt', 'error', ['missing_alt_html', {}], raw, src);
    }
    if (this.#profile.kind === 'wechat' && classifyUrl(src, SAFE_IMAGE_SCHEMES) === 'absolute' && !WECHAT_IMAGE_HOSTS.some((h) => hostUnder(hostOf(src) ?? '', h))) {
      this.#note('external_image', 'warning', ['external_image', {}], raw, src);
    }
  }

  // The Markdown link rule, for `<a href>` written as HTML: in WeChat only links to its own
  // articles stay links; any other becomes text with a numbered reference at the end.
  #rawLinks(text: string, raw: string): string {
    return text.replace(RAW_A_TAG, (tag) => {
      if (tag[1] === '/') {
        const n = this.#openRawLinks.pop();
        return n === undefined || n === 0 ? tag : `<sup ${THEME_ROLE_ATTRIBUTE}="ref-mark">[${n}]</sup>`;
      }
      const href = rawAttribute(tag, 'href');
      const target = href === undefined ? undefined : this.#profile.baseUrl && classifyUrl(href) === 'relative' ? resolveUrl(href, this.#profile.baseUrl) : href;
      if (target === undefined || (classifyUrl(target) === 'absolute' && hostOf(target) === WECHAT_LINK_HOST)) {
        this.#openRawLinks.push(0);
        return tag;
      }
      if (classifyUrl(target) === 'absolute' && hostOf(target) !== undefined) {
        this.#openRawLinks.push(this.#reference(target, raw));
      } else {
        this.#note('unsafe_url', classifyUrl(target) === 'unsafe' ? 'error' : 'warning', ['wechat_raw_link', {}], raw, target);
        this.#openRawLinks.push(0);
      }
      return '';
    });
  }

  // The number of `target` in the reference list (added when new), with its note.
  #reference(target: string, raw: string): number {
    let n = this.references.indexOf(target) + 1;
    if (n === 0) n = this.references.push(target);
    this.#note('external_link', 'info', ['external_link', { n }], raw, target);
    return n;
  }

  // Checks a link or image URL; returns the URL to use, or undefined to drop it.
  #url(href: string, raw: string, what: 'link' | 'image'): string | undefined {
    const kind = classifyUrl(href, what === 'image' ? SAFE_IMAGE_SCHEMES : undefined);
    if (kind === 'unsafe') {
      this.#note('unsafe_url', 'error', ['unsafe_url', { what }], raw, href);
      return undefined;
    }
    if (what === 'image' && this.#profile.httpsOnly) {
      const target = kind === 'relative' && this.#profile.baseUrl ? resolveUrl(href, this.#profile.baseUrl) : href;
      if (/^\s*http:/i.test(target)) {
        this.#note('insecure_image', 'error', ['insecure_image', {}], raw, target);
        return undefined;
      }
    }
    if (kind === 'relative') {
      if (this.#profile.baseUrl) return resolveUrl(href, this.#profile.baseUrl);
      if (this.#profile.kind === 'wechat') {
        this.#note('relative_link', 'warning', ['relative_link', { what }], raw, href);
        return undefined;
      }
    }
    return href;
  }

  #note(code: BodyNoteCode, severity: Severity, [key, params]: [ChannelMessageKey, Record<string, unknown>], raw: string, url?: string): void {
    // English in `message` as before; the key and params let each channel say it in its locale.
    const message = channelMessage(key, params, 'en');
    const needle = raw.trim();
    // Several notes about one token share its span: look from the previous note's start then.
    const last = this.notes[this.notes.length - 1];
    const from = last && this.#body.slice(last.start, last.end) === needle ? last.start : this.#cursor;
    let start = needle ? this.#body.indexOf(needle, from) : -1;
    if (start < 0 && needle) start = this.#body.indexOf(needle);
    const note: BodyNote = start < 0 ? { code, severity, message, start: 0, end: 0 } : { code, severity, message, start, end: start + needle.length };
    note.messageKey = key;
    note.messageParams = params;
    if (start >= 0) this.#cursor = start + needle.length;
    if (url !== undefined) note.url = url;
    this.notes.push(note);
  }
}

/** Plain-text rendering of inline tokens: text only, no markup, no images, no raw HTML. */
export class PlainTextRenderer extends TextRenderer {
  override html(): string {
    return '';
  }
  override image(): string {
    return '';
  }
  override br(): string {
    return '\n';
  }
  override checkbox({ checked }: Tokens.Checkbox): string {
    return checked ? '☑ ' : '☐ ';
  }
}

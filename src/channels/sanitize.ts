import sanitizeHtml from 'sanitize-html';
import { SAFE_IMAGE_SCHEMES, SAFE_LINK_SCHEMES, classifyUrl } from './url';
import { isSafeStyle, type WechatTheme } from './theme';

/** Which allowlist to apply: `website` (semantic, no styles) or `wechat` (inline theme styles). */
export type SanitizeProfile =
  | { kind: 'website'; httpsOnly?: boolean }
  | { kind: 'wechat'; theme: Readonly<WechatTheme>; httpsOnly?: boolean }
  | { kind: 'styled' };

const TEXT_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup',
  'mark', 'small', 'abbr', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'hr', 'a', 'img', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'span',
];

const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  th: ['scope', 'colspan', 'rowspan', 'align'],
  td: ['colspan', 'rowspan', 'align'],
  ol: ['start'],
  abbr: ['title'],
  article: ['lang'],
};

// Elements whose content is dropped with them: their text is code, markup or a parser
// trick (`xmp`, `noscript`, `plaintext` switch the browser's tokenizer), never prose.
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext',
  'template', 'iframe', 'object', 'embed', 'applet', 'svg', 'math', 'title', 'head', 'frameset', 'frame', 'canvas',
  'audio', 'video', 'form', 'button',
];

const COMMON: sanitizeHtml.IOptions = {
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  allowedSchemes: [...SAFE_LINK_SCHEMES],
  allowedSchemesByTag: { img: [...SAFE_IMAGE_SCHEMES] },
  allowProtocolRelative: false,
  allowedClasses: {},
  allowVulnerableTags: false,
  // Style values are set (never parsed) by the theme transform below; parsing would pull in
  // postcss and could only ever see theme strings anyway.
  parseStyleAttributes: false,
  enforceHtmlBoundary: false,
};

// Raw HTML gets the URL rule Markdown links and images get (classifyUrl): a value a browser
// would read as another scheme or another host (`\\evil.example`, `\/x`, `&#106;avascript:`)
// is removed, and so is any value starting with a backslash, which browsers read as `/`.
function safeUrlAttributes(attribs: sanitizeHtml.Attributes, tagName: string): sanitizeHtml.Attributes {
  const next: sanitizeHtml.Attributes = { ...attribs };
  for (const name of ['href', 'src'] as const) {
    const value = next[name];
    if (value === undefined) continue;
    const schemes = tagName === 'img' ? SAFE_IMAGE_SCHEMES : SAFE_LINK_SCHEMES;
    if (classifyUrl(value, schemes) === 'unsafe' || /^[\u0000-\u0020]*\\/.test(value)) delete next[name];
  }
  return next;
}

const WEBSITE_OPTIONS: sanitizeHtml.IOptions = {
  ...COMMON,
  allowedTags: [...TEXT_TAGS, 'article', 'section'],
  allowedAttributes: ATTRIBUTES,
  transformTags: { '*': (tagName, attribs) => ({ tagName, attribs: safeUrlAttributes(attribs, tagName) }) },
};

/**
 * The attribute the renderer marks generated parts with (`table-wrap`, `ref-mark`, the
 * reference list) so the WeChat theme can style them. Its name carries a random suffix
 * chosen once per process and it never reaches the output (the sanitiser replaces it with
 * the theme's style), so HTML written by an author cannot claim a theme role: an authored
 * `data-role` is just an attribute outside the allowlist.
 *
 * @internal
 */
export const THEME_ROLE_ATTRIBUTE = `data-govpub-role-${Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** WeChat keeps links only to its own articles (mirrors the renderer's rule, as a last line). */
const WECHAT_LINK_HOST = 'mp.weixin.qq.com';

function isWechatArticleLink(href: string | undefined): boolean {
  if (href === undefined) return false;
  try {
    const u = new URL(href);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.toLowerCase() === WECHAT_LINK_HOST;
  } catch {
    return false;
  }
}

const wechatOptionsCache = new WeakMap<object, sanitizeHtml.IOptions>();
const httpsOnlyCache = new WeakMap<sanitizeHtml.IOptions, sanitizeHtml.IOptions>();

// The same allowlist with images restricted to https.
function httpsImagesOnly(options: sanitizeHtml.IOptions): sanitizeHtml.IOptions {
  let strict = httpsOnlyCache.get(options);
  if (!strict) {
    strict = { ...options, allowedSchemesByTag: { ...(COMMON.allowedSchemesByTag as Record<string, string[]>), img: ['https'] } };
    httpsOnlyCache.set(options, strict);
  }
  return strict;
}

function wechatOptions(theme: Readonly<WechatTheme>): sanitizeHtml.IOptions {
  let options = wechatOptionsCache.get(theme);
  if (options) return options;
  // Own keys only: a role or tag named `constructor` or `__proto__` must find nothing, not
  // Object.prototype's members (whose source would otherwise become a style).
  const styles: Record<string, string | undefined> = Object.assign(Object.create(null) as Record<string, string | undefined>, theme);
  const styleOf = (key: string | undefined) => (key !== undefined && Object.hasOwn(styles, key) ? styles[key] : undefined);
  options = {
    ...COMMON,
    allowedTags: [...TEXT_TAGS, 'section'],
    allowedAttributes: Object.fromEntries(
      [...TEXT_TAGS, 'section'].map((tag) => [tag, [...(ATTRIBUTES[tag] ?? []), 'style']]),
    ),
    transformTags: {
      // Every element's style is replaced by the theme's (or removed): author-supplied styles
      // never survive, so nothing but the theme can position, hide or overlay content.
      '*': (tagName, attribs) => {
        const role = Object.hasOwn(attribs, THEME_ROLE_ATTRIBUTE) ? attribs[THEME_ROLE_ATTRIBUTE] : undefined;
        const next: sanitizeHtml.Attributes = {};
        for (const [k, v] of Object.entries(safeUrlAttributes(attribs, tagName))) if (k !== 'style' && !k.startsWith('data-')) next[k] = v;
        // Last line for links: whatever the renderer did not turn into a reference, an
        // external link does not stay live in WeChat content.
        let tag = tagName;
        if (tagName === 'a' && !isWechatArticleLink(next.href)) {
          tag = 'span';
          delete next.href;
          delete next.title;
        }
        const style = styleOf(role) ?? styleOf(tag);
        if (style) next.style = style;
        return { tagName: tag, attribs: next };
      },
    },
  };
  wechatOptionsCache.set(theme, options);
  return options;
}

// For showing already-formatted WeChat HTML (the preview): styles are kept when they pass
// the same declaration check themes do, whatever theme produced them.
const STYLED_OPTIONS: sanitizeHtml.IOptions = {
  ...COMMON,
  allowedTags: [...TEXT_TAGS, 'section'],
  allowedAttributes: Object.fromEntries([...TEXT_TAGS, 'section'].map((tag) => [tag, [...(ATTRIBUTES[tag] ?? []), 'style']])),
  transformTags: {
    '*': (tagName, attribs) => {
      const next: sanitizeHtml.Attributes = {};
      for (const [k, v] of Object.entries(attribs)) if (k !== 'style' || isSafeStyle(v)) next[k] = v;
      return { tagName, attribs: next };
    },
  },
};

/**
 * Runs the channel's allowlist over rendered HTML. Always the last step before HTML leaves
 * govpub: no scripts, no event handlers, no `javascript:`/`vbscript:`/`data:` or
 * protocol-relative URLs, images only over http(s), no iframes, objects, forms, SVG or MathML,
 * and (for WeChat) only the theme's inline styles.
 */
export function sanitizeChannelHtml(html: string, profile: SanitizeProfile): string {
  const options = profile.kind === 'wechat' ? wechatOptions(profile.theme) : profile.kind === 'styled' ? STYLED_OPTIONS : WEBSITE_OPTIONS;
  return sanitizeHtml(html, profile.kind !== 'styled' && profile.httpsOnly ? httpsImagesOnly(options) : options);
}

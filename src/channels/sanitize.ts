import sanitizeHtml from 'sanitize-html';
import { SAFE_IMAGE_SCHEMES, SAFE_LINK_SCHEMES } from './url';
import { isSafeStyle, type WechatTheme } from './theme';

/** Which allowlist to apply: `website` (semantic, no styles) or `wechat` (inline theme styles). */
export type SanitizeProfile = { kind: 'website' } | { kind: 'wechat'; theme: Readonly<WechatTheme> } | { kind: 'styled' };

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

const WEBSITE_OPTIONS: sanitizeHtml.IOptions = {
  ...COMMON,
  allowedTags: [...TEXT_TAGS, 'article', 'section'],
  allowedAttributes: ATTRIBUTES,
};

const wechatOptionsCache = new WeakMap<object, sanitizeHtml.IOptions>();

function wechatOptions(theme: Readonly<WechatTheme>): sanitizeHtml.IOptions {
  let options = wechatOptionsCache.get(theme);
  if (options) return options;
  const styles = theme as Record<string, string | undefined>;
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
        const role = attribs['data-role'];
        const next: sanitizeHtml.Attributes = {};
        for (const [k, v] of Object.entries(attribs)) if (k !== 'style' && k !== 'data-role') next[k] = v;
        const style = (role !== undefined ? styles[role] : undefined) ?? styles[tagName];
        if (style) next.style = style;
        return { tagName, attribs: next };
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
  return sanitizeHtml(html, options);
}

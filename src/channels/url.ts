/** The schemes a link may use in any channel; images are limited further to `http(s)`. */
export const SAFE_LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/** The schemes an image source may use. */
export const SAFE_IMAGE_SCHEMES: readonly string[] = ['http', 'https'];

/**
 * Classifies a URL the way a browser would resolve it: `absolute` (with an allowed scheme),
 * `relative` (a path, query or fragment on the same site), or `unsafe` (any other scheme,
 * protocol-relative `//host`, backslash tricks, control characters).
 *
 * Browsers ignore ASCII tab and newline inside URLs and strip leading control characters and
 * spaces, so `java\tscript:` is `javascript:`; they are removed before the scheme is read.
 */
export function classifyUrl(url: string, schemes: readonly string[] = SAFE_LINK_SCHEMES): 'absolute' | 'relative' | 'unsafe' {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (/[\u0000-\u001f\u007f]/.test(cleaned)) return 'unsafe';
  // Character references in an href are decoded by the HTML parser; one standing where a
  // scheme or slash could be is how `&#106;avascript:` and `javascript&colon;` sneak through.
  if (/&(#|colon;|tab;|newline;)/i.test(cleaned)) return 'unsafe';
  if (/^[\\/][\\/]/.test(cleaned)) return 'unsafe';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (!scheme) return 'relative';
  return schemes.includes(scheme[1]!.toLowerCase()) ? 'absolute' : 'unsafe';
}

/** The lower-case host name of an absolute http(s) URL, or `undefined`. */
export function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** True when `host` is `domain` or one of its subdomains (`www.gov.cn` is under `gov.cn`). */
export function hostUnder(host: string, domain: string): boolean {
  const d = domain.toLowerCase().replace(/^\.+/, '');
  return host === d || host.endsWith(`.${d}`);
}

/** Resolves a relative URL against `base`; returns `url` unchanged when that is impossible. */
export function resolveUrl(url: string, base: string | undefined): string {
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Finds `http(s)://` links in plain text (up to white space or a CJK character or bracket). */
export const PLAIN_URL = /https?:\/\/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef<>"'（）【】]+/g;

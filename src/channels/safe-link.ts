/**
 * Links as a platform reads them in plain text: http(s) up to whitespace, a quote or a
 * closing bracket (full-width ones included, since Chinese text closes with 】 and ）).
 */
const LINK = /https?:\/\/[^\s"'<>）)】]+/g;

/** The shape of a domain an office registers with a platform (Weibo's 安全域名). */
export const DOMAIN_PATTERN = /^[a-z0-9.-]+\.[a-z]{2,}$/i;

/**
 * Whether `text` contains an http(s) link whose host is `domain` or one of its subdomains:
 * Weibo's `statuses/share` refuses a post without one (微博开放平台 API 文档 statuses/share,
 * “status 中须包含安全域名下的链接”). One function for the channel's check at submit and the
 * transport's check at send, so the two cannot disagree.
 */
export function hasLinkOnDomain(text: string, domain: string): boolean {
  const want = domain.toLowerCase();
  for (const [link] of text.matchAll(LINK)) {
    let host: string;
    try {
      host = new URL(link).hostname.toLowerCase();
    } catch {
      continue;
    }
    if (host === want || host.endsWith(`.${want}`)) return true;
  }
  return false;
}

import { decodeHTML } from 'entities';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and XML, in element content and in quoted attribute values alike.
 * Every `&` is escaped, so entities in the input are shown, not interpreted.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Escapes text for XML 1.0 and drops the characters XML 1.0 cannot carry at all (C0 controls
 * other than tab, line feed and carriage return; lone surrogates; U+FFFE/U+FFFF), which would
 * otherwise make a whole feed unparseable.
 */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''));
}

/**
 * Decodes character references (`&amp;`, `&#20013;`, `&#x4E2D;` and every HTML5 named one,
 * `&ldquo;`, `&middot;`, `&yen;` …) the way a browser does, for channels that carry plain
 * text. Uses the `entities` package's HTML decoder; a reference to NUL, a surrogate or a code
 * point past U+10FFFF becomes U+FFFD, as in HTML.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTML(text);
}

import { escapeHtml } from './escape';

/** What {@link htmlPage} writes around a page's body. */
export interface HtmlPageParts {
  /** `lang` of the page (already validated by the caller, escaped here). */
  lang: string;
  /** The page title (plain text; escaped here). */
  title: string;
  /** The page's whole stylesheet (trusted: written by govpub, never from input). */
  style: string;
  /** The body's HTML (trusted: the caller escaped or sanitised every value in it). */
  body: string;
  /**
   * The Content-Security-Policy. Default: nothing may load or run but inline styles.
   * A page that shows images adds `img-src`.
   */
  csp?: string;
}

/** The policy every govpub page starts from: no scripts, no fetches, no frames; inline styles only. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The one page shell (DOCTYPE, charset, CSP, viewport, referrer, title) shared by the
 * preview, the inspection report and the trace view, so the three cannot drift apart in
 * what they allow or in how they escape the title.
 *
 * @example
 * ```ts
 * htmlPage({ lang: 'zh-CN', title: '渠道预览', style: 'body{margin:0}', body: '<h1>渠道预览</h1>' });
 * ```
 */
export function htmlPage(parts: HtmlPageParts): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(parts.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(parts.csp ?? PAGE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.style}</style>
</head>
<body>
${parts.body}
</body>
</html>
`;
}

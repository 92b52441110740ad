import type { MarkdownSource } from './markdown-source';
import type { Article } from './types';

/**
 * The running text a plain-text channel shows: the authored summary when there is one,
 * otherwise the body as plain text on one line (blocks joined by a space, or nothing after
 * Chinese sentence punctuation).
 */
export function leadText(article: Article, markdown: MarkdownSource): string {
  const summary = article.summary?.trim();
  if (summary) return summary;
  return markdown
    .plainText()
    .split('\n')
    .reduce((acc, line) => (acc === '' ? line : /[。！？；：，、）】》”]$/.test(acc) ? acc + line : `${acc} ${line}`), '');
}

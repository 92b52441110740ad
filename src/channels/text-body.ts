import type { MarkdownSource } from './markdown-source';
import type { Article } from './types';

const PUNCTUATED_END = /^[。！？；：，、）】》”]$/;

/**
 * The running text a plain-text channel shows: the authored summary when there is one,
 * otherwise the body as plain text on one line (blocks joined by a space, or nothing after
 * Chinese sentence punctuation).
 */
export function leadText(article: Article, markdown: MarkdownSource): string {
  const summary = article.summary?.trim();
  if (summary) return summary;
  // Joined in one pass, looking only at the end of the previous line: testing the growing
  // result with a `$`-anchored pattern flattens it every time (quadratic on long texts).
  const parts: string[] = [];
  let previous = '';
  for (const line of markdown.plainText().split('\n')) {
    if (parts.length > 0 && !PUNCTUATED_END.test(previous.slice(-1))) parts.push(' ');
    parts.push(line);
    if (line !== '') previous = line;
  }
  return parts.join('');
}

import { visibleText, type VisibleText } from '../text/index';
import { parseArticle } from './article';
import type { Article } from './types';

/** One article field as channels show it; see {@link visibleFields}. */
export interface VisibleField extends VisibleText {
  /** The field's name: `title`, `body`, `summary`, `author`, `source`, `url`, `coverImage`, or `tags.<i>`. */
  field: string;
  /** The same as a path, as in validation issues: `['tags', 1]`. */
  path: (string | number)[];
}

/**
 * Every article field some channel renders, each as a reader will see it (markup removed,
 * character references decoded, invisible characters dropped) with the map back to the
 * source field. The body is read as Markdown (emphasis and code markers are not shown);
 * every other field as HTML-ish text, because some channel (the website's `<meta>`, the
 * WeChat digest, a feed reader) renders each of them as HTML.
 *
 * Throws `VALIDATION` for an article {@link formatFor} would refuse.
 *
 * @example
 * ```ts
 * visibleFields({ title: '通知', body: '机<i></i>密★1年', tags: ['&#26426;密'] })
 *   .map((f) => [f.field, f.text]); // [['title', '通知'], ['body', '机密★1年'], ['tags.0', '机密']]
 * ```
 */
export function visibleFields(article: Article): VisibleField[] {
  const a = parseArticle(article);
  const fields: VisibleField[] = [];
  const add = (path: (string | number)[], value: string | undefined, markup: 'html' | 'markdown' | 'none') => {
    if (value === undefined || value === '') return;
    fields.push({ ...visibleText(value, { markup }), field: path.join('.'), path });
  };
  add(['title'], a.title, 'html');
  add(['body'], a.body, 'markdown');
  add(['summary'], a.summary, 'html');
  add(['author'], a.author, 'html');
  add(['source'], a.source, 'html');
  (a.tags ?? []).forEach((tag, i) => add(['tags', i], tag, 'html'));
  add(['url'], a.url, 'none');
  add(['coverImage'], a.coverImage, 'none');
  return fields;
}

import { detectSensitive, maskValue, type DetectOptions, type SensitiveFinding } from '../confidentiality/index';
import { createFinding } from '../findings/index';
import { requireObject } from '../text/index';
import type { Article } from './types';
import { visibleFields, type VisibleField } from './visible-fields';

/**
 * A {@link SensitiveFinding} located in one article field: `start`, `end`, `line`, `column`
 * and `excerpt` refer to that field's source text (markup and references included), so an
 * editor highlights exactly what to change.
 */
export interface ArticleSensitiveFinding extends SensitiveFinding {
  /** The field: `title`, `body`, `summary`, `author`, `source`, `url`, `coverImage` or `tags.<i>`. */
  field: string;
  /** The field as a path: `['tags', 1]`. */
  path: (string | number)[];
  /** What the reader sees of the span (`excerpt` without markup, references decoded). */
  visibleExcerpt: string;
}

/**
 * {@link detectSensitive} over everything an article will publish: every field any channel
 * renders ({@link visibleFields}), each scanned both as written and as channels render it,
 * so personal data and markings split by inline markup, written as character references,
 * broken by zero-width characters or placed in tags, byline or summary are found. Each
 * finding points back into its source field; a value found both ways is reported once.
 *
 * Throws `VALIDATION` for a bad article or bad options.
 *
 * @example
 * ```ts
 * detectSensitiveInArticle({ title: '通知', body: '机<i></i>密★1年\n\n正文' });
 * // [{ kind: 'classification-marking', field: 'body', start: 0, end: 12, excerpt: '机<i></i>密★1年', … }]
 * ```
 */
export function detectSensitiveInArticle(article: Article, options: DetectOptions = {}): ArticleSensitiveFinding[] {
  const fields = visibleFields(article);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) requireObject(options, 'detectSensitiveInArticle options', 'options');
  // Validates the options once, and fixes `now` so both scans of a field agree.
  const opts: DetectOptions = { ...options, now: options.now ?? new Date() };
  detectSensitive('', opts);
  return fields.flatMap((f) => detectInField(f, opts));
}

function detectInField(field: VisibleField, options: DetectOptions): ArticleSensitiveFinding[] {
  const asWritten = detectSensitive(field.source, options).map((f) => locate(field, f, f.start, f.end, f.excerpt));
  if (field.text === field.source) return asWritten;
  const asShown = detectSensitive(field.text, options).map((f) => {
    const span = field.toSource(f.start, f.end);
    return locate(field, f, span.start, span.end, f.excerpt);
  });
  return merge([...asWritten, ...asShown]);
}

function locate(field: VisibleField, f: SensitiveFinding, start: number, end: number, visibleExcerpt: string): ArticleSensitiveFinding {
  const { line: _l, column: _c, excerpt: _e, fix, start: _s, end: _n, ...rest } = f;
  const located = createFinding(field.source, {
    ...rest,
    start,
    end,
    ...(fix !== undefined && { fix: { start, end, text: maskValue(visibleExcerpt, f.kind) } }),
  });
  return { ...located, kind: f.kind, level: f.level, confidence: f.confidence, field: field.field, path: field.path, visibleExcerpt };
}

// Both scans usually find the same value; where their spans overlap keep one: the more
// confident, then the longer (the one that saw through the markup), then the first.
function merge(findings: ArticleSensitiveFinding[]): ArticleSensitiveFinding[] {
  const ranked = [...findings].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ArticleSensitiveFinding[] = [];
  for (const f of ranked) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

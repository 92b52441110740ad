import type { Article } from '../channels/index';
import type { GovDocument } from '../document/index';

/** The channel-facing view of a document at the moment it is published. */
export function articleOf(doc: GovDocument, at: Date): Article {
  const article: Article = { title: doc.title, body: doc.body, publishedAt: at, updatedAt: at };
  if (doc.summary !== undefined) article.summary = doc.summary;
  if (doc.author !== undefined) article.author = doc.author;
  if (doc.url !== undefined) article.url = doc.url;
  if (doc.coverImage !== undefined) article.coverImage = doc.coverImage;
  if (doc.tags !== undefined) article.tags = doc.tags;
  // A repost names its source; channels show it (WeChat 原文, the feed's source).
  if (doc.repostOf !== undefined) article.source = doc.repostOf;
  return article;
}

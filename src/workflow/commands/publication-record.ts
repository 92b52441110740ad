import type { GovDocument, PublishedOriginality } from '../../document/index';

/**
 * The text of a published revision, kept in its `published` event: the document's snapshot
 * is replaced when a revised document is published again, and the event is the one record
 * every adapter keeps for good (and the audit chain's hash covers it), so `traceInStorage`
 * can still show that a circulating copy comes from a superseded or withdrawn revision.
 */
export interface PublishedText {
  title: string;
  body: string;
  summary?: string;
}

/** What publishing adds to the `published` event's data: the revision's text and the duplicate gate's judgement of it. */
export interface PublicationEventRecord {
  text: PublishedText;
  originality: PublishedOriginality;
}

/**
 * The record of the revision being published, from the document as it goes out (`doc`: the
 * reviewed revision, still carrying the findings of its submission). Originality is kept
 * because the gate runs at submission and publishing replaces the document's findings, so
 * without it the judgement is gone once the document is published.
 */
export function publicationEventRecord(doc: Readonly<GovDocument>): PublicationEventRecord {
  const text: PublishedText = { title: doc.title, body: doc.body };
  if (doc.summary !== undefined) text.summary = doc.summary;
  let copied: number | null = null;
  for (const f of doc.findings) {
    if (f.ruleId !== 'duplicates/near-duplicate' && f.ruleId !== 'duplicates/mosaic') continue;
    const share = f.ruleId === 'duplicates/mosaic' ? f.details?.copied : f.details?.containment;
    const value = typeof share === 'number' && Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
    copied = Math.max(copied ?? 0, value);
  }
  const declared = doc.repostOf !== undefined && doc.repostOf !== '';
  return { text, originality: { original: !declared && copied === null, copied: copied === null ? null : Math.round(copied * 1000) / 1000 } };
}

import type { AuditEvent, GovDocument } from '../document/index';
import type { PublicationEventFacts, PublicationFacts } from './publication-facts';

/**
 * The {@link PublicationFacts} of a published document from its stored version and audit
 * trail: what an adapter without `publicationFacts` yields through `listDocuments` and
 * `getEvents`. The PostgreSQL adapter computes the same in SQL; the two must agree exactly
 * (`test/inspection/facts-differential.test.ts`). `null` for a document never published.
 */
export function factsOfDocument(doc: GovDocument, events: readonly AuditEvent[]): PublicationFacts | null {
  const p = doc.published;
  if (p === null || typeof p !== 'object') return null;
  const trail: PublicationEventFacts[] = [];
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'published') {
      trail.push({ type: 'published', revision: e.revision, at: e.at, urgent: data.urgent === true, channels: outputChannels(data.outputs), original: originalOf(data.originality) });
    } else if (e.type === 'withdrawn') {
      trail.push({ type: 'withdrawn', revision: e.revision, at: e.at, withdrawnRevision: typeof data.revision === 'number' ? data.revision : e.revision });
    } else if (e.type === 'waived' && typeof data.ruleId === 'string') {
      trail.push({ type: 'waived', revision: e.revision, at: e.at, ruleId: data.ruleId });
    }
  }
  return { ...documentPart(doc, p), events: trail };
}

/** A canonical `Date.prototype.toISOString()` instant: compared as text, in time order. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Whether a document's stored version alone says everything its events would: never revised
 * (revision 1, so exactly one publication, at `published.publishedAt`, the `published`
 * event's own instant), still published, and either urgent with its review open
 * (`retrospectiveReview`) or plainly not urgent — every signature older than the publication,
 * since an urgent publication always owes at least one step and signing it after the fact adds
 * a later signature. Instants are compared as canonical `toISOString()` text (what the
 * publisher writes); anything else reads the events. The PostgreSQL adapter applies the same
 * rule in SQL (migration 5), so both paths skip the same documents' events.
 */
export function standsAlone(doc: GovDocument): boolean {
  const p = doc.published;
  if (p === null || typeof p !== 'object' || doc.revision !== 1 || p.revision !== 1 || doc.state !== 'published' || p.withdrawn !== null) return false;
  if (typeof doc.retrospectiveReview === 'object' && doc.retrospectiveReview !== null) return true;
  const at = p.publishedAt;
  if (typeof at !== 'string' || !CANONICAL_INSTANT.test(at)) return false;
  const signatures: unknown[] = Array.isArray(doc.signatures) ? doc.signatures : [];
  return signatures.every((s) => {
    const signed = (s as { at?: unknown } | null)?.at;
    return typeof signed === 'string' && CANONICAL_INSTANT.test(signed) && signed < at;
  });
}

/**
 * The facts of a document that {@link standsAlone}, with `events: null` (its one publication
 * is rebuilt from the snapshot by `recordsFromFacts`), or `null` when its events must be read.
 */
export function factsFromDocumentAlone(doc: GovDocument): PublicationFacts | null {
  if (!standsAlone(doc)) return null;
  return { ...documentPart(doc, doc.published!), events: null };
}

function documentPart(doc: GovDocument, p: NonNullable<GovDocument['published']>): Omit<PublicationFacts, 'events'> {
  const findings = Array.isArray(doc.findings) ? doc.findings : [];
  return {
    id: doc.id,
    createdAt: doc.createdAt,
    revision: doc.revision,
    channels: [...doc.channels],
    declaredRepost: typeof doc.repostOf === 'string' && doc.repostOf !== '',
    retrospectivePending: typeof doc.retrospectiveReview === 'object' && doc.retrospectiveReview !== null,
    published: { revision: p.revision, publishedAt: p.publishedAt, channels: outputChannels(p.outputs), original: originalOf(p.originality) },
    findings: findings.map((f) => f.ruleId),
    waivedFindings: findings.filter((f) => typeof f.details === 'object' && f.details !== null && !Array.isArray(f.details) && 'waived' in f.details).map((f) => f.ruleId),
  };
}

function outputChannels(outputs: unknown): string[] {
  if (!Array.isArray(outputs)) return [];
  return outputs.flatMap((o) => (typeof o === 'object' && o !== null && !Array.isArray(o) && typeof (o as { channel?: unknown }).channel === 'string' ? [(o as { channel: string }).channel] : []));
}

function originalOf(originality: unknown): boolean | null {
  const o = originality as { original?: unknown } | null | undefined;
  return typeof o === 'object' && o !== null && typeof o.original === 'boolean' ? o.original : null;
}

import type { AuditEvent, GovDocument } from '../document/index';
import type { PublicationEventFacts, PublicationFacts } from '../storage/index';

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

/**
 * The facts of a document whose stored version alone says everything its events would, or
 * `null` (read its events): never revised (revision 1, so exactly one publication, at
 * `published.publishedAt`, the `published` event's own instant), still published, and either
 * urgent with its review open (`retrospectiveReview`) or plainly not urgent — every signature
 * older than the publication, since an urgent publication always owes at least one step and
 * signing it after the fact adds a later signature. Its one `published` event is rebuilt from
 * the snapshot (whose `outputs` and `originality` are the event's). No waiver events are lost:
 * the snapshot's findings describe the live revision and are what counts for it.
 */
export function factsFromDocumentAlone(doc: GovDocument): PublicationFacts | null {
  const p = doc.published;
  if (p === null || doc.revision !== 1 || p.revision !== 1 || doc.state !== 'published' || p.withdrawn !== null) return null;
  const publishedMs = Date.parse(p.publishedAt);
  const pending = doc.retrospectiveReview !== null;
  if (!pending && doc.signatures.some((s) => !(Date.parse(s.at) < publishedMs))) return null;
  const part = documentPart(doc, p);
  return { ...part, events: [{ type: 'published', revision: 1, at: p.publishedAt, urgent: pending, channels: part.published.channels, original: part.published.original }] };
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
    published: { revision: p.revision, channels: outputChannels(p.outputs), original: originalOf(p.originality) },
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

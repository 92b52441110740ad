import type { PublicationEventFacts, PublicationFacts } from '../storage/index';
import type { PublicationRecord, RecordDeliveryState } from './types';

/** The delivery state of one publication to one account, when the storage has a ledger (see `delivery-states.ts`). */
export type DeliveryStateOf = (documentId: string, revision: number, accountId: string) => RecordDeliveryState | undefined;

/**
 * The {@link PublicationRecord}s of one published document: one per publication (each
 * `published` event, superseded revisions included) and account of each channel it went to.
 *
 * - `withdrawnAt`: the first `withdrawn` event naming that revision at or after it;
 * - `retrospectivePending`: urgent, the live publication, and the document still owes review;
 * - `original`: the duplicate gate's judgement kept with the publication, else (publications
 *   from before it was kept) `false` when the document declares `repostOf` or the findings
 *   kept for that revision include `duplicates/near-duplicate`;
 * - `findingsByCategory`: the findings kept on the document while the live revision is the
 *   current one, else that revision's `waived` events;
 * - `correctionOf`: the document's id for every revision published after its first.
 */
export function recordsFromFacts(facts: PublicationFacts, accountsOf: (channel: string) => readonly string[], deliveryStateOf?: DeliveryStateOf): PublicationRecord[] {
  const live = facts.published;
  // Events not read (the document stands alone): its one publication is the snapshot's,
  // urgent exactly when review is still owed (see standsAlone).
  const events: readonly PublicationEventFacts[] = facts.events ?? [
    { type: 'published', revision: live.revision, at: live.publishedAt, urgent: facts.retrospectivePending, channels: live.channels, original: live.original },
  ];
  const publications = events.filter((e) => e.type === 'published');
  const withdrawals = events.filter((e) => e.type === 'withdrawn');
  const waivedByRevision = new Map<number, string[]>();
  for (const e of events) {
    if (e.type !== 'waived') continue;
    const list = waivedByRevision.get(e.revision) ?? [];
    list.push(e.ruleId);
    waivedByRevision.set(e.revision, list);
  }
  const firstRevision = publications.reduce((m, p) => Math.min(m, p.revision), Infinity);
  const records: PublicationRecord[] = [];
  publications.forEach((p, i) => {
    const isLive = p.revision === live.revision && !publications.slice(i + 1).some((q) => q.revision === p.revision);
    // The findings on the document belong to its current revision; they are the publish-time
    // ones only while that revision is the one published.
    const keptFindings = isLive && facts.revision === live.revision;
    const withdrawn = withdrawals.find((w) => w.withdrawnRevision === p.revision && w.at >= p.at);
    // Events written before they carried outputs: fall back to the snapshot, then the targets.
    const channels = p.channels.length ? p.channels : isLive ? live.channels : facts.channels;
    const original = p.original ?? (isLive ? live.original : null) ?? !(facts.declaredRepost || (keptFindings && facts.findings.includes('duplicates/near-duplicate')));
    const findingsByCategory = keptFindings ? countFindings(facts.findings, facts.waivedFindings) : countFindings(waivedByRevision.get(p.revision) ?? [], waivedByRevision.get(p.revision) ?? []);
    for (const channel of new Set(channels)) {
      for (const accountId of accountsOf(channel)) {
        const r: PublicationRecord = {
          documentId: facts.id,
          revision: p.revision,
          accountId,
          channel,
          publishedAt: p.at,
          urgent: p.urgent,
          retrospectivePending: p.urgent && isLive && facts.retrospectivePending,
          original,
          findingsByCategory: copyCounts(findingsByCategory),
        };
        if (withdrawn) r.withdrawnAt = withdrawn.at;
        if (p.revision > firstRevision) r.correctionOf = facts.id;
        const delivery = deliveryStateOf?.(facts.id, p.revision, accountId);
        if (delivery !== undefined) r.deliveryState = delivery;
        records.push(r);
      }
    }
  });
  return records;
}

/**
 * The checker a finding comes from, by its rule id: `confidentiality/…`, `duplicates/…` and
 * `channel/…` name theirs; every other prefix is a caliber rule set's id.
 */
export function findingCategory(ruleId: string): string {
  const prefix = ruleId.split('/', 1)[0] ?? '';
  return prefix === 'confidentiality' || prefix === 'duplicates' || prefix === 'channel' ? prefix : 'caliber';
}

function countFindings(caught: readonly string[], waived: readonly string[]): Record<string, { caught: number; waived: number }> {
  const out: Record<string, { caught: number; waived: number }> = {};
  for (const id of caught) (out[findingCategory(id)] ??= { caught: 0, waived: 0 }).caught++;
  for (const id of waived) (out[findingCategory(id)] ??= { caught: 0, waived: 0 }).waived++;
  return out;
}

function copyCounts(counts: Record<string, { caught: number; waived: number }>): Record<string, { caught: number; waived: number }> {
  const out: Record<string, { caught: number; waived: number }> = {};
  for (const k in counts) out[k] = { caught: counts[k]!.caught, waived: counts[k]!.waived };
  return out;
}

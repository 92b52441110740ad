import { canonicalJson } from '../hash/index';
import { sha256Hex } from '../hash/index';
import type { AuditEvent } from '../document/index';

/** The `prevHash` of a document's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event before it is chained: everything but `hash`. */
export type UnchainedEvent = Omit<AuditEvent, 'hash'>;

/** SHA-256 over the previous hash and the canonical JSON of the event's other fields. */
export function hashEvent(event: UnchainedEvent): string {
  const { prevHash, ...rest } = event;
  return sha256Hex(`${prevHash}\n${canonicalJson(rest)}`);
}

/**
 * Appends events to a chain whose last event is `head` (or none): numbers them and links
 * each to the one before.
 */
export function chainEvents(
  head: { seq: number; hash: string } | null,
  events: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>[],
): AuditEvent[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return events.map((e) => {
    const unchained: UnchainedEvent = { ...e, seq: ++seq, prevHash };
    const hash = hashEvent(unchained);
    prevHash = hash;
    return { ...unchained, hash };
  });
}

/** The result of {@link verifyChain}: either intact, or the first broken link and why. */
export type ChainVerification =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Checks a document's events: sequence numbers 1, 2, 3, …, each `prevHash` equal to the
 * previous event's `hash`, each `hash` recomputed from its content, and — when the document's
 * recorded head is given — that the chain ends there (so dropping the newest events shows).
 */
export function verifyChain(events: readonly AuditEvent[], head?: { seq: number; hash: string } | null): ChainVerification {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const fail = (reason: string): ChainVerification => ({ ok: false, count: events.length, brokenAt: e.seq ?? i + 1, reason });
    if (e.seq !== i + 1) return fail(`expected seq ${i + 1}, found ${e.seq}`);
    if (e.prevHash !== prevHash) return fail(`prevHash of event ${e.seq} does not match the hash of event ${i}`);
    const { hash, ...unchained } = e;
    if (hashEvent(unchained) !== hash) return fail(`event ${e.seq} was altered: its content no longer matches its hash`);
    prevHash = hash;
  }
  if (head && (head.seq !== events.length || head.hash !== prevHash)) {
    return {
      ok: false,
      count: events.length,
      brokenAt: Math.min(head.seq, events.length + 1),
      reason: `the document records ${head.seq} events ending in ${head.hash.slice(0, 12)}…, the trail has ${events.length}`,
    };
  }
  return { ok: true, count: events.length, headHash: prevHash };
}

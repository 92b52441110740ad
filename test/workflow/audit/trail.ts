// A miniature of how the publisher will use the audit core once it is wired in: each commit
// appends events that carry the content digest of the document it writes, chained by hash,
// and the new head is signed. Test-only; it mirrors src/workflow/audit-chain.ts's scheme
// (hash = SHA-256 of prevHash, a newline and the canonical JSON of the rest).
import { canonicalJson, sha256Hex } from '../../../src/hash/index';
import { contentDigest, type DocumentHead, type HeadSignature, type HeadSigner } from '../../../src/workflow/audit/index';

export const GENESIS = '0'.repeat(64);

export interface TestEvent {
  documentId: string;
  seq: number;
  type: string;
  actor: { id: string; roles: string[] };
  at: string;
  revision: number;
  data: Record<string, unknown>;
  contentDigest: string;
  prevHash: string;
  hash: string;
}

export interface TestDocument {
  id: string;
  version: number;
  revision: number;
  state: string;
  title: string;
  body: string;
  summary?: string;
  level: string;
  channels: string[];
  authorId: string;
  currentStep: string | null;
  signatures: { step: string; actorId: string; at: string; comment?: string }[];
  findings: unknown[];
  waivers: { ruleId: string; excerpt: string; reason: string; actorId: string; at: string; revision: number }[];
  scheduledAt: string | null;
  published: null | { revision: number; title: string; body: string; level: string; publishedAt: string; publishedBy: string; outputs: unknown[]; withdrawn: null };
  retrospectiveReview: null;
  historyHead: { seq: number; hash: string } | null;
  createdAt: string;
  updatedAt: string;
}

export function hashEvent(event: Omit<TestEvent, 'hash'>): string {
  const { prevHash, ...rest } = event;
  return sha256Hex(`${prevHash}\n${canonicalJson(rest)}`);
}

/** A document store as a database administrator sees it: rows to read, edit and delete. */
export class TestDatabase {
  documents = new Map<string, TestDocument>();
  events = new Map<string, TestEvent[]>();
  headSignatures = new Map<string, HeadSignature>();
  private minute = 0;

  constructor(private readonly signer: HeadSigner) {}

  private now(): string {
    return new Date(Date.UTC(2026, 2, 1, 8, this.minute++)).toISOString();
  }

  /** One commit: the new document, one event carrying its digest, the head signed. */
  commit(document: TestDocument, type: string, actorId: string, data: Record<string, unknown> = {}): void {
    const events = this.events.get(document.id) ?? [];
    const prev = events[events.length - 1];
    const unhashed = {
      documentId: document.id,
      seq: (prev?.seq ?? 0) + 1,
      type,
      actor: { id: actorId, roles: ['author', 'reviewer', 'approver', 'publisher'] },
      at: this.now(),
      revision: document.revision,
      data,
      contentDigest: contentDigest(document),
      prevHash: prev?.hash ?? GENESIS,
    };
    const event = { ...unhashed, hash: hashEvent(unhashed) };
    const stored = structuredClone({ ...document, historyHead: { seq: event.seq, hash: event.hash } });
    this.documents.set(document.id, stored);
    this.events.set(document.id, [...events, event]);
    this.headSignatures.set(document.id, this.signer.sign(headOf(stored, [...events, event])));
  }

  heads(): DocumentHead[] {
    return [...this.documents.values()].map((d) => headOf(d, this.events.get(d.id) ?? []));
  }

  eventHashAt = (documentId: string, seq: number): string | null => this.events.get(documentId)?.[seq - 1]?.hash ?? null;
}

/** The head of a stored document: its last event, and that event's content digest. */
export function headOf(document: { id: string }, events: readonly TestEvent[]): DocumentHead {
  const last = events[events.length - 1]!;
  return { documentId: document.id, seq: last.seq, hash: last.hash, contentDigest: last.contentDigest };
}

/** Recomputes every hash from `fromIndex` on, as an attacker who knows the scheme would. */
export function rechain(events: TestEvent[]): TestEvent[] {
  const out: TestEvent[] = [];
  for (const [i, e] of events.entries()) {
    const { hash: _old, ...rest } = e;
    const unhashed = { ...rest, seq: i + 1, prevHash: out[i - 1]?.hash ?? GENESIS };
    out.push({ ...unhashed, hash: hashEvent(unhashed) });
  }
  return out;
}

export function draft(id: string, overrides: Partial<TestDocument> = {}): TestDocument {
  return {
    id,
    version: 1,
    revision: 1,
    state: 'draft',
    title: '关于做好冬季供暖工作的通知',
    body: '各区县人民政府：\n\n为做好今冬明春供暖工作，现将有关事项通知如下。',
    level: 'public',
    channels: ['website', 'wechat'],
    authorId: 'zhang.san',
    currentStep: null,
    signatures: [],
    findings: [],
    waivers: [],
    scheduledAt: null,
    published: null,
    retrospectiveReview: null,
    historyHead: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

import type { Actor, AuditEventType, GovDocument } from '../../document/index';
import type { LedgerWrite } from '../../storage/index';
import { actorSchema, DELIVERY_EVENT_TYPES } from '../../document/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { stateReason } from '../action-event';
import { chainEvents } from '../audit-chain';
import { contentDigest } from '../audit/index';
import type { MachineEvent } from '../machine';
import { decide } from '../machine-bridge';
import { scheduledLater } from '../scheduled-later';
import { policyReasons, type PolicyAction } from '../policy';
import { reason, type Reason } from '../reasons';
import type { CommandContext } from './context';
import { gateCommitParts } from '../gates/commit-parts';

/** Event content before the chain numbers and hashes it. */
export type EventDraft = { type: AuditEventType; data: Record<string, unknown> };

/** What a command computes: the next version of the document and the events that explain it. */
export interface Change {
  document: GovDocument;
  events: EventDraft[];
  /** Ledger rows written in the same commit (publish, withdraw, a delivery outcome). */
  deliveries?: LedgerWrite;
}

/** What a command's `compute` step receives. */
export interface ComputeInput<D extends GovDocument | null> {
  /** A private copy of the stored document (`null` when creating). */
  document: D;
  /** The copy with the machine's decision applied (state and review step), or `null` when creating. */
  moved: D;
  actor: Actor;
  at: Date;
}

/** One command, described for {@link runCommand}. */
export interface CommandSpec<D extends GovDocument | null> {
  /** The document acted on, or `null` to create one. */
  id: D extends null ? null : string;
  actor: unknown;
  action: PolicyAction;
  /** What the machine is asked; `null` when the machine has no say (creating). */
  event: MachineEvent | null;
  /** The command's time instead of the clock's (`publishDue(actor, now)`). */
  at?: Date;
  /** Refuse with `CONFLICT` unless the stored document is at this version. */
  expectedVersion?: number;
  /** Locks held (through the adapter's `exclusive`) from loading to the commit; see `Gate.exclusive`. */
  exclusive?: readonly string[];
  compute(input: ComputeInput<D>): Promise<Change> | Change;
}

/**
 * The shape of every command: validate the actor → load → ask the machine (once) and the
 * policy → compute → commit → let stateful gates observe. Keeping it in one place means no
 * command can skip a step, e.g. create a draft without the policy's say.
 */
export async function runCommand<D extends GovDocument | null>(ctx: CommandContext, spec: CommandSpec<D>): Promise<GovDocument> {
  const actor = parseOrThrow(actorSchema, spec.actor, 'actor');
  await ctx.start();
  const document = await holding(ctx, [...new Set(spec.exclusive ?? [])].sort(), () => loadDecideCommit(ctx, spec, actor));
  await observe(ctx, document);
  return document;
}

/** Runs `work` holding every named lock (in a fixed order, so two commands never deadlock). */
async function holding<T>(ctx: CommandContext, keys: readonly string[], work: () => Promise<T>): Promise<T> {
  const exclusive = ctx.storage.exclusive?.bind(ctx.storage);
  const [first, ...rest] = keys;
  if (!exclusive || first === undefined) return work();
  return exclusive(first, () => holding(ctx, rest, work));
}

async function loadDecideCommit<D extends GovDocument | null>(ctx: CommandContext, spec: CommandSpec<D>, actor: Actor): Promise<GovDocument> {
  const before = spec.id === null ? null : await loadDocument(ctx, spec.id);
  if (before && spec.expectedVersion !== undefined && before.version !== spec.expectedVersion && !(await onlyOutcomesSince(ctx, before, spec.expectedVersion))) {
    throw new GovpubError('CONFLICT', `Document ${before.id} is at version ${before.version}, not ${spec.expectedVersion}; reload and retry`, {
      details: { id: before.id, expectedVersion: spec.expectedVersion, actualVersion: before.version },
    });
  }
  const at = spec.at ?? ctx.now();
  const { reasons, next } = authorize(ctx, before, actor, spec.action, spec.event, at);
  if (reasons.length) refuse(reasons);
  const copy = before === null ? null : structuredClone(before);
  const moved = copy === null || next === null ? copy : { ...copy, state: next.state, currentStep: next.currentStep };
  const change = await spec.compute({ document: copy as D, moved: moved as D, actor, at });
  return commitChange(ctx, before, change, actor, at);
}

const OUTCOME_TYPES: ReadonlySet<string> = new Set(DELIVERY_EVENT_TYPES);

/**
 * Whether every commit after version `expected` only recorded delivery outcomes: they leave
 * the document's content as it was, so an editor who loaded version `expected` is not editing
 * a stale draft. Without this, a WeChat confirmation arriving while an editor writes the
 * correction made the save fail with CONFLICT. Commits are told apart by the content digest
 * their last event carries; a trail from before digests answers no (CONFLICT, as before).
 */
async function onlyOutcomesSince(ctx: CommandContext, doc: GovDocument, expected: number): Promise<boolean> {
  let commits = doc.version - expected;
  if (commits <= 0) return false;
  const events = await ctx.storage.getEvents(doc.id);
  let i = events.length - 1;
  for (; commits > 0; commits--) {
    // events[i] ends a commit (it carries the digest); the events before it without one belong to it.
    if (i < 0 || events[i]!.contentDigest === undefined) return false;
    do {
      if (!OUTCOME_TYPES.has(events[i]!.type)) return false;
      i--;
    } while (i >= 0 && events[i]!.contentDigest === undefined);
  }
  return true;
}

/** Loads a document; `VALIDATION` for a missing id, `NOT_FOUND` for an unknown one. */
export async function loadDocument(ctx: CommandContext, id: string): Promise<GovDocument> {
  if (typeof id !== 'string' || id.length === 0) {
    throw new GovpubError('VALIDATION', 'A document id is required', { details: { issues: [{ path: ['id'], message: 'expected a non-empty string' }] } });
  }
  const doc = await ctx.storage.getDocument(id);
  // The message quotes at most 64 units of the id: a 1 MB id was repeated in full (issue 13 §4).
  if (!doc) throw new GovpubError('NOT_FOUND', `No document with id ${JSON.stringify(id.length <= 64 ? id : `${id.slice(0, 64)}…`)}`, { details: { id } });
  return doc;
}

/**
 * Every reason `actor` may not do `action` (the machine's, then the policy's), and the
 * machine's decision when it allows the event. The machine is asked here and nowhere else.
 */
export function authorize(
  ctx: CommandContext,
  doc: GovDocument | null,
  actor: Actor,
  action: PolicyAction,
  event: MachineEvent | null,
  at: Date,
): { reasons: Reason[]; next: ReturnType<typeof decide> } {
  const reasons: Reason[] = [];
  const next = doc && event ? decide(doc, ctx.steps, event) : null;
  if (doc && event && action !== 'create' && !next) reasons.push(stateReason(doc, action, ctx.locale));
  const later = doc && action === 'publish' ? scheduledLater(doc, at) : null;
  if (later) reasons.push(reason('SCHEDULED_LATER', 'INVALID_TRANSITION', { scheduledAt: doc!.scheduledAt }, ctx.locale));
  reasons.push(...policyReasons({ document: doc, actor, action, steps: ctx.steps, permissions: ctx.permissions, locale: ctx.locale }));
  return { reasons, next };
}

/**
 * Throws the refusal: the state's reason first ("not possible now" helps more than "not
 * yours"). Every reason is in `details.reasons` (`{ code, params, message, error }`).
 */
export function refuse(reasons: Reason[]): never {
  const first = reasons.find((r) => r.error === 'INVALID_TRANSITION') ?? reasons[0]!;
  throw new GovpubError(first.error, reasons.map((r) => r.message).join('；'), { details: { reasons } });
}

/**
 * Writes the change and its chained events in one atomic adapter commit. The commit's last
 * event records the content digest of the document it writes (inside the event's hash), and
 * with a signer the new head `{ documentId, seq, hash, contentDigest }` is signed before the
 * write — so the stored document, its trail and the signature are one unit (issue 13 §3).
 */
export async function commitChange(ctx: CommandContext, before: GovDocument | null, change: Change, actor: Actor, at: Date): Promise<GovDocument> {
  const stamp = at.toISOString();
  // Not content (see CONTENT_DIGEST_EXCLUDED), so digesting before they are set is the same.
  const digest = contentDigest(change.document);
  const lastIndex = change.events.length - 1;
  const events = chainEvents(
    before?.historyHead ?? null,
    change.events.map((e, i) => ({
      documentId: change.document.id,
      type: e.type,
      actor: copyActor(actor),
      at: stamp,
      revision: change.document.revision,
      data: e.data,
      ...(i === lastIndex ? { contentDigest: digest } : {}),
    })),
  );
  const last = events[events.length - 1]!;
  const signature = ctx.signer?.sign({ documentId: change.document.id, seq: last.seq, hash: last.hash, contentDigest: digest });
  const document: GovDocument = {
    ...change.document,
    version: (before?.version ?? 0) + 1,
    updatedAt: stamp,
    historyHead: signature ? { seq: last.seq, hash: last.hash, signature } : { seq: last.seq, hash: last.hash },
  };
  // Gates' parts (the duplicate fingerprints) and the delivery ledger's rows go into the same
  // atomic commit.
  const parts = gateCommitParts(ctx.gates, document, before, ctx.storage);
  await ctx.storage.commit({ ...parts, document, expectedVersion: before?.version ?? null, events, ...(change.deliveries ? { deliveries: change.deliveries } : {}) });
  return document;
}

/**
 * Lets stateful gates follow the committed document. The commit has happened: a gate that
 * fails to follow it (its artifact store is down, say) must not turn success into an error.
 * Its state is derived from storage, so it is rebuilt by `start()` before the next command.
 */
async function observe(ctx: CommandContext, document: GovDocument): Promise<void> {
  for (const g of ctx.gates) {
    try {
      await g.observe?.(document, ctx.storage);
    } catch {
      ctx.restart();
    }
  }
}

function copyActor(actor: Actor): Actor {
  const copy: Actor = { id: actor.id, roles: [...actor.roles] };
  if (actor.department !== undefined) copy.department = actor.department;
  return copy;
}

/** The object without its `undefined` members, so stored JSON has no holes. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

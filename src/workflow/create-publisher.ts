import { diffChars } from 'diff';
import { nanoid } from 'nanoid';
import * as z from 'zod';
import { caliberGate } from './gates/caliber';
import { zhGovRules } from '../caliber/index';
import { BUILT_IN_CHANNELS, formatAll, resolveChannel } from '../channels/index';
import type { ChannelOutput } from '../channels/index';
import { checkClearance } from '../confidentiality/index';
import { confidentialityGate } from './gates/confidentiality';
import { duplicatesGate } from './gates/duplicates';
import { GovpubError } from '../errors/index';
import { parseOrThrow, validationError } from '../errors/index';
import { hasErrors } from '../findings/index';
import type { Finding } from '../findings/index';
import { eventFor, stateMessage } from './action-event';
import { chainEvents, verifyChain } from './audit-chain';
import { articleOf } from './document-article';
import type { Gate, GateChannel, GatePhase } from './gates/gate';
import type { MachineEvent } from './machine';
import { decide } from './machine-bridge';
import { freshWorkflowFields } from './new-document';
import { ACTIONS, DEFAULT_PERMISSIONS, DEFAULT_REVIEW_STEPS, policyReasons, stepUnderReview, type Action, type Permissions, type Reason } from './policy';
import { publisherOptionsSchema } from './publisher-options';
import type { Publisher, PublisherOptions } from './publisher-types';
import { runGates } from './gates/run-gates';
import {
  actorSchema,
  draftInputSchema,
  draftPatchSchema,
  instantSchema,
  reasonSchema,
  reviewDecisionSchema,
  waiverInputSchema,
} from './schemas';
import type { Actor, AuditEventType, GovDocument, ReviewStep } from '../document/index';

/** Event content before the chain numbers and hashes it. */
type EventDraft = { type: AuditEventType; data: Record<string, unknown> };

/** What a command computes from the current document: the next version and its events. */
interface Change {
  document: GovDocument;
  events: EventDraft[];
}

/**
 * Creates the publisher over a storage adapter.
 *
 * @example
 * ```ts
 * const publisher = createPublisher({ storage: memoryAdapter() });
 * const doc = await publisher.createDraft({ title: '停水通知', body: '……', level: 'public' }, author);
 * await publisher.submit(doc.id, author);
 * ```
 */
export function createPublisher(options: PublisherOptions): Publisher {
  parseOrThrow(publisherOptionsSchema, options, 'publisher options');
  const storage = options.storage;
  const steps: readonly ReviewStep[] = options.reviewSteps ?? DEFAULT_REVIEW_STEPS;
  const permissions: Permissions = { ...DEFAULT_PERMISSIONS, ...options.permissions };
  const gates: readonly Gate[] = [
    ...(options.caliber === false
      ? []
      : [caliberGate(options.caliber ?? [zhGovRules], options.caliberFacts === undefined ? {} : { facts: options.caliberFacts })]),
    confidentialityGate(options.confidentiality),
    ...(options.duplicates === false ? [] : [duplicatesGate(options.duplicates ?? {})]),
    ...(options.gates ?? []),
  ];
  const customChannels = options.channels?.custom ?? [];
  const channelOptions = options.channels?.options ?? {};
  const clock = options.clock ?? (() => new Date());
  const newId = options.idGenerator ?? (() => nanoid());

  // Gates that keep state (the duplicate index) restore it once, before the first command.
  let started: Promise<void> | undefined;
  const start = () =>
    (started ??= (async () => {
      for (const gate of gates) await gate.start?.(storage);
    })());

  const now = () => {
    const d = clock();
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError('clock() must return a valid Date');
    return d;
  };

  const resolveChannels = (ids: readonly string[]): GateChannel[] =>
    ids.map((id) => {
      const def = resolveChannel(id, customChannels);
      return { id: def.id, clearance: def.clearance };
    });

  /** Throws `VALIDATION` naming each unknown channel id by its index in the input. */
  function assertKnownChannels(ids: readonly string[]): void {
    const known = [...Object.keys(BUILT_IN_CHANNELS), ...customChannels.map((c) => c.id)];
    const issues = ids.flatMap((id, i) =>
      known.includes(id) ? [] : [{ path: ['channels', i], message: `unknown channel ${JSON.stringify(id)}; known: ${known.join(', ')}` }],
    );
    if (issues.length) throw validationError('channels', issues);
  }

  async function load(id: string): Promise<GovDocument> {
    if (typeof id !== 'string' || id.length === 0) {
      throw new GovpubError('VALIDATION', 'A document id is required', { details: { issues: [{ path: ['id'], message: 'expected a non-empty string' }] } });
    }
    const doc = await storage.getDocument(id);
    if (!doc) throw new GovpubError('NOT_FOUND', `No document with id ${JSON.stringify(id)}`, { details: { id } });
    return doc;
  }

  /** Every reason `actor` may not send `event` as `action` to `doc`. */
  function obstacles(doc: GovDocument, actor: Actor, action: Action, event: MachineEvent | null): Reason[] {
    const reasons: Reason[] = [];
    if (event && !decide(doc, steps, event)) {
      reasons.push({ code: 'INVALID_TRANSITION', message: stateMessage(doc, action) });
    }
    reasons.push(...policyReasons({ document: doc, actor, action, steps, permissions }));
    return reasons;
  }

  function refuse(reasons: Reason[]): never {
    // The state comes first: "not possible now" is more useful than "not yours".
    const first = reasons.find((r) => r.code === 'INVALID_TRANSITION') ?? reasons[0]!;
    throw new GovpubError(first.code, reasons.map((r) => r.message).join('; '), { details: { reasons } });
  }

  async function gate(phase: GatePhase, doc: GovDocument, actor: Actor, at: Date): Promise<Finding[]> {
    const channels = resolveChannels(doc.channels);
    checkClearance(doc.level, channels);
    const findings = await runGates(gates, { phase, document: doc, actor, now: at, channels });
    if (hasErrors(findings)) {
      const errors = findings.filter((f) => f.severity === 'error');
      throw new GovpubError('CHECKS_FAILED', `${errors.length} check(s) failed: ${errors.slice(0, 3).map((f) => f.message).join('; ')}`, {
        details: { findings },
      });
    }
    return findings;
  }

  /** Writes the change atomically, then lets stateful gates observe the result. */
  async function commit(before: GovDocument | null, change: Change, actor: Actor, at: Date): Promise<GovDocument> {
    const stamp = at.toISOString();
    const events = chainEvents(
      before?.historyHead ?? null,
      change.events.map((e) => ({
        documentId: change.document.id,
        type: e.type,
        actor: copyActor(actor),
        at: stamp,
        revision: change.document.revision,
        data: e.data,
      })),
    );
    const last = events[events.length - 1]!;
    const document: GovDocument = {
      ...change.document,
      version: (before?.version ?? 0) + 1,
      updatedAt: stamp,
      historyHead: { seq: last.seq, hash: last.hash },
    };
    await storage.commit({ document, expectedVersion: before?.version ?? null, events });
    // The commit has happened: a gate that fails to follow it (its artifact store is down,
    // say) must not turn success into an error. Its state is derived from storage, so it is
    // rebuilt by start() before the next command instead.
    for (const g of gates) {
      try {
        await g.observe?.(document, storage);
      } catch {
        started = undefined;
      }
    }
    return document;
  }

  /**
   * The shape of every command on an existing document: validate the actor, load, check the
   * caller's version, ask the machine and the policy, compute the change, commit.
   */
  async function command(
    id: string,
    rawActor: Actor,
    action: Action,
    event: MachineEvent | null,
    compute: (doc: GovDocument, actor: Actor, at: Date) => Promise<Change> | Change,
    expectedVersion?: number,
  ): Promise<GovDocument> {
    const actor = parseOrThrow(actorSchema, rawActor, 'actor');
    await start();
    const doc = await load(id);
    if (expectedVersion !== undefined && doc.version !== expectedVersion) {
      throw new GovpubError('CONFLICT', `Document ${id} is at version ${doc.version}, not ${expectedVersion}; reload and retry`, {
        details: { id, expectedVersion, actualVersion: doc.version },
      });
    }
    const reasons = obstacles(doc, actor, action, event);
    if (reasons.length) refuse(reasons);
    const at = now();
    const change = await compute(structuredClone(doc), actor, at);
    return commit(doc, change, actor, at);
  }

  /** Applies the machine's decision for `event` to a document copy. */
  function move(doc: GovDocument, event: MachineEvent): GovDocument {
    const next = decide(doc, steps, event)!;
    return { ...doc, state: next.state, currentStep: next.currentStep };
  }

  /** Formats every channel; any output that is not ok stops publishing before anything is written. */
  function formatOutputs(doc: GovDocument, at: Date): ChannelOutput[] {
    const definitions = doc.channels.map((id) => resolveChannel(id, customChannels));
    const perChannel = Object.fromEntries(definitions.map((d) => [d.id, { ...channelOptions[d.id], sourceRevision: doc.revision }]));
    // formatAll renders the Markdown once for all channels.
    const outputs = formatAll(articleOf(doc, at), definitions, perChannel);
    const failed = outputs.filter((o) => !o.ok);
    if (failed.length) {
      const reasons = failed.flatMap((o) => o.findings.filter((f) => f.severity === 'error').map((f) => `${o.channel}: ${f.message}`));
      throw new GovpubError('CHECKS_FAILED', `Channel output not acceptable — ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? ` (+${reasons.length - 3} more)` : ''}`, {
        details: { findings: failed.flatMap((o) => o.findings.map((f) => ({ ...f, details: { ...f.details, channel: o.channel } }))) },
      });
    }
    return outputs;
  }

  function publishedSnapshot(doc: GovDocument, actor: Actor, at: Date, outputs: ChannelOutput[]): GovDocument['published'] {
    const snapshot: NonNullable<GovDocument['published']> = {
      revision: doc.revision,
      title: doc.title,
      body: doc.body,
      level: doc.level,
      publishedAt: at.toISOString(),
      publishedBy: actor.id,
      outputs: outputs.map((o) => ({ channel: o.channel, sourceRevision: doc.revision, contentHash: o.contentHash })),
      withdrawn: null,
    };
    if (doc.summary !== undefined) snapshot.summary = doc.summary;
    return snapshot;
  }

  const publisher: Publisher = {
    reviewSteps: steps,

    async createDraft(input, rawActor) {
      const actor = parseOrThrow(actorSchema, rawActor, 'actor');
      const data = parseOrThrow(draftInputSchema, input, 'createDraft input');
      const missing = permissions.update.filter((r) => !actor.roles.includes(r));
      if (missing.length) throw new GovpubError('FORBIDDEN', `Creating a draft needs the role ${permissions.update.join(' + ')}`, { details: { reasons: [{ code: 'FORBIDDEN', message: `missing ${missing.join(', ')}` }] } });
      assertKnownChannels(data.channels);
      await start();
      const at = now();
      const id = newId();
      if (typeof id !== 'string' || id.length === 0) throw new TypeError('idGenerator() must return a non-empty string');
      const department = data.department ?? actor.department;
      const doc: GovDocument = {
        ...withoutUndefined({ ...data, department }),
        ...freshWorkflowFields(at.toISOString()),
        id,
        authorId: actor.id,
      };
      return commit(null, { document: doc, events: [{ type: 'created', data: { title: doc.title, level: doc.level, channels: doc.channels } }] }, actor, at);
    },

    async updateDraft(id, patch, actor, opts) {
      const changes = parseOrThrow(draftPatchSchema, patch, 'updateDraft patch');
      const expected = parseOrThrow(z.strictObject({ expectedVersion: z.number().int().min(1) }), opts, 'updateDraft options').expectedVersion;
      if (changes.channels) assertKnownChannels(changes.channels);
      return command(id, actor, 'update', { type: 'EDIT' }, (doc) => {
        const fields = Object.keys(changes).filter((k) => JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(doc[k as keyof GovDocument]));
        const data: Record<string, unknown> = { fields };
        if (changes.body !== undefined && changes.body !== doc.body) {
          const parts = diffChars(doc.body, changes.body);
          data.body = {
            added: parts.filter((p) => p.added).reduce((n, p) => n + p.value.length, 0),
            removed: parts.filter((p) => p.removed).reduce((n, p) => n + p.value.length, 0),
          };
        }
        const next = move({ ...doc, ...withoutUndefined(changes) }, { type: 'EDIT' });
        // Any edit starts the review over: signatures and stored findings belong to the old text.
        return { document: { ...next, signatures: [], findings: [], currentStep: null }, events: [{ type: 'updated', data }] };
      }, expected);
    },

    async submit(id, actor, opts = {}) {
      const expected = opts.expectedVersion;
      return command(id, actor, 'submit', { type: 'SUBMIT' }, async (doc, a, at) => {
        const next = move({ ...doc, signatures: [] }, { type: 'SUBMIT' });
        const findings = await gate('submit', next, a, at);
        return {
          document: { ...next, findings },
          events: [{ type: 'submitted', data: { step: next.currentStep, warnings: findings.length } }],
        };
      }, expected);
    },

    async review(id, rawActor, rawDecision) {
      const decision = parseOrThrow(reviewDecisionSchema, rawDecision, 'review decision');
      parseOrThrow(actorSchema, rawActor, 'actor');
      // Whether this signs a retrospective step depends on the state; command() re-reads the
      // document and the machine re-checks, so a change in between is refused, not misapplied.
      const probe = await load(id);
      const retrospective = probe.state === 'published';
      if (retrospective && decision.decision === 'reject') {
        throw new GovpubError('INVALID_TRANSITION', 'A published document cannot be rejected after the fact; withdraw it instead', { details: { state: probe.state } });
      }
      const event: MachineEvent = retrospective
        ? { type: 'SIGN_RETROSPECTIVE' }
        : decision.decision === 'approve'
          ? { type: 'APPROVE_STEP' }
          : { type: 'REJECT' };
      return command(id, rawActor, decision.decision, event, (doc, actor, at) => {
        const step = stepUnderReview(doc, steps)!;
        const comment = decision.comment;
        if (decision.decision === 'reject') {
          return {
            document: { ...move(doc, event), signatures: [] },
            events: [{ type: 'rejected', data: withoutUndefined({ step: step.id, comment }) }],
          };
        }
        const signature = withoutUndefined({ step: step.id, actorId: actor.id, at: at.toISOString(), comment });
        const signed = { ...doc, signatures: [...doc.signatures, signature] };
        if (retrospective) {
          const pendingSteps = doc.retrospectiveReview!.pendingSteps.slice(1);
          return {
            document: { ...signed, retrospectiveReview: pendingSteps.length ? { ...doc.retrospectiveReview!, pendingSteps } : null },
            events: [{ type: 'approved', data: withoutUndefined({ step: step.id, comment, retrospective: true }) }],
          };
        }
        return { document: move(signed, event), events: [{ type: 'approved', data: withoutUndefined({ step: step.id, comment }) }] };
      });
    },

    async schedule(id, actor, rawAt) {
      const at = parseOrThrow(instantSchema, rawAt, 'schedule time');
      return command(id, actor, 'schedule', { type: 'SCHEDULE' }, (doc, _a, time) => {
        if (at.getTime() <= time.getTime()) {
          throw new GovpubError('VALIDATION', `Cannot schedule in the past (${at.toISOString()})`, { details: { issues: [{ path: ['at'], message: 'must be in the future' }] } });
        }
        return { document: { ...move(doc, { type: 'SCHEDULE' }), scheduledAt: at.toISOString() }, events: [{ type: 'scheduled', data: { at: at.toISOString() } }] };
      });
    },

    async unschedule(id, actor) {
      return command(id, actor, 'unschedule', { type: 'UNSCHEDULE' }, (doc) => ({
        document: { ...move(doc, { type: 'UNSCHEDULE' }), scheduledAt: null },
        events: [{ type: 'unscheduled', data: { was: doc.scheduledAt } }],
      }));
    },

    async publish(id, actor) {
      let outputs: ChannelOutput[] = [];
      const document = await command(id, actor, 'publish', { type: 'PUBLISH' }, async (doc, a, at) => {
        if (doc.state === 'scheduled' && doc.scheduledAt !== null && at.getTime() < Date.parse(doc.scheduledAt)) {
          throw new GovpubError('INVALID_TRANSITION', `Scheduled for ${doc.scheduledAt}; unschedule it to publish now`, { details: { scheduledAt: doc.scheduledAt } });
        }
        const next = move(doc, { type: 'PUBLISH' });
        // Publishing re-checks everything: rules, indexes and channels may have changed since review.
        const findings = await gate('publish', next, a, at);
        outputs = formatOutputs(next, at);
        return {
          document: { ...next, findings, scheduledAt: null, published: publishedSnapshot(next, a, at, outputs) },
          events: [{ type: 'published', data: { outputs: outputs.map((o) => ({ channel: o.channel, sourceRevision: o.sourceRevision, contentHash: o.contentHash })) } }],
        };
      });
      return { document, outputs };
    },

    async publishUrgent(id, actor, rawReason) {
      const reason = parseOrThrow(reasonSchema, rawReason, 'urgent publishing reason');
      let outputs: ChannelOutput[] = [];
      const document = await command(id, actor, 'publishUrgent', { type: 'PUBLISH_URGENT' }, async (doc, a, at) => {
        const next = move(doc, { type: 'PUBLISH_URGENT' });
        const signedSteps = new Set(doc.state === 'in_review' ? doc.signatures.map((s) => s.step) : []);
        const pendingSteps = steps.map((s) => s.id).filter((s) => !signedSteps.has(s));
        const findings = await gate('publish', next, a, at);
        outputs = formatOutputs(next, at);
        return {
          document: {
            ...next,
            signatures: doc.state === 'in_review' ? doc.signatures : [],
            findings,
            published: publishedSnapshot(next, a, at, outputs),
            retrospectiveReview: { reason, actorId: a.id, at: at.toISOString(), pendingSteps },
          },
          events: [{ type: 'published', data: { urgent: true, reason, pendingSteps, outputs: outputs.map((o) => ({ channel: o.channel, sourceRevision: o.sourceRevision, contentHash: o.contentHash })) } }],
        };
      });
      return { document, outputs };
    },

    async withdraw(id, actor, rawReason) {
      const reason = parseOrThrow(reasonSchema, rawReason, 'withdrawal reason');
      return command(id, actor, 'withdraw', { type: 'WITHDRAW' }, (doc, a, at) => ({
        document: {
          ...move(doc, { type: 'WITHDRAW' }),
          scheduledAt: null,
          retrospectiveReview: null,
          published: { ...doc.published!, withdrawn: { at: at.toISOString(), by: a.id, reason } },
        },
        events: [{ type: 'withdrawn', data: { reason, revision: doc.published!.revision } }],
      }));
    },

    async revise(id, actor) {
      return command(id, actor, 'revise', { type: 'REVISE' }, (doc) => ({
        document: {
          ...move(doc, { type: 'REVISE' }),
          revision: doc.revision + 1,
          signatures: [],
          findings: [],
          retrospectiveReview: null,
        },
        events: [{ type: 'revised', data: { from: doc.revision, to: doc.revision + 1 } }],
      }));
    },

    async waive(id, actor, rawWaiver) {
      const waiver = parseOrThrow(waiverInputSchema, rawWaiver, 'waiver');
      return command(id, actor, 'waive', { type: 'WAIVE' }, (doc, a, at) => ({
        document: {
          ...doc,
          waivers: [...doc.waivers, { ...waiver, actorId: a.id, at: at.toISOString(), revision: doc.revision }],
        },
        events: [{ type: 'waived', data: { ruleId: waiver.ruleId, excerpt: waiver.excerpt, reason: waiver.reason } }],
      }));
    },

    async get(id) {
      return load(id);
    },

    async list(query = {}) {
      return storage.listDocuments(query);
    },

    async history(id) {
      await load(id);
      return storage.getEvents(id);
    },

    async verifyHistory(id) {
      const doc = await load(id);
      return verifyChain(await storage.getEvents(id), doc.historyHead);
    },

    async can(id, rawActor, action) {
      const actor = parseOrThrow(actorSchema, rawActor, 'actor');
      parseOrThrow(z.enum(ACTIONS), action, 'action');
      const doc = await load(id);
      const reasons = obstacles(doc, actor, action, eventFor(doc, action));
      if (action === 'publish' || action === 'submit') {
        try {
          checkClearance(doc.level, resolveChannels(doc.channels));
        } catch (e) {
          reasons.push({ code: 'CLEARANCE', message: (e as Error).message });
        }
      }
      return { ok: reasons.length === 0, reasons: reasons.map((r) => r.message), details: reasons };
    },

    async due(at) {
      const cutoff = (at ?? now()).getTime();
      const due: GovDocument[] = [];
      let cursor: string | undefined;
      do {
        const page = await storage.listDocuments(cursor ? { state: 'scheduled', limit: 500, cursor } : { state: 'scheduled', limit: 500 });
        due.push(...page.items.filter((d) => d.scheduledAt !== null && Date.parse(d.scheduledAt) <= cutoff));
        cursor = page.nextCursor;
      } while (cursor);
      return due.sort((a, b) => Date.parse(a.scheduledAt!) - Date.parse(b.scheduledAt!));
    },
  };
  return publisher;
}

function copyActor(actor: Actor): Actor {
  const copy: Actor = { id: actor.id, roles: [...actor.roles] };
  if (actor.department !== undefined) copy.department = actor.department;
  return copy;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

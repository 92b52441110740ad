import type { CaliberGateOptions } from './gates/caliber';
import type { PublisherPreview, PublisherPreviewOptions } from './commands/preview';
import type { Roster, RuleSet } from '../caliber/index';
import type { ChannelDefinition, ChannelOutput, FormatOptions } from '../channels/index';
import type { ConfidentialityGateOptions } from './gates/confidentiality';
import type { DuplicatesGateOptions } from './gates/duplicates';
import type { ListPage, ListQuery, StorageAdapter } from '../storage/index';
import type { HistoryVerification } from './commands/history-check';
import type { Checkpoint, CheckpointVerification, HeadSigner, HeadVerifier } from './audit/index';
import type { PublisherCheckpointOptions, PublisherVerifyCheckpointOptions } from './commands/checkpoint';
import type { Gate } from './gates/gate';
import type { Action, Permissions } from './policy';
import type { Locale, Reason } from './reasons';
import type { DraftInput, DraftPatch, ReviewDecision, WaiverInput } from './schemas';
import type { Actor, AuditEvent, GovDocument, ReviewStep } from '../document/index';
import type { Account, AccountRegistry, DeliverPendingResult, DeliveryOutcomeEvent } from '../delivery/index';
import type { PublisherDeliverOptions, PublisherPlatformEvent } from './commands/deliver-pending';
import type { DocumentDeliveries, PublisherListQuery } from './commands/document-deliveries';

/** How the publisher formats channels: host-defined channels and per-channel options. */
export interface PublisherChannelOptions {
  /** Channels made with `defineChannel`, usable by id in a document's `channels`. */
  custom?: ChannelDefinition[];
  /** Options per channel id, e.g. `{ sms: { signature: '某市政府' } }`. */
  options?: Record<string, FormatOptions>;
}

/** Options of `createPublisher`. Only `storage` is required. */
export interface PublisherOptions {
  storage: StorageAdapter;
  /** Review steps in order; default 三审 (`DEFAULT_REVIEW_STEPS`). */
  reviewSteps?: ReviewStep[];
  /** Roles each action needs (all listed roles); default `DEFAULT_PERMISSIONS`. */
  permissions?: Partial<Permissions>;
  /**
   * Caliber rule sets checked on submit and publish; default `defaultRuleSets` (zhGovRules,
   * the Xinhua, 2018-reform and spam packs, wrong characters, 的/地/得). Pass your
   * office's own sets (with or without `zhGovRules`), or `false` to switch caliber off.
   */
  caliber?: RuleSet[] | false;
  /**
   * The approved figures each document must repeat exactly: a list for every document, or a
   * function that picks them per document (e.g. by its tags). See `checkCaliber`'s `facts`.
   */
  caliberFacts?: CaliberGateOptions['facts'];
  /**
   * The office's leader roster(s) (`defineRoster`): wrong or over-promoted titles, names one
   * character or one homophone off, and the order of precedence are checked on every draft.
   */
  roster?: Roster | Roster[];
  /**
   * Options of the confidentiality gate (markings, declared level, personal data). It always
   * runs: there is no way to switch it off.
   */
  confidentiality?: ConfidentialityGateOptions;
  /**
   * The duplicate check on submit: thresholds (`blockAt` 0.8, `warnAt` 0.5), or `false` to
   * switch it off. The publisher keeps an index of every document in review or published,
   * restored from storage on start.
   */
  duplicates?: Omit<DuplicatesGateOptions, 'index'> | false;
  /** Extra checks run on submit and publish, after the built-in ones. */
  gates?: Gate[];
  channels?: PublisherChannelOptions;
  /** The language of refusal messages (`details.reasons[].message`, the error message): `zh` (default) or `en`. */
  locale?: Locale;
  /** Injected for deterministic tests; default `() => new Date()`. */
  clock?: () => Date;
  /** Injected for deterministic tests; default nanoid. */
  idGenerator?: () => string;
  /**
   * Signs each commit's trail head (`createHeadSigner`) with a key the database never sees;
   * the signature is stored in the document's `historyHead`. Without one, heads are unsigned.
   */
  signer?: HeadSigner;
  /**
   * Checks head signatures (`createHeadVerifier`, public key) in `verifyHistory` and before
   * `publish`/`publishUrgent`; a document whose head is unsigned or badly signed is refused.
   */
  verifier?: HeadVerifier;
  /**
   * With a `verifier`, accept trails that record no content digest anywhere and end in an
   * unsigned head (written before digests existed) as `legacy`. Default `false`: such a trail
   * fails `NO_SIGNATURE`, because a table owner can make any trail look like that by stripping
   * digests and signatures and recomputing the hashes. Switch it on only while migrating old
   * data, and take a checkpoint first (docs/security.md). Without a verifier legacy trails are
   * always accepted: nothing could tell them from stripped ones.
   */
  acceptLegacyTrails?: boolean;
  /**
   * The named accounts documents are published to (issue 14), each with its transport. A
   * document's `channels` may then name account ids; a channel id alone means that channel's
   * default account. With a storage adapter that has a delivery ledger, `publish`,
   * `publishUrgent` and `publishDue` write one pending delivery per target account in the
   * publishing commit, `withdraw` enqueues the removals, and `deliverPending` sends them.
   */
  accounts?: Account[] | AccountRegistry;
}

/** What `publish` and `publishUrgent` return: the published document and every channel's output. */
export interface PublishResult {
  document: GovDocument;
  outputs: ChannelOutput[];
}

/** The answer of `can()`: `ok`, or every reason that stops the action. */
export interface Permission {
  ok: boolean;
  /** Human-readable reasons, one per obstacle, in the publisher's locale. */
  reasons: string[];
  /** The same reasons with their stable `code` (see `REASON_CODES`), `params`, and the error code each would raise (`error`). */
  details: Reason[];
}

/**
 * The publishing workflow over a storage adapter. Every method validates its input, checks
 * roles, state and separation of duties, runs the gates, and writes the new document
 * version together with its audit events in one atomic commit — or throws a
 * `GovpubError` and writes nothing.
 */
export interface Publisher {
  /** The review steps in force. */
  readonly reviewSteps: readonly ReviewStep[];
  /** Creates a draft. Needs `author`. `input.level` is required. */
  createDraft(input: DraftInput, actor: Actor): Promise<GovDocument>;
  /** Edits a draft (`draft` or `rejected`; a rejected draft becomes a draft again). */
  updateDraft(id: string, patch: DraftPatch, actor: Actor, options: { expectedVersion: number }): Promise<GovDocument>;
  /** Runs the submit gates and opens the first review step. */
  submit(id: string, actor: Actor, options?: { expectedVersion?: number }): Promise<GovDocument>;
  /** Signs the current review step, or rejects with a comment. Also signs steps owed after an urgent publication. */
  review(id: string, actor: Actor, decision: ReviewDecision): Promise<GovDocument>;
  /** Schedules an approved document for `at` (in the future). Needs `publisher`. */
  schedule(id: string, actor: Actor, at: Date | string): Promise<GovDocument>;
  /** Cancels a schedule; the document is approved again. */
  unschedule(id: string, actor: Actor): Promise<GovDocument>;
  /** Re-runs every gate, formats every channel and publishes. */
  publish(id: string, actor: Actor): Promise<PublishResult>;
  /** Publishes a draft or a document in review at once, leaving the missing steps owed. Needs `approver` + `publisher`. */
  publishUrgent(id: string, actor: Actor, reason: string): Promise<PublishResult>;
  /** Takes the live revision down. Needs `publisher` and a reason. */
  withdraw(id: string, actor: Actor, reason: string): Promise<GovDocument>;
  /** Opens a new revision of a published or withdrawn document as a draft; the published revision stays readable. */
  revise(id: string, actor: Actor): Promise<GovDocument>;
  /** Lets one specific error finding pass the gates on this revision, with a reason. Needs `approver`. */
  waive(id: string, actor: Actor, waiver: WaiverInput): Promise<GovDocument>;
  /** The document; throws `NOT_FOUND`. */
  get(id: string): Promise<GovDocument>;
  /**
   * Documents matching the filters, paged by cursor. With `delivery` (e.g. `{ delivery: 'dead' }`):
   * documents with a delivery in that state, paged the same way.
   */
  list(query?: PublisherListQuery): Promise<ListPage>;
  /** The audit trail, oldest first. */
  history(id: string): Promise<AuditEvent[]>;
  /**
   * Checks the audit trail's hash chain, that the stored document matches the content digest
   * of the trail's last event (trails from before digests: `content: 'legacy'`) and, with a
   * `verifier`, the head's signature; reports the first bad event and a `code`.
   */
  verifyHistory(id: string): Promise<HistoryVerification>;
  /** Whether `actor` may do `action` now, with every reason if not. Runs no gates. */
  can(id: string, actor: Actor, action: Action): Promise<Permission>;
  /** Scheduled documents whose time has come (default: now), for the host's timer to publish. */
  due(now?: Date): Promise<GovDocument[]>;
  /**
   * Publishes every scheduled document due at `now` (default: the clock), claiming each once
   * across host instances: what another instance published first is reported in `skipped`
   * with the reason, never thrown. Needs `publisher`.
   *
   * @example
   * ```ts
   * setInterval(async () => {
   *   const { published, skipped } = await publisher.publishDue(scheduler);
   *   for (const s of skipped) log.info(`${s.id}: ${s.reason}`);
   * }, 60_000);
   * ```
   */
  publishDue(actor: Actor, now?: Date | string): Promise<PublishDueResult>;
  /**
   * Takes an approved or scheduled document back to `draft` (event `reopened`, signatures and
   * schedule cleared) so it can be fixed. For the author's side or an approver of its department.
   */
  reopen(id: string, actor: Actor, reason: string): Promise<GovDocument>;
  /** Documents whose urgent publication a retrospective reviewer disputed and that are still live. */
  withdrawalQueue(): Promise<GovDocument[]>;
  /**
   * The preview page reviewers read, for this document: every target channel formatted with
   * the publisher's channel options, each finding highlighted in place, a summary of what
   * blocks publishing. Writes nothing.
   *
   * @example
   * ```ts
   * const { html, ok } = await publisher.preview(id, { locale: 'zh', accounts: accounts.list });
   * ```
   */
  preview(id: string, options?: PublisherPreviewOptions): Promise<PublisherPreview>;
  /**
   * Signs a checkpoint (RFC 6962 tree head) over every document's trail head, after checking
   * each trail as `verifyHistory` does; needs a `signer`. Hand the result to someone the
   * database administrator cannot reach (docs/security.md). Refuses with `CONFLICT`
   * (`TRAIL_MISMATCH` per document) when a trail does not verify, unless `allowUnverified`.
   *
   * @example
   * ```ts
   * const cp = await publisher.checkpoint();
   * await archive.put(`checkpoints/${cp.at}.json`, JSON.stringify(cp));
   * ```
   */
  checkpoint(options?: PublisherCheckpointOptions): Promise<Checkpoint>;
  /**
   * Whether the storage still extends a checkpoint handed out earlier: a deleted document is
   * `DOCUMENT_MISSING`, a cut or rewritten history `HISTORY_SHORTENED` / `HISTORY_REWRITTEN` /
   * `EVENT_MISSING`, each with the document and the recorded `seq`. Uses the publisher's
   * `verifier` unless `options.verifier` is given; `options.documentId` checks one document.
   *
   * @example
   * ```ts
   * const result = await publisher.verifyCheckpoint(JSON.parse(await archive.get(key)));
   * if (!result.ok) alert(`${result.code} ${result.documentId} #${result.seq}: ${result.reason}`);
   * ```
   */
  verifyCheckpoint(checkpoint: Checkpoint, options?: PublisherVerifyCheckpointOptions): Promise<CheckpointVerification>;
  /**
   * One pass of the delivery worker (issue 14): claims due deliveries under a lease, sends
   * them through their accounts' transports (or reconciles what may have gone out), and
   * records each outcome with its audit event in the document's chain. Run it on every
   * instance; needs `accounts` and a storage adapter with a delivery ledger.
   *
   * @example
   * ```ts
   * setInterval(() => publisher.deliverPending({ limit: 20 }).catch(log.error), 5_000);
   * ```
   */
  deliverPending(options?: PublisherDeliverOptions): Promise<DeliverPendingResult>;
  /**
   * Applies an event a platform pushed to the host (WeChat `PUBLISHJOBFINISH`) to the
   * delivery it settles, with its audit event. `null` when it matched nothing open.
   */
  handlePlatformEvent(input: PublisherPlatformEvent): Promise<DeliveryOutcomeEvent | null>;
  /** The document's deliveries per account: state, receipt, removal, what is still out there and the tasks for people. */
  deliveries(id: string): Promise<DocumentDeliveries>;
}

/** What `publishDue` returns. */
export interface PublishDueResult {
  published: PublishResult[];
  /** Due documents not published by this call, with why (`ALREADY_HANDLED` when another instance or user got there first, else the refusal's code). */
  skipped: { id: string; code: string; reason: string }[];
}

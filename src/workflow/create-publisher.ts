import { nanoid } from 'nanoid';
import { defaultRuleSets } from '../caliber/index';
import type { ReviewStep } from '../document/index';
import { parseOrThrow, validationError } from '../errors/index';
import { can } from './commands/can';
import { checkpoint, verifyCheckpoint } from './commands/checkpoint';
import type { CommandContext } from './commands/context';
import { createDraft } from './commands/create-draft';
import { publish } from './commands/publish';
import { publishUrgent } from './commands/publish-urgent';
import { due, history, list, verifyHistory, withdrawalQueue } from './commands/queries';
import { publishDue } from './commands/publish-due';
import { preview } from './commands/preview';
import { reopen } from './commands/reopen';
import { review } from './commands/review';
import { revise } from './commands/revise';
import { schedule } from './commands/schedule';
import { submit } from './commands/submit';
import { loadDocument } from './commands/template';
import { unschedule } from './commands/unschedule';
import { updateDraft } from './commands/update-draft';
import { waive } from './commands/waive';
import { withdraw } from './commands/withdraw';
import { caliberGate } from './gates/caliber';
import { channelsGate } from './gates/channels';
import { confidentialityGate } from './gates/confidentiality';
import { duplicatesGate } from './gates/duplicates';
import type { Gate } from './gates/gate';
import { DEFAULT_PERMISSIONS, DEFAULT_REVIEW_STEPS, type Permissions } from './policy';
import { publisherOptionsSchema } from './publisher-options';
import type { Publisher, PublisherOptions } from './publisher-types';
import { defineAccounts, type AccountRegistry } from '../delivery/index';
import { accountChannels } from './account-channels';
import { publisherDeliverPending, publisherHandlePlatformEvent } from './commands/deliver-pending';
import { documentDeliveries, listByDelivery } from './commands/document-deliveries';

/**
 * Creates the publisher over a storage adapter. This file only wires options to the
 * commands in `commands/`; what a command does lives there.
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
  assertNoSecondBuiltIn(options);
  const accounts: AccountRegistry | undefined =
    options.accounts === undefined ? undefined : Array.isArray(options.accounts) ? defineAccounts(options.accounts) : options.accounts;
  if (accounts && !storage.deliveries) {
    // Silently publishing nowhere would be worse than refusing: say so at start-up.
    throw validationError('publisher options', [{ path: ['accounts'], message: 'accounts need a storage adapter with a delivery ledger (deliveries); memoryAdapter and postgresAdapter have one' }]);
  }
  // Accounts are targets documents can name (formatted with the account's options, checked
  // against its clearance); see account-channels.ts.
  const formatting = accounts
    ? accountChannels(accounts, options.channels?.custom ?? [], options.channels?.options ?? {})
    : { customChannels: options.channels?.custom ?? [], channelOptions: options.channels?.options ?? {} };
  const gates: readonly Gate[] = [
    ...(options.caliber === false
      ? []
      : [
          caliberGate(options.caliber ?? defaultRuleSets, {
            ...(options.caliberFacts === undefined ? {} : { facts: options.caliberFacts }),
            ...(options.roster === undefined ? {} : { roster: options.roster }),
          }),
        ]),
    confidentialityGate(options.confidentiality),
    ...(options.duplicates === false ? [] : [duplicatesGate({ ...(options.locale !== undefined && { locale: options.locale }), ...options.duplicates })]),
    channelsGate({ ...formatting, ...(options.locale !== undefined && { locale: options.locale }) }),
    ...(options.gates ?? []),
  ];
  const clock = options.clock ?? (() => new Date());
  const idGenerator = options.idGenerator ?? (() => nanoid());
  // This instance's worker id when the host names none: unique per publisher object.
  const workerId = `worker-${nanoid(10)}`;

  // Gates that keep state (the duplicate index) restore it once, before the first command.
  let started: Promise<void> | undefined;

  const ctx: CommandContext = {
    storage,
    steps,
    permissions,
    locale: options.locale ?? 'zh',
    gates,
    customChannels: formatting.customChannels,
    channelOptions: formatting.channelOptions,
    ...(accounts ? { accounts } : {}),
    ...(options.signer ? { signer: options.signer } : {}),
    ...(options.verifier ? { verifier: options.verifier } : {}),
    ...(options.acceptLegacyTrails ? { acceptLegacyTrails: true } : {}),
    now() {
      const d = clock();
      if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError('clock() must return a valid Date');
      return d;
    },
    newId() {
      const id = idGenerator();
      if (typeof id !== 'string' || id.length === 0) throw new TypeError('idGenerator() must return a non-empty string');
      return id;
    },
    start: () =>
      (started ??= (async () => {
        try {
          for (const gate of gates) await gate.start?.(storage);
        } catch (e) {
          // A transient storage error must not be cached: the next command tries again.
          started = undefined;
          throw e;
        }
      })()),
    restart() {
      started = undefined;
    },
  };

  return {
    reviewSteps: steps,
    createDraft: (input, actor) => createDraft(ctx, input, actor),
    updateDraft: (id, patch, actor, opts) => updateDraft(ctx, id, patch, actor, opts),
    submit: (id, actor, opts) => submit(ctx, id, actor, opts),
    review: (id, actor, decision) => review(ctx, id, actor, decision),
    schedule: (id, actor, at) => schedule(ctx, id, actor, at),
    unschedule: (id, actor) => unschedule(ctx, id, actor),
    publish: (id, actor) => publish(ctx, id, actor),
    publishUrgent: (id, actor, reason) => publishUrgent(ctx, id, actor, reason),
    withdraw: (id, actor, reason) => withdraw(ctx, id, actor, reason),
    revise: (id, actor) => revise(ctx, id, actor),
    waive: (id, actor, waiver) => waive(ctx, id, actor, waiver),
    get: async (id) => loadDocument(ctx, id),
    list: (query) => (query?.delivery !== undefined ? listByDelivery(ctx, query) : list(ctx, query)),
    history: (id) => history(ctx, id),
    verifyHistory: (id) => verifyHistory(ctx, id),
    can: (id, actor, action) => can(ctx, id, actor, action),
    due: (at) => due(ctx, at),
    publishDue: (actor, now) => publishDue(ctx, actor, now),
    reopen: (id, actor, reason) => reopen(ctx, id, actor, reason),
    withdrawalQueue: () => withdrawalQueue(ctx),
    preview: (id, options) => preview(ctx, id, options),
    checkpoint: (opts) => checkpoint(ctx, opts),
    verifyCheckpoint: (earlier, opts) => verifyCheckpoint(ctx, earlier, opts),
    deliverPending: (opts) => publisherDeliverPending(ctx, workerId, opts),
    handlePlatformEvent: (input) => publisherHandlePlatformEvent(ctx, input),
    deliveries: (id) => documentDeliveries(ctx, id),
  };
}

/** The ids of the gates the publisher always wires itself (unless switched off). */
const BUILT_IN_GATE_IDS = ['caliber', 'confidentiality', 'duplicates', 'channels'] as const;

/**
 * A built-in gate passed again in `gates` runs twice, so every finding shows twice (the docs
 * once told users to do this). Refused at creation; a built-in switched off (`duplicates:
 * false`, `caliber: false`) may be replaced by one configured differently.
 */
function assertNoSecondBuiltIn(options: PublisherOptions): void {
  const active = new Set<string>(BUILT_IN_GATE_IDS.filter((id) => !(id === 'caliber' && options.caliber === false) && !(id === 'duplicates' && options.duplicates === false)));
  const issues = (options.gates ?? []).flatMap((g, i) =>
    active.has(g.id)
      ? [{ path: ['gates', i], message: `the publisher already runs the built-in "${g.id}" gate; configure it with the "${g.id}" option instead of adding it again` }]
      : [],
  );
  if (issues.length) throw validationError('publisher options', issues);
}

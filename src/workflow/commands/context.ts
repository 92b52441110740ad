import type { ChannelDefinition, FormatOptions } from '../../channels/index';
import type { ReviewStep } from '../../document/index';
import type { AccountRegistry } from '../../delivery/index';
import type { StorageAdapter } from '../../storage/index';
import type { HeadSigner, HeadVerifier } from '../audit/index';
import type { Gate } from '../gates/gate';
import type { Permissions } from '../policy';
import type { Locale } from '../reasons';

/**
 * What every command needs from the publisher's options, resolved once by
 * `createPublisher`. Commands read it; only the template writes through `storage`.
 */
export interface CommandContext {
  readonly storage: StorageAdapter;
  readonly steps: readonly ReviewStep[];
  readonly permissions: Permissions;
  /** The language of refusal messages. */
  readonly locale: Locale;
  readonly gates: readonly Gate[];
  readonly customChannels: readonly ChannelDefinition[];
  readonly channelOptions: Readonly<Record<string, FormatOptions>>;
  /** Signs each commit's trail head; absent when the host passes no key. */
  readonly signer?: HeadSigner;
  /** Checks stored head signatures in `verifyHistory` and before publishing; absent when the host passes none. */
  readonly verifier?: HeadVerifier;
  /** Whether a verifier still accepts digest-less, unsigned (pre-digest) trails; see `PublisherOptions.acceptLegacyTrails`. */
  readonly acceptLegacyTrails?: boolean;
  /** The publisher's delivery accounts (issue 14); with them, publishing writes the ledger. */
  readonly accounts?: AccountRegistry;
  /** The injected clock, checked to return a valid date. */
  now(): Date;
  /** The injected id generator, checked to return a non-empty string. */
  newId(): string;
  /** Restores stateful gates (the duplicate index) once, before the first command. */
  start(): Promise<void>;
  /** Forgets that gates started, so the next command restores them from storage. */
  restart(): void;
}

import type { Actor, GovDocument, Level } from '../../document/index';
import type { Finding } from '../../findings/index';
import type { CommitRequest, StorageAdapter } from '../../storage/index';

/** When a gate runs: on `submit` (before review) and on `publish` (again at run time). */
export type GatePhase = 'submit' | 'publish';

/** A channel as a gate sees it: its id and clearance. */
export interface GateChannel {
  id: string;
  clearance: Level;
}

/** Everything a gate may read. Gates never write: the publisher commits. */
export interface GateContext {
  phase: GatePhase;
  /** The document as it will be if the command succeeds. Read-only. */
  document: Readonly<GovDocument>;
  actor: Actor;
  now: Date;
  /** The document's target channels, resolved. */
  channels: readonly GateChannel[];
}

/**
 * A check the publisher runs on `submit` and `publish`. `error` findings stop the command
 * with `CHECKS_FAILED` (unless an approver waived that finding); other findings are stored
 * on the document for reviewers. A gate may also throw a `GovpubError` itself.
 *
 * Findings should carry `details.field` (`'title'`, `'body'`, …) naming the field whose
 * text their offsets refer to.
 *
 * @example
 * ```ts
 * const noTodo: Gate = {
 *   id: 'no-todo',
 *   phases: ['submit'],
 *   check: ({ document }) =>
 *     document.body.includes('TODO')
 *       ? [createFinding(document.body, { ruleId: 'house/todo', severity: 'error', message: 'Unfinished draft',
 *           start: document.body.indexOf('TODO'), end: document.body.indexOf('TODO') + 4, details: { field: 'body' } })]
 *       : [],
 * };
 * createPublisher({ storage: memoryAdapter(), gates: [noTodo] });
 * ```
 */
export interface Gate {
  readonly id: string;
  readonly phases: readonly GatePhase[];
  check(context: GateContext): readonly Finding[] | Promise<readonly Finding[]>;
  /**
   * Whether an approver may waive this gate's errors; default `true`. A gate whose findings
   * are enforced again elsewhere regardless of waivers (channel output) says `false`, so
   * `waive` refuses a waiver that would change nothing.
   */
  readonly waivable?: boolean;
  /** Runs once before the publisher's first command, e.g. to restore an index from storage. */
  start?(storage: StorageAdapter): Promise<void>;
  /** Runs after every successful commit, with the document as committed. */
  observe?(document: Readonly<GovDocument>, storage: StorageAdapter): void | Promise<void>;
  /**
   * Runs before every check: catch up on what other host instances committed (e.g. through
   * the adapter's change feed), so a check never judges against a stale picture.
   */
  refresh?(storage: StorageAdapter): Promise<void>;
  /**
   * A lock name the publisher holds (through the adapter's `exclusive`, where it has one)
   * from this gate's refresh and check to the commit of the command, so two commands that
   * could each pass alone — two near-copies submitted at once — are decided one after the other.
   */
  readonly exclusive?: string;
  /**
   * Optional parts this gate adds to every commit (e.g. the duplicate fingerprints of the
   * document as committed), so the storage writes them in the same transaction as the
   * document: no instance ever sees the document without them.
   */
  commitParts?(next: Readonly<GovDocument>, before: Readonly<GovDocument> | null, storage: StorageAdapter): GateCommitParts;
}

/** What a gate may add to a commit: the optional parts of a {@link CommitRequest}. */
export type GateCommitParts = Partial<Omit<CommitRequest, 'document' | 'expectedVersion' | 'events'>>;

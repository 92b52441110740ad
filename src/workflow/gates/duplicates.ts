import * as z from 'zod';
import { type DocumentState, type GovDocument } from '../../document/index';
import { languageOf, localeSchema, type Locale } from '../../text/index';
import {
  originality,
  createDuplicateIndex,
  duplicateProbe,
  fingerprintHashes,
  type DuplicateIndexOptions,
  type ProbeCandidate,
  fingerprintSchema,
  type DuplicateFingerprint,
  type DuplicateIndex,
  type DuplicateMatch,
  type DuplicatePassage,
} from '../../duplicates/index';
import { isGovpubError, parseOrThrow } from '../../errors/index';
import { createFinding, type Finding } from '../../findings/index';
import type { CommitRequest, FingerprintIndex, StorageAdapter } from '../../storage/index';
import type { Gate, GateContext } from './gate';

/** Artifact kind under which the gate stores each document's fingerprints. */
export const DUPLICATES_ARTIFACT_KIND = 'duplicates/v1';

/** Options of {@link duplicatesGate}. */
export interface DuplicatesGateOptions {
  /** Containment (either direction) from which a match blocks submission. Default 0.8. */
  blockAt?: number;
  /** Containment from which a match is shown to reviewers as a warning. Default 0.5. */
  warnAt?: number;
  /**
   * The index to keep in sync, e.g. one preloaded with texts from outside govpub.
   * Default: a new {@link createDuplicateIndex} index.
   */
  index?: DuplicateIndex;
  /** The language of the findings' messages: `zh` (default) or `en`. The publisher passes its own `locale`. */
  locale?: Locale;
}

/**
 * The gate, with the index it maintains (for hosts that also query it directly). Over a
 * storage with a shared fingerprint index (`StorageAdapter.fingerprints`) and no `index`
 * option, the gate keeps nothing in memory and `index` stays empty.
 */
export interface DuplicatesGate extends Gate {
  readonly index: DuplicateIndex;
}

/** Candidates aligned beyond the findings shown, because shared-hash counts only estimate. */
const EXTRA_CANDIDATES = 6;
/** Findings (matches) a check reports at most. */
const MATCH_LIMIT = 5;
/**
 * Query hashes looked up in a shared index: the smallest ones, a consistent sample (two texts
 * that share a passage pick largely the same hashes from it), so a lookup costs the same for
 * a long draft as for a short one. Measured on 100k documents: half the time, same recall.
 */
const SHARED_QUERY_HASHES = 64;

const optionsSchema = z
  .strictObject({
    blockAt: z.number().min(0).max(1).optional(),
    warnAt: z.number().min(0).max(1).optional(),
    index: z.custom<DuplicateIndex>((v) => typeof v === 'object' && v !== null && typeof (v as DuplicateIndex).query === 'function', 'expected a DuplicateIndex').optional(),
    locale: localeSchema.optional(),
  })
  .refine((o) => (o.warnAt ?? 0.5) <= (o.blockAt ?? 0.8), { message: 'warnAt must not exceed blockAt', path: ['warnAt'] });

/** What the gate keeps with each indexed text, so offsets can be given relative to bodies. */
interface IndexedMeta {
  /** Where the body starts in the indexed text (after the title and a blank line). */
  bodyOffset: number;
  state: DocumentState;
  /** Which text of the document is indexed. */
  text: 'current' | 'published';
}

/** States whose current text is on its way to readers and so is compared with new drafts. */
const CURRENT_STATES: ReadonlySet<DocumentState> = new Set(['in_review', 'approved', 'scheduled', 'published']);

/**
 * The text of `doc` that new drafts are compared with, or `null`: the current title and
 * body while it is in review or approved (it is about to be published), the published
 * revision while a new revision is drafted or after it was rejected, nothing for a
 * withdrawn document, a withdrawn revision, or a draft never published.
 */
function indexedText(doc: Readonly<GovDocument>): { text: string; meta: IndexedMeta } | null {
  if (doc.state === 'withdrawn') return null;
  // A published revision that was taken down is no longer live, whatever the state.
  const live = doc.published && !doc.published.withdrawn ? doc.published : null;
  const source =
    doc.state === 'published' && live
      ? { title: live.title, body: live.body, text: 'published' as const }
      : CURRENT_STATES.has(doc.state)
        ? { title: doc.title, body: doc.body, text: 'current' as const }
        : live
          ? { title: live.title, body: live.body, text: 'published' as const }
          : null;
  if (!source) return null;
  return {
    text: joinTitle(source.title, source.body),
    meta: { bodyOffset: source.title.length + 2, state: doc.state, text: source.text },
  };
}

function joinTitle(title: string, body: string): string {
  return `${title}\n\n${body}`;
}

/**
 * The duplicate gate: on `submit`, compares the draft (title and body) with every
 * published, in-review or approved document and reports each one it repeats as a
 * `duplicates/near-duplicate` finding: an `error` (blocking) from `blockAt`, a `warning`
 * from `warnAt`. A draft that declares `repostOf` is never blocked; its findings say so.
 * The document's own id is excluded, so its earlier revisions and corrections never count.
 *
 * Scores are the larger of the two containments: the share of the draft copied from the
 * other document, or the share of the other document the draft reprints (a compilation
 * that embeds a whole article).
 *
 * The gate restores its index on `start` from stored fingerprints (artifact kind
 * {@link DUPLICATES_ARTIFACT_KIND}; recomputed and stored when missing or stale) and keeps
 * it in step with every commit through `observe`.
 *
 * It runs on `submit` only: at `publish` the text is the one checked at submission, and
 * re-checking would let a later repost (allowed by declaration or waiver) block the
 * original it copied.
 *
 * @example
 * ```ts
 * const gate = duplicatesGate({ blockAt: 0.8, warnAt: 0.5 });
 * await gate.start?.(storage);
 * const findings = await gate.check({ phase: 'submit', document, actor, now: new Date(), channels: [] });
 * ```
 */
export function duplicatesGate(options: DuplicatesGateOptions = {}): DuplicatesGate {
  const o = parseOrThrow(optionsSchema, options, 'duplicates gate options');
  const blockAt = o.blockAt ?? 0.8;
  const warnAt = o.warnAt ?? 0.5;
  const index: DuplicateIndex = o.index ?? createDuplicateIndex();
  const locale = languageOf(o.locale);
  // Where this instance is in the adapter's change feed; `null` until `start` read it.
  let feedCursor: string | null = null;
  // The same parameters as the in-memory index, so both paths judge a pair of texts alike.
  const indexOptions: DuplicateIndexOptions = {
    fingerprintLength: index.parameters.fingerprintLength,
    window: index.parameters.window,
    maxDocumentFrequency: index.parameters.maxDocumentFrequency,
    minPassage: index.parameters.minPassage,
    minContainment: index.parameters.minContainment,
  };
  const scheme = `${index.parameters.fingerprintLength}/${index.parameters.window}`;
  // The storage whose shared fingerprint index the checks query (set by start/refresh), if any.
  let shared: { storage: StorageAdapter; fingerprints: FingerprintIndex } | undefined;

  /** The storage's fingerprint index when the gate uses it: present, and no host-given index. */
  function sharedIndex(storage: StorageAdapter): FingerprintIndex | undefined {
    return o.index === undefined ? storage.fingerprints : undefined;
  }

  /** What a commit writes into the shared index for `doc`: its indexed text's hashes, or null. */
  function fingerprintWrite(doc: Readonly<GovDocument>): NonNullable<CommitRequest['fingerprints']> {
    const entry = indexedText(doc);
    return { scheme, hashes: entry ? fingerprintHashes(entry.text, indexOptions) : null };
  }

  /**
   * Fingerprints documents stored without them (before migration 3, or by a host without
   * this gate), oldest first. A document that moved on meanwhile was fingerprinted by the
   * commit that moved it; one this start already tried is not tried again.
   */
  async function backfill(fingerprints: FingerprintIndex): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const page = (await fingerprints.unindexed(scheme, 200)).filter((d) => !tried.has(`${d.id}@${d.version}`));
      if (page.length === 0) return;
      for (const doc of page) {
        tried.add(`${doc.id}@${doc.version}`);
        await fingerprints.put(doc.id, doc.version, fingerprintWrite(doc));
      }
    }
  }

  /** The check against the shared index: candidates by shared hashes, then aligned texts. */
  async function sharedMatches(text: string, docId: string): Promise<DuplicateMatch[]> {
    const { storage, fingerprints } = shared!;
    const probe = duplicateProbe(text, indexOptions);
    const sample = probe.hashes.length <= SHARED_QUERY_HASHES ? probe.hashes : [...probe.hashes].sort((a, b) => a - b).slice(0, SHARED_QUERY_HASHES);
    const candidates = await fingerprints.candidates(probe.scheme, sample, {
      limit: MATCH_LIMIT + EXTRA_CANDIDATES,
      exclude: [docId],
      maxDocumentFrequency: index.parameters.maxDocumentFrequency,
      withDocuments: true,
    });
    const loaded = await Promise.all(candidates.map((c) => c.document ?? storage.getDocument(c.documentId)));
    const texts: ProbeCandidate<IndexedMeta>[] = [];
    for (const doc of loaded) {
      const entry = doc ? indexedText(doc) : null;
      if (doc && entry) texts.push({ id: doc.id, text: entry.text, meta: entry.meta });
    }
    return probe.matches(texts, { limit: MATCH_LIMIT });
  }

  /** Applies every commit the feed shows after `feedCursor` (ours and other instances'). */
  async function catchUp(storage: StorageAdapter, stored?: ReadonlyMap<string, unknown>): Promise<void> {
    const changes = storage.changes?.bind(storage);
    if (!changes) return;
    for (;;) {
      const page = await changes(feedCursor, 500);
      for (const doc of page.items) await sync(doc, storage, stored?.get(doc.id));
      if (page.cursor === feedCursor || page.items.length === 0) return;
      feedCursor = page.cursor;
    }
  }

  /** Brings the index entry of `doc` up to date, using `stored` fingerprints when they fit. */
  async function sync(doc: Readonly<GovDocument>, storage: StorageAdapter, stored?: unknown): Promise<void> {
    const entry = indexedText(doc);
    const artifacts = storage.artifacts;
    if (!entry) {
      if (index.remove(doc.id)) await artifacts?.delete(DUPLICATES_ARTIFACT_KIND, doc.id);
      return;
    }
    const current = index.get(doc.id);
    if (current?.text === entry.text) {
      // Same text: only the state recorded with it may have changed.
      if (!sameMeta(current.meta, entry.meta)) index.add(doc.id, entry.text, entry.meta);
      return;
    }
    const parsed = fingerprintSchema.safeParse(stored);
    if (parsed.success) {
      try {
        index.add(doc.id, entry.text, entry.meta, parsed.data as DuplicateFingerprint);
        return;
      } catch (e) {
        // Stale (the text changed since it was stored) or from other settings: recompute.
        if (!isGovpubError(e) || e.code !== 'VALIDATION') throw e;
      }
    }
    const fingerprint = index.fingerprint(entry.text);
    index.add(doc.id, entry.text, entry.meta, fingerprint);
    await artifacts?.put(DUPLICATES_ARTIFACT_KIND, doc.id, fingerprint);
  }

  return {
    id: 'duplicates',
    phases: ['submit'],
    index,

    exclusive: 'govpub/duplicates',

    async start(storage) {
      const fingerprints = sharedIndex(storage);
      if (fingerprints) {
        shared = { storage, fingerprints };
        await backfill(fingerprints);
        return;
      }
      shared = undefined;
      const stored = new Map<string, unknown>();
      for (const { documentId, data } of (await storage.artifacts?.list(DUPLICATES_ARTIFACT_KIND)) ?? []) stored.set(documentId, data);
      if (storage.changes) {
        // The feed from its beginning is every document in commit order; afterwards the same
        // cursor keeps this instance in step with every other one.
        feedCursor = null;
        await catchUp(storage, stored);
        for (const id of stored.keys()) if (!index.has(id)) await storage.artifacts?.delete(DUPLICATES_ARTIFACT_KIND, id);
        return;
      }
      let cursor: string | undefined;
      do {
        const page = await storage.listDocuments({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
        for (const doc of page.items) await sync(doc, storage, stored.get(doc.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      // Fingerprints of documents that are gone or no longer indexed.
      for (const id of stored.keys()) if (!index.has(id)) await storage.artifacts?.delete(DUPLICATES_ARTIFACT_KIND, id);
    },

    async observe(document, storage) {
      if (sharedIndex(storage)) return;
      await sync(document, storage);
    },

    async refresh(storage) {
      const fingerprints = sharedIndex(storage);
      if (fingerprints) {
        shared = { storage, fingerprints };
        return;
      }
      await catchUp(storage);
    },

    commitParts(next, before, storage) {
      if (!sharedIndex(storage)) return {};
      // Unchanged indexed text (most commits: reviews, scheduling): nothing to rewrite.
      if (before && indexedText(before)?.text === indexedText(next)?.text) return {};
      return { fingerprints: fingerprintWrite(next) };
    },

    async check(ctx: GateContext): Promise<Finding[]> {
      const doc = ctx.document;
      const bodyOffset = doc.title.length + 2;
      const text = joinTitle(doc.title, doc.body);
      const matches = shared ? await sharedMatches(text, doc.id) : index.query(text, { exclude: [doc.id], limit: MATCH_LIMIT });
      const findings: Finding[] = [];
      for (const m of matches) {
        const score = Math.max(m.containment, m.otherContainment);
        if (score < warnAt) continue;
        findings.push(toFinding(doc, m, score, bodyOffset, blockAt, warnAt, locale));
      }
      // A mosaic: no single source reaches the limit, but together they cover the draft.
      const copied = 1 - originality(text, matches);
      if (matches.length > 1 && copied >= warnAt && !findings.some((f) => f.severity === 'error')) {
        findings.push(mosaicFinding(doc, matches, copied, blockAt, locale));
      }
      return findings;
    },
  };
}

/** The finding for a draft assembled from several documents (see the gate's check). */
function mosaicFinding(doc: Readonly<GovDocument>, matches: readonly DuplicateMatch[], copied: number, blockAt: number, locale: 'zh' | 'en'): Finding {
  const declared = doc.repostOf !== undefined && doc.repostOf !== '';
  const severity = declared ? 'warning' : copied >= blockAt ? 'error' : 'warning';
  const percent = (x: number): string => `${Math.round(x * 100)}%`;
  const sources = matches.filter((m) => m.containment > 0).map((m) => m.id);
  return createFinding(doc.body, {
    ruleId: 'duplicates/mosaic',
    severity,
    message:
      locale === 'zh'
        ? `本稿${percent(copied)}的文字出自${sources.length}篇已有稿件（${sources.join('、')}），原创内容不足` +
          (severity === 'error' ? `；合计达到${percent(blockAt)}，请改写或注明转载来源后再提交。` : '。')
        : `${percent(copied)} of this draft comes from ${sources.length} existing documents (${sources.join(', ')}): too little original text` +
          (severity === 'error' ? `; ${percent(blockAt)} or more blocks it: rewrite it or declare the source.` : '.'),
    start: 0,
    end: 0,
    source: `govpub 重复检测：与全部相近稿件合并计算的原创比例，重复合计达 ${percent(blockAt)} 拦截`,
    details: { field: 'body', copied, otherIds: sources },
  });
}

function sameMeta(a: unknown, b: IndexedMeta): boolean {
  const m = a as Partial<IndexedMeta> | undefined;
  return m?.bodyOffset === b.bodyOffset && m.state === b.state && m.text === b.text;
}

function toFinding(
  doc: Readonly<GovDocument>,
  m: DuplicateMatch,
  score: number,
  bodyOffset: number,
  blockAt: number,
  warnAt: number,
  locale: 'zh' | 'en',
): Finding {
  const meta = (m.meta ?? {}) as Partial<IndexedMeta>;
  const otherOffset = typeof meta.bodyOffset === 'number' ? meta.bodyOffset : 0;
  // Offsets relative to the two bodies; passages wholly inside a title are left out.
  const passages: DuplicatePassage[] = m.passages
    .filter((p) => p.end > bodyOffset)
    .map((p) => ({
      start: Math.max(0, p.start - bodyOffset),
      end: p.end - bodyOffset,
      otherStart: Math.max(0, p.otherStart - otherOffset),
      otherEnd: Math.max(0, p.otherEnd - otherOffset),
    }));
  const longest = passages.reduce<DuplicatePassage | undefined>((a, p) => (!a || p.end - p.start > a.end - a.start ? p : a), undefined);
  const declared = doc.repostOf !== undefined && doc.repostOf !== '';
  const severity = declared ? (doc.repostOf === m.id ? 'info' : 'warning') : score >= blockAt ? 'error' : 'warning';
  const percent = (x: number): string => `${Math.round(x * 100)}%`;
  const message = (locale === 'zh' ? nearDuplicateZh : nearDuplicateEn)({ m, state: meta.state, declared, repostOf: doc.repostOf, severity, blockAt, percent });
  return createFinding(doc.body, {
    ruleId: 'duplicates/near-duplicate',
    severity,
    message,
    start: longest?.start ?? 0,
    end: longest?.end ?? 0,
    source: `govpub 重复检测：与单篇稿件的重复比例达 ${percent(blockAt)} 拦截，达 ${percent(warnAt)} 提示`,
    ...(severity === 'error'
      ? {
          suggestions:
            locale === 'zh'
              ? [`如经授权转载，请注明来源：将 repostOf 设为“${m.id}”`, '改写重复的段落']
              : [`Declare the source: set repostOf to "${m.id}" if this is an authorised repost`, 'Rewrite the repeated passages'],
        }
      : {}),
    details: {
      field: 'body',
      otherId: m.id,
      ...(meta.state ? { otherState: meta.state } : {}),
      containment: m.containment,
      otherContainment: m.otherContainment,
      similarity: m.similarity,
      declaredRepost: declared,
      passages,
    },
  });
}

/** What {@link nearDuplicateZh} and {@link nearDuplicateEn} say a near-duplicate is. */
interface NearDuplicateFacts {
  m: DuplicateMatch;
  state: DocumentState | undefined;
  declared: boolean;
  repostOf: string | undefined;
  severity: 'error' | 'warning' | 'info';
  blockAt: number;
  percent: (x: number) => string;
}

const STATE_ZH: Record<DocumentState, string> = {
  draft: '草稿', in_review: '审核中', rejected: '已退回', approved: '已批准', scheduled: '已定时', published: '已发布', withdrawn: '已撤回',
};

// Editors read this one: Chinese by default, the English of before with locale 'en'.
function nearDuplicateZh({ m, state, declared, repostOf, severity, blockAt, percent }: NearDuplicateFacts): string {
  const other = `稿件 ${m.id}${state ? `（${STATE_ZH[state]}）` : ''}`;
  const what = m.containment >= m.otherContainment ? `本稿${percent(m.containment)}的内容与${other}重复` : `本稿转载了${other}${percent(m.otherContainment)}的内容`;
  const why = declared
    ? repostOf === m.id
      ? '；本稿已声明转载该稿件，允许发布。'
      : `；本稿已声明转载（来源：${repostOf}），不拦截，但请审核人确认来源。`
    : severity === 'error'
      ? `；达到${percent(blockAt)}及以上，须声明转载（repostOf）或改写后才能提交。`
      : '。';
  return what + why;
}

function nearDuplicateEn({ m, state, declared, repostOf, severity, blockAt, percent }: NearDuplicateFacts): string {
  const other = `document ${m.id}${state ? ` (${state.replace('_', ' ')})` : ''}`;
  const what =
    m.containment >= m.otherContainment
      ? `${percent(m.containment)} of this document repeats ${other}`
      : `This document reprints ${percent(m.otherContainment)} of ${other}`;
  const why = declared
    ? repostOf === m.id
      ? '; it is a declared repost of that document, so it is allowed.'
      : `; it is a declared repost (of ${repostOf}), so it is not blocked, but reviewers should confirm the source.`
    : severity === 'error'
      ? `; at ${percent(blockAt)} or more it cannot be submitted unless declared as a repost (repostOf) or rewritten.`
      : '.';
  return what + why;
}

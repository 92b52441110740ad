import * as z from 'zod';
import { renderPreview, type ChannelOutput, type PreviewAccount } from '../../channels/index';
import { checkClearance } from '../../confidentiality/index';
import { isGovpubError, parseOrThrow } from '../../errors/index';
import type { Finding } from '../../findings/index';
import { articleOf } from '../document-article';
import { formatDocument } from '../gates/channels';
import { runGates } from '../gates/run-gates';
import { reason, type Locale, type Reason } from '../reasons';
import { resolveChannels } from './channels';
import type { CommandContext } from './context';
import { loadDocument } from './template';
import { localeSchema } from '../../text/index';

/** Options of `publisher.preview`. */
export interface PublisherPreviewOptions {
  /** The language of the page's words and of refusal reasons. Default: the publisher's `locale`. */
  locale?: Locale;
  /** The page title. Default: the document's title. */
  title?: string;
  /** Delivery accounts to name beside their channels. Default: the publisher's `accounts`. */
  accounts?: readonly PreviewAccount[];
}

/** What `publisher.preview` returns: the page and what it was made from. */
export interface PublisherPreview {
  /** The self-contained preview page (see `renderPreview`). */
  html: string;
  /** True when nothing shown would stop publishing: no error finding, no refused channel, no clearance refusal. */
  ok: boolean;
  /** Each target channel's output, formatted with the publisher's channel options, as publishing would. */
  outputs: ChannelOutput[];
  /** The content gates' findings (caliber, confidentiality, duplicates, the host's own), waivers applied. */
  findings: Finding[];
  /** What else stops publishing (clearance), with stable codes. */
  reasons: Reason[];
}

const optionsSchema = z.strictObject({
  locale: localeSchema.optional(),
  title: z.string().optional(),
  accounts: z.array(z.object({ id: z.string(), channel: z.string(), name: z.string(), default: z.boolean().optional() }).loose()).optional(),
});

// Gates take an actor; the built-in ones do not read it. The preview acts for nobody.
const NOBODY = { id: 'preview', roles: [] };

/**
 * `preview`: the page reviewers read, for a stored document. Formats every target channel
 * with the publisher's channel options (as publish would), runs the content gates of the
 * document's next phase (`submit` for a draft, `publish` after), checks clearance, and writes
 * nothing. The channel gate is not run as a gate: its findings are the outputs' own.
 */
export async function preview(ctx: CommandContext, id: string, rawOptions: PublisherPreviewOptions = {}): Promise<PublisherPreview> {
  const options = parseOrThrow(optionsSchema, rawOptions, 'preview options') as PublisherPreviewOptions;
  const locale = options.locale ?? ctx.locale;
  const doc = await loadDocument(ctx, id);
  const now = ctx.now();
  const phase = doc.state === 'draft' || doc.state === 'rejected' ? 'submit' : 'publish';
  const channels = resolveChannels(ctx, doc.channels);
  const reasons: Reason[] = [];
  try {
    checkClearance(doc.level, channels);
  } catch (e) {
    if (!isGovpubError(e) || e.code !== 'CLEARANCE') throw e;
    reasons.push(reason('CLEARANCE', 'CLEARANCE', { level: doc.level, channels: e.details.channels ?? doc.channels }, locale));
  }
  const gates = ctx.gates.filter((g) => g.id !== 'channels' && g.phases.includes(phase));
  for (const g of gates) await g.refresh?.(ctx.storage);
  const findings = await runGates(gates, { phase, document: doc, actor: NOBODY, now, channels });
  const outputs = formatDocument(ctx, doc, now);
  const article = articleOf(doc, now);
  const html = renderPreview(outputs, {
    title: options.title ?? doc.title,
    locale,
    findings,
    article: { title: article.title, body: article.body, ...(article.summary !== undefined && { summary: article.summary }), ...(article.author !== undefined && { author: article.author }), ...(article.source !== undefined && { source: article.source }) },
    // The publisher's own accounts name themselves unless the caller passes others.
    ...((options.accounts ?? ctx.accounts?.list) !== undefined && { accounts: options.accounts ?? ctx.accounts?.list }),
    blockers: reasons.map((r) => ({ code: r.code, message: r.message })),
  });
  const ok = reasons.length === 0 && outputs.every((o) => o.ok) && !findings.some((f) => f.severity === 'error');
  return { html, ok, outputs, findings, reasons };
}

/** The fields of a `PUBLISHJOBFINISH` event govpub uses. */
export interface PublishJobFinish {
  publishId: string;
  /** 0 success, 1 publishing, 2 original-declaration failure, 3 failure, 4 platform review refused, 5 deleted after success, 6 banned after success. */
  publishStatus: number;
  articleId?: string;
  articleUrl?: string;
  failIdx?: string;
}

/**
 * Reads a `PUBLISHJOBFINISH` event (发布能力 › 事件推送发布结果), given as the XML the platform
 * POSTs to the host's callback URL (after the host decrypted it, in safe mode) or as an
 * object the host already parsed (`{ Event, PublishEventInfo: { publish_id, publish_status,
 * article_id, article_detail: { item: [{ article_url }] } } }`). `null` for other events.
 */
export function parsePublishJobFinish(event: unknown): PublishJobFinish | null {
  if (typeof event === 'string') {
    if (tag(event, 'Event') !== 'PUBLISHJOBFINISH') return null;
    const publishId = tag(event, 'publish_id');
    const status = tag(event, 'publish_status');
    if (!publishId || status === undefined || !/^\d+$/.test(status)) return null;
    const articleId = tag(event, 'article_id');
    const articleUrl = tag(event, 'article_url');
    const failIdx = tag(event, 'fail_idx');
    return { publishId, publishStatus: Number(status), ...(articleId ? { articleId } : {}), ...(articleUrl ? { articleUrl } : {}), ...(failIdx ? { failIdx } : {}) };
  }
  if (typeof event !== 'object' || event === null) return null;
  const e = event as { Event?: unknown; PublishEventInfo?: Record<string, unknown> };
  if (e.Event !== 'PUBLISHJOBFINISH' || !e.PublishEventInfo) return null;
  const info = e.PublishEventInfo;
  const detail = info.article_detail as { item?: { article_url?: unknown }[] | { article_url?: unknown } } | undefined;
  const first = Array.isArray(detail?.item) ? detail.item[0] : detail?.item;
  const status = Number(info.publish_status);
  if (info.publish_id === undefined || !Number.isInteger(status)) return null;
  return {
    publishId: String(info.publish_id),
    publishStatus: status,
    ...(info.article_id !== undefined ? { articleId: String(info.article_id) } : {}),
    ...(typeof first?.article_url === 'string' ? { articleUrl: first.article_url } : {}),
    ...(info.fail_idx !== undefined ? { failIdx: String(info.fail_idx) } : {}),
  };
}

/** The text of the first `<name>` element, CDATA unwrapped. */
function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(xml);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? '').trim();
}

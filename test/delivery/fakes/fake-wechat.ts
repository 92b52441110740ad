import type { Fault, FakeAnswer, FakeRequest, RunningFake } from './fake-server';
import { startFake, fakeHandle } from './fake-server';

/** One article publication the fake accepted (`freepublish/submit`). */
export interface FakePublication {
  publishId: string;
  mediaId: string;
  title: string;
  contentSourceUrl: string;
  articleId: string;
  /** Number of `freepublish/get` calls answered "publishing" before success. */
  pendingPolls: number;
  status: number;
  deleted: boolean;
}

/** Controls and counters of the fake WeChat platform. */
export interface FakeWechat extends RunningFake {
  /** Accepted submits by article title: exactly-once means every value is 1. */
  acceptedByTitle: Map<string, number>;
  publications: Map<string, FakePublication>;
  drafts: Map<string, { articles: Record<string, unknown>[] }>;
  uploadedImages: number;
  tokenRequests: number;
  /** Invalidates the current token: the next call answers 40001. */
  expireToken(): void;
  /** The next `n` API calls (not token calls) answer 45009. */
  rateLimitNext(n: number): void;
  /** A PUBLISHJOBFINISH event (XML) for a publication, as WeChat would push it. */
  eventXml(publishId: string): string;
  /** Serves bytes at `/img/<name>` (the "allowed host" for body images). */
  imageUrl(name: string): string;
}

/**
 * A fake of the official-account API as documented: stable_token (7200 s tokens, 40001 on an
 * invalidated one), draft/add, freepublish/submit (53503 for titles containing 「未通过」),
 * asynchronous freepublish/get (publish_status 1 then 0), batchget, delete, media/uploadimg.
 */
export async function startFakeWechat(options: { faults?: (req: FakeRequest) => Fault; pendingPolls?: number; appId?: string; appSecret?: string } = {}): Promise<FakeWechat> {
  const appId = options.appId ?? 'wx0123456789abcdef';
  const appSecret = options.appSecret ?? 'secret-0123456789abcdef0123456789';
  let token = 'TOKEN-1';
  let tokenSeq = 1;
  let rateLimited = 0;
  let seq = 0;
  const state = { uploadedImages: 0, tokenRequests: 0 };
  const acceptedByTitle = new Map<string, number>();
  const publications = new Map<string, FakePublication>();
  const drafts = new Map<string, { articles: Record<string, unknown>[] }>();
  const pendingPolls = options.pendingPolls ?? 1;

  const handle = (req: FakeRequest): FakeAnswer => {
    const path = req.url.pathname;
    if (path.startsWith('/img/')) return { body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), headers: { 'content-type': 'image/jpeg' } };
    if (path === '/cgi-bin/stable_token') {
      state.tokenRequests++;
      const body = JSON.parse(req.body) as { appid?: string; secret?: string; grant_type?: string; force_refresh?: boolean };
      if (body.grant_type !== 'client_credential' || body.appid !== appId || body.secret !== appSecret) return { json: { errcode: 40013, errmsg: 'invalid appid' } };
      if (body.force_refresh || token === '') token = `TOKEN-${++tokenSeq}`;
      return { json: { access_token: token, expires_in: 7200 } };
    }
    const given = req.url.searchParams.get('access_token');
    if (!given || given !== token) return { json: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' } };
    if (rateLimited > 0) {
      rateLimited--;
      return { json: { errcode: 45009, errmsg: 'reach max api daily quota limit' } };
    }
    const body = path === '/cgi-bin/media/uploadimg' ? {} : (JSON.parse(req.body || '{}') as Record<string, unknown>);
    switch (path) {
      case '/cgi-bin/media/uploadimg': {
        if (!req.headers['content-type']?.startsWith('multipart/form-data') || !req.raw.includes(Buffer.from('name="media"'))) return { json: { errcode: 40005, errmsg: 'invalid file type' } };
        state.uploadedImages++;
        return { json: { url: `http://mmbiz.qpic.cn/mmbiz_jpg/fake${state.uploadedImages}/0` } };
      }
      case '/cgi-bin/draft/add': {
        const articles = body.articles as Record<string, unknown>[] | undefined;
        if (!articles?.length || !articles[0]!.thumb_media_id) return { json: { errcode: 40007, errmsg: 'invalid media_id' } };
        const mediaId = `MEDIA-${++seq}`;
        drafts.set(mediaId, { articles });
        return { json: { media_id: mediaId } };
      }
      case '/cgi-bin/freepublish/submit': {
        const draft = drafts.get(String(body.media_id));
        if (!draft) return { json: { errcode: 40007, errmsg: 'invalid media_id' } };
        const article = draft.articles[0]!;
        const title = String(article.title);
        if (title.includes('未通过')) return { json: { errcode: 53503, errmsg: '该草稿未通过发布检查' } };
        const publishId = String(2247483000 + ++seq);
        publications.set(publishId, { publishId, mediaId: String(body.media_id), title, contentSourceUrl: String(article.content_source_url ?? ''), articleId: `ARTICLE-${publishId}`, pendingPolls, status: 1, deleted: false });
        // The fake finishes publishing as soon as it is polled enough; a draft is consumed once published.
        drafts.delete(String(body.media_id));
        acceptedByTitle.set(title, (acceptedByTitle.get(title) ?? 0) + 1);
        return { json: { errcode: 0, errmsg: 'ok', publish_id: publishId, msg_data_id: 2247483000 + seq } };
      }
      case '/cgi-bin/freepublish/get': {
        const p = publications.get(String(body.publish_id));
        if (!p) return { json: { errcode: 40007, errmsg: 'invalid publish_id' } };
        if (p.pendingPolls > 0) {
          p.pendingPolls--;
          return { json: { publish_id: p.publishId, publish_status: 1 } };
        }
        p.status = p.deleted ? 5 : 0;
        return { json: { publish_id: p.publishId, publish_status: p.status, article_id: p.articleId, article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${p.articleId}` }] }, fail_idx: [] } };
      }
      case '/cgi-bin/freepublish/batchget': {
        const items = [...publications.values()].filter((p) => !p.deleted).reverse().slice(Number(body.offset ?? 0), Number(body.offset ?? 0) + Math.min(20, Number(body.count ?? 20))).map((p) => ({ article_id: p.articleId, content: { news_item: [{ title: p.title, content_source_url: p.contentSourceUrl, url: `https://mp.weixin.qq.com/s/${p.articleId}` }] }, update_time: 0 }));
        return { json: { total_count: publications.size, item_count: items.length, item: items } };
      }
      case '/cgi-bin/freepublish/delete': {
        const p = [...publications.values()].find((x) => x.articleId === body.article_id);
        if (!p) return { json: { errcode: 40007, errmsg: 'invalid article_id' } };
        p.deleted = true;
        return { json: { errcode: 0, errmsg: 'ok' } };
      }
      default:
        return { status: 404, json: { errcode: 404, errmsg: 'not found' } };
    }
  };
  const fake = await startFake(handle, options.faults);
  return fakeHandle(fake, {
    acceptedByTitle,
    publications,
    drafts,
    get uploadedImages() {
      return state.uploadedImages;
    },
    get tokenRequests() {
      return state.tokenRequests;
    },
    expireToken() {
      token = '';
    },
    rateLimitNext(n: number) {
      rateLimited = n;
    },
    eventXml(publishId: string) {
      const p = publications.get(publishId)!;
      return `<xml><ToUserName><![CDATA[gh_fake]]></ToUserName><FromUserName><![CDATA[oFAKE]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>${p.publishId}</publish_id><publish_status>0</publish_status><article_id><![CDATA[${p.articleId}]]></article_id><article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/${p.articleId}]]></article_url></item></article_detail></PublishEventInfo></xml>`;
    },
    imageUrl(name: string) {
      return `${fake.url}/img/${name}`;
    },
  });
}

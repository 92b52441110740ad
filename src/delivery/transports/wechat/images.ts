import type { FetchLike } from '../../http';
import type { DeliveryError } from '../../delivery';
import type { WechatApi } from './api';

/** Hosts whose images WeChat already serves (they need no upload). */
const WECHAT_IMAGE_HOSTS = ['mmbiz.qpic.cn', 'mmbiz.qlogo.cn'];

const hostUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Makes every body image WeChat-hosted: an `<img src>` on an allowed host is downloaded with
 * the injected fetch and uploaded through `media/uploadimg` (which returns a URL usable
 * inside articles), and its `src` rewritten. An image elsewhere is refused: WeChat would drop
 * it and the article would go out without a picture the reviewers approved.
 * Source: 微信开放文档 公众号 › 素材管理 › 上传图文消息内的图片获取URL (media/uploadimg, jpg/png, < 1 MB).
 */
export async function uploadBodyImages(
  content: string,
  options: { api: WechatApi; fetch: FetchLike; allowedHosts: readonly string[]; signal: AbortSignal },
): Promise<{ content: string; uploaded: number } | { error: DeliveryError }> {
  const sources = new Set<string>();
  for (const m of content.matchAll(/<img\b[^>]*?\bsrc="([^"]+)"/gi)) sources.add(m[1]!);
  const replacements = new Map<string, string>();
  for (const src of sources) {
    let host: string;
    try {
      host = new URL(src.replace(/&amp;/g, '&')).hostname;
    } catch {
      return { error: { code: 'wechat/image_url_invalid', message: `图片地址无效：${src}`, retryable: false } };
    }
    if (WECHAT_IMAGE_HOSTS.some((d) => hostUnder(host, d))) continue;
    if (!options.allowedHosts.some((d) => hostUnder(host, d))) {
      return { error: { code: 'wechat/image_host_not_allowed', message: `图片所在域名 ${host} 不在允许上传的名单中`, retryable: false } };
    }
    const bytes = await binary(options.fetch, src.replace(/&amp;/g, '&'), options.signal);
    if (!bytes) return { error: { code: 'wechat/image_download_failed', message: `图片下载失败：${src}`, retryable: true } };
    const name = new URL(src.replace(/&amp;/g, '&')).pathname.split('/').pop() || 'image.jpg';
    const upload = await options.api.request('/cgi-bin/media/uploadimg', options.signal, () => {
      const form = new FormData();
      form.append('media', new Blob([bytes.data], { type: bytes.type }), /\.(jpe?g|png)$/i.test(name) ? name : `${name}.jpg`);
      return { body: form };
    });
    // Uploading an image publishes nothing: whatever went wrong, the whole send may be retried.
    if (!upload.ok) return { error: { ...('error' in upload.result ? upload.result.error : { code: 'wechat/uploadimg', message: '图片上传失败' }), retryable: true } };
    const url = upload.json.url;
    if (typeof url !== 'string') return { error: { code: 'wechat/uploadimg', message: '图片上传应答缺少 url', retryable: true } };
    replacements.set(src, url);
  }
  let out = content;
  for (const [from, to] of replacements) out = out.split(`src="${from}"`).join(`src="${to}"`);
  return { content: out, uploaded: replacements.size };
}

async function binary(fetchFn: FetchLike, url: string, signal: AbortSignal): Promise<{ data: ArrayBuffer; type: string } | null> {
  try {
    const res = await fetchFn(url, { method: 'GET', signal });
    if (res.status !== 200) return null;
    return { data: await res.arrayBuffer(), type: res.headers.get('content-type') ?? 'image/jpeg' };
  } catch {
    return null;
  }
}

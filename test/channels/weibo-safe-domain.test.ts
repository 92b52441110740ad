import { describe, expect, it } from 'vitest';
import { formatFor, hasLinkOnDomain, isGovpubError } from '../../src/index';
import { weiboTransport } from '../../src/delivery/index';
import { setup, staff } from '../workflow/fixtures';

const article = { title: '关于城区部分区域临时停水的通知', body: '3月5日8时至18时，城区部分区域将临时停水。' };

describe('Weibo safe domain (安全域名)', () => {
  it('matches the domain and its subdomains only', () => {
    expect(hasLinkOnDomain('详见 https://www.jiangning.gov.cn/a/1.html', 'jiangning.gov.cn')).toBe(true);
    expect(hasLinkOnDomain('详见 https://jiangning.gov.cn】', 'JIANGNING.gov.cn')).toBe(true);
    expect(hasLinkOnDomain('详见 https://fakejiangning.gov.cn/a', 'jiangning.gov.cn')).toBe(false);
    expect(hasLinkOnDomain('详见 https://jiangning.gov.cn.evil.com/a', 'jiangning.gov.cn')).toBe(false);
    expect(hasLinkOnDomain('没有链接', 'jiangning.gov.cn')).toBe(false);
  });

  it('is an error finding of the weibo channel when the post carries no link on it', () => {
    const without = formatFor('weibo', article, { safeDomain: 'jiangning.gov.cn' });
    expect(without.ok).toBe(false);
    expect(without.findings).toContainEqual(expect.objectContaining({ ruleId: 'channel/missing_safe_link', severity: 'error', message: expect.stringContaining('安全域名 jiangning.gov.cn') }));
    const withUrl = formatFor('weibo', { ...article, url: 'https://www.jiangning.gov.cn/tzgg/1.html' }, { safeDomain: 'jiangning.gov.cn' });
    expect(withUrl.ok).toBe(true);
    // Without the option nothing changes: the channel does not know the app.
    expect(formatFor('weibo', article).ok).toBe(true);
  });

  it('refuses a safeDomain that is not a domain, with its path', () => {
    const e = (() => {
      try {
        formatFor('weibo', article, { safeDomain: 'https://x' });
      } catch (error) {
        return error;
      }
    })();
    expect(isGovpubError(e) && e.code === 'VALIDATION' && e.details.issues.map((i) => i.path.join('.'))).toEqual(['safeDomain']);
  });

  it('stops at submit a draft for a Weibo account whose post would be refused (failed before: it passed three reviews and failed at send)', async () => {
    const accounts = [{ id: 'weibo-main', channel: 'weibo', name: '江宁发布', transport: weiboTransport({ accessToken: 'token-0123456789', safeDomain: 'jiangning.gov.cn' }) }];
    const { publisher } = setup({ accounts });
    const doc = await publisher.createDraft({ ...article, level: 'public', channels: ['weibo-main'] }, staff.author);
    const error = await publisher.submit(doc.id, staff.author).catch((e: unknown) => e);
    expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
    if (isGovpubError(error) && error.code === 'CHECKS_FAILED') expect(error.details.findings.map((f) => f.ruleId)).toContain('channel/missing_safe_link');

    const linked = await publisher.createDraft({ ...article, level: 'public', channels: ['weibo-main'], url: 'https://www.jiangning.gov.cn/tzgg/1.html' }, staff.author);
    expect((await publisher.submit(linked.id, staff.author)).state).toBe('in_review');
  });
});

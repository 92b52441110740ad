/**
 * A channel govpub does not ship, made with defineChannel: Douyin (抖音) video captions.
 * The caption is the title, the summary cut to fit, and the tags as #topics#; the declared
 * `caption` limit is enforced on the payload field of the same name automatically.
 *
 * Run: npx tsx examples/custom-channel.ts
 */
import { channelFinding, defineChannel, formatAll, truncate, type Article, type ChannelFinding } from '../src/index';

const douyinCaption = defineChannel({
  id: 'douyin-caption',
  clearance: 'public',
  // A house figure for illustration; check the platform's current rules before relying on it.
  limits: { caption: 55, topics: 5 },
  limitSources: { caption: 'house rule: a caption readable without "more"', topics: 'house rule' },
  format(article, { limits, markdown }) {
    const topics = (article.tags ?? []).slice(0, limits.topics).map((t) => `#${t.replace(/[#\s]/g, '')}`);
    const tail = topics.length ? ` ${topics.join(' ')}` : '';
    const head = article.title.trim();
    const lead = article.summary?.trim() || markdown.plainText().split('\n')[0] || '';
    // Room left for the lead after the title and the topics, which are never cut.
    const room = (limits.caption ?? Infinity) - [...head].length - [...tail].length - 1;
    const caption = room > 4 ? `${head}：${truncate(lead, room, { boundary: 'sentence' })}${tail}` : `${head}${tail}`;
    const findings: ChannelFinding[] = [];
    const extra = (article.tags ?? []).length - topics.length;
    if (extra > 0) {
      findings.push(
        channelFinding({
          channel: 'douyin-caption',
          code: 'too_many_topics',
          severity: 'warning',
          message: `${extra} tag(s) left out: at most ${limits.topics} topics`,
          field: 'caption',
          text: caption,
          textField: 'payload.caption',
          start: caption.length,
          end: caption.length,
          limit: limits.topics,
          actual: (article.tags ?? []).length,
        }),
      );
    }
    return { payload: { caption }, findings };
  },
});

const article: Article = {
  title: '市民服务中心春节期间开放时间',
  summary: '春节期间市民服务中心正常开放，办理时间为每日9时至17时。除夕当天下午休息。',
  body: '春节期间市民服务中心正常开放。',
  tags: ['春节', '便民服务', '政务服务', '市民服务中心', '开放时间', '除夕'],
};

for (const out of formatAll(article, ['weibo', douyinCaption])) {
  console.log(out.channel, out.ok ? 'ok' : 'blocked', JSON.stringify(out.payload));
  for (const f of out.findings) console.log(`  ${f.severity} ${f.code} on ${f.field}: ${f.message}`);
}

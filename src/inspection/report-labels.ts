/** Words of the inspection report page, per locale. */
export const REPORT_LABELS: Record<'zh-CN' | 'en', {
  title: string;
  window: string;
  generated: string;
  timeZone: string;
  totals: (t: { accounts: number; pass: number; atRisk: number; fail: number }) => string;
  account: string;
  channel: string;
  verdict: string;
  daysSince: string;
  daysLeft: string;
  failsOn: string;
  publications: string;
  perWeek: string;
  originality: string;
  reasons: string;
  calendar: string;
  gaps: string;
  gapsNote: string;
  longestGap: string;
  currentSilence: string;
  hours: string;
  hoursNote: string;
  originalityByMonth: string;
  original: string;
  reposted: string;
  weekdays: string[];
  days: string;
  findings: string;
  caught: string;
  waived: string;
  none: string;
  never: string;
}> = {
  'zh-CN': {
    title: '政务新媒体检查准备情况',
    window: '检查期',
    generated: '统计时间',
    timeZone: '时区',
    totals: (t) => `共 ${t.accounts} 个账号：不合格 ${t.fail} 个，有风险 ${t.atRisk} 个，合格 ${t.pass} 个`,
    account: '账号',
    channel: '渠道',
    verdict: '结论',
    daysSince: '未更新天数',
    daysLeft: '距不合格',
    failsOn: '不合格日期',
    publications: '发布数',
    perWeek: '每周更新',
    originality: '原创占比',
    reasons: '原因',
    calendar: '发布日历',
    gaps: '最长未更新间隔',
    gapsNote: '虚线为各账号的更新要求（全国规定 14 天，或更严的本地规定）；超过即标红',
    longestGap: '检查期内最长间隔',
    currentSilence: '当前未更新',
    hours: '发布时段分布',
    hoursNote: '红色为 0—6 时（不宜发布时段）',
    originalityByMonth: '各月原创与转载',
    original: '原创',
    reposted: '转载',
    weekdays: ['一', '二', '三', '四', '五', '六', '日'],
    days: '天',
    findings: '发布前拦截的问题',
    caught: '发现',
    waived: '豁免',
    none: '无',
    never: '从未发布',
  },
  en: {
    title: 'Government new media: inspection readiness',
    window: 'Window',
    generated: 'As of',
    timeZone: 'Time zone',
    totals: (t) => `${t.accounts} accounts: ${t.fail} fail, ${t.atRisk} at risk, ${t.pass} pass`,
    account: 'Account',
    channel: 'Channel',
    verdict: 'Verdict',
    daysSince: 'Days silent',
    daysLeft: 'Days left',
    failsOn: 'Fails on',
    publications: 'Publications',
    perWeek: 'Per week',
    originality: 'Original',
    reasons: 'Reasons',
    calendar: 'Publication calendar',
    gaps: 'Longest silence',
    gapsNote: 'the dashed line marks each account\'s limit (14 days nationally, or a stricter local rule); red is over it',
    longestGap: 'longest gap in window',
    currentSilence: 'current silence',
    hours: 'Publications by hour of day',
    hoursNote: 'red: 0:00–6:00',
    originalityByMonth: 'Original and reposted by month',
    original: 'original',
    reposted: 'reposted',
    weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
    days: 'days',
    findings: 'Caught before publishing',
    caught: 'caught',
    waived: 'waived',
    none: 'none',
    never: 'never',
  },
};

/**
 * A small labelled corpus for trace: invented official notices (the style of municipal
 * announcements; no real notice is copied) and circulating copies of them written by hand,
 * each labelled with the revision it derives from and the verdict it should get.
 */
import type { PublishedRevision, TraceVerdict } from '../../src/trace/index';
import { FLU_NOTICE, WATER_NOTICE } from './fixtures';

const revision = (id: string, title: string, lines: string[], publishedAt: string): PublishedRevision => ({
  id: `${id}@1`,
  documentId: id,
  revision: 1,
  title,
  body: lines.join('\n'),
  publishedAt,
});

export const TRAFFIC = revision('traffic', '关于建设大道部分路段实施交通管制的通告', [
  '因地铁5号线建设大道站施工需要，市公安局交通警察支队决定自2024年7月1日至2024年9月30日对建设大道（中山路至和平路段）实施交通管制。',
  '管制期间，该路段由双向六车道缩减为双向四车道，禁止货车通行。',
  '途经车辆请提前绕行解放路或胜利路。',
  '违反管制规定的，将依法处以200元罚款并记3分。',
  '请广大驾驶人和市民朋友相互转告，给您出行带来的不便，敬请谅解。',
], '2024-06-25T16:00:00+08:00');

export const SUBSIDY = revision('subsidy', '关于开展2024年度创业补贴申报工作的通知', [
  '为进一步促进以创业带动就业，市人力资源和社会保障局决定开展2024年度创业补贴申报工作。',
  '申报对象为在本市首次创办小微企业的高校毕业生和返乡创业人员，每户补贴5000元。',
  '申报时间为2024年8月1日至8月31日，逾期不予受理。',
  '市人力资源和社会保障局局长陈立新表示，今年全市计划发放补贴2000万元，惠及创业者约4000人。',
  '申报材料请通过“城市就业”网上服务平台提交，审核结果将在市政府网站公示7天。',
], '2024-07-20T10:00:00+08:00');

export const HALLS = revision('halls', '关于国庆节期间政务服务大厅办公时间安排的公告', [
  '根据国务院办公厅关于2024年部分节假日安排的通知，结合我市工作实际，现将国庆节期间政务服务大厅办公时间安排公告如下。',
  '10月1日至10月7日放假调休，共7天，政务服务大厅暂停窗口服务。',
  '9月29日（星期日）、10月12日（星期六）正常上班，办公时间为9:00至17:00。',
  '节日期间，不动产登记、社保查询等业务可通过网上办事大厅和自助终端办理。',
  '如有急事，请拨打值班电话办理。',
], '2024-09-24T09:00:00+08:00');

/** Every revision the corpus indexes. */
export const CORPUS_REVISIONS: PublishedRevision[] = [WATER_NOTICE, FLU_NOTICE, TRAFFIC, SUBSIDY, HALLS];

/** One labelled copy. `from` is null for unrelated texts. */
export interface CorpusCase {
  name: string;
  text: string;
  from: string | null;
  verdict: TraceVerdict;
}

const lines = (r: PublishedRevision) => r.body.split('\n');

export const CORPUS: CorpusCase[] = [
  { name: 'traffic: half-width punctuation and spaces', from: TRAFFIC.id, verdict: 'faithful', text: TRAFFIC.body.replace(/，/g, ', ').replace(/。/g, '. ').replace(/（/g, '(').replace(/）/g, ')') },
  { name: 'traffic: end date changed', from: TRAFFIC.id, verdict: 'altered', text: TRAFFIC.body.replace('2024年9月30日', '2024年8月31日') },
  { name: 'traffic: fine changed', from: TRAFFIC.id, verdict: 'altered', text: TRAFFIC.body.replace('200元罚款', '2000元罚款') },
  {
    name: 'subsidy: traditional characters',
    from: SUBSIDY.id,
    verdict: 'faithful',
    text: [
      '為進一步促進以創業帶動就業，市人力資源和社會保障局決定開展2024年度創業補貼申報工作。',
      '申報對象為在本市首次創辦小微企業的高校畢業生和返鄉創業人員，每戶補貼5000元。',
      '申報時間為2024年8月1日至8月31日，逾期不予受理。',
      '市人力資源和社會保障局局長陳立新表示，今年全市計劃發放補貼2000萬元，惠及創業者約4000人。',
      '申報材料請通過「城市就業」網上服務平台提交，審核結果將在市政府網站公示7天。',
    ].join('\n'),
  },
  { name: 'subsidy: official named wrongly', from: SUBSIDY.id, verdict: 'altered', text: SUBSIDY.body.replace('局长陈立新', '局长陈力新') },
  { name: 'subsidy: amount per household changed', from: SUBSIDY.id, verdict: 'altered', text: SUBSIDY.body.replace('每户补贴5000元', '每户补贴8000元') },
  { name: 'subsidy: first two sentences only', from: SUBSIDY.id, verdict: 'abridged', text: lines(SUBSIDY).slice(0, 3).join('') },
  {
    name: 'subsidy: last sentence dropped, on-topic comment added',
    from: SUBSIDY.id,
    verdict: 'altered',
    text: [...lines(SUBSIDY).slice(0, 4), '小编提醒：符合条件的高校毕业生千万别错过创业补贴申报时间！'].join('\n'),
  },
  {
    name: 'halls: inside a portal page',
    from: HALLS.id,
    verdict: 'faithful',
    text: ['网站首页 > 政务公开 > 通知公告', HALLS.title, '发布时间：2024-09-24 09:30  来源：市政务服务中心', HALLS.body, '【打印本页】【关闭窗口】', '上一篇：关于召开全市安全生产工作会议的通知'].join('\n'),
  },
  { name: 'halls: a sentence inserted', from: HALLS.id, verdict: 'altered', text: [...lines(HALLS).slice(0, 3), '大厅将于10月8日起延长办公时间至晚上8点。', ...lines(HALLS).slice(3)].join('\n') },
  { name: 'halls: a sentence reworded', from: HALLS.id, verdict: 'altered', text: HALLS.body.replace('政务服务大厅暂停窗口服务', '政务服务大厅照常提供窗口服务') },
  { name: 'flu: age threshold changed', from: FLU_NOTICE.id, verdict: 'altered', text: FLU_NOTICE.body.replace('60岁以上', '65岁以上') },
  { name: 'flu: last sentence dropped', from: FLU_NOTICE.id, verdict: 'abridged', text: lines(FLU_NOTICE).slice(0, 3).join('\n') },
  { name: 'water: paragraphs reordered', from: WATER_NOTICE.id, verdict: 'faithful', text: [...lines(WATER_NOTICE)].reverse().join('\n') },
  {
    name: 'unrelated: flu health advice',
    from: null,
    verdict: 'unrelated',
    text: [
      '秋冬季节是流感高发期，专家提醒市民注意防护。',
      '日常生活中要勤洗手、常通风，外出时佩戴口罩。',
      '出现发热、咳嗽等症状时应及时就医，避免带病上班上学。',
      '老年人、儿童和慢性病患者属于高危人群，建议尽早接种流感疫苗。',
    ].join('\n'),
  },
  {
    name: 'unrelated: traffic report on the same road',
    from: null,
    verdict: 'unrelated',
    text: [
      '记者昨日走访建设大道发现，早晚高峰期间车流量明显增加。',
      '不少市民反映，地铁施工围挡占用了部分车道，通行时间比以往延长了十几分钟。',
      '交警部门表示，将在重点路口增派警力疏导交通。',
    ].join('\n'),
  },
  {
    name: 'unrelated: sports news',
    from: null,
    verdict: 'unrelated',
    text: '市第十届全民运动会昨日开幕，来自全市各区县的3000余名运动员参加比赛。本届运动会共设田径、游泳、篮球等18个大项。',
  },
];

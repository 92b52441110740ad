import type { PublishedRevision } from '../../src/trace/index';

/** An invented municipal notice, in the style of a city water bureau's announcement. */
export const WATER_NOTICE: PublishedRevision = {
  id: 'doc-water@2',
  documentId: 'doc-water',
  revision: 2,
  title: '关于城区部分区域临时停水的通知',
  body: [
    '因供水管网改造施工，市水务局定于2024年5月18日8:00至22:00对城区部分区域临时停水。',
    '停水范围包括解放路、人民路沿线，涉及居民约3.2万户。',
    '本次改造总投资1200万元，将更换老旧管道15公里，改造完成后供水压力将提高20%。',
    '市水务局局长王明表示，施工期间将安排12辆送水车到各社区定点供水。',
    '请受影响的居民提前做好储水准备，关好水龙头，防止恢复供水时跑水。',
    '如有疑问，请拨打供水服务热线12345咨询。',
    '给广大市民带来的不便，敬请谅解。',
  ].join('\n'),
  publishedAt: '2024-05-15T09:30:00+08:00',
};

/** Its earlier revision, superseded: the investment figure was corrected in revision 2. */
export const WATER_NOTICE_R1: PublishedRevision = {
  ...WATER_NOTICE,
  id: 'doc-water@1',
  revision: 1,
  body: WATER_NOTICE.body.replace('1200万元', '1100万元'),
  publishedAt: '2024-05-14T17:00:00+08:00',
  superseded: true,
};

/** Another invented notice on a different subject. */
export const FLU_NOTICE: PublishedRevision = {
  id: 'doc-flu@1',
  documentId: 'doc-flu',
  revision: 1,
  title: '关于开展秋冬季流感疫苗接种工作的通告',
  body: [
    '为做好秋冬季流感防控工作，市卫生健康委员会决定自2024年10月8日起开展流感疫苗接种。',
    '全市设立接种点86个，60岁以上老年人可免费接种。',
    '市民可通过“健康城市”小程序预约，接种时请携带身份证。',
    '接种后请在现场留观30分钟，如有不适及时告知医务人员。',
  ].join('\n'),
  publishedAt: '2024-09-30T10:00:00+08:00',
};

/** A different article on the same topic as WATER_NOTICE (water works), written independently. */
export const SAME_TOPIC_ARTICLE = [
  '城东供水管网改造工程进展顺利',
  '记者从市水务局了解到，城东片区供水管网改造工程已完成总工程量的六成。',
  '该工程于今年3月开工，主要对使用年限超过30年的铸铁管道进行更换。',
  '施工单位采取分段施工、夜间作业等方式，尽量减少对周边居民生活的影响。',
  '工程全部完工后，城东片区将告别水压不足、水质发黄等问题。',
  '市民对工程进度和施工安排有意见建议的，可通过政务服务热线反映。',
].join('\n');

/** WATER_NOTICE as a Hong Kong or Taiwan outlet would reprint it: traditional characters, full-width digits in places. */
export const WATER_NOTICE_TRADITIONAL = [
  '關於城區部分區域臨時停水的通知',
  '因供水管網改造施工，市水務局定於２０２４年５月１８日8:00至22:00對城區部分區域臨時停水。',
  '停水範圍包括解放路、人民路沿線，涉及居民約3.2萬戶。',
  '本次改造總投資1200萬元，將更換老舊管道15公里，改造完成後供水壓力將提高20%。',
  '市水務局局長王明表示，施工期間將安排12輛送水車到各社區定點供水。',
  '請受影響的居民提前做好儲水準備，關好水龍頭，防止恢復供水時跑水。',
  '如有疑問，請撥打供水服務熱線12345諮詢。',
  '給廣大市民帶來的不便，敬請諒解。',
].join('\n');

/** A news portal page with the notice in the middle of navigation, other headlines and a footer. */
export const PAGE_WITH_NOTICE = [
  '首页 | 新闻 | 政务 | 民生 | 视频 | 登录',
  '今日热点：全市中小学秋季学期开学时间确定；地铁三号线北延段开通试运营',
  `【民生】${WATER_NOTICE.title}`,
  '2024-05-15 10:02 来源：市水务局',
  WATER_NOTICE.body,
  '相关阅读：',
  '全市中小学秋季学期开学时间确定',
  '地铁三号线北延段今起开通试运营',
  '版权所有 © 城市新闻网 备案号：京ICP备00000000号',
].join('\n');

// Real lifecycles through createPublisher over weeks of an injected clock, for the tests of
// inspection over storage: a normal publication, an urgent one left unreviewed, a revision
// republished (a correction), a withdrawal, a declared repost, and a channel never used.
import { createPublisher, defineRuleSet, zhGovRules, type Actor, type StorageAdapter } from '../../src/index';

export const staff = {
  author: { id: 'zhang.wei', roles: ['author'], department: '办公室' },
  reviewer1: { id: 'li.na', roles: ['reviewer'], department: '办公室' },
  reviewer2: { id: 'wang.fang', roles: ['reviewer'], department: '办公室' },
  approver: { id: 'zhao.lei', roles: ['approver'], department: '办公室' },
  publisher: { id: 'sun.li', roles: ['publisher'], department: '办公室' },
  chief: { id: 'zhou.min', roles: ['approver', 'publisher'], department: '办公室' },
} satisfies Record<string, Actor>;

/** The office's own wording rules: 最 must be waived by an approver, 近期 is a warning. */
export const cityRules = defineRuleSet({
  id: 'city',
  rules: [
    { id: 'absolute', type: 'banned', terms: ['最'], severity: 'error', message: '避免绝对化用语' },
    { id: 'vague-time', type: 'banned', terms: ['近期'], severity: 'warning', message: '时间表述不明确' },
  ],
});

export const waterNotice = {
  title: '关于城区部分区域临时停水的通知',
  body: '因供水管网改造施工，3月5日8时至18时，城区部分区域将临时停水。\n\n请居民提前做好储水准备。',
  level: 'public' as const,
};

export const roadNotice = {
  title: '关于解放路夜间施工交通管制的通告',
  body: '因地铁三号线施工需要，3月16日至4月30日每日22时至次日5时，解放路人民广场至火车站段实行交通管制。\n\n近期请过往车辆提前绕行，给您带来的不便敬请谅解。',
  level: 'public' as const,
};

export const floodNotice = {
  title: '关于做好强降雨防范工作的紧急提醒',
  body: '气象台预计3月9日夜间至10日白天我市有大到暴雨，局部地区大暴雨。\n\n请市民减少外出，远离河道和低洼地带，最大限度减少损失。',
  level: 'public' as const,
};

/** Beijing is UTC+8: these are the UTC instants of the local times in the comments. */
export const at = {
  waterPublished: '2026-03-02T02:00:00.000Z', // 3月2日 10:00
  floodUrgent: '2026-03-09T12:30:00.000Z', // 3月9日 20:30
  waterRepublished: '2026-03-12T03:00:00.000Z', // 3月12日 11:00
  roadPublished: '2026-03-16T01:00:00.000Z', // 3月16日 09:00
  roadWithdrawn: '2026-03-18T01:00:00.000Z', // 3月18日 09:00
  repostPublished: '2026-03-20T02:00:00.000Z', // 3月20日 10:00
};

export const revisedWaterBody = '因供水管网改造施工，3月5日8时至20时，城区部分区域将临时停水。\n\n请居民提前做好储水准备。';

/** Runs every lifecycle on `storage`; returns the publisher and the ids. */
export async function runScenario(storage: StorageAdapter) {
  let now = Date.parse('2026-03-01T01:00:00.000Z');
  let n = 0;
  const publisher = createPublisher({ storage, caliber: [zhGovRules, cityRules], clock: () => new Date(now), idGenerator: () => `doc-${++n}` });
  const set = (iso: string) => {
    now = Date.parse(iso);
  };
  const tick = () => {
    now += 10 * 60_000;
  };
  async function reviewed(id: string) {
    await publisher.submit(id, staff.author);
    tick();
    await publisher.review(id, staff.reviewer1, { decision: 'approve' });
    tick();
    await publisher.review(id, staff.reviewer2, { decision: 'approve' });
    tick();
    await publisher.review(id, staff.approver, { decision: 'approve' });
    tick();
  }

  // doc-1: the water notice on the website and WeChat, full review, then revised and republished.
  const water = await publisher.createDraft({ ...waterNotice, channels: ['website', 'wechat'] }, staff.author);
  await reviewed(water.id);
  set(at.waterPublished);
  await publisher.publish(water.id, staff.publisher);

  // doc-2: a flood warning published urgently on WeChat; its review after the fact is still open.
  set('2026-03-09T12:00:00.000Z');
  const flood = await publisher.createDraft({ ...floodNotice, channels: ['wechat'] }, staff.author);
  await publisher.waive(flood.id, staff.chief, { ruleId: 'city/absolute', excerpt: '最', reason: '“最大限度”为固定搭配' });
  set(at.floodUrgent);
  await publisher.publishUrgent(flood.id, staff.chief, '暴雨预警须立即发布');

  // doc-1 again: revision 2 corrects the end of the works and goes through 三审 again.
  set('2026-03-10T01:00:00.000Z');
  const revised = await publisher.revise(water.id, staff.author);
  await publisher.updateDraft(water.id, { body: revisedWaterBody }, staff.author, { expectedVersion: revised.version });
  tick();
  await reviewed(water.id);
  set(at.waterRepublished);
  await publisher.publish(water.id, staff.publisher);

  // doc-3: a road notice on the website, withdrawn two days later.
  set('2026-03-15T01:00:00.000Z');
  const road = await publisher.createDraft({ ...roadNotice, channels: ['website'] }, staff.author);
  await reviewed(road.id);
  set(at.roadPublished);
  await publisher.publish(road.id, staff.publisher);
  set(at.roadWithdrawn);
  await publisher.withdraw(road.id, staff.chief, '管制时段有误，待核实后重新发布');

  // doc-4: Weibo reposts the water notice, declared as a repost of doc-1.
  set('2026-03-19T01:00:00.000Z');
  const repost = await publisher.createDraft({ ...waterNotice, body: revisedWaterBody, channels: ['weibo'], repostOf: water.id }, staff.author);
  await reviewed(repost.id);
  set(at.repostPublished);
  await publisher.publish(repost.id, staff.publisher);

  // doc-5: a draft for SMS that never went out: the SMS account has never published.
  const sms = await publisher.createDraft({ title: '停水提醒', body: '3月5日城区部分区域停水，请提前储水。', level: 'public', channels: ['sms'] }, staff.author);

  return { publisher, ids: { water: water.id, flood: flood.id, road: road.id, repost: repost.id, sms: sms.id } };
}

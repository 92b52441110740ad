// BENCH-ONLY SEEDING PATH — never a way to write production data.
//
// Loads a generated corpus of ~1,500-character notices into the adapter's tables fast enough
// to reach 1,000,000 documents on a small machine: the texts and their fingerprints are made
// in Node with the REAL fingerprint function (`fingerprintHashes`, the one the duplicates gate
// commits), and written in large multi-row statements instead of one `govpub_commit` per
// document. It writes exactly the rows `govpub_commit` writes for the documents table (the
// same projection expressions, from the same JSON, `commit_seq` from the sequence,
// `commit_xid` the loading transaction) and for the fingerprint tables (what
// `commit_part_fingerprints` writes: distinct hashes as signed integers, one
// `fingerprint_documents` row per document). It does NOT write `document_versions` or
// `audit_events` rows, which the duplicate queries never read.
//
// While a stage loads, the fingerprints' primary key is dropped and rebuilt at the end
// (`rebuildFingerprintKey`): sorting 165 rows per document once is much cheaper than
// inserting them one by one into a B-tree far larger than shared_buffers.
import type pg from 'pg';
import { fingerprintHashes, fingerprintScheme } from '../src/duplicates/index';
import { makeDocument } from '../src/testing/index';
import { COLUMNS, EXPRESSIONS } from '../src/postgres/projection';
import { feedLockKeys } from '../src/postgres/feed-migration';
import { mulberry32 } from '../scripts/seeded-random';
import { generatedNotice } from './generated-notice';

// About 1,900 frequent characters of Chinese prose (a hand-written list): texts drawn from
// them share few 8-grams by chance, so fingerprint document frequencies look like a real
// archive's — most hashes rare, boilerplate common — instead of a 60-word salad's, where at a
// million documents almost every k-gram would be common.
const CHARS = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严首底液官德随病苏失尔死讲配女黄推显谈罪神艺呢席含企望密批营项防举球英氧势告李台落木帮轮破亚师围注远字材排供河态封另施减树溶怎止案言士均武固叶鱼波视仅费紧爱左章早朝害续轻服试食充兵源判护司足某练差致板田降黑犯负击范继兴似余坚曲输修故城夫够送笔船占右财吃富春职觉汉画功巴跟虽杂飞检吸助升阳互初创抗考投坏策古径换未跑留钢曾端责站简述钱副尽帝射草冲承独令限阿宣环双请超微让控州良轴找否纪益依优顶础载倒房突坐粉敌略客袁冷胜绝析块剂测丝协诉念陈仍罗盐友洋错苦夜刑移频逐靠混母短皮终聚汽村云哪既距卫停烈央察烧迅境若印洲刻括激孔搞甚室待核校散侵吧甲游久菜味旧模湖货损预阻毫普稳乙妈植息扩银语挥酒守拿序纸医缺雨吗针刘啊急唱误训愿审附获茶鲜粮斤孩脱硫肥善龙演父渐血欢械掌歌沙刚攻谓盾讨晚粒乱燃矛乎杀药宁鲁贵钟煤读班伯香介迫句丰培握兰担弦蛋沉假穿执答乐谁顺烟缩征脸喜松脚困异免背星福买染井概慢怕磁倍祖皇促静补评翻肉践尼衣宽扬棉希伤操垂秋宜氢套督振架亮末宪庆编牛触映雷销诗座居抓裂胞呼娘景威绿晶厚盟衡鸡孙延危胶屋乡临陆顾掉呀灯岁措束耐剧玉赵跳哥季课凯胡额款绍卷齐伟蒸殖永宗苗川炉岩弱零杨奏沿露杆探滑镇饭浓航怀赶库夺伊灵税途灭赛归召鼓播盘裁险康唯录菌纯借糖盖横符私努堂域枪润幅哈竟熟虫泽脑壤碳欧遍侧寨敢彻虑斜薄庭纳弹饲伸折麦湿暗荷瓦塞床筑恶户访塔奇透梁刀旋迹卡氯遇份毒泥退洗摆灰彩卖耗夏择忙铜献硬予繁圈雪函亦抽篇阵阴丁尺追堆雄迎泛爸楼避谋吨野猪旗累偏典馆索秦脂潮爷豆忽托惊塑遗愈朱替纤粗倾尚痛楚谢奋购磨君池旁碎骨监捕弟暴割贯殊释词亡壁顿宝午尘闻揭炮残冬桥妇警综招吴付浮遭徐您摇谷赞箱隔订男吹园纷唐败宋玻巨耕坦荣闭湾键凡驻锅救恩剥凝碱齿截炼麻纺禁废盛版缓净睛昌婚涉筒嘴插岸朗庄街藏姑贸腐奴啦惯乘伙恢匀纱扎辩耳彪臣亿璃抵脉秀萨俄网舞店喷纵寸汗挂洪贺闪柬爆烯津稻墙软勇像滚厘蒙芳肯坡柱荡腿仪旅尾轧冰贡登黎削钻勒逃障氨郭峰币港伏轨亩毕擦莫刺浪秘援株健售股岛甘泡睡童铸汤阀休汇舍牧绕炸哲磷绩朋淡尖启陷柴呈徒颜泪稍忘泵蓝拖洞授镜辛壮锋贫虚弯摩泰幼廷尊窗纲弄隶疑氏宫姐震瑞怪尤琴循描膜违夹腰缘珠穷森枝竹沟催绳忆邦剩幸浆栏拥牙贮礼滤钠纹罢拍咱喊袖埃勤罚焦潜伍墨欲缝姓刊饱仿奖铝鬼丽跨默挖链扫喝袋炭污幕诸弧励梅奶洁灾舟鉴苯讼抱毁懂寒智埔寄届跃渡挑丹艰贝碰拔爹戴码梦芽熔赤渔哭敬颗奔铅仲虎稀妹乏珍申桌遵允隆螺仓魏锐晓氮兼隐碍赫拨忠肃缸牵抢博巧壳兄杜讯诚碧祥柯页巡矩悲灌龄伦票寻桂铺圣恐恰郑趣抬荒腾贴柔滴猛阔辆妻填撤储签闹扰紫砂递戏吊陶伐喂疗瓶婆抚臂摸忍虾蜡邻胸巩挤偶弃槽劲乳邓吉仁烂砖租乌舰伴瓜浅丙暂燥橡柳迷暖牌秧胆详簧踏瓷谱呆宾糊洛辉愤竞隙怒粘乃绪肩籍敏涂熙皆侦悬掘享纠醒狂锁淀恨牲霸爬赏逆玩陵祝秒浙貌役彼悉鸭趋凤晨畜辈秩卵署梯炎滩棋驱筛峡冒啥寿译浸泉帽迟硅疆贷漏稿冠嫩胁芯牢叛蚀奥鸣岭羊凭串塘绘酵融盆锡庙筹冻辅摄袭筋拒僚旱钾鸟漆沈眉疏添棒穗硝韩逼扭侨凉挺碗栽炒杯患馏劝豪辽勃鸿旦吏拜狗埋辊掩饮搬骂辞勾扣估蒋绒雾丈朵姆拟宇辑陕雕偿蓄崇剪倡厅咬驶薯刷斥番赋奉佛浇漫曼扇钙桃扶仔返俗亏腔鞋棱覆框悄叔撞骗勘旺沸孤吐孟渠屈疾妙惜仰狠胀谐抛霉桑岗嘛衰盗渗脏赖涌甜曹阅肌哩厉烃纬毅昨伪症煮叹钉搭茎笼酷偷弓锥恒杰坑鼻翼纶叙狱逮罐络棚抑膨蔬寺骤穆冶枯册尸凸绅坯牺焰轰欣晋瘦御锭锦丧旬锻垄搜扑邀亭酯迈舒脆酶闲忧酚顽羽涨卸仗陪辟惩杭姚肚捉飘漂昆欺吾郎烷汁呵饰萧雅邮迁燕撒姻赴宴烦债帐斑铃旨醇董饼雏姿拌傅腹妥揉贤拆歪葡胺丢浩徽昂垫挡览贪慰缴汪慌冯诺姜谊凶劣诬耀昏躺盈骑乔溪丛卢抹闷咨刮驾缆悟摘铒掷颇幻柄惠惨佳仇腊窝涤剑瞧堡泼葱罩霍捞胎苍滨俩捅湘砍霞邵萄疯淮遂熊粪烘宿档戈驳嫂裕徙箭捐肠撑晒辨殿莲摊搅酱屏疫哀蔡堵沫皱畅叠阁莱敲辖钩痕坝巷饿祸丘玄溜曰逻彭尝卿妨艇吞韦怨矮歇',
);

/** A notice of about 1,500 characters, different for every seed: prose from {@link CHARS}, with boilerplate (a slice of a word-salad notice) that documents share. */
export function fillerText(seed: number): string {
  const random = mulberry32(seed);
  let text = '';
  while (text.length < 1330) {
    const words = 3 + Math.floor(random() * 6);
    for (let w = 0; w < words; w++) {
      const len = 1 + Math.floor(random() * 3);
      for (let c = 0; c < len; c++) text += CHARS[Math.floor(random() * CHARS.length)];
    }
    text += random() < 0.25 ? '。' : '，';
  }
  // ~170 characters of shared vocabulary: the common k-grams real notices share.
  return `${text}${generatedNotice(seed).slice(0, 170)}。`;
}

/** One loaded document: the row's JSON and its distinct hashes as signed integers. */
interface Seeded {
  json: GovDocumentJson;
  hashes: number[];
}
type GovDocumentJson = ReturnType<typeof makeDocument>;

function seeded(n: number): Seeded {
  const id = `f${String(n).padStart(8, '0')}`;
  const title = `关于第${n}号事项的通知`;
  const body = fillerText(50_000_000 + n * 7);
  const json = makeDocument({ id, title, body, state: 'published', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
  const hashes = [...new Set(fingerprintHashes(`${title}\n\n${body}`).map((h) => h | 0))];
  return { json, hashes };
}

/** Writes one batch in one transaction: documents, fingerprint_documents, fingerprints. */
async function writeBatch(client: pg.PoolClient, s: string, batch: Seeded[], scheme: string): Promise<void> {
  const { k1, k2 } = feedLockKeys(s);
  const flat: number[] = [];
  const counts: number[] = [];
  const starts: number[] = [];
  for (const b of batch) {
    starts.push(flat.length);
    counts.push(b.hashes.length);
    for (const h of b.hashes) flat.push(h);
  }
  await client.query('BEGIN');
  try {
    // A feed writer like govpub_commit (migration 6), so followers of the feed see these rows.
    await client.query(`SELECT pg_advisory_xact_lock_shared(${k1}, ${k2})`);
    await client.query(
      `INSERT INTO ${s}.documents (id, ${COLUMNS}, commit_seq) SELECT d->>'id', ${EXPRESSIONS}, nextval('${s}.commit_seq') FROM jsonb_array_elements($1::jsonb) AS d`,
      [JSON.stringify(batch.map((b) => b.json))],
    );
    await client.query(
      `INSERT INTO ${s}.fingerprint_documents (document_id, scheme, hash_count, hashes)
       SELECT ids[i], $5, counts[i], flat[starts[i] + 1 : starts[i] + counts[i]]
       FROM (SELECT $1::text[] AS ids, $2::integer[] AS counts, $3::integer[] AS flat, $4::integer[] AS starts) AS a,
            generate_subscripts(a.ids, 1) AS i`,
      [batch.map((b) => b.json.id), counts, flat, starts, scheme],
    );
    await client.query(
      `INSERT INTO ${s}.fingerprints (hash, document_id)
       SELECT unnest(f.hashes), f.document_id FROM ${s}.fingerprint_documents AS f WHERE f.document_id = ANY($1::text[])`,
      [batch.map((b) => b.json.id)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Drops the fingerprints' primary key for a bulk stage (rebuilt by {@link rebuildFingerprintKey}). */
export async function dropFingerprintKey(pool: pg.Pool, s: string): Promise<void> {
  await pool.query(`ALTER TABLE ${s}.fingerprints DROP CONSTRAINT IF EXISTS fingerprints_pkey`);
}

/** Rebuilds the primary key (the lookup index) and refreshes the visibility map and statistics, so candidate lookups are index-only scans as in a settled database. */
export async function rebuildFingerprintKey(pool: pg.Pool, s: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query(`ALTER TABLE ${s}.fingerprints ADD PRIMARY KEY (hash, document_id)`);
    for (const table of ['fingerprints', 'fingerprint_documents', 'documents']) await client.query(`VACUUM ANALYZE ${s}.${table}`);
  } finally {
    client.release();
  }
}

/**
 * Seeds documents `from..to` (1-based, inclusive) into schema `s` (quoted or plain), `batchSize`
 * per transaction over `connections` connections (default 2), generating the next batch while
 * the database writes the previous ones. `progress` is called after each batch with the
 * number written so far.
 */
export async function seedCorpus(
  pool: pg.Pool,
  s: string,
  from: number,
  to: number,
  options: { batchSize?: number; connections?: number; progress?: (done: number) => void } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 2000;
  const scheme = fingerprintScheme();
  const clients = await Promise.all(Array.from({ length: options.connections ?? 2 }, () => pool.connect()));
  try {
    // Bench only: a crash loses the last batches, which the bench would reload anyway.
    for (const client of clients) await client.query('SET synchronous_commit = off');
    // Generated in slices with a yield between them, so the batches in flight go out and
    // come back while the next one is made (the database works in its own processes).
    const make = async (a: number) => {
      const batch: Seeded[] = [];
      for (let n = a; n <= Math.min(to, a + batchSize - 1); n++) {
        batch.push(seeded(n));
        if (batch.length % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      return batch;
    };
    const idle = [...clients];
    const inFlight = new Set<Promise<void>>();
    let written = 0;
    for (let a = from; a <= to; a += batchSize) {
      const batch = await make(a);
      while (idle.length === 0) await Promise.race(inFlight);
      const client = idle.pop()!;
      const job: Promise<void> = writeBatch(client, s, batch, scheme).then(() => {
        inFlight.delete(job);
        idle.push(client);
        written += batch.length;
        options.progress?.(written);
      });
      inFlight.add(job);
    }
    await Promise.all(inFlight);
  } finally {
    // Back to the pool as it came: later commits through it must be durable as usual.
    for (const client of clients) {
      await client.query('RESET synchronous_commit').catch(() => undefined);
      client.release();
    }
  }
}

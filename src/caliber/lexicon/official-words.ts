/**
 * Words of Chinese government prose of the last decade that jieba's dictionary (counted from
 * web text of around 2012) does not know: reform slogans, new institutions and services
 * (医共体, 河长制, 一网通办, 首违不罚, 配建, 提质增效 …). The non-word detector reads them as
 * words, so that a new official term is not taken for a slip of the keyboard. Collected by hand
 * from the vocabulary of State Council and local government work reports, notices and policy
 * explanations (2015–2025); add an office's own terms with {@link OFFICIAL_WORD_BUCKET}'s
 * weight by extending this list.
 */
const WORDS = [
  '医共体 医联体 医保 医养结合 配建 提质 提质增效 提标 提档升级 扩容提质 纠治 纠治四风 午检 晨检 晨午检 首违不罚 首违 轻微免罚 政风 行风 正风肃纪 容缺受理 容缺',
  '帮办代办 代办 一网通办 一网统管 跨省通办 一件事一次办 接诉即办 吹哨报到 街乡吹哨 网格员 网格化 网格长 河长制 湖长制 林长制 田长制 路长制 链长制 河长 湖长 林长',
  '田长 链长 专班 工作专班 包保 包保责任 挂图作战 倒排工期 清单化 闭环管理 销号 对账销号 挂牌督办 回头看 双随机 一公开 放管服 营商环境 惠企 惠企政策 助企 纾困',
  '纾困解难 稳岗 稳岗返还 扩岗 以工代赈 兜底 兜牢 底线民生 低收入人口 防返贫 脱贫攻坚 乡村振兴 驻村 驻村工作队 第一书记 土特产 宜居宜业 和美乡村 千万工程 厕所革命',
  '高标准农田 撂荒 非农化 非粮化 耕地保护 占补平衡 两违 拆违 控违 违建 城中村 老旧小区 完整社区 口袋公园 城市更新 海绵城市 韧性城市 智慧城市 数字政府 政务新媒体',
  '政务服务 一窗受理 综窗 帮代办 免申即享 直达快享 秒批 秒报 掌上办 指尖办 就近办 跨域通办 智能审批 告知承诺 承诺制 信用修复 失信惩戒 守信激励 专精特新 小巨人 链主',
  '链主企业 产业链 强链补链 延链补链 稳链固链 招大引强 招新引优 亩均 亩均效益 标准地 拿地即开工 拎包入住 飞地 园区 新质生产力 数实融合 数字经济 算力 东数西算 碳达峰',
  '碳中和 双碳 减污降碳 无废城市 蓝天保卫战 碧水保卫战 净土保卫战 河湖长制 清四乱 禁渔 十年禁渔 退捕 退捕渔民 秸秆禁烧 散乱污 煤改气 煤改电 一老一小 托育 普惠托育',
  '托位 嵌入式 助餐 老年助餐 适老化 适老化改造 医保码 电子社保卡 长护险 大病保险 惠民保 家庭医生 签约服务 双减 课后服务 集团化办学 县中 强县中 教共体 双一流',
  '职普融通 产教融合 校地合作 人才飞地 揭榜挂帅 赛马制 科技特派员 首台套 首批次 首版次 技改 智改数转 智改数转网联 上云用数赋智 工业互联网 平急两用 三大工程 保交楼',
  '保交房 房票 以旧换新 两新 两重 以购代建 收储 专项债 一般债 化债 隐性债务 过紧日子 三保 保基本民生 保工资 保运转 直达资金 预算绩效 绩效评价 审计整改 巡察 巡察组',
  '回访督查 廉政谈话 清廉 清廉机关 四风 微腐败 蝇贪 群腐 一把手 第一责任人 主体责任 监督责任 两个责任 三重一大 三会一课 主题党日 党建引领 红色物业 物业服务 枫桥经验',
  '矛盾纠纷 多元化解 诉源治理 访调对接 信访积案 平安建设 扫黑除恶 常态化 反诈 断卡 涉诈 电诈 跑分 养老诈骗 非法集资 套路贷 校园贷 网约车 网约房 快递员 外卖骑手',
  '新就业形态 零工市场 灵活就业 公益性岗位 就业见习 见习基地 稳就业 保就业 根治欠薪 欠薪 工资专户 实名制 安全生产 隐患排查 十五条硬措施 三管三必须 安责险 燃气安全',
  '瓶改管 自建房 经营性自建房 九小场所 消防通道 生命通道 应急广播 防汛抗旱 防灭火 森林防灭火 地灾 山洪 转移避险 叫应 临灾 预警叫应 网格化管理 两客一危 一盔一带',
  '电动自行车 充电桩 换电 新能源车 车路协同 低空经济 无人机 营运车辆 交通安全 路长 河道保洁 垃圾分类 厨余垃圾 其他垃圾 可回收物 有害垃圾 源头减量 集中收运 污水管网',
  '雨污分流 黑臭水体 农污 农村污水 控源截污 数据局 数据要素 公共数据 政务数据 一数一源 数据共享 颗粒归仓 单产提升 种业振兴 良种 良法 良机 良田 菜篮子 米袋子 粮袋子',
  '储备粮 托市收购 社会化服务 家庭农场 合作社 土地托管 农文旅 文旅融合 村超 非遗 文保单位 红色旅游 研学 研学游 夜经济 首店 首发经济 银发经济 冰雪经济 体育消费',
  '消费券 惠民券 以赛促消',
  // Agency names and their usual abbreviations (2018 reform names included): 水务局 is not 税务局.
  '水务 水务局 发改 发改委 发改局 卫健 卫健委 卫健局 文旅 文旅局 文广旅 医保局 人社 人社局 住建 住建局 工信 工信局',
  '市监 市监局 城管局 行政审批局 审批局 政数局 大数据局 数据局 应急局 生态环境局 自然资源局 农业农村局 退役军人事务局',
  '商务局 统计局 审计局 司法局 信访局 国资委 金融办 机关事务局 公管办 公共资源交易中心 政务服务中心 便民服务中心',
  '党群服务中心 新时代文明实践中心 综治中心 融媒体中心 医疗保障局 疾控中心 转介 转诊',
  // Words of recent work reports and discipline-inspection notices, the right forms of errors in
  // the typo lists (庚续 → 赓续, 以按促改 → 以案促改), and common words jieba's 2012 count missed.
  '赓续 笃行不怠 砥砺前行 驰而不息 急难愁盼 以案促改 以案说法 跟踪问效 联防联控 供给侧 压舱石 诫勉谈话',
  '补齐短板 短板 问责 到账 盲道 控辍保学 共赢 合作共赢 互利共赢 低碳 碳排放 碳排放权 碳汇 遴选 撤并 发轫',
  // Words of 民生 news, quotations of ordinary people and 健康 notices that jieba does hold, but
  // counted under the word list's cut of 20 (泥腿子 16, 隔三岔五 17, 细账 10, 钻劲 6, 公筷 3), so
  // the detector took them for slips (腿子 → 弟子, 公筷 → 公会). Each is a headword of
  // 《现代汉语词典》（第7版）: 泥腿子, 隔三岔五 (also 隔三差五), 细账, 钻劲儿, 公筷.
  '泥腿子 隔三岔五 隔三差五 细账 钻劲 钻劲儿 公筷',
  // Terms of agriculture and tea under the same cut: 千粒重 (thousand-kernel weight, GB/T 5519
  // 《谷物与豆类 千粒重的测定》) and 鲜叶 (tea leaves as picked, GB/T 31748 《茶鲜叶处理要求》).
  // Words of scenery writing and classical lines quoted in 文旅 text: 落霞 (《汉语大词典》, 王勃
  // 《滕王阁序》), 蜂飞蝶舞 (an idiom of the 成语 dictionaries, not checked against a printed copy).
  '千粒重 鲜叶 落霞 蜂飞蝶舞',
].join(' ');

/** The frequency bucket given to these words (about 1,000 occurrences in jieba's counts: a common word). */
export const OFFICIAL_WORD_BUCKET = 10;

/** The supplementary official words, one per entry. */
export const OFFICIAL_WORDS: readonly string[] = Object.freeze(WORDS.split(' ').filter(Boolean));

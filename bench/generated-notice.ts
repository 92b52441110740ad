import { mulberry32 } from '../scripts/seeded-random';

const WORDS = (
  '供水 管网 改造 施工 城区 部分 区域 临时 停水 居民 提前 做好 储水 准备 道路 交通 管制 绕行 社区 服务 ' +
  '窗口 办理 业务 时间 调整 通知 公告 安全 生产 检查 防汛 应急 演练 疫苗 接种 医保 缴费 就业 招聘 培训 ' +
  '补贴 申报 审核 公示 结果 名单 项目 建设 进展 环境 监测 空气 质量 垃圾 分类 志愿 活动 文化 展览 图书馆 开放'
).split(' ');

/**
 * A notice body of about 500 characters, different for every seed and the same for the same
 * seed. Benchmarks of the publisher need distinct documents: the duplicates gate rightly
 * refuses to submit the same text twice.
 */
export function generatedNotice(seed: number): string {
  const random = mulberry32(seed);
  let text = '';
  for (let i = 1; i <= 240; i++) text += WORDS[Math.floor(random() * WORDS.length)] + (i % 12 === 0 ? '。' : i % 4 === 0 ? '，' : '');
  return text;
}

/**
 * Writes test/fixtures/sensitive-corpus.json: a labelled corpus for measuring
 * `detectSensitive`, generated from the numbering algorithms themselves with a fixed seed.
 *
 * - Positives: valid resident IDs (GB 11643), credit codes (GB 32100 + GB 11714), card
 *   numbers (Luhn + issuer range), mobile numbers (allocated prefixes), fixed lines, e-mail
 *   addresses, passport and permit numbers next to a context word, and classification and
 *   internal markings, each embedded in a Chinese sentence with its span labelled.
 * - Hard negatives: the same shapes made invalid in one way (wrong check character,
 *   impossible or future birth date, unknown province, wrong embedded organisation code,
 *   failed Luhn, no issuer, unallocated mobile prefix, local number starting 0/1), and the
 *   ordinary numbers of official texts (order and serial numbers that pass Luhn, timestamps,
 *   document numbers, amounts, statistics tables, service numbers, running text with
 *   秘密/机密/内部). A negative sentence contains nothing that should be reported.
 *
 * The check algorithms here are written again, independently of src/confidentiality, so
 * the corpus is a second opinion rather than the detector grading itself.
 *
 * Run: `npx tsx scripts/generate-sensitive-corpus.ts` (the test fails if the fixture is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seeded-random';
import { CREDIT_CHARS, creditCheck, idCheck, luhnDigit, orgCheck } from './checksum-oracle';

/** The kinds a label may have (the detector's `SensitiveKind`). */
export type CorpusKind =
  | 'id-card'
  | 'credit-code'
  | 'mobile'
  | 'landline'
  | 'bank-card'
  | 'email'
  | 'passport'
  | 'classification-marking'
  | 'internal-marking';

/** One labelled span: `text.slice(start, end)` is a value of `kind`. */
export interface CorpusLabel {
  kind: CorpusKind;
  start: number;
  end: number;
}

/** One sentence of the corpus. */
export interface CorpusItem {
  id: string;
  category: 'positive' | 'negative';
  /** What the item exercises, e.g. `id-card/context`, `negative/id-wrong-check`. */
  note: string;
  text: string;
  labels: CorpusLabel[];
}

/** The whole corpus. `now` is the reference date for "birth date in the future". */
export interface Corpus {
  description: string;
  seed: number;
  now: string;
  items: CorpusItem[];
}

export const CORPUS_SEED = 20240501;
export const CORPUS_NOW = '2025-01-01T00:00:00.000Z';

// ---------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32).
// ---------------------------------------------------------------------------------------

const rng = mulberry32;

// ---------------------------------------------------------------------------------------
// The numbering algorithms, written from the standards: scripts/checksum-oracle.ts.
// ---------------------------------------------------------------------------------------

function luhnOk(digits: string): boolean {
  return luhnDigit(digits.slice(0, -1)) === digits.slice(-1);
}

const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const BAD_PROVINCES = ['00', '01', '10', '19', '20', '24', '30', '38', '39', '40', '47', '49', '55', '60', '66', '70', '72', '80', '84', '90', '99'];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '149', '150', '151', '152', '153', '155', '156', '157', '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199'];
const UNALLOCATED_PREFIXES = ['154', '140', '141', '142', '143', '144', '146', '148', '160', '161', '163', '164', '168', '169', '174', '179', '194', '100', '110', '120', '121', '125'];
const AREA_CODES = ['010', '020', '021', '022', '023', '024', '025', '027', '028', '029', '0311', '0351', '0371', '0431', '0451', '0471', '0512', '0531', '0551', '0571', '0591', '0731', '0755', '0757', '0769', '0771', '0791', '0851', '0871', '0891', '0898', '0931', '0951', '0971', '0991'];
const SURNAMES = ['zhang', 'wang', 'li', 'zhao', 'liu', 'chen', 'yang', 'huang', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'gao'];
const GIVEN = ['wei', 'fang', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan', 'jie', 'tao', 'ming', 'chao', 'xiulan', 'xia', 'ping', 'gang', 'hua'];
// Personal mailboxes. Government (.gov.cn) and .org.cn role mailboxes, and ones named by an
// office's initials given with enquiry wording, are the organisation's public contacts, not
// personal data: they are hard negatives below. A named official's mailbox stays personal.
const DOMAINS = ['163.com', 'qq.com', 'sina.com', '126.com', 'foxmail.com', 'example.com.cn', 'example.edu.cn', 'outlook.com', 'gmail.com', 'yeah.net'];
const GOV_DOMAINS = ['example.gov.cn', 'mail.example.gov.cn', 'xx.gov.cn', 'yunchuan.gov.cn', 'redcross.org.cn'];
// Mailboxes named by an office's initials (云川县政府办 → yczfb): public contacts, unlike a
// local part that spells a person's name in pinyin.
const OFFICE_INITIALS = ['yczfb', 'scjgj', 'hbj', 'jtysj', 'fgw', 'wjw', 'rsj', 'zjj', 'sthjj', 'yjglj'];
const ROLE_MAILBOXES = ['xxgk', 'zwgk', 'zfxxgk', 'bgs', 'office', 'info', 'webmaster', 'xinfang', 'tousu', 'jubao', 'zixun', 'hotline', 'press', 'news'];
const NAMES = ['张三', '李四', '王五', '赵敏', '刘洋', '陈静', '杨帆', '黄磊', '周涛', '吴芳', '徐明', '孙丽'];
const PLACES = ['东城区', '朝阳区', '滨海新区', '高新区', '经开区', '城关镇', '新华街道', '和平社区'];

// ---------------------------------------------------------------------------------------
// Generation.
// ---------------------------------------------------------------------------------------

type Part = string | { kind: CorpusKind; value: string };

/** Builds the corpus; the same seed always gives the same corpus. */
export function generateSensitiveCorpus(seed = CORPUS_SEED): Corpus {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const items: CorpusItem[] = [];
  let counter = 0;

  const add = (category: CorpusItem['category'], note: string, parts: Part[]) => {
    let text = '';
    const labels: CorpusLabel[] = [];
    for (const p of parts) {
      if (typeof p === 'string') text += p;
      else {
        labels.push({ kind: p.kind, start: text.length, end: text.length + p.value.length });
        text += p.value;
      }
    }
    if (category === 'negative' && labels.length) throw new Error(`negative item ${note} has labels`);
    items.push({ id: `${category === 'positive' ? 'p' : 'n'}${String(++counter).padStart(5, '0')}`, category, note, text, labels });
  };

  // --- value builders -------------------------------------------------------------------
  const date = (fromYear: number, toYear: number) => {
    const y = int(fromYear, toYear);
    const m = int(1, 12);
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}${pad(m, 2)}${pad(int(1, days), 2)}`;
  };
  const region = (province = pick(PROVINCES)) => province + pad(int(1, 20), 2) + pad(int(1, 30), 2);
  const idBody = (province?: string, birth = date(1940, 2015)) => region(province) + birth + digits(3);
  const residentId = (province?: string) => {
    const body = idBody(province);
    const id = body + idCheck(body);
    return r() < 0.03 ? id.replace('X', 'x') : id;
  };
  const creditBody = (orgOk = true) => {
    const [authority, type] = pick([['1', '1'], ['1', '2'], ['5', '1'], ['5', '2'], ['5', '3'], ['9', '1'], ['9', '2'], ['9', '3'], ['Y', '1']] as const);
    const orgBody = Array.from({ length: 8 }, () => (r() < 0.85 ? String(int(0, 9)) : pick([...CREDIT_CHARS.slice(10)]))).join('');
    let oc = orgCheck(orgBody);
    if (!orgOk) oc = pick([...'0123456789X'].filter((c) => c !== oc));
    return authority + type + region() + orgBody + oc;
  };
  const creditCode = () => {
    const body = creditBody();
    return body + creditCheck(body);
  };
  const cardPrefix = (): { prefix: string; length: number } => {
    const x = r();
    if (x < 0.55) return { prefix: '62' + digits(4), length: pick([16, 17, 19, 19, 19]) };
    if (x < 0.62) return { prefix: '6013' + digits(2), length: pick([16, 19]) };
    if (x < 0.75) return { prefix: '4' + digits(5), length: 16 };
    if (x < 0.85) return { prefix: String(int(51, 55)) + digits(4), length: 16 };
    if (x < 0.9) return { prefix: String(int(2221, 2720)) + digits(2), length: 16 };
    if (x < 0.95) return { prefix: pick(['34', '37']) + digits(4), length: 15 };
    return { prefix: String(int(3528, 3589)) + digits(2), length: 16 };
  };
  const cardDigits = (p = cardPrefix()) => {
    const payload = p.prefix + digits(p.length - p.prefix.length - 1);
    return payload + luhnDigit(payload);
  };
  const groupCard = (d: string) => {
    const x = r();
    if (x < 0.5) return d;
    const sep = x < 0.85 ? ' ' : '-';
    if (d.length === 15 && r() < 0.5) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
    return d.match(/.{1,4}/g)!.join(sep);
  };
  const mobileDigits = (prefixes = MOBILE_PREFIXES) => pick(prefixes) + digits(8);
  const formatMobile = (m: string) => {
    const x = r();
    if (x < 0.6) return m;
    if (x < 0.75) return `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
    if (x < 0.88) return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
    return pick(['+86 ', '+86-', '+86', '0086 ']) + m;
  };
  const landline = () => {
    const area = pick(AREA_CODES);
    const local = String(int(2, 8)) + digits(area.length === 3 ? 7 : pick([6, 7]));
    const x = r();
    if (x < 0.5) return `${area}-${local}`;
    if (x < 0.7) return `(${area})${local}`;
    if (x < 0.8) return `（${area}）${local}`;
    if (x < 0.9 && local.length === 8) return `${area}-${local.slice(0, 4)} ${local.slice(4)}`;
    return `${area} ${local}`;
  };
  const email = () => {
    const local = pick([
      () => pick(SURNAMES) + pick(GIVEN),
      () => pick(SURNAMES) + '.' + pick(GIVEN),
      () => pick(SURNAMES) + pick(GIVEN) + digits(int(2, 4)),
      () => pick(GIVEN) + '_' + pick(SURNAMES),
      () => digits(int(6, 10)),
    ])();
    return `${local}@${pick(DOMAINS)}`;
  };
  const passport = (): { value: string; word: string } => {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    return pick([
      () => ({ value: 'E' + digits(8), word: pick(['护照号', '护照号码', '护照']) }),
      () => ({ value: 'E' + pick([...letters]) + digits(7), word: pick(['护照号', '护照号码']) }),
      () => ({ value: 'G' + digits(8), word: '护照号码' }),
      () => ({ value: 'C' + digits(8), word: pick(['往来港澳通行证', '港澳通行证号码', '通行证号']) }),
      () => ({ value: 'H' + digits(8), word: '回乡证' }),
      () => ({ value: 'L' + digits(8), word: '往来台湾通行证' }),
    ])();
  };
  const dateText = () => `${int(2019, 2024)}年${int(1, 12)}月${int(1, 28)}日`;
  const docNumber = () => `${pick(['京', '沪', '粤', '浙', '苏', '川'])}${pick(['政发', '政办发', '发改', '财预', '人社发'])}〔${int(2015, 2024)}〕${int(1, 199)}号`;
  const amount = () => `${int(1, 9999)}.${pad(int(0, 99), 2)}万元`;

  // --- positives --------------------------------------------------------------------------
  const P = (note: string, parts: Part[]) => add('positive', note, parts);
  const idWords = ['身份证号', '身份证号码', '公民身份号码', '证件号码', '居民身份证', '身份證號'];
  const cardWords = ['银行卡号', '卡号', '银行账号', '收款账户', '开户行账号', '信用卡号'];
  const phoneWords = ['手机', '联系电话', '手机号码', '电话', '联系方式', '请致电'];

  for (let i = 0; i < 400; i++) {
    const v = residentId();
    const x = i % 5;
    if (x === 0) P('id-card/context', [`${pick(NAMES)}，${pick(idWords)}：`, { kind: 'id-card', value: v }, `，现居${pick(PLACES)}。`]);
    else if (x === 1) P('id-card/no-context', [`申请人${pick(NAMES)}（`, { kind: 'id-card', value: v }, `）于${dateText()}提交材料。`]);
    else if (x === 2) P('id-card/with-distractors', [`根据${docNumber()}，核验${pick(idWords)}`, { kind: 'id-card', value: v }, `，补贴${amount()}。`]);
    else if (x === 3) P('id-card/fullwidth', [`${pick(idWords)}：`, { kind: 'id-card', value: toFullWidth(v) }, '。']);
    else P('id-card/two-values', [`${pick(NAMES)}，${pick(idWords)}`, { kind: 'id-card', value: v }, `，${pick(phoneWords)}`, { kind: 'mobile', value: mobileDigits() }, '。']);
  }
  // 62 is Gansu's address code and UnionPay's IIN: numbers valid as both, told apart by context.
  for (let i = 0; i < 160; i++) {
    let v = '';
    do {
      const body = idBody('62');
      v = body + idCheck(body);
    } while (!/^\d{18}$/.test(v) || !luhnOk(v));
    if (i % 2 === 0) P('ambiguous-62/id', [`${pick(idWords)}：`, { kind: 'id-card', value: v }, `，户籍${pick(PLACES)}。`]);
    else P('ambiguous-62/card', [`工资发放至${pick(cardWords)}`, { kind: 'bank-card', value: v }, '，请核对。']);
  }
  for (let i = 0; i < 300; i++) {
    const v = creditCode();
    const x = i % 3;
    if (x === 0) P('credit-code/context', [`${pick(['统一社会信用代码', '社会信用代码', '纳税人识别号'])}：`, { kind: 'credit-code', value: v }, `，住所${pick(PLACES)}。`]);
    else if (x === 1) P('credit-code/no-context', [`${pick(PLACES)}某公司（`, { kind: 'credit-code', value: v }, `）中标，金额${amount()}。`]);
    else P('credit-code/list', [`中标单位：某某有限公司，`, { kind: 'credit-code', value: v }, `；公告日期${dateText()}。`]);
  }
  for (let i = 0; i < 380; i++) {
    const v = groupCard(cardDigits());
    const x = i % 3;
    if (x === 2) P('bank-card/no-context', [`请于${dateText()}前将款项转入`, { kind: 'bank-card', value: v }, '。']);
    else P('bank-card/context', [`${pick(NAMES)}的${pick(cardWords)}：`, { kind: 'bank-card', value: v }, `，开户行${pick(['工商银行', '农业银行', '建设银行'])}${pick(PLACES)}支行。`]);
  }
  for (let i = 0; i < 360; i++) {
    const v = formatMobile(mobileDigits());
    const x = i % 4;
    if (x === 0) P('mobile/context', [`联系人：${pick(NAMES)}，${pick(phoneWords)}：`, { kind: 'mobile', value: v }, '。']);
    else if (x === 1) P('mobile/no-context', [`如有疑问请联系${pick(NAMES)}（`, { kind: 'mobile', value: v }, `），${dateText()}前有效。`]);
    else if (x === 2) P('mobile/table', [`| 姓名 | 手机 |\n| --- | --- |\n| ${pick(NAMES)} | `, { kind: 'mobile', value: v }, ' |']);
    else P('mobile/after-text', [`${pick(PLACES)}网格员${pick(NAMES)}`, { kind: 'mobile', value: v }, '，24小时在线。']);
  }
  for (let i = 0; i < 220; i++) {
    const v = landline();
    if (i % 5 === 4) {
      const area = pick(AREA_CODES);
      const plain = area + String(int(2, 8)) + digits(area.length === 3 ? 7 : 6);
      P('landline/plain-with-context', [`咨询电话：`, { kind: 'landline', value: plain }, '。']);
    } else P('landline/formatted', [`${pick(['咨询电话', '办公电话', '传真', '联系电话', '监督电话'])}：`, { kind: 'landline', value: v }, `（工作日${int(8, 9)}:00—17:00）。`]);
  }
  for (let i = 0; i < 160; i++) {
    const v = email();
    P(i % 2 ? 'email/context' : 'email/glued', i % 2 ? [`投稿邮箱：`, { kind: 'email', value: v }, `，截止${dateText()}。`] : ['联系邮箱', { kind: 'email', value: v }, '，电话另行通知。']);
  }
  for (let i = 0; i < 40; i++) {
    // A person's address on a government domain: a named official's mailbox is personal data,
    // with or without enquiry wording.
    const local = pick(SURNAMES) + pick(GIVEN);
    P('email/named-official-with-enquiry-wording', [`投诉邮箱：`, { kind: 'email', value: `${pick(SURNAMES)}${pick(GIVEN)}@${pick(GOV_DOMAINS)}` }, `。`]);
    P('email/personal-on-gov', [`${pick(NAMES)}（`, { kind: 'email', value: `${local}@${pick(GOV_DOMAINS)}` }, `）已于${dateText()}调离。`]);
  }
  for (let i = 0; i < 120; i++) {
    // Resident IDs written in their three groups, separated by spaces or hyphens.
    const v = residentId();
    const sep = i % 2 ? ' ' : '-';
    const grouped = `${v.slice(0, 6)}${sep}${v.slice(6, 14)}${sep}${v.slice(14)}`;
    P('id-card/grouped', [`${pick(NAMES)}，${pick(idWords)}：`, { kind: 'id-card', value: grouped }, `，${pick(PLACES)}。`]);
  }
  for (let i = 0; i < 150; i++) {
    const { value, word } = passport();
    P('passport/context', [`${pick(NAMES)}，${word}`, { kind: 'passport', value }, `，入境日期${dateText()}。`]);
  }
  const period = (level: 'top-secret' | 'confidential' | 'secret') => {
    const max = { 'top-secret': 30, confidential: 20, secret: 10 }[level];
    return pick([() => `${int(1, max)}年`, () => `${int(1, 11)}个月`, () => '长期', () => '启用前', () => ''])();
  };
  const levels = [['绝密', 'top-secret'], ['机密', 'confidential'], ['秘密', 'secret']] as const;
  for (let i = 0; i < 160; i++) {
    const [word, level] = pick(levels);
    const x = i % 4;
    if (x === 0) P('marking/head', [`${digits(6)}\n`, { kind: 'classification-marking', value: `${word}★${period(level)}` }, `\n${pick(['特急', '加急'])}\n关于做好${pick(PLACES)}有关工作的通知`]);
    else if (x === 1) P('marking/alone', [{ kind: 'classification-marking', value: word }, `\n\n${pick(PLACES)}人民政府关于有关事项的报告`]);
    else if (x === 2) P('marking/section', [`一、总体情况。\n`, { kind: 'classification-marking', value: `【${word}】` }, `二、${pick(PLACES)}有关部署如下。`]);
    else P('marking/star-inline', [`附件${int(1, 5)}：`, { kind: 'classification-marking', value: `${word}★${int(1, 5)}年` }, ` 会议纪要`]);
  }
  for (let i = 0; i < 110; i++) {
    const x = i % 4;
    if (x === 0) P('internal/phrase', [{ kind: 'internal-marking', value: pick(['内部资料，注意保存', '内部事项 注意保管', '内部资料 请勿外传', '内部文件，严禁外传']) }, `\n${pick(PLACES)}工作简报第${int(1, 60)}期`]);
    else if (x === 1) P('internal/alone', [{ kind: 'internal-marking', value: pick(['内部', '内部资料', '工作秘密', '内部参考']) }, `\n${pick(PLACES)}情况通报`]);
    else if (x === 2) P('internal/title-suffix', [`关于${pick(PLACES)}有关问题的通报`, { kind: 'internal-marking', value: pick(['（内部）', '【内部资料】', '（工作秘密）']) }, `\n正文略。`]);
    else P('internal/star', [{ kind: 'internal-marking', value: `工作秘密★${int(1, 5)}年` }, `\n${pick(PLACES)}工作安排`]);
  }
  for (let i = 0; i < 120; i++) {
    const x = i % 4;
    if (x === 0) P('internal/not-public-note', [`${pick(PLACES)}人民政府办公室\n${dateText()}\n`, { kind: 'internal-marking', value: pick(['（此件不公开）', '(此件不公开)', '（此件不予公开）', '此件不公开']) }]);
    else if (x === 1) P('internal/restriction-inline', [`本材料`, { kind: 'internal-marking', value: pick(['仅供内部参考', '仅限内部使用', '仅供内部使用', '仅限内部传阅']) }, `，请勿转发。`]);
    else if (x === 2) P('internal/no-leak-head', [{ kind: 'internal-marking', value: pick(['不得外传', '严禁外传', '【严禁外传】', '请勿外传']) }, `\n${pick(PLACES)}情况汇报`]);
    else P('internal/reference-phrase', [{ kind: 'internal-marking', value: pick(['内部参考 注意保存', '内部参考，注意保管', '内部资料 注意保存']) }, `\n${pick(PLACES)}工作简报`]);
  }

  // --- hard negatives ---------------------------------------------------------------------
  const N = (note: string, text: string) => add('negative', note, [text]);
  for (let i = 0; i < 200; i++) {
    const body = idBody();
    const check = idCheck(body);
    const wrong = pick([...'0123456789X'].filter((c) => c !== check));
    N('negative/id-wrong-check', `${pick(NAMES)}，${pick(idWords)}：${body}${wrong}，信息待核实。`);
  }
  for (let i = 0; i < 150; i++) {
    const y = int(1950, 2010);
    const bad = pick([
      () => `${y}${pad(int(13, 19), 2)}${pad(int(1, 28), 2)}`,
      () => `${y}${pad(int(1, 12), 2)}${pad(int(32, 39), 2)}`,
      () => `${y}0230`,
      () => `${y % 4 === 0 ? y + 1 : y}0229`,
      () => `${y}${pad(int(1, 12), 2)}00`,
      () => `${y}00${pad(int(1, 28), 2)}`,
      () => `${pick(['1805', '1899', '1776'])}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`,
    ])();
    const body = region() + bad + digits(3);
    N('negative/id-impossible-date', `${pick(idWords)}：${body}${idCheck(body)}，系统提示有误。`);
  }
  for (let i = 0; i < 80; i++) {
    const body = region() + date(2025, 2090).replace(/^2025(0101)$/, '20250102') + digits(3);
    N('negative/id-future-date', `登记表中${pick(idWords)}为${body}${idCheck(body)}，需更正。`);
  }
  for (let i = 0; i < 100; i++) {
    const body = region(pick(BAD_PROVINCES)) + date(1950, 2010) + digits(3);
    N('negative/id-unknown-province', `证件号码${body}${idCheck(body)}无法识别。`);
  }
  for (let i = 0; i < 130; i++) {
    const body = creditBody();
    const check = creditCheck(body);
    const wrong = pick([...CREDIT_CHARS].filter((c) => c !== check));
    N('negative/credit-wrong-check', `统一社会信用代码：${body}${wrong}（待核）。`);
  }
  for (let i = 0; i < 100; i++) {
    // Right MOD 31, wrong embedded organisation code: only the GB 11714 check catches it.
    const body = creditBody(false);
    N('negative/credit-wrong-org-code', `统一社会信用代码：${body}${creditCheck(body)}，经核对不符。`);
  }
  for (let i = 0; i < 150; i++) {
    const p = cardPrefix();
    const payload = p.prefix + digits(p.length - p.prefix.length - 1);
    const good = luhnDigit(payload);
    const bad = pick([...'0123456789'].filter((c) => c !== good));
    N('negative/card-luhn-fail', `${pick(cardWords)}：${groupCard(payload + bad)}，请核对后重新提交。`);
  }
  for (let i = 0; i < 100; i++) {
    const prefix = pick(['1', '7', '8', '9', '30', '31', '33', '39']) + digits(4);
    const len = pick([16, 17, 19]);
    const payload = prefix + digits(len - prefix.length - 1);
    N('negative/card-no-issuer', `会员卡号：${payload}${luhnDigit(payload)}，积分${int(1, 9999)}分。`);
  }
  const orderWords = ['订单号', '交易流水号', '运单号', '快递单号', '受理编号', '发票号码', '合同编号', '工单号', '申请号'];
  for (let i = 0; i < 250; i++) {
    // Luhn-valid with a real issuer prefix: only the context says it is not a card.
    let v = '';
    do v = cardDigits(); while (v.length === 18);
    N('negative/order-number-luhn', `${pick(orderWords)}：${v}，${pick(['已发货', '已受理', '处理中', '已办结'])}。`);
  }
  for (let i = 0; i < 120; i++) {
    const v = `${int(2019, 2024)}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}${digits(int(6, 12))}`;
    N('negative/order-number-dated', `${pick(orderWords)}${v}，请妥善保存。`);
  }
  for (let i = 0; i < 120; i++) {
    const seconds = int(1_400_000_000, 1_800_000_000);
    N('negative/timestamp', pick([
      () => `日志时间戳${seconds}，记录编号${int(1, 99999)}。`,
      () => `更新时间：${seconds}${pad(int(0, 999), 3)}（毫秒）。`,
      () => `采集时间${date(2019, 2024)}${pad(int(0, 23), 2)}${pad(int(0, 59), 2)}${pad(int(0, 59), 2)}。`,
      () => `发布于${dateText()} ${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}。`,
    ])());
  }
  for (let i = 0; i < 100; i++) N('negative/document-number', `根据${docNumber()}和${docNumber()}精神，结合${pick(PLACES)}实际制定本方案。`);
  for (let i = 0; i < 150; i++) {
    const m = mobileDigits();
    N('negative/amount', pick([
      () => `全年完成产值${m}元，同比增长${int(1, 20)}.${int(0, 9)}%。`,
      () => `项目总投资￥${m}，其中财政资金${amount()}。`,
      () => `收入${m.slice(0, 3)},${m.slice(3, 6)},${m.slice(6, 9)}.${m.slice(9)}元。`,
      () => `金额：${m}.${pad(int(0, 99), 2)}元。`,
      () => `累计接待游客${m}人次。`,
      () => `合计${cardDigits()}元。`,
    ])());
  }
  for (let i = 0; i < 120; i++) {
    const row = () => `| ${pick(PLACES)} | ${mobileDigits()} | ${mobileDigits()} | ${int(1, 30)}.${int(0, 9)}% |`;
    N('negative/statistics-table', `| 地区 | 2023年产值（元） | 2024年产值（元） | 增速 |\n| --- | ---: | ---: | ---: |\n${row()}\n${row()}`);
  }
  for (let i = 0; i < 160; i++) {
    N('negative/mobile-unallocated', `${pick(phoneWords)}：${mobileDigits(UNALLOCATED_PREFIXES)}，如无法接通请留言。`);
  }
  for (let i = 0; i < 60; i++) {
    N('negative/mobile-wrong-length', `${pick(phoneWords)}：${pick(MOBILE_PREFIXES)}${digits(pick([7, 9]))}，已停机。`);
  }
  for (let i = 0; i < 100; i++) {
    N('negative/service-number', pick([
      () => `服务热线：400-${int(100, 999)}-${digits(4)}。`,
      () => `免费电话：800-${int(100, 999)}-${digits(4)}。`,
      () => `客服电话400${digits(7)}，全天服务。`,
      () => `请拨打政务服务便民热线${pick(['12345', '12315', '12366', '12333'])}。`,
      () => `银行客服电话${pick(['95588', '95599', '95533', '95566', '95555'])}。`,
    ])());
  }
  for (let i = 0; i < 60; i++) {
    const area = pick(AREA_CODES);
    N('negative/landline-bad-local', `联系电话：${area}-${pick(['0', '1'])}${digits(area.length === 3 ? 7 : 6)}（号码有误）。`);
  }
  for (let i = 0; i < 100; i++) {
    N('negative/marking-in-running-text', pick([
      () => `公安机关对该案开展秘密调查，${dateText()}抓获犯罪嫌疑人。`,
      () => `《${pick(PLACES)}机密文件管理办法》自${dateText()}起施行。`,
      () => `档案馆收藏的绝密档案已于${int(1990, 2020)}年解密。`,
      () => `加强内部管理，完善内部控制制度。`,
      () => `培训讲解了“${pick(['机密★1年', '秘密★6个月', '绝密★长期'])}”等标志的标注方法。`,
      () => `工作秘密的范围由各单位依法确定。`,
      () => `秘密的泄露往往源于疏忽。`,
      () => `机密级事项应当按规定管理。`,
      () => `内部资料的印制要严格审批。`,
    ])());
  }
  for (let i = 0; i < 120; i++) {
    N('negative/publication-prose', pick([
      () => `依法不予公开的信息，应当书面告知申请人并说明理由。`,
      () => `对于不予公开的政府信息，行政机关应当在${int(15, 20)}个工作日内答复。`,
      () => `涉及国家秘密的材料不得外传，这是保密纪律的基本要求。`,
      () => `会议要求，未经批准的数据一律不得外传。`,
      () => `此件公开发布`,
      () => `（此件公开发布）`,
      () => `附注处应标注“此件不公开”或“此件公开发布”。`,
      () => `内部审计发现的问题已全部整改。`,
    ])());
  }
  for (let i = 0; i < 120; i++) {
    const domain = pick(GOV_DOMAINS);
    N('negative/public-mailbox', pick([
      () => `政府信息公开咨询邮箱：${pick(ROLE_MAILBOXES)}@${domain}。`,
      () => `来信请寄 ${pick(ROLE_MAILBOXES)}@${domain}，我们将及时回复。`,
      () => `投诉邮箱：${pick(OFFICE_INITIALS)}@${domain}。`,
      () => `如有疑问，请联系 ${pick(OFFICE_INITIALS)}@${domain}。`,
      () => `网站管理：${pick(ROLE_MAILBOXES)}@${domain}`,
    ])());
  }
  for (let i = 0; i < 60; i++) {
    N('negative/email-like', pick([
      () => `欢迎关注@${pick(['北京发布', '上海发布', '中国政府网'])}，获取最新消息。`,
      () => `本地测试账户 admin@localhost 仅供内网使用。`,
      () => `版本号 v${int(1, 9)}.${int(0, 9)}@${dateText()}发布。`,
      () => `主机名 server@intranet 不可访问。`,
    ])());
  }
  for (let i = 0; i < 100; i++) {
    N('negative/passport-shape-without-context', pick([
      () => `设备型号E${digits(8)}已停产。`,
      () => `产品批号G${digits(8)}，生产日期${dateText()}。`,
      () => `车次C${digits(4)}于${pad(int(6, 22), 2)}:${pad(int(0, 59), 2)}发车，检票口${int(1, 20)}。`,
      () => `编号H${digits(8)}的设备已报废。`,
    ])());
  }
  for (let i = 0; i < 80; i++) {
    N('negative/ordinary-figures', pick([
      () => `邮政编码${pick(['100010', '200001', '510000', '310000'])}。`,
      () => `全市常住人口${int(100, 3000)}.${int(0, 9)}万人，较上年增加${int(1, 9)}万人。`,
      () => `截至${dateText()}，累计完成投资${int(100, 999)}.${int(0, 9)}亿元。`,
      () => `项目编号${int(2019, 2024)}-${digits(4)}-${digits(6)}。`,
      () => `身份证办理时限为${int(15, 60)}个工作日。`,
    ])());
  }

  return {
    description:
      'Labelled corpus for detectSensitive, generated by scripts/generate-sensitive-corpus.ts from the numbering algorithms (GB 11643, GB 32100, GB 11714, ISO/IEC 7812 Luhn, MIIT prefixes, GB/T 9704 markings). Negative items contain nothing that should be reported.',
    seed,
    now: CORPUS_NOW,
    items,
  };
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const corpus = generateSensitiveCorpus();
  const out = new URL('../test/fixtures/sensitive-corpus.json', import.meta.url);
  writeFileSync(out, JSON.stringify(corpus, null, 0).replace(/\},\{"id"/g, '},\n{"id"') + '\n');
  const pos = corpus.items.filter((i) => i.category === 'positive').length;
  console.log(`wrote ${corpus.items.length} items (${pos} positive, ${corpus.items.length - pos} negative) to ${fileURLToPath(out)}`);
}

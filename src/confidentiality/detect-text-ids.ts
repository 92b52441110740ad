import { contextOf, type Candidate, type ScanInput } from './candidate';
import { readsAsPinyinName } from './pinyin-name';
import { CONTEXT_WORDS, nearestContext } from './context';

// ASCII addresses only. The look-behind stops at anything that cannot be in a local part,
// so `联系邮箱zhangsan@example.gov.cn，电话` yields exactly the address.
const EMAIL =
  /(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])/g;

/** @internal E-mail addresses, except an organisation's public ones (see {@link isPublicMailbox}). */
export function detectEmails(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(EMAIL)) {
    if (isPublicMailbox(input, m[0], m.index)) continue;
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, confidence: 0.95, reason: '地址格式有效' });
  }
  return out;
}

/**
 * Domains whose mailboxes belong to public bodies: government (`.gov.cn`, reserved for
 * government bodies by CNNIC's domain rules) and public institutions and organisations
 * (`.org.cn`).
 */
const PUBLIC_BODY_DOMAINS = ['gov.cn', 'org.cn'];

/**
 * Local parts that name a function, not a person: 信息公开 (xxgk, zwgk, zfxxgk), 办公室
 * (bgs, office), 信访, 投诉, 举报, 咨询, 热线, 新闻, webmaster and the like.
 */
const ROLE_LOCAL_PARTS = new Set([
  'xxgk', 'zwgk', 'zfxxgk', 'gk', 'bgs', 'office', 'info', 'contact', 'service', 'services', 'webmaster', 'web', 'admin',
  'mail', 'email', 'xinfang', 'xf', 'tousu', 'ts', 'jubao', 'jb', 'zixun', 'zx', 'hotline', 'rexian', '12345',
  'press', 'news', 'media', 'xwb', 'xcb', 'kefu', 'feedback', 'yijian', 'jianyi', 'mayor', 'szxx', 'public', 'postmaster',
  // Functions spelled out in pinyin or English, which the pinyin-name test would otherwise read as a name:
  // 捐赠, 招聘, 投稿, 报名, 监督, 信息, 办公, 服务, 政务, 人才, 人事, 申请, 联系, 采购, 招标.
  'juanzeng', 'zhaopin', 'tougao', 'baoming', 'jiandu', 'xinxi', 'bangong', 'fuwu', 'zhengwu', 'rencai', 'renshi',
  'shenqing', 'lianxi', 'caigou', 'zhaobiao', 'hr', 'job', 'jobs', 'bid', 'tender', 'support', 'help', 'sales',
]);

/**
 * Free mail services, where anyone can open a mailbox: an address there belongs to whoever
 * opened it, so only the sentence can say it is an office's (see {@link OFFICE_PURPOSE_LABEL}).
 */
const FREE_MAIL_DOMAINS = [
  '163.com', '126.com', 'yeah.net', 'qq.com', 'foxmail.com', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com',
  '189.cn', 'wo.cn', '263.net', 'tom.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com',
];

/**
 * A label that gives an address as an office's mailbox for a purpose — 报名邮箱, 投稿邮箱,
 * 咨询邮箱, 投诉信箱, 简历投递邮箱… — right before it. `报名人邮箱` (the applicant's) does not match.
 */
const OFFICE_PURPOSE_LABEL = /(?:报名|投稿|来稿|征稿|应聘|简历投递|简历|招聘|咨询|投诉|举报|监督|来信|意见建议|意见|建议)(?:邮箱|信箱|邮件地址|电子邮箱|电子信箱)[ \t]*[:：]?[ \t]*$/;

/** Words that introduce an address given for enquiries, complaints or letters. */
const ENQUIRY_WORDS = /咨询|投诉|来信|来函|联系|邮箱|信箱|电子邮件|举报|反映|意见|建议/;

const ENQUIRY_SENTENCE_END = /[。！？；;!?\n\r]/;

/**
 * True when an address is an organisation's public contact, not a person's data: any
 * address on one of the organisation's own domains (`organizationDomains`), and on a
 * `.gov.cn` / `.org.cn` domain a role mailbox (`xxgk@…`) or one introduced by enquiry
 * wording (`咨询邮箱：…`, `请联系 …`) in the same sentence, within the context window —
 * unless its local part reads as a person's name in pinyin (`zhangsan@…`).
 */
function isPublicMailbox(input: ScanInput, address: string, start: number): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  const under = (d: string) => domain === d || domain.endsWith(`.${d}`);
  if (input.organizationDomains.some((d) => under(d.toLowerCase().replace(/^\.+/, '')))) return true;
  const role = local.split(/[._+-]/).some((part) => ROLE_LOCAL_PARTS.has(part));
  if (FREE_MAIL_DOMAINS.some(under)) return isOfficeMailboxOnFreeMail(input, local, start);
  if (!PUBLIC_BODY_DOMAINS.some(under)) {
    // A company's role mailbox (service@, bid@, hr.dept@) is its contact: the local part must
    // start with the role (`li.si+news@` is Li Si's, tagged). A domain that only dresses up as a
    // government one (`xxgk@x.gov.cn.example.com`) is not trusted with it.
    return ROLE_LOCAL_PARTS.has(local.split(/[._+-]/)[0]!) && !/(?:^|\.)(?:gov|org)\.cn\./.test(domain);
  }
  if (role) return true;
  // A named official's mailbox stays personal data, whatever the sentence offers it for.
  if (readsAsPinyinName(local)) return false;
  let from = Math.max(0, start - Math.max(input.window, 8));
  const before = input.folded.slice(from, start);
  let cut = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (ENQUIRY_SENTENCE_END.test(before[i]!)) {
      cut = i;
      break;
    }
  }
  from = cut + 1;
  return ENQUIRY_WORDS.test(before.slice(from));
}

// An address on a free mail service is an office's only when the label right before it gives
// it for the office's purpose (`报名邮箱：ycrsj2024@163.com`) and its local part reads as an
// office's abbreviation: a QQ number or a pinyin name is a person's mailbox, whatever the label.
function isOfficeMailboxOnFreeMail(input: ScanInput, local: string, start: number): boolean {
  if (/^\d+$/.test(local) || readsAsPinyinName(local)) return false;
  return OFFICE_PURPOSE_LABEL.test(input.folded.slice(Math.max(0, start - 12), start));
}

/**
 * Number formats of Chinese passports and exit-entry permits. None has a published check
 * digit, so a shape alone proves nothing: these are reported only next to a context word.
 */
const TRAVEL_DOCUMENTS: readonly { name: string; pattern: RegExp }[] = [
  { name: '普通护照', pattern: /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/ },
  { name: '外交、公务护照', pattern: /^(?:D|S|P|DE|SE|PE)\d{7}$/ },
  { name: '往来港澳通行证', pattern: /^(?:C\d{8}|C[A-HJ-NP-Z]\d{7}|W\d{8})$/ },
  { name: '往来台湾通行证', pattern: /^L\d{8}$/ },
  { name: '港澳居民来往内地通行证', pattern: /^[HM]\d{8}(?:\d{2})?$/ },
];
const TRAVEL_SHAPE = /(?<![0-9A-Za-z])[A-Z]{1,2}\d{7,10}(?![0-9A-Za-z])/g;
const GENERIC_DOCUMENT_WORDS = new Set(CONTEXT_WORDS.id);

/** @internal Passport and permit numbers next to a context word. */
export function detectPassports(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(TRAVEL_SHAPE)) {
    const doc = TRAVEL_DOCUMENTS.find((d) => d.pattern.test(m[0]));
    if (!doc) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (!contextOf(input, start, end).includes('passport')) continue;
    // `证件号码` says "some document"; `护照号` says which.
    const word = nearestContext(input.folded, start, end, input.window)?.word;
    const confidence = word !== undefined && GENERIC_DOCUMENT_WORDS.has(word) ? 0.6 : 0.75;
    out.push({ kind: 'passport', start, end, confidence, reason: `${doc.name}号码格式，且有证件语境（无校验位）`, details: { document: doc.name } });
  }
  return out;
}

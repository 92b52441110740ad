import type { Severity } from '../findings/index';
import type { Level } from './levels';

/** What {@link detectSensitive} can find. The finding's `ruleId` is `confidentiality/<kind>`. */
export const SENSITIVE_KINDS = [
  'id-card',
  'credit-code',
  'mobile',
  'landline',
  'bank-card',
  'email',
  'passport',
  'classification-marking',
  'internal-marking',
] as const;

/** One of {@link SENSITIVE_KINDS}. */
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/**
 * The kinds that identify a person and must not reach a public channel unredacted
 * (个人信息保护法 art. 28 counts financial accounts as sensitive personal information, and
 * GB/T 35273-2020 Annex B counts identity-document numbers). Unified social credit codes identify organisations and are public by law;
 * fixed-line numbers in official texts are almost always office numbers, so neither is in
 * this list. A host that thinks otherwise passes its own list to the gate.
 */
export const PERSONAL_DATA_KINDS: readonly SensitiveKind[] = ['id-card', 'mobile', 'bank-card', 'email', 'passport'];

/** Static facts about a kind: its Chinese name, redaction label, default level and severity, and source. */
export interface KindInfo {
  /** How reviewers call it, e.g. `公民身份号码`. */
  readonly name: string;
  /** What `redact(…, { mode: 'label' })` writes, e.g. `[身份证号]`. */
  readonly label: string;
  /** The level of content that contains it; markings carry their own level instead. */
  readonly level: Level;
  readonly severity: Severity;
  readonly source: string;
}

const MARKING_SOURCE = 'GB/T 9704-2012 党政机关公文格式 §7.2.2 (密级和保密期限); 保守国家秘密法';

/** {@link KindInfo} for every {@link SensitiveKind}. */
export const KIND_INFO: Readonly<Record<SensitiveKind, KindInfo>> = {
  'id-card': {
    name: '公民身份号码',
    label: '[身份证号]',
    level: 'internal',
    severity: 'warning',
    source: 'GB 11643-1999 公民身份号码 (address code, birth date, ISO 7064 MOD 11-2 check character)',
  },
  'credit-code': {
    name: '统一社会信用代码',
    label: '[统一社会信用代码]',
    level: 'public',
    severity: 'info',
    source: 'GB 32100-2015 法人和其他组织统一社会信用代码编码规则 (MOD 31); GB 11714-1997 全国组织机构代码编制规则 (MOD 11)',
  },
  mobile: {
    name: '手机号码',
    label: '[手机号]',
    level: 'internal',
    severity: 'warning',
    source: '工业和信息化部《电信网编号计划（2017年版）》 and later 号段 allocations',
  },
  landline: {
    name: '固定电话号码',
    label: '[电话号码]',
    level: 'public',
    severity: 'info',
    source: '工业和信息化部《电信网编号计划（2017年版）》 长途区号 and local number rules',
  },
  'bank-card': {
    name: '银行卡号',
    label: '[银行卡号]',
    level: 'internal',
    severity: 'warning',
    source: 'ISO/IEC 7812-1 (issuer identification number and Luhn check digit)',
  },
  email: {
    name: '电子邮箱地址',
    label: '[电子邮箱]',
    level: 'internal',
    severity: 'warning',
    source: 'RFC 5321 / RFC 5322 address syntax (ASCII subset)',
  },
  passport: {
    name: '护照或出入境证件号码',
    label: '[证件号码]',
    level: 'internal',
    severity: 'warning',
    source: '护照法; 出境入境管理法 (document number formats; no public check digit, so context is required)',
  },
  'classification-marking': {
    name: '国家秘密标志',
    label: '[密级标志]',
    level: 'secret',
    severity: 'warning',
    source: MARKING_SOURCE,
  },
  'internal-marking': {
    name: '内部事项标志',
    label: '[内部标志]',
    level: 'internal',
    severity: 'warning',
    source: 'internal-circulation marking (内部/内部资料/工作秘密): not a state secret, not for public release',
  },
};

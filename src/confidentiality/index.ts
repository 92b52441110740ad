export { LEVELS, LEVEL_NAMES, assertLevel, compareLevels, isLevel, maxLevel } from './levels';
export type { Level } from './levels';
export {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  isRealBirthDate,
  isValidCreditCode,
  isValidOrganizationCode,
  isValidResidentId,
  luhn,
  luhnCheckDigit,
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
} from './checksums';
export type { ResidentIdOptions } from './checksums';
export { CARD_ISSUERS, cardIssuer } from './card-issuers';
export type { CardIssuer } from './card-issuers';
export { MOBILE_PREFIXES, areaCodeLength, isAllocatedMobile, isPlausibleLandline } from './phone-numbers';
export { PROVINCE_CODES, isProvinceCode } from './regions';
export { CONTEXT_WORDS } from './context';
export type { ContextCategory } from './context';
export { KIND_INFO, PERSONAL_DATA_KINDS, SENSITIVE_KINDS } from './kinds';
export type { KindInfo, SensitiveKind } from './kinds';
export { MAX_PROTECTION_YEARS, findMarkings, parseMarking, periodExceedsMaximum } from './markings';
export type { Marking, MarkingMatch, MarkingPlacement, ProtectionPeriod, StateSecretLevel } from './markings';
export { detectSensitive } from './detect-sensitive';
export type { DetectOptions, SensitiveFinding } from './detect-sensitive';
export { GENERIC_REDACTION_LABEL, maskValue, redact } from './redact';
export type { RedactOptions, RedactionMode, RedactionSpan } from './redact';
export { requiredLevel } from './required-level';
export { checkClearance } from './clearance';
export type { ClearanceChannel } from './clearance';

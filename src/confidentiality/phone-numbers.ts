import { requireString } from '../text/index';
/**
 * Three-digit prefixes of 11-digit public mobile numbers that are allocated to operators
 * and issued to subscribers (China Mobile, China Unicom, China Telecom, China Broadnet and
 * the mobile virtual network operators), as of 2024.
 *
 * Left out on purpose: 154 (never allocated), 140–144, 146 and 148 (13-digit or
 * machine-to-machine ranges), 160, 161, 163, 164, 168, 169, 179 and 194 (unallocated or
 * reserved), and 174 (satellite and emergency communications).
 *
 * Source: 工业和信息化部《电信网编号计划（2017年版）》 and the MIIT 号段 allocations after it
 * (e.g. 190, 192, 196, 197 in 2019).
 */
export const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '145', '147', '149',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '162', '165', '166', '167',
  '170', '171', '172', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '190', '191', '192', '193', '195', '196', '197', '198', '199',
]);

/** True when the 11-digit `number` starts with an allocated mobile prefix ({@link MOBILE_PREFIXES}). */
export function isAllocatedMobile(number: string): boolean {
  if (typeof number !== 'string') requireString(number, 'isAllocatedMobile', 'number');
  return /^1\d{10}$/.test(number) && MOBILE_PREFIXES.has(number.slice(0, 3));
}

/**
 * Long-distance area codes with two digits after the trunk `0` (Beijing 010 and the 02x
 * cities). 026 is not in use. All other area codes are four digits, `03xx`–`09xx`.
 *
 * Source: 《电信网编号计划（2017年版）》, 长途区号.
 */
const SHORT_AREA_CODES: ReadonlySet<string> = new Set(['010', '020', '021', '022', '023', '024', '025', '027', '028', '029']);

/**
 * The length of the area code at the start of `digits` (3 or 4), or 0 when `digits` does
 * not start with a plausible area code. Service numbers (400, 800, 95xxx, 12xxx) never start
 * with the trunk `0`, so they never get here.
 */
export function areaCodeLength(digits: string): 0 | 3 | 4 {
  if (typeof digits !== 'string') requireString(digits, 'areaCodeLength', 'digits');
  if (digits[0] !== '0') return 0;
  if (SHORT_AREA_CODES.has(digits.slice(0, 3))) return 3;
  if (/^0[3-9]\d\d/.test(digits)) return 4;
  return 0;
}

/**
 * True when `area` + `local` is a plausible fixed-line number: a known area code shape, a
 * local number that does not start with 0 or 1 (those are trunk and service prefixes), 8
 * local digits after a 3-digit area code and 7 or 8 after a 4-digit one.
 */
export function isPlausibleLandline(area: string, local: string): boolean {
  if (typeof local !== 'string') requireString(local, 'isPlausibleLandline', 'local');
  if (typeof area !== 'string') requireString(area, 'isPlausibleLandline', 'area');
  const len = areaCodeLength(area);
  if (len === 0 || len !== area.length) return false;
  if (!/^[2-9]\d+$/.test(local)) return false;
  return len === 3 ? local.length === 8 : local.length === 7 || local.length === 8;
}

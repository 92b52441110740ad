import { requireString } from '../text/index';
/**
 * First two digits of the administrative division codes of GB/T 2260 (provinces,
 * autonomous regions, municipalities), plus 71 Taiwan and 81/82 Hong Kong and Macao, which
 * appear in resident IDs and in the residence permits of Hong Kong, Macao and Taiwan
 * residents (83 is the Taiwan-resident permit prefix).
 *
 * Source: GB/T 2260 中华人民共和国行政区划代码; GB 11643-1999 §5 (address code).
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** True when the first two characters of `code` are a province-level division code. */
export function isProvinceCode(code: string): boolean {
  if (typeof code !== 'string') requireString(code, 'isProvinceCode', 'code');
  return PROVINCE_CODES.has(code.slice(0, 2));
}

/**
 * Reading a leader's title off the text next to a name, so that titles are compared whole:
 * `常务副县长` is not `副县长` with something in front, it is another office.
 *
 * A title is read as organisation + rank modifier + core office (`县委` + `副` + `书记`). The
 * core offices and modifiers are the usual ones of Party and government posts (《党政领导干部
 * 职务名称》 usage as in government websites' 领导之窗); an office's own titles add their cores.
 */

/** Core offices, longest first where one ends another (主任委员 before 委员). */
export const CORE_TITLES: readonly string[] = [
  '总书记', '书记', '主席', '委员长', '总理', '国务委员', '部长', '主任委员', '主任', '省长', '市长', '县长', '区长', '州长',
  '盟长', '旗长', '镇长', '乡长', '局长', '厅长', '处长', '科长', '秘书长', '常委', '委员', '院长', '检察长', '庭长',
  '审计长', '署长', '行长', '校长', '所长', '队长', '站长', '社长', '台长', '馆长', '会长', '理事长', '董事长', '总经理',
  '经理', '巡视员', '调研员', '政委', '司令员', '参谋长', '组长', '村长', '总监', '总工程师', '总会计师', '总经济师',
];

/** Rank modifiers, longest first. */
export const RANK_MODIFIERS: readonly string[] = ['常务副', '第一副', '执行副', '代理', '第一', '执行', '名誉', '常务', '副', '代'];

/** Characters an organisation name ends with (县委, 市政府, 公安局, 人大常委会 …). */
const ORG_END = /[委府局厅院会部办省市县区镇乡州旗盟队所协联团校行社党组司处科室署]/;

/** A title as read: organisation (possibly empty), modifier, core office. */
export interface ParsedTitle {
  org: string;
  modifier: string;
  core: string;
}

/** Splits a title into organisation, modifier and core (the core is the whole title if unknown). */
export function parseTitle(title: string, cores: readonly string[] = CORE_TITLES): ParsedTitle {
  const core = longestSuffix(title, cores) ?? title;
  const rest = title.slice(0, title.length - core.length);
  const modifier = longestSuffix(rest, RANK_MODIFIERS) ?? '';
  return { org: rest.slice(0, rest.length - modifier.length), modifier, core };
}

/** A title found next to a name: where it is and how it reads. */
export interface TitleMention extends ParsedTitle {
  /** Offsets of organisation + modifier + core in the searched text. */
  start: number;
  end: number;
  /** The characters just before the title (for comparing the organisation). */
  before: string;
}

/** Words before a name that stand for a title without being one (县领导陈立新、王建华). */
const COLLECTIVE = /(?:领导|领导同志|负责同志|负责人)(?:还有|有|包括|是|分别是|为)?[:：]?$/;

/** Organisations titles are prefixed with, besides those of an office's own roster. */
export const COMMON_ORGS: readonly string[] = ['省', '市', '县', '区', '镇', '乡', '州', '旗'].flatMap((p) =>
  ['委', '政府', '人大常委会', '人大', '政协', '纪委', '监委', '纪委监委'].map((o) => p + o),
);

const HAN = /\p{sc=Han}/u;
const REACH = 16;

/** The title written right before `at` (`县委副书记|王建华`), if any; `orgs` are the organisations to recognise. */
export function titleBefore(text: string, at: number, cores: readonly string[], orgs: readonly string[] = COMMON_ORGS): TitleMention | undefined {
  let s = at;
  while (s > 0 && at - s < REACH && HAN.test(text[s - 1]!)) s--;
  const run = text.slice(s, at);
  const core = longestSuffix(run, cores);
  if (!core) return undefined;
  let rest = run.slice(0, run.length - core.length);
  const modifier = longestSuffix(rest, RANK_MODIFIERS) ?? '';
  rest = rest.slice(0, rest.length - modifier.length);
  const org = longestSuffix(rest, orgs) ?? '';
  const start = at - core.length - modifier.length - org.length;
  return { org, modifier, core, start, end: at, before: text.slice(Math.max(0, start - 8), start) };
}

/**
 * Every title of a chain written before `at` (`县委常委、副县长|赵国平`), nearest first. A
 * collective word (`县领导`) yields an empty chain with `collective` set.
 */
export function titlesBefore(text: string, at: number, cores: readonly string[], orgs: readonly string[]): { titles: TitleMention[]; collective: boolean } {
  const titles: TitleMention[] = [];
  let to = at;
  for (let k = 0; k < 6; k++) {
    const t = titleBefore(text, to, cores, orgs);
    if (!t) break;
    titles.push(t);
    if (text[t.start - 1] !== '、') break;
    to = t.start - 1;
  }
  const collective = !titles.length && COLLECTIVE.test(text.slice(Math.max(0, at - 10), at));
  return { titles, collective };
}

/** The title written right after `at` (`王建华|副县长`), if any. */
export function titleAfter(text: string, at: number, cores: readonly string[]): TitleMention | undefined {
  const modifier = RANK_MODIFIERS.find((m) => text.startsWith(m, at)) ?? '';
  const core = longestPrefixAt(text, at + modifier.length, cores);
  if (!core) {
    if (!modifier) return undefined;
    const bare = longestPrefixAt(text, at, cores);
    return bare ? { org: '', modifier: '', core: bare, start: at, end: at + bare.length, before: '' } : undefined;
  }
  return { org: '', modifier, core, start: at, end: at + modifier.length + core.length, before: '' };
}

/**
 * Whether a title read in the text is one of `titles`: the same core and modifier exactly, and
 * the same organisation where the text names one (县委书记 for a 县委书记; 书记 alone is a short
 * form; 市委书记 is not).
 */
export function titleMatches(mention: TitleMention, titles: readonly ParsedTitle[]): boolean {
  return titles.some((t) => {
    if (t.core !== mention.core || t.modifier !== mention.modifier) return false;
    if (mention.org) return !t.org || mention.org === t.org;
    if (!t.org) return true;
    const last = mention.before[mention.before.length - 1];
    if (!last || !ORG_END.test(last)) return true;
    return mention.before.endsWith(t.org);
  });
}

function longestSuffix(s: string, words: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const w of words) if (s.endsWith(w) && (!best || w.length > best.length)) best = w;
  return best;
}

function longestPrefixAt(s: string, at: number, words: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const w of words) if (s.startsWith(w, at) && (!best || w.length > best.length)) best = w;
  return best;
}

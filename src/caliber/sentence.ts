// Sentence-final marks and line breaks delimit the sentence a context condition looks at.
const BOUNDARY = /[。！？；!?;\n]/;
/** How far a sentence is followed either way; a run-on line is not read to its ends. */
const REACH = 200;

/** The sentence around `[start, end)`: from after the previous boundary to the next one (inclusive). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  const minS = Math.max(0, start - REACH);
  while (s > minS && !BOUNDARY.test(text[s - 1]!)) s--;
  let e = end;
  const maxE = Math.min(text.length, end + REACH);
  while (e < maxE && !BOUNDARY.test(text[e]!)) e++;
  return { start: s, end: e };
}

const YEAR = /((?:19|20)\d{2})年|([〇零一二三四五六七八九]{4})年/g;
const CHINESE_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The years (`2017年`, `二〇一七年`) written in `text`. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    if (m[1]) out.push(Number(m[1]));
    else out.push(Number([...m[2]!].map((c) => CHINESE_DIGIT[c]).join('')));
  }
  return out;
}

/** Words before a name that say it is a former one: 原安监局, 时任, 更名前的. */
const FORMER = /(?:原|时任|时称|旧称|更名前的?|改革前的?)$/;
/** Words that begin with 原 but do not mean "former". */
const NOT_FORMER = /^原(?:则|来|因|本|先|有|定|始|计划|告|料|创|址)/;
const FORMER_LIST = /(?:^|[^\p{sc=Han}])?原(?!则|来|因|本|先|有|定|始|计划|告|料|创|址)(?:\p{sc=Han}{1,14}、)+\p{sc=Han}{0,4}$/u;
const REFORM_WORDS = /机构改革|更名为|更名前|改名为|职责整合|整合组建|合并组建|重新组建|不再保留|划入|并入|合并为|组建(?:省|市|县|区|州)?\p{sc=Han}{0,10}(?:局|委员会|部|厅)/u;
/** What may stand between 原 and the name: a place (原县安监局, 原某某市环保局). */
const PLACE_GAP = /^\p{sc=Han}{0,3}[省市县区州盟旗镇乡]$/u;

/**
 * True when the mention at `[start, end)` speaks of the time before `year`: the name is
 * introduced as a former one (原…, 时任…), or its sentence names a year earlier than `year`
 * (2017年，县安监局…) and no year from `year` on.
 */
export function speaksOfThePast(text: string, start: number, end: number, year: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  for (let gap = 0; gap <= 4 && gap <= before.length; gap++) {
    const head = before.slice(0, before.length - gap);
    const m = FORMER.exec(head);
    if (!m) continue;
    const between = before.slice(before.length - gap);
    if (gap > 0 && !PLACE_GAP.test(between)) continue;
    if (m[0] === '原' && NOT_FORMER.test(text.slice(start - gap - 1, start + 2))) continue;
    return true;
  }
  // 原县工商局、县质监局、县食药监局: 原 before a list covers every name in it.
  if (FORMER_LIST.test(text.slice(Math.max(0, start - 40), start))) return true;
  const sentence = sentenceAround(text, start, end);
  const words = text.slice(sentence.start, sentence.end);
  // A sentence about the change itself (组建, 更名为, 职责整合) names the old agency on purpose.
  if (REFORM_WORDS.test(words)) return true;
  const years = yearsIn(words);
  return years.length > 0 && years.every((y) => y < year);
}

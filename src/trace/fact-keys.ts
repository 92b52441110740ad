import { extractFacts } from './facts';

/** 下午, 晚上, 傍晚, 夜间 before an hour below 12 put it in the afternoon or evening. */
const AFTERNOON = /(?:下午|晚上|傍晚|夜间|夜里|晚)$/u;

/**
 * The particular facts a text states, as comparable keys: figures, dates, clock hours and
 * titled names (`figure:2300户`, `date:3月5日`, `day:5`, `hour:22`, `name:王明`). A rewrite
 * (洗稿) changes the words around them but keeps them, so the keys two texts share say
 * whether one retells the other even when hardly a sentence of it is left. One fact written
 * the other usual ways gives the same key: a date loses its year (3月5日 for 2026年3月5日,
 * 2026-03-05) and also stands as its day (a retelling says 5日); a clock time is its hour
 * (22时, 22:00 and 晚上10点 are `hour:22`); a figure loses its hedge (约, 近, 超过, 逾).
 * Words without a digit (上午, 今天) and bare numbers of one or two digits say nothing
 * particular and give no key.
 */
export function factKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const f of extractFacts(text, 0)) {
    if (f.kind === 'title') continue;
    if (f.kind === 'name') {
      keys.add(`name:${f.value}`);
      continue;
    }
    const value = f.value;
    if (!/\d/u.test(value)) continue;
    const monthDay = /^(?:\d{4}年)?(\d{1,2})月(\d{1,2})[日号]$/u.exec(value) ?? /^\d{4}[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(value);
    if (monthDay) {
      keys.add(`date:${Number(monthDay[1])}月${Number(monthDay[2])}日`);
      keys.add(`day:${Number(monthDay[2])}`);
      continue;
    }
    const hour = /^(\d{1,2})(?:[:：]\d{2}|[时点](?:\d{1,2}分)?)$/u.exec(value);
    if (f.kind === 'date' && hour) {
      let h = Number(hour[1]);
      if (h < 12 && AFTERNOON.test(text.slice(Math.max(0, f.span.start - 2), f.span.start))) h += 12;
      keys.add(`hour:${h}`);
      continue;
    }
    const day = /^(\d{1,2})[日号]$/u.exec(value);
    if (day && Number(day[1]) <= 31) {
      keys.add(`day:${Number(day[1])}`);
      continue;
    }
    let v = value;
    if (f.kind === 'date') v = v.replace(/^\d{4}年(?=\d)/u, '');
    if (f.kind === 'figure') v = v.replace(/^(?:约|近|超过|逾)/u, '');
    // A bare small number (a section 1, a count of 3) says nothing particular on its own.
    if (f.kind === 'figure' && /^\d{1,2}$/u.test(v)) continue;
    keys.add(`${f.kind}:${v}`);
  }
  return keys;
}

/** How many keys two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
}

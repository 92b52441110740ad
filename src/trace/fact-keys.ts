import { extractFacts } from './facts';

/**
 * The particular facts a text states, as comparable keys: figures, dates and titled names
 * (`figure:2300户`, `date:3月5日`, `name:王明`). A rewrite (洗稿) changes the words around
 * them but keeps them, so the keys two texts share say whether one retells the other even
 * when hardly a sentence of it is left. Dates lose a leading year (a repost writes 3月5日
 * for 2026年3月5日) and figures their hedge (约, 近, 超过, 逾), so that restating one
 * fact the usual way does not hide it.
 */
export function factKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const f of extractFacts(text, 0)) {
    if (f.kind === 'title') continue;
    let value = f.value;
    if (f.kind === 'date') value = value.replace(/^\d{4}年(?=\d)/u, '');
    if (f.kind === 'figure') value = value.replace(/^(?:约|近|超过|逾)/u, '');
    // A bare small number (a section 1, a count of 3) says nothing particular on its own.
    if (f.kind === 'figure' && /^\d{1,2}$/u.test(value)) continue;
    keys.add(`${f.kind}:${value}`);
  }
  return keys;
}

/** How many keys two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
}

import { visibleText } from '../text/index';

// Where a finding's span shows up in a channel's rendering. A finding points into the text
// that was checked (the Markdown body, the title, or a payload field); the channel renders
// something else (HTML without the Markdown markers, a Weibo text that starts with the title,
// a cut SMS). The span is found again by its visible text: the same occurrence of the same
// words, counted in the source and in the rendering. What cannot be found is not guessed: the
// preview lists it in the summary instead.

/** A span of a rendered value, in that value's own offsets (`end` exclusive). */
export interface Range {
  start: number;
  end: number;
}

/** Which occurrence of `needle` in `text` starts at `start` (0 for the first); 0 when it does not. */
export function occurrenceIndex(text: string, needle: string, start: number): number {
  if (!needle) return 0;
  let k = 0;
  for (let at = text.indexOf(needle); at >= 0 && at < start; at = text.indexOf(needle, at + 1)) k++;
  return text.startsWith(needle, start) ? k : 0;
}

/** Every start of `needle` in `text`, overlapping ones included. */
function starts(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/**
 * What a reader sees of an excerpt written in Markdown: a link's text without its URL, no
 * image, no heading or quote marker, no `*`, `~`, `` ` `` markers, character references
 * decoded, whitespace runs as one space; empty when nothing is visible.
 */
export function visibleNeedle(excerpt: string): string {
  const shown = excerpt
    // A link shows its text, an image nothing (its alt text is not on the page).
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Heading and quote markers at a line start are not shown either.
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)/gm, '');
  return visibleText(shown, { markup: 'markdown' }).text.replace(/\s+/g, ' ').trim();
}

/** What to look for and which occurrence of it (see {@link occurrenceIndex}). */
export interface Needle {
  text: string;
  occurrence: number;
  /** Occurrences in the source text: when the rendering has more, the extra ones came before (a title put ahead of the body). */
  sourceCount: number;
}

function pick(found: readonly number[], needle: Needle): number | undefined {
  const extra = Math.max(0, found.length - needle.sourceCount);
  return found[needle.occurrence + extra] ?? (found.length === 1 && needle.sourceCount <= 1 ? found[0] : undefined);
}

/** The span of `needle` in a plain-text value, or `null`. */
export function placeInText(value: string, needle: Needle): Range | null {
  const flat = collapse(value.replace(/\s/g, ' '));
  const at = pick(starts(flat.text, needle.text), needle);
  if (at === undefined) return null;
  return { start: flat.map[at]!, end: flat.map[at + needle.text.length - 1]! + 1 };
}

/**
 * The spans of `needle` in an HTML value, in HTML offsets: one range per run of text between
 * tags, so a `<mark>` wrapped around each never crosses an element's boundary. `null` when
 * the needle is not in the visible text.
 */
export function placeInHtml(html: string, needle: Needle): Range[] | null {
  const v = visibleText(html, { markup: 'html' });
  // Line breaks a block tag stands for are spaces to the reader; so is any whitespace run.
  const flat = collapse(v.text.replace(/\s/g, ' '));
  const at = pick(starts(flat.text, needle.text), needle);
  if (at === undefined) return null;
  const map = flat.map;
  const from = map[at]!;
  const to = map[at + needle.text.length - 1]! + 1;
  const ranges: Range[] = [];
  for (let i = from; i < to; i++) {
    const s = v.starts[i]!;
    const e = v.ends[i]!;
    // A unit that stands for a tag (a block's line break) is not text to wrap.
    if (html[s] === '<') continue;
    const last = ranges[ranges.length - 1];
    if (last && last.end === s) last.end = e;
    else ranges.push({ start: s, end: e });
  }
  return ranges.length ? ranges : null;
}

/** `text` with whitespace runs collapsed to one space, and for each kept unit its index in `text`. */
function collapse(text: string): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && out[out.length - 1] === ' ') continue;
    out.push(text[i]!);
    map.push(i);
  }
  return { text: out.join(''), map };
}

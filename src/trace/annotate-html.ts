import { escapeUTF8 } from 'entities';
import type { Span } from './types';

/** A class to put on a stretch of text. */
export interface Annotation extends Span {
  className: string;
}

/**
 * `text` as escaped HTML with each annotated stretch wrapped in a `<span>` carrying the
 * classes of every annotation covering it (overlaps become several classes on one span, so
 * the markup never has to nest). One sweep over the sorted boundaries.
 */
export function annotateHtml(text: string, annotations: readonly Annotation[]): string {
  const events: { at: number; className: string; delta: 1 | -1 }[] = [];
  for (const a of annotations) {
    const start = clamp(a.start, text.length);
    const end = clamp(a.end, text.length);
    if (end <= start) continue;
    events.push({ at: start, className: a.className, delta: 1 }, { at: end, className: a.className, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  const active = new Map<string, number>();
  let out = '';
  let pos = 0;
  let i = 0;
  while (pos < text.length) {
    while (i < events.length && events[i]!.at === pos) {
      const e = events[i++]!;
      active.set(e.className, (active.get(e.className) ?? 0) + e.delta);
    }
    const next = i < events.length ? events[i]!.at : text.length;
    const piece = escapeUTF8(text.slice(pos, next));
    const classes = [...active].filter(([, n]) => n > 0).map(([c]) => c).sort();
    out += classes.length ? `<span class="${classes.join(' ')}">${piece}</span>` : piece;
    pos = next;
  }
  return out;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(max, Math.floor(n)));
}

import type { MammothDocument, MammothElement, MammothNote } from './mammoth-document';

/**
 * Turns mammoth's document model into GFM Markdown, the body format of govpub's articles.
 * mammoth's own Markdown writer drops tables and is deprecated, and its HTML would come
 * through the channels as raw HTML (a finding on every channel), so govpub writes the
 * Markdown itself from the model.
 */

/** An image met while writing; the caller reads the bytes. */
export interface PendingImage {
  id: string;
  contentType: string;
  alt: string;
  url: string;
  read: () => Promise<ArrayBuffer>;
}

/** Something the writer could only approximate; the caller turns it into a finding. */
export interface WriterNote {
  code: 'footnote' | 'endnote' | 'table-merged-cells' | 'table-nested' | 'image-unreadable' | 'checkbox';
  /** Text of the body to point the finding at (first occurrence after earlier notes). */
  needle: string;
  params: Record<string, string | number>;
}

/** The body and what was met on the way. The title paragraph is already taken out. */
export interface WrittenMarkdown {
  title: string;
  body: string;
  images: PendingImage[];
  notes: WriterNote[];
}

type Block =
  | { kind: 'paragraph'; md: string; plain: string; heading: number; isTitle: boolean }
  | { kind: 'list-item'; md: string; plain: string; level: number; ordered: boolean }
  | { kind: 'table'; md: string; plain: string };

interface Segment {
  md: string;
  plain: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  href: string | undefined;
  /** Already Markdown (an image, a note marker): never wrapped in emphasis. */
  atomic: boolean;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-6])$/i;
const HEADING_ID = /^heading([1-6])$/i;
const TITLE_NAMES = new Set(['title', '标题']);

/** Escapes what Markdown would read as markup in inline text. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|&]/g, '\\$&');
}

// Characters at the start of a line that would begin a block: heading, quote, list, rule.
function escapeLineStart(md: string): string {
  return md.replace(/^(\s*)(?:([#>+=-])|(\d{1,9})([.)]))/, (_w, space: string, mark?: string, digits?: string, dot?: string) =>
    mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
  );
}

/** Writes `document` as Markdown; images get ids `image-1`, … and URLs from `imageUrl`. */
export function writeMarkdown(
  document: MammothDocument,
  imageUrl: (image: { id: string; contentType: string; alt: string }) => string,
): WrittenMarkdown {
  const images: PendingImage[] = [];
  const notes: WriterNote[] = [];
  const endNotes: { marker: string; note: MammothNote }[] = [];
  const noteNumbers = new Map<string, string>();
  let footnotes = 0;
  let endnotes = 0;

  function segments(children: readonly MammothElement[] | undefined, style: Omit<Segment, 'md' | 'plain' | 'atomic'>, inTable: boolean): Segment[] {
    const out: Segment[] = [];
    for (const child of children ?? []) {
      switch (child.type) {
        case 'run': {
          const runStyle = {
            ...style,
            bold: style.bold || child.isBold === true,
            italic: style.italic || child.isItalic === true,
            strike: style.strike || child.isStrikethrough === true,
          };
          // Superscript/subscript have no Markdown; the characters are kept as they are.
          out.push(...segments(child.children, runStyle, inTable));
          break;
        }
        case 'text':
          if (child.value) out.push({ ...style, md: escapeInline(child.value), plain: child.value, atomic: false });
          break;
        case 'tab':
          out.push({ ...style, md: ' ', plain: ' ', atomic: false });
          break;
        case 'break':
          if (child.breakType === 'line' || child.breakType === undefined) {
            out.push({ ...style, md: inTable ? ' ' : '\\\n', plain: inTable ? ' ' : '\n', atomic: true });
          }
          break;
        case 'checkbox': {
          const box = child.checked ? '☑' : '☐';
          out.push({ ...style, md: `${box} `, plain: `${box} `, atomic: true });
          notes.push({ code: 'checkbox', needle: box, params: { checked: child.checked ? 1 : 0 } });
          break;
        }
        case 'hyperlink': {
          const href = child.href ?? (child.anchor ? `#${child.anchor}` : undefined);
          out.push(...segments(child.children, { ...style, href }, inTable));
          break;
        }
        case 'image': {
          const id = `image-${images.length + 1}`;
          const contentType = child.contentType ?? 'application/octet-stream';
          const alt = (child.altText ?? '').trim();
          const url = imageUrl({ id, contentType, alt });
          const read = child.readAsArrayBuffer;
          if (read) images.push({ id, contentType, alt, url, read: () => read.call(child) });
          else notes.push({ code: 'image-unreadable', needle: '', params: { id } });
          const md = `![${escapeInline(alt)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
          out.push({ ...style, md, plain: alt, atomic: true });
          break;
        }
        case 'noteReference': {
          const key = `${child.noteType}-${child.noteId}`;
          let marker = noteNumbers.get(key);
          const note = (document.notes?.resolve({ noteType: child.noteType, noteId: child.noteId })) ?? null;
          if (!marker) {
            marker = child.noteType === 'endnote' ? `〔尾注${++endnotes}〕` : `〔注${++footnotes}〕`;
            noteNumbers.set(key, marker);
            if (note) endNotes.push({ marker, note });
            notes.push({ code: child.noteType === 'endnote' ? 'endnote' : 'footnote', needle: marker, params: { marker } });
          }
          out.push({ ...style, md: marker, plain: marker, atomic: true });
          break;
        }
        case 'table':
          // A table inside a table cell: its text is kept in reading order.
          notes.push({ code: 'table-nested', needle: '', params: {} });
          out.push(...segments(child.children, style, true));
          break;
        case 'tableRow':
        case 'tableCell':
        case 'paragraph':
          out.push(...segments(child.children, style, inTable));
          if (child.type !== 'tableRow') out.push({ ...style, md: ' ', plain: ' ', atomic: true });
          break;
        default:
          // commentReference, bookmarkStart, …: nothing to show.
          out.push(...segments(child.children, style, inTable));
      }
    }
    return out;
  }

  function inline(children: readonly MammothElement[] | undefined, inTable = false): { md: string; plain: string } {
    const segs = segments(children, { bold: false, italic: false, strike: false, href: undefined }, inTable);
    let md = '';
    let plain = '';
    let i = 0;
    while (i < segs.length) {
      const href = segs[i]!.href;
      let j = i;
      while (j < segs.length && segs[j]!.href === href) j++;
      const inner = emphasis(segs.slice(i, j));
      const text = segs.slice(i, j).map((s) => s.plain).join('');
      plain += text;
      md += href !== undefined && inner.trim() ? `[${inner}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : inner;
      i = j;
    }
    return { md: md.trim(), plain: plain.trim() };
  }

  const blocks: Block[] = [];
  for (const child of document.children ?? []) {
    if (child.type === 'paragraph') {
      const { md, plain } = inline(child.children);
      if (!plain && !md) continue;
      if (child.numbering) {
        const level = Number(child.numbering.level) || 0;
        blocks.push({ kind: 'list-item', md, plain, level, ordered: child.numbering.isOrdered });
        continue;
      }
      const name = (child.styleName ?? '').trim();
      const byName = HEADING_NAME.exec(name);
      const byId = HEADING_ID.exec(child.styleId ?? '');
      const heading = Number(byName?.[1] ?? byId?.[1] ?? 0);
      const isTitle = TITLE_NAMES.has(name.toLowerCase()) || (child.styleId ?? '').toLowerCase() === 'title';
      blocks.push({ kind: 'paragraph', md, plain, heading, isTitle });
    } else if (child.type === 'table') {
      blocks.push(writeTable(child));
    } else {
      const { md, plain } = inline([child]);
      if (md) blocks.push({ kind: 'paragraph', md, plain, heading: 0, isTitle: false });
    }
  }

  function writeTable(table: MammothElement): Block {
    const rows: string[][] = [];
    let merged = false;
    for (const row of table.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells: string[] = [];
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        cells.push(inline(cell.children, true).md.replace(/\n/g, ' ') || ' ');
        const span = cell.colSpan ?? 1;
        if (span > 1 || ((cell as { rowSpan?: number }).rowSpan ?? 1) > 1) merged = true;
        for (let k = 1; k < span; k++) cells.push(' ');
      }
      rows.push(cells);
    }
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.some((r) => r.length !== width)) merged = true;
    const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill(' ')];
    const [head = [], ...rest] = rows;
    const line = (r: string[]) => `| ${pad(r).join(' | ')} |`;
    const md = [line(head), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n');
    const plain = rows.map((r) => r.join(' ')).join('\n');
    if (merged) notes.push({ code: 'table-merged-cells', needle: head.join(' | ').slice(0, 20), params: { rows: rows.length, columns: width } });
    return { kind: 'table', md, plain };
  }

  // The title: the first Title-styled paragraph, else the first Heading 1, else the first paragraph.
  const paragraphs = blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
  const titleBlock = paragraphs.find((b) => b.isTitle) ?? paragraphs.find((b) => b.heading === 1) ?? (blocks[0]?.kind === 'paragraph' ? blocks[0] : undefined);
  const title = titleBlock ? titleBlock.plain.replace(/\s+/g, ' ').trim() : '';
  const rest = blocks.filter((b) => b !== titleBlock);

  const parts: string[] = [];
  let listIndents: number[] = [];
  let counters: number[] = [];
  let orderedAt: boolean[] = [];
  let previous: Block | undefined;
  for (const block of rest) {
    if (block.kind === 'list-item') {
      const level0 = Math.min(block.level, previous?.kind === 'list-item' ? listIndents.length : 0);
      // A bullet item after a numbered one (or the reverse) at the top level is a new list.
      const newList = previous?.kind !== 'list-item' || (level0 === 0 && orderedAt[0] !== block.ordered);
      if (newList) {
        listIndents = [];
        counters = [];
        orderedAt = [];
      }
      const level = Math.min(block.level, listIndents.length);
      counters = counters.slice(0, level + 1);
      if (orderedAt[level] !== block.ordered) counters[level] = 0;
      orderedAt = [...orderedAt.slice(0, level), block.ordered];
      counters[level] = (counters[level] ?? 0) + 1;
      const indent = listIndents.slice(0, level).reduce((a, b) => a + b, 0);
      const marker = block.ordered ? `${counters[level]}. ` : '- ';
      listIndents = [...listIndents.slice(0, level), marker.length];
      const text = `${' '.repeat(indent)}${marker}${block.md.replace(/\n/g, `\n${' '.repeat(indent + marker.length)}`)}`;
      if (!newList) parts[parts.length - 1] += `\n${text}`;
      else parts.push(text);
    } else if (block.kind === 'paragraph') {
      parts.push(block.heading > 0 ? `${'#'.repeat(block.heading)} ${block.md.replace(/\\\n/g, ' ')}` : escapeLineStart(block.md));
    } else {
      parts.push(block.md);
    }
    previous = block;
  }

  if (endNotes.length) {
    const lines = endNotes.map(({ marker, note }) => `${marker}${inline(note.body.flatMap((p) => (p.type === 'paragraph' ? [...(p.children ?? []), { type: 'text', value: ' ' }] : [p]))).md}`);
    parts.push(lines.join('\\\n'));
  }
  return { title, body: parts.join('\n\n'), images, notes };
}

// Groups neighbouring segments of the same emphasis and wraps each group once; whitespace
// stays outside the delimiters, where CommonMark requires it.
function emphasis(segs: readonly Segment[]): string {
  let out = '';
  let i = 0;
  while (i < segs.length) {
    const s = segs[i]!;
    if (s.atomic) {
      out += s.md;
      i++;
      continue;
    }
    let j = i;
    let md = '';
    while (j < segs.length && !segs[j]!.atomic && segs[j]!.bold === s.bold && segs[j]!.italic === s.italic && segs[j]!.strike === s.strike) {
      md += segs[j]!.md;
      j++;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(md)!;
    const [, lead = '', core = '', trail = ''] = match;
    let wrapped = core;
    if (core) {
      if (s.strike) wrapped = `~~${wrapped}~~`;
      if (s.italic) wrapped = `*${wrapped}*`;
      if (s.bold) wrapped = `**${wrapped}**`;
    }
    out += lead + wrapped + trail;
    i = j;
  }
  return out;
}

import { createFinding, sortFindings, type Severity } from '../findings/index';
import type { HiddenText, Revision, TextBox, WordComment } from './hidden-content';
import type { MammothMessage } from './mammoth-document';
import type { WriterNote } from './markdown-writer';
import type { ImportFinding, ImportFindingDetails } from './types';

/**
 * Everything importDocx reports, as findings with stable `import/<code>` rule ids and Chinese
 * messages for the editor who imports the file. Offsets point into the Markdown body where
 * the place can be found there, else at its start (deleted text is not in the body at all).
 */

const SOURCE = 'Office Open XML (ECMA-376 Part 1, §17.13 修订与批注)';
const EXCERPT = 40;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

function when(date: string | undefined): string {
  return date ? `于 ${date.replace('T', ' ').replace(/(:\d\d)?(\.\d+)?Z?$/, '')} ` : '';
}

function who(author: string): string {
  return author ? `“${author}”` : '（未署名）';
}

/** Collects findings against one Markdown body, locating each by a piece of its text. */
export class ImportFindingCollector {
  readonly #body: string;
  readonly #findings: ImportFinding[] = [];

  constructor(body: string) {
    this.#body = body;
  }

  #locate(needle: string | undefined): { start: number; end: number } {
    const text = (needle ?? '').trim();
    for (const probe of [text, text.slice(0, 12), text.slice(0, 6)]) {
      if (!probe) continue;
      const at = this.#body.indexOf(probe);
      if (at >= 0) return { start: at, end: at + probe.length };
    }
    return { start: 0, end: 0 };
  }

  add(code: string, severity: Severity, message: string, details: ImportFindingDetails, needle?: string): void {
    const { start, end } = this.#locate(needle);
    const finding = createFinding(this.#body, { ruleId: `import/${code}`, severity, message, start, end, source: SOURCE, details: { ...details } });
    this.#findings.push(finding as ImportFinding);
  }

  /** The findings, sorted by position in the body (then severity). */
  result(): ImportFinding[] {
    return sortFindings(this.#findings);
  }
}

const REVISION_VERB: Record<Revision['kind'], string> = {
  insertion: '插入',
  deletion: '删除',
  'move-from': '移走',
  'move-to': '移入',
  'paragraph-mark': '拆分或合并段落',
  formatting: '修改格式',
};

function where(part: string, paragraph: number): string {
  if (part === 'word/document.xml') return `正文第 ${paragraph} 段`;
  const name = /header/.test(part) ? '页眉' : /footer/.test(part) ? '页脚' : /footnotes/.test(part) ? '脚注' : /endnotes/.test(part) ? '尾注' : part;
  return `${name}第 ${paragraph} 段`;
}

/** A tracked change is an error: the file still carries text or remarks nobody approved for publication. */
export function addRevision(c: ImportFindingCollector, r: Revision, paragraphs: Map<string, string[]>): void {
  const context = paragraphs.get(r.part)?.[r.paragraph - 1] ?? '';
  const text = r.text.trim();
  const what = text ? `${REVISION_VERB[r.kind]}“${quote(text)}”` : REVISION_VERB[r.kind];
  const ctx = context.trim() ? `（该段现为“${quote(context)}”）` : '';
  const hint =
    r.kind === 'deletion' || r.kind === 'move-from'
      ? '被删除的文字虽不在导入的正文中，但仍保存在 Word 文件里。'
      : r.kind === 'insertion' || r.kind === 'move-to'
        ? '导入的正文已按接受修订处理。'
        : '';
  c.add(
    'tracked-change',
    'error',
    `未处理的修订：${who(r.author)}${when(r.date)}在${where(r.part, r.paragraph)}${what}${ctx}。${hint}请在 Word 中接受或拒绝全部修订后再导入。`,
    { kind: r.kind, paragraph: r.paragraph, author: r.author, ...(r.date ? { date: r.date } : {}), text: r.text, context, part: r.part },
    r.kind === 'deletion' || r.kind === 'move-from' ? context : text || context,
  );
}

/** A comment is an error: internal remarks must not travel with a file to publication. */
export function addComment(c: ImportFindingCollector, comment: WordComment, paragraphs: Map<string, string[]>): void {
  const place = comment.part && comment.paragraph ? where(comment.part, comment.paragraph) : '文件中';
  const anchor = comment.anchorText.trim() ? `对“${quote(comment.anchorText)}”` : '';
  const context = comment.part && comment.paragraph ? (paragraphs.get(comment.part)?.[comment.paragraph - 1] ?? '') : '';
  c.add(
    'comment',
    'error',
    `未删除的批注：${who(comment.author)}${when(comment.date)}在${place}${anchor}批注“${quote(comment.text)}”。批注是内部意见，请在 Word 中删除全部批注后再导入。`,
    {
      kind: 'comment',
      author: comment.author,
      text: comment.text,
      context: comment.anchorText || context,
      ...(comment.date ? { date: comment.date } : {}),
      ...(comment.paragraph ? { paragraph: comment.paragraph } : {}),
      ...(comment.part ? { part: comment.part } : {}),
    },
    comment.anchorText || context,
  );
}

/** Hidden text is imported into the body although Word does not show it: an error. */
export function addHidden(c: ImportFindingCollector, h: HiddenText): void {
  c.add(
    'hidden-text',
    'error',
    `隐藏文字：${where(h.part, h.paragraph)}含 Word 中不显示的文字“${quote(h.text)}”，导入后会出现在正文中。请确认后删除或取消隐藏。`,
    { kind: 'hidden-text', paragraph: h.paragraph, text: h.text, part: h.part },
    h.text,
  );
}

/** Text boxes are read into the flow, away from where they sat on the page. */
export function addTextBox(c: ImportFindingCollector, box: TextBox): void {
  c.add(
    'text-box',
    'warning',
    `文本框：${where(box.part, box.paragraph)}的文本框内容“${quote(box.text)}”已并入正文，原来的位置和版式已丢失，请核对顺序。`,
    { kind: 'text-box', paragraph: box.paragraph, text: box.text, part: box.part },
    box.text,
  );
}

const NOTE_MESSAGES: Record<WriterNote['code'], (p: Record<string, string | number>) => { severity: Severity; message: string }> = {
  footnote: (p) => ({ severity: 'warning', message: `脚注已改为正文中的标记“${p.marker}”，注释内容移到正文末尾，请核对。` }),
  endnote: (p) => ({ severity: 'warning', message: `尾注已改为正文中的标记“${p.marker}”，注释内容移到正文末尾，请核对。` }),
  'table-merged-cells': (p) => ({ severity: 'warning', message: `表格含合并单元格（${p.rows} 行 ${p.columns} 列），Markdown 表格无法合并单元格，已拆开并补空格，请核对。` }),
  'table-nested': () => ({ severity: 'warning', message: '表格中嵌套的表格已展开为文字，表格结构丢失，请核对。' }),
  'image-unreadable': (p) => ({ severity: 'warning', message: `图片 ${p.id} 无法读取，已在正文中保留引用，请补充图片。` }),
  checkbox: () => ({ severity: 'info', message: '复选框已改为字符 ☑/☐。' }),
};

/** Approximations the Markdown writer made. */
export function addWriterNote(c: ImportFindingCollector, note: WriterNote): void {
  const { severity, message } = NOTE_MESSAGES[note.code](note.params);
  c.add(note.code, severity, message, { kind: note.code }, note.needle);
}

// mammoth's messages are English prose; these patterns give each a stable code.
const MAMMOTH_PATTERNS: { pattern: RegExp; code: string; message: (m: RegExpExecArray) => string }[] = [
  { pattern: /^An unrecognised element was ignored: (.+)$/, code: 'unrecognised-element', message: (m) => `Word 元素 ${m[1]} 无法识别，其内容未导入，请核对原文。` },
  { pattern: /^Unsupported break type: (.+)$/, code: 'unsupported-break', message: (m) => `不支持的分隔符（${m[1]}）已忽略。` },
  { pattern: /^Could not find image file|^A v:imagedata element without a relationship ID/, code: 'image-missing', message: () => '文件中引用的图片找不到，已忽略，请补充图片。' },
  { pattern: /^Image of type (.+) is unlikely to display in web browsers$/, code: 'image-type', message: (m) => `图片格式 ${m[1]} 多数浏览器和平台无法显示，请转为 PNG 或 JPEG。` },
];
// Style warnings are about mammoth's own HTML style map, which govpub does not use.
const IGNORED = /^Unrecognised (paragraph|run|table) style/;

/** mammoth's warnings and errors → findings (`import/<code>`), identical ones once with a count. */
export function addMammothMessages(c: ImportFindingCollector, messages: readonly MammothMessage[]): void {
  const counts = new Map<string, { message: MammothMessage; count: number }>();
  for (const m of messages) {
    if (IGNORED.test(m.message)) continue;
    const entry = counts.get(m.message);
    if (entry) entry.count++;
    else counts.set(m.message, { message: m, count: 1 });
  }
  for (const { message, count } of counts.values()) {
    const known = MAMMOTH_PATTERNS.map((p) => ({ p, m: p.pattern.exec(message.message) })).find((x) => x.m);
    const code = known?.p.code ?? (message.type === 'error' ? 'read-error' : 'read-warning');
    const text = known ? known.p.message(known.m!) : `读取 Word 文件时有内容未能导入：${message.message}`;
    c.add(code, message.type === 'error' ? 'error' : 'warning', count > 1 ? `${text}（共 ${count} 处）` : text, { kind: code, text: message.message });
  }
}

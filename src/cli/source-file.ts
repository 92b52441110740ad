import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isGovpubError } from '../errors/index';
import type { Finding } from '../findings/index';
import { importDocx } from '../import/index';
import { UsageError } from './io';

/** The file kinds the command line reads. */
export type SourceKind = 'markdown' | 'text' | 'docx';

/**
 * One input file as the checks see it: the whole `text` (what line:column refer to), and the
 * article cut from it: `title` at `titleOffset` (or -1 when it came from the file name) and
 * `body` at `bodyOffset`.
 */
export interface SourceFile {
  path: string;
  kind: SourceKind;
  text: string;
  title: string;
  titleOffset: number;
  body: string;
  bodyOffset: number;
  /** Findings from reading the file (a .docx's tracked changes, comments, …), offsets into `text`. */
  readFindings: Finding[];
}

const KINDS: Record<string, SourceKind> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text', '.docx': 'docx' };

/** The kind of a path by its extension, or undefined when the command line does not read it. */
export function sourceKind(path: string): SourceKind | undefined {
  return KINDS[extname(path).toLowerCase()];
}

/** Reads and splits one file; a file that cannot be read is a {@link UsageError}. */
export async function readSource(path: string, shownPath: string): Promise<SourceFile> {
  const kind = sourceKind(path);
  if (!kind) throw new UsageError(`${shownPath}: unsupported file type (use .md, .txt or .docx) / 不支持的文件类型`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UsageError(`${shownPath}: cannot read the file / 无法读取文件 (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (kind === 'docx') return readDocx(bytes, shownPath);
  // A BOM is not part of the text the editor sees.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return { path: shownPath, kind, text, ...splitTitle(text, kind, path), readFindings: [] };
}

/**
 * Markdown: a first-line `# heading` is the title. Plain text: the first non-empty line is the
 * title (how notices are typed). Otherwise the file name is the title and all text is body.
 */
export function splitTitle(text: string, kind: 'markdown' | 'text', path: string): Pick<SourceFile, 'title' | 'titleOffset' | 'body' | 'bodyOffset'> {
  const first = /^\s*(?:(#)[ \t]+)?([^\n]*?)[ \t#]*(?:\r?\n|$)/.exec(text);
  const isTitle = first && first[2] && (kind === 'text' || first[1] === '#');
  if (!first || !isTitle) return { title: basename(path, extname(path)), titleOffset: -1, body: text, bodyOffset: 0 };
  const title = first[2]!;
  const titleOffset = first.index + first[0].indexOf(title);
  let bodyOffset = first.index + first[0].length;
  while (text[bodyOffset] === '\n' || text[bodyOffset] === '\r') bodyOffset++;
  return { title, titleOffset, body: text.slice(bodyOffset), bodyOffset };
}

async function readDocx(bytes: Buffer, shownPath: string): Promise<SourceFile> {
  try {
    const imported = await importDocx(bytes);
    // The checks run on the imported Markdown, title first: line:column refer to that.
    const prefix = imported.title ? `# ${imported.title}\n\n` : '';
    const text = prefix + imported.body;
    const bodyOffset = prefix.length;
    const readFindings = imported.findings.map((f) => ({ ...f, start: f.start + bodyOffset, end: f.end + bodyOffset }));
    return { path: shownPath, kind: 'docx', text, title: imported.title || basename(shownPath, '.docx'), titleOffset: imported.title ? 2 : -1, body: imported.body, bodyOffset, readFindings };
  } catch (e) {
    if (isGovpubError(e)) throw new UsageError(`${shownPath}: not a readable Word file / 无法读取的 Word 文件 (${e.message})`);
    throw e;
  }
}

import { xmlTokens } from './xml-tokens';

/**
 * What a Word file carries that the reader of the printed page does not see, found by
 * reading the package's XML directly: mammoth silently accepts insertions, drops deletions
 * and comments, and keeps hidden text, so none of that would show in the imported body.
 */

/** A tracked change: who, when, where, and the text it inserted, deleted or moved. */
export interface Revision {
  kind: 'insertion' | 'deletion' | 'move-from' | 'move-to' | 'paragraph-mark' | 'formatting';
  author: string;
  date?: string;
  part: string;
  /** 1-based paragraph number within the part. */
  paragraph: number;
  text: string;
}

/** A comment (批注) anchored in a part, with its author and the text it comments on. */
export interface WordComment {
  id: string;
  author: string;
  initials?: string;
  date?: string;
  /** The comment's own text. */
  text: string;
  part?: string;
  paragraph?: number;
  /** The commented text of the document, when the comment has a range. */
  anchorText: string;
}

/** Hidden text (`w:vanish`): runs Word does not display or print. */
export interface HiddenText {
  part: string;
  paragraph: number;
  text: string;
}

/** The text-box contents found in a part (they are read into the body out of their place). */
export interface TextBox {
  part: string;
  paragraph: number;
  text: string;
}

/** Everything {@link scanPart} found in one part. */
export interface PartScan {
  revisions: Revision[];
  /** Comment anchors by comment id: where they are and what they cover. */
  anchors: Map<string, { paragraph: number; text: string }>;
  hidden: HiddenText[];
  textBoxes: TextBox[];
  /** Each paragraph's visible text with every change accepted, index 0 = paragraph 1. */
  paragraphs: string[];
}

const CONTAINERS: Record<string, Revision['kind']> = {
  'w:ins': 'insertion',
  'w:del': 'deletion',
  'w:moveFrom': 'move-from',
  'w:moveTo': 'move-to',
};
// Property-change records keep the old formatting; they name the reviser too.
const FORMAT_CHANGE = /^w:(?:(?:rPr|pPr|sectPr|tblPr|trPr|tcPr)Change|tblGridChange|numberingChange)$/;
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText']);

/** Scans one WordprocessingML part (document, header, footer, footnotes, endnotes). */
export function scanPart(part: string, xml: string): PartScan {
  const revisions: Revision[] = [];
  const anchors = new Map<string, { paragraph: number; text: string }>();
  const hidden: HiddenText[] = [];
  const textBoxes: TextBox[] = [];
  const paragraphs: string[] = [];

  let paragraph = 0;
  const open: Revision[] = [];
  const openAnchors = new Map<string, { paragraph: number; text: string }>();
  const textBoxStack: TextBox[] = [];
  let inText = false;
  let inRun = false;
  let inRunProps = false;
  let inParagraphProps = false;
  let runHidden = false;
  let runText = '';
  let deletedDepth = 0;

  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (!inText) continue;
      for (const r of open) r.text += token.text;
      if (inRun) runText += token.text;
      for (const a of openAnchors.values()) a.text += token.text;
      for (const box of textBoxStack) box.text += token.text;
      if (deletedDepth === 0 && paragraph > 0) paragraphs[paragraph - 1] += token.text;
      continue;
    }
    const { name } = token;
    if (token.kind === 'close') {
      if (TEXT_ELEMENTS.has(name)) inText = false;
      else if (name === 'w:rPr') inRunProps = false;
      else if (name === 'w:pPr') inParagraphProps = false;
      else if (name === 'w:r') {
        if (runHidden && runText.trim()) hidden.push({ part, paragraph, text: runText });
        inRun = false;
      } else if (name === 'w:txbxContent') {
        const box = textBoxStack.pop();
        if (box) textBoxes.push(box);
      } else if (CONTAINERS[name]) {
        const r = open.pop();
        if (r) pushRevision(revisions, r);
        if (name === 'w:del' || name === 'w:moveFrom') deletedDepth--;
      }
      continue;
    }
    // An opening (or self-closing) element.
    if (name === 'w:p') {
      paragraph++;
      paragraphs.push('');
      // A paragraph opened inside an open revision continues it there.
      for (const r of open) if (r.text) r.text += '\n';
    } else if (name === 'w:pPr') inParagraphProps = !token.selfClosing;
    else if (name === 'w:r') {
      inRun = !token.selfClosing;
      runHidden = false;
      runText = '';
    } else if (name === 'w:rPr') inRunProps = !token.selfClosing;
    else if (name === 'w:vanish' && inRunProps && inRun && !inParagraphProps) {
      const val = token.attrs['w:val'];
      runHidden = val === undefined || !['0', 'false', 'off'].includes(val);
    } else if (TEXT_ELEMENTS.has(name)) inText = !token.selfClosing;
    else if (name === 'w:txbxContent' && !token.selfClosing) textBoxStack.push({ part, paragraph, text: '' });
    else if (CONTAINERS[name]) {
      const revision: Revision = { kind: CONTAINERS[name]!, author: token.attrs['w:author'] ?? '', part, paragraph, text: '' };
      const date = token.attrs['w:date'];
      if (date) revision.date = date;
      if (token.selfClosing) {
        // Inside run properties a self-closing w:ins/w:del marks the paragraph mark itself
        // (a paragraph split or joined), not a container of text.
        if (inRunProps) pushRevision(revisions, { ...revision, kind: 'paragraph-mark' });
      } else {
        open.push(revision);
        if (name === 'w:del' || name === 'w:moveFrom') deletedDepth++;
      }
    } else if (FORMAT_CHANGE.test(name)) {
      const revision: Revision = { kind: 'formatting', author: token.attrs['w:author'] ?? '', part, paragraph, text: '' };
      const date = token.attrs['w:date'];
      if (date) revision.date = date;
      pushRevision(revisions, revision);
    } else if (name === 'w:commentRangeStart') {
      const id = token.attrs['w:id'];
      if (id !== undefined) openAnchors.set(id, { paragraph, text: '' });
    } else if (name === 'w:commentRangeEnd') {
      const id = token.attrs['w:id'];
      const anchor = id === undefined ? undefined : openAnchors.get(id);
      if (id !== undefined && anchor) {
        anchors.set(id, anchor);
        openAnchors.delete(id);
      }
    } else if (name === 'w:commentReference') {
      const id = token.attrs['w:id'];
      if (id !== undefined && !anchors.has(id)) anchors.set(id, openAnchors.get(id) ?? { paragraph, text: '' });
    }
  }
  for (const [id, anchor] of openAnchors) if (!anchors.has(id)) anchors.set(id, anchor);
  return { revisions, anchors, hidden, textBoxes, paragraphs };
}

// Word splits one edit into a container per run; a reader wants one entry per edit.
function pushRevision(list: Revision[], r: Revision): void {
  const prev = list[list.length - 1];
  if (prev && prev.kind === r.kind && prev.author === r.author && prev.date === r.date && prev.part === r.part && (prev.paragraph === r.paragraph || (prev.text && r.text && r.paragraph === prev.paragraph + 1))) {
    if (r.kind !== 'paragraph-mark' && r.kind !== 'formatting') prev.text += r.text;
    return;
  }
  list.push(r);
}

/** Reads `word/comments.xml`: each comment's id, author, initials, date and text. */
export function readComments(xml: string): Omit<WordComment, 'anchorText'>[] {
  const comments: Omit<WordComment, 'anchorText'>[] = [];
  let current: Omit<WordComment, 'anchorText'> | undefined;
  let inText = false;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (inText && current) current.text += token.text;
    } else if (token.kind === 'close') {
      if (token.name === 'w:t') inText = false;
      else if (token.name === 'w:comment' && current) {
        current.text = current.text.trim();
        comments.push(current);
        current = undefined;
      }
    } else if (token.name === 'w:comment') {
      current = { id: token.attrs['w:id'] ?? '', author: token.attrs['w:author'] ?? '', text: '' };
      if (token.attrs['w:initials']) current.initials = token.attrs['w:initials'];
      if (token.attrs['w:date']) current.date = token.attrs['w:date'];
      if (token.selfClosing) {
        comments.push(current);
        current = undefined;
      }
    } else if (token.name === 'w:p' && current?.text) current.text += '\n';
    else if (token.name === 'w:t') inText = !token.selfClosing;
  }
  return comments;
}

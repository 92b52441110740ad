/**
 * The shape of mammoth's document model as far as govpub reads it. mammoth documents these
 * elements (lib/documents.js) but ships no types for them; only what is used is declared,
 * and every field is read defensively.
 */

/** Any element of mammoth's document tree. */
export interface MammothElement {
  type: string;
  children?: MammothElement[];
  // paragraph
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  // run
  isBold?: boolean;
  isItalic?: boolean;
  isStrikethrough?: boolean;
  verticalAlignment?: string;
  // text
  value?: string;
  // hyperlink
  href?: string;
  anchor?: string;
  // note reference
  noteType?: string;
  noteId?: string;
  // break
  breakType?: string;
  // image
  altText?: string;
  contentType?: string;
  readAsArrayBuffer?: () => Promise<ArrayBuffer>;
  // table row / cell
  isHeader?: boolean;
  colSpan?: number;
  // checkbox
  checked?: boolean;
}

/** A footnote or endnote body. */
export interface MammothNote {
  noteType: string;
  noteId: string;
  body: MammothElement[];
}

/** The root: the body's children and the notes they refer to. */
export interface MammothDocument extends MammothElement {
  notes?: { resolve(reference: { noteType?: string; noteId?: string }): MammothNote | null };
}

/** A message mammoth reports while reading: something ignored or approximated. */
export interface MammothMessage {
  type: 'warning' | 'error' | string;
  message: string;
}

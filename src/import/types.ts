import type { Finding } from '../findings/index';

/** An image taken out of a Word file; the Markdown body refers to it by `url`. */
export interface ImportedImage {
  /** Stable within one import: `image-1`, `image-2`, … in document order. */
  id: string;
  /** The image's MIME type as the Word package declares it, e.g. `image/png`. */
  contentType: string;
  /** The image file's bytes, unchanged. */
  bytes: Uint8Array;
  /** The alternative text the author gave the picture in Word, or `''`. */
  alt: string;
  /** What the Markdown body links to (`![alt](url)`); see {@link ImportDocxOptions.imageUrl}. */
  url: string;
}

/** Where a finding about a Word file points, beyond the Markdown offsets. */
export interface ImportFindingDetails {
  /** Which kind of hidden content or loss this is. */
  kind: string;
  /** 1-based paragraph number in the Word document body (counting table-cell paragraphs), when known. */
  paragraph?: number;
  /** `w:author` of the revision or comment, when the finding is about one. */
  author?: string;
  /** `w:date` of the revision or comment (ISO 8601 as Word wrote it), when present. */
  date?: string;
  /** The revised or commented text (deleted text included), or the comment's own text. */
  text?: string;
  /** The text around the place in the document, as it reads with all changes accepted. */
  context?: string;
  /** The package part the finding was read from, e.g. `word/document.xml`. */
  part?: string;
}

/** A finding from {@link importDocx}: `ruleId` is `import/<code>`, the message is Chinese. */
export interface ImportFinding extends Finding {
  details: ImportFindingDetails & Record<string, unknown>;
}

/** What {@link importDocx} returns. */
export interface ImportedDocx {
  /** The first Title or Heading 1 paragraph, else the first non-empty paragraph; `''` for an empty document. */
  title: string;
  /** The rest of the document as GFM Markdown (the title paragraph is not repeated). */
  body: string;
  /** Every image, in the order the body refers to them. */
  images: ImportedImage[];
  /** Hidden content (tracked changes, comments) as errors; losses and approximations as warnings. Offsets point into `body`. */
  findings: ImportFinding[];
}

/** Options of {@link importDocx}. */
export interface ImportDocxOptions {
  /** Largest accepted file, in bytes. Default 20 MiB. */
  maxBytes?: number;
  /**
   * The URL the Markdown uses for an image. Default `docx-image:<id>`, a scheme no channel
   * accepts: an image nobody uploaded and re-linked cannot be published by mistake.
   */
  imageUrl?: (image: { id: string; contentType: string; alt: string }) => string;
}

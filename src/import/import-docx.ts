import * as z from 'zod';
import { parseOrThrow, validationError } from '../errors/index';
import { openDocx } from './docx-package';
import { readComments, scanPart, type PartScan, type WordComment } from './hidden-content';
import { addComment, addHidden, addMammothMessages, addRevision, addTextBox, addWriterNote, ImportFindingCollector } from './import-findings';
import type { MammothDocument, MammothMessage } from './mammoth-document';
import { writeMarkdown } from './markdown-writer';
import type { ImportDocxOptions, ImportedDocx, ImportedImage } from './types';

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const bytesSchema = z.custom<Uint8Array | ArrayBuffer>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer, {
  message: 'expected the file as a Uint8Array (or Buffer) or an ArrayBuffer',
});
const optionsSchema = z
  .object({
    maxBytes: z.number().int().positive().optional(),
    imageUrl: z.custom<NonNullable<ImportDocxOptions['imageUrl']>>((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
  })
  .strict();

// The parts whose text can be published and so can carry revisions, comments or hidden text.
const STORY_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

/**
 * Reads a Word (.docx) draft: its title, its body as Markdown, its images, and findings for
 * everything that did not come over exactly. Tracked changes, comments and hidden text are
 * `error` findings naming who, when and where: they are internal remarks that must not be
 * published, and mammoth alone would silently accept, drop or keep them.
 *
 * mammoth (and its zip reader) load on the first call, so pages that never import Word
 * files do not carry them.
 *
 * @example
 * ```ts
 * const { title, body, images, findings } = await importDocx(await file.arrayBuffer());
 * if (findings.some((f) => f.severity === 'error')) showFindings(findings); // 修订、批注…
 * else await publisher.createDraft({ title, body, level: 'public' }, author);
 * ```
 */
export async function importDocx(bytes: Uint8Array | ArrayBuffer, options: ImportDocxOptions = {}): Promise<ImportedDocx> {
  parseOrThrow(bytesSchema, bytes, 'importDocx bytes');
  const parsed = parseOrThrow(optionsSchema, options, 'importDocx options');
  const maxBytes = parsed.maxBytes ?? DEFAULT_MAX_BYTES;
  const imageUrl = parsed.imageUrl ?? ((image: { id: string }) => `docx-image:${image.id}`);
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);

  const pkg = await openDocx(view, maxBytes);

  // What mammoth does not show: read the XML of every part that holds text.
  const scans: { part: string; scan: PartScan }[] = [];
  for (const path of pkg.paths.filter((p) => STORY_PART.test(p)).sort(documentFirst)) {
    const xml = await pkg.readText(path);
    if (xml !== undefined) scans.push({ part: path, scan: scanPart(path, xml) });
  }
  const commentsXml = await pkg.readText('word/comments.xml');
  const comments: WordComment[] = (commentsXml ? readComments(commentsXml) : []).map((c) => {
    const anchored = scans.find(({ scan }) => scan.anchors.has(c.id));
    const anchor = anchored?.scan.anchors.get(c.id);
    return { ...c, anchorText: anchor?.text ?? '', ...(anchored && anchor ? { part: anchored.part, paragraph: anchor.paragraph } : {}) };
  });

  // The visible content, through mammoth's document model.
  const mammothModule = (await import('mammoth')) as unknown as { default?: MammothApi } & MammothApi;
  const mammoth = mammothModule.default ?? mammothModule;
  const arrayBuffer = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
  let document: MammothDocument | undefined;
  let messages: MammothMessage[];
  try {
    const result = await mammoth.convertToHtml(
      // `buffer` is what mammoth reads in Node, `arrayBuffer` what its browser build reads.
      { buffer: view, arrayBuffer },
      {
        transformDocument: (doc: MammothDocument) => {
          document = doc;
          return doc;
        },
        // govpub writes its own Markdown; mammoth need not base64-encode every image.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    messages = result.messages;
  } catch (e) {
    throw parseFailure(e);
  }
  if (!document) throw parseFailure(new Error('no document body'));

  const written = writeMarkdown(document, imageUrl);
  const images: ImportedImage[] = [];
  for (const pending of written.images) {
    const data = await pending.read();
    images.push({ id: pending.id, contentType: pending.contentType, bytes: new Uint8Array(data), alt: pending.alt, url: pending.url });
  }

  const collector = new ImportFindingCollector(written.body);
  const paragraphs = new Map(scans.map(({ part, scan }) => [part, scan.paragraphs]));
  for (const { scan } of scans) {
    for (const r of scan.revisions) addRevision(collector, r, paragraphs);
    for (const h of scan.hidden) addHidden(collector, h);
    for (const box of scan.textBoxes) addTextBox(collector, box);
  }
  for (const c of comments) addComment(collector, c, paragraphs);
  for (const note of written.notes) addWriterNote(collector, note);
  addMammothMessages(collector, messages);

  return { title: written.title, body: written.body, images, findings: collector.result() };
}

interface MammothApi {
  convertToHtml(
    input: { buffer: Uint8Array; arrayBuffer: ArrayBuffer },
    options: { transformDocument: (doc: MammothDocument) => MammothDocument; convertImage: unknown },
  ): Promise<{ value: string; messages: MammothMessage[] }>;
  images: { imgElement(f: (image: unknown) => Promise<{ src: string }>): unknown };
}

function documentFirst(a: string, b: string): number {
  const rank = (p: string) => (p === 'word/document.xml' ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

// mammoth fails on malformed WordprocessingML; for the caller that is a bad file, not a bug.
function parseFailure(e: unknown) {
  return validationError('Word file', [{ path: ['word/document.xml'], message: `the document cannot be read: ${e instanceof Error ? e.message : String(e)}` }]);
}

import type JSZip from 'jszip';
import { validationError } from '../errors/index';

/**
 * Opening a .docx safely: it must be a zip, it must be a Word document, and neither the file
 * nor any part read from it may be larger than the caller allows (a zip bomb stops here).
 */

/** An opened Word package: read a part's text by its path, or `undefined` when absent. */
export interface DocxPackage {
  zip: JSZip;
  /** Paths of every part, e.g. `word/document.xml`, `word/header1.xml`. */
  paths: string[];
  readText(path: string): Promise<string | undefined>;
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Word 97-2003 .doc, and encrypted .docx

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Checks the bytes and opens the package; `VALIDATION` when it is not a readable .docx. */
export async function openDocx(bytes: Uint8Array, maxBytes: number): Promise<DocxPackage> {
  if (bytes.byteLength === 0) throw validationError('Word file', [{ path: [], message: 'the file is empty' }]);
  if (bytes.byteLength > maxBytes) {
    throw validationError('Word file', [{ path: [], message: `the file is ${bytes.byteLength} bytes; at most ${maxBytes} are accepted (options.maxBytes)` }]);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw validationError('Word file', [{ path: [], message: 'this is a Word 97-2003 .doc or a password-protected file; save it as an unprotected .docx first' }]);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw validationError('Word file', [{ path: [], message: 'not a zip package (a .docx file is one)' }]);

  const { default: JSZipClass } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(bytes);
  } catch (e) {
    throw validationError('Word file', [{ path: [], message: `the zip package is corrupt: ${(e as Error).message}` }]);
  }
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
  if (!paths.includes('word/document.xml')) {
    throw validationError('Word file', [{ path: [], message: 'not a Word document: the package has no word/document.xml' }]);
  }
  // Parts are XML; a part decompressing to more than ten times the file limit is a bomb.
  const partLimit = maxBytes * 10;
  return {
    zip,
    paths,
    async readText(path) {
      const file = zip.file(path);
      if (!file) return undefined;
      let text: string;
      try {
        text = await file.async('string');
      } catch (e) {
        throw validationError('Word file', [{ path: [path], message: `the part cannot be read: ${(e as Error).message}` }]);
      }
      if (text.length > partLimit) throw validationError('Word file', [{ path: [path], message: `the part expands to more than ${partLimit} characters` }]);
      return text;
    },
  };
}

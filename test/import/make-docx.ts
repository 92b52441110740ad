/** Builds real .docx files with the `docx` package for the import tests. */
import { Document, Packer, type ISectionOptions, type IPropertiesOptions } from 'docx';

/** One section's children into a .docx, as bytes. */
export async function makeDocx(children: ISectionOptions['children'], extra: Partial<IPropertiesOptions> = {}): Promise<Uint8Array> {
  const doc = new Document({ ...extra, sections: [{ children }] } as IPropertiesOptions);
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A 1×1 transparent PNG. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

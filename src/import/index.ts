/**
 * Word drafts in: {@link importDocx} reads a .docx into a title, a Markdown body and images,
 * and reports tracked changes, comments and hidden text as errors.
 *
 * @packageDocumentation
 */
export { importDocx } from './import-docx';
export type { ImportDocxOptions, ImportedDocx, ImportedImage, ImportFinding, ImportFindingDetails } from './types';

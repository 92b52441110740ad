/**
 * govpub: the publishing workflow of a government new-media office, as a library.
 *
 * @packageDocumentation
 */
export * from './errors/index';
export * from './findings/index';
export * from './text/index';
export * from './hash/index';
export * from './confidentiality/index';
export * from './caliber/index';
export * from './duplicates/index';
export * from './channels/index';
export * from './storage/index';
export * from './workflow/index';
export * from './import/index';

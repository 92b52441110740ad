/**
 * The classification levels as the document vocabulary sees them. The lattice itself (order,
 * names, markings) belongs to `confidentiality/`; the document only needs the list, so that
 * storage can validate a level filter without depending on a checker.
 */
export { LEVELS } from '../confidentiality/index';
export type { Level } from '../confidentiality/index';

export { sha256Hex } from './sha256';
export { canonicalJson } from './canonical-json';

export { sha256Hex } from './sha256';
export { canonicalJson } from './canonical-json';
export { decodeBase64, encodeBase64 } from './base64';

import { GovpubError } from '../errors/index';
import { decodeBase64, encodeBase64 } from '../hash/index';

/** The position after which the next page starts: the last item's sort key. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

/** Encodes a keyset position as an opaque, URL-safe string. */
export function encodeCursor(position: CursorPosition): string {
  const json = JSON.stringify([position.createdAt, position.id]);
  return encodeBase64(new TextEncoder().encode(json))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Decodes a cursor from {@link encodeCursor}; throws `VALIDATION` on anything else. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const b64 = cursor.replace(/-/g, '+').replace(/_/g, '/');
    // encodeCursor drops the padding; put it back for the codec.
    const bytes = decodeBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    if (bytes === null) throw new Error('not base64');
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new GovpubError('VALIDATION', 'Invalid list cursor', {
    details: { issues: [{ path: ['cursor'], message: 'not a cursor returned by list()' }] },
  });
}

import { GovpubError } from '../errors/index';

/** The position after which the next page starts: the last item's sort key. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

/** Encodes a keyset position as an opaque, URL-safe string. */
export function encodeCursor(position: CursorPosition): string {
  const json = JSON.stringify([position.createdAt, position.id]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Decodes a cursor from {@link encodeCursor}; throws `VALIDATION` on anything else. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const b64 = cursor.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
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

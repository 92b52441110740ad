/**
 * A minimal pull tokenizer for the well-formed XML inside a Word package. It is enough for
 * scanning WordprocessingML for revisions and comments, which needs element names,
 * attributes and text, not a tree; writing it here keeps a second XML parser out of the
 * bundle (mammoth's own is not public API).
 */

/** One token: an element opening (possibly self-closing), an element closing, or text. */
export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

// Markup: comments, CDATA, processing instructions/declarations, or a tag.
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's five named entities and numeric character references. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Yields the tokens of `xml` in document order. Text is entity-decoded; empty text is skipped. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  MARKUP.lastIndex = 0;
  let last = 0;
  for (let m = MARKUP.exec(xml); m; m = MARKUP.exec(xml)) {
    if (m.index > last) yield { kind: 'text', text: decodeXmlText(xml.slice(last, m.index)) };
    last = MARKUP.lastIndex;
    if (m[1] !== undefined) {
      yield { kind: 'text', text: m[1] };
      continue;
    }
    const name = m[3];
    if (name === undefined) continue; // comment, declaration or processing instruction
    if (m[2] === '/') {
      yield { kind: 'close', name };
      continue;
    }
    const attrs: Record<string, string> = {};
    const rawAttrs = m[4] ?? '';
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(rawAttrs); a; a = ATTRIBUTE.exec(rawAttrs)) {
      attrs[a[1]!] = decodeXmlText(a[2] ?? a[3] ?? '');
    }
    yield { kind: 'open', name, attrs, selfClosing: m[5] === '/' };
  }
  if (last < xml.length) yield { kind: 'text', text: decodeXmlText(xml.slice(last)) };
}

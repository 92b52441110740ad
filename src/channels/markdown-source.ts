import { Lexer, Parser, getDefaults, type MarkedOptions, type Token, type Tokens, type TokensList } from 'marked';
import { canonicalJson } from '../hash/index';
import { decodeEntities } from './escape';
import { HtmlRenderer, PlainTextRenderer, type BodyNote, type HtmlProfile } from './renderers';

/** Sanitised HTML for one profile, with what the renderer noticed in the body on the way. */
export interface RenderedHtml {
  /** Sanitised HTML, safe to embed as is. */
  html: string;
  /** Problems and changes, located in the Markdown body. */
  notes: BodyNote[];
  /** External links that became numbered references (WeChat), in order. */
  references: string[];
}

function markedOptions(): MarkedOptions {
  // A fresh options object per use: marked's Parser writes the renderer into it.
  return { ...getDefaults(), gfm: true, breaks: false, async: false };
}

/** One Markdown token as marked's lexer produces it (GFM); the fields beyond `type` and `raw` depend on the type. */
export interface MarkdownToken {
  /** `heading`, `paragraph`, `list`, `table`, `code`, `text`, `link`, `image`, … */
  type: string;
  /** The source text the token was lexed from. */
  raw: string;
  /** Inline or nested tokens, for the token types that have them. */
  tokens?: MarkdownToken[];
  [field: string]: unknown;
}

/**
 * An article body, lexed once and shared by every channel formatted in one
 * {@link formatAll} call. Everything is computed on first use and kept: plain text, heading
 * levels, and sanitised HTML per profile.
 *
 * @example
 * ```ts
 * const md = new MarkdownSource('# 通知\n\n请于**本周五**前报送。');
 * md.plainText(); // '通知\n请于本周五前报送。'
 * md.html({ kind: 'website' }).html; // '<article lang="zh-CN"><h2>通知</h2>…'
 * ```
 */
export class MarkdownSource {
  readonly body: string;
  #tokens: TokensList | undefined;
  #plain: string | undefined;
  #minDepth: number | undefined;
  readonly #html = new Map<string, RenderedHtml>();

  constructor(body: string) {
    this.body = body;
  }

  /**
   * marked's tokens for the body (GFM). Treat as read-only: they are shared. Typed with
   * govpub's own {@link MarkdownToken} so the public declarations do not import the
   * ESM-only `marked` (a CommonJS TypeScript consumer could not resolve them: TS1479).
   */
  get tokens(): readonly MarkdownToken[] {
    // marked's interfaces have no index signature; the shape is the same.
    return this.#lexed() as unknown as readonly MarkdownToken[];
  }

  #lexed(): TokensList {
    if (this.#tokens === undefined) {
      const lexer = new Lexer(markedOptions());
      const tokens = lexer.lex(this.body);
      splitProseLines(tokens, lexer);
      this.#tokens = tokens;
    }
    return this.#tokens;
  }

  /** The shallowest heading depth in the body (1 for `#`), or 0 when there is none. */
  get minHeadingDepth(): number {
    if (this.#minDepth === undefined) {
      let min = 0;
      walk(this.#lexed(), (t) => {
        if (t.type === 'heading' && (min === 0 || (t as { depth: number }).depth < min)) min = (t as { depth: number }).depth;
      });
      this.#minDepth = min;
    }
    return this.#minDepth;
  }

  /**
   * The body as plain text: one line per block (paragraph, heading, list item, table row),
   * links reduced to their text, images and raw HTML dropped, character references decoded.
   */
  plainText(): string {
    if (this.#plain === undefined) {
      const parser = new Parser(markedOptions());
      const text = new PlainTextRenderer();
      text.parser = parser;
      const lines: string[] = [];
      const block = (tokens: Token[]) => {
        for (const t of tokens) {
          switch (t.type) {
            case 'heading':
            case 'paragraph':
              lines.push(parser.parseInline((t as { tokens: Token[] }).tokens, text));
              break;
            case 'text':
              lines.push('tokens' in t && t.tokens ? parser.parseInline(t.tokens, text) : String(t.text));
              break;
            case 'code':
              lines.push(String(t.text));
              break;
            case 'blockquote':
              block((t as { tokens: Token[] }).tokens);
              break;
            case 'list':
              for (const item of (t as { items: { tokens: Token[] }[] }).items) block(item.tokens);
              break;
            case 'table': {
              const table = t as { header: { tokens: Token[] }[]; rows: { tokens: Token[] }[][] };
              for (const row of [table.header, ...table.rows]) {
                lines.push(row.map((cell) => parser.parseInline(cell.tokens, text)).join(' '));
              }
              break;
            }
            default:
              // html, hr, space, def: nothing a plain-text reader should see.
              break;
          }
        }
      };
      block(this.#lexed());
      this.#plain = decodeEntities(
        lines
          .map((l) => joinSoftBreaks(l).trim())
          .filter((l) => l !== '')
          .join('\n'),
      );
    }
    return this.#plain;
  }

  /** Renders the body for `profile` and sanitises it with that profile's allowlist. */
  html(profile: HtmlProfile): RenderedHtml {
    const key = canonicalJson(profile);
    let out = this.#html.get(key);
    if (!out) {
      const renderer = new HtmlRenderer(profile, this.body, this.minHeadingDepth);
      const parser = new Parser({ ...markedOptions(), renderer });
      const inner = parser.parse(this.#lexed());
      out = { html: renderer.finish(inner), notes: renderer.notes, references: renderer.references };
      this.#html.set(key, out);
    }
    return out;
  }
}

// Text pasted from Word arrives with one line per paragraph and no blank lines between.
// Markdown would join those lines into one paragraph, and the published page would show a
// wall of text nobody approved. So a single line break in a paragraph is a paragraph break,
// except where Markdown clearly meant otherwise: a hard break (two trailing spaces or a
// backslash, rendered as <br>), a break between two Latin words (a hard-wrapped English
// sentence), or a break inside an inline element (emphasis, a link, a code span).
function splitProseLines(tokens: Token[], lexer: Lexer): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'paragraph') {
      const parts = proseParagraphs(t as Tokens.Paragraph, lexer);
      if (parts) {
        tokens.splice(i, 1, ...parts);
        i += parts.length - 1;
      }
      continue;
    }
    const any = t as { tokens?: Token[]; items?: { tokens: Token[] }[] };
    if (t.type === 'blockquote' && any.tokens) splitProseLines(any.tokens, lexer);
    if (any.items) for (const item of any.items) splitProseLines(item.tokens, lexer);
  }
}

const LATIN_END = /[A-Za-z0-9,;:'"()-]$/;
const LATIN_START = /^[A-Za-z0-9'"(]/;

function proseParagraphs(p: Tokens.Paragraph, lexer: Lexer): Tokens.Paragraph[] | undefined {
  const text = p.text;
  if (!text.includes('\n')) return undefined;
  // Newlines inside an inline element other than plain text are not paragraph breaks.
  const inside = new Set<number>();
  let at = 0;
  for (const inline of p.tokens) {
    const pos = text.indexOf(inline.raw, at);
    if (pos < 0) return undefined; // raw does not line up with the text: leave the paragraph alone
    if (inline.type !== 'text' && inline.type !== 'escape') {
      for (let k = inline.raw.indexOf('\n'); k >= 0; k = inline.raw.indexOf('\n', k + 1)) inside.add(pos + k);
    }
    at = pos + inline.raw.length;
  }
  const cuts: number[] = [];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
    if (inside.has(k)) continue;
    // Only the neighbourhood of the break decides (a bounded slice: the whole prefix per
    // break would make a pasted 100,000-character text quadratic).
    const before = text.slice(Math.max(0, k - 64), k);
    const after = text.slice(k + 1, k + 65).trimStart();
    if (/(?: {2,}|\\)$/.test(before)) continue;
    if (LATIN_END.test(before.trimEnd()) && LATIN_START.test(after)) continue;
    cuts.push(k);
  }
  if (cuts.length === 0) return undefined;
  const out: Tokens.Paragraph[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const line = text.slice(from, cut).trim();
    from = cut + 1;
    if (line === '') continue;
    out.push({ type: 'paragraph', raw: line, text: line, tokens: lexer.inlineTokens(line) });
  }
  return out;
}

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const any = t as { tokens?: Token[]; items?: { tokens: Token[] }[] };
    if (any.tokens) walk(any.tokens, visit);
    if (any.items) for (const item of any.items) walk(item.tokens, visit);
  }
}

// A soft line break inside a paragraph is a space in Latin text but nothing between two
// CJK characters (Chinese is written without spaces).
function joinSoftBreaks(line: string): string {
  return line.replace(/([^\n]?)[ \t]*\n[ \t]*([^\n]?)/g, (_m, a: string, b: string) =>
    CJK.test(a) && CJK.test(b) ? a + b : `${a}${a && b ? ' ' : ''}${b}`,
  );
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

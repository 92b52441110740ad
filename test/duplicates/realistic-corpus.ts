/**
 * Loads test/fixtures/duplicates-eval/: each family's original as a published revision and
 * each variant as the text a repost would carry, with the labels of its class (see the
 * corpus README for what each class means and where the duplicate line is drawn).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { PublishedRevision, TraceVerdict } from '../../src/trace/index';

/** Variant classes of the corpus. */
export const VARIANT_CLASSES = [
  'verbatim',
  'excerpt',
  'reordered',
  'light-edit',
  'rewrite',
  'traditional',
  'template-sibling',
  'same-topic',
  'quote-commentary',
] as const;
export type VariantClass = (typeof VARIANT_CLASSES)[number];

/** What the gate should do with a variant: block it, flag it (warn or block), or leave it alone. */
export type GateExpectation = 'block' | 'flag' | 'none';

const LABELS: Record<VariantClass, { duplicate: boolean; gate: GateExpectation; verdict: TraceVerdict }> = {
  verbatim: { duplicate: true, gate: 'block', verdict: 'faithful' },
  excerpt: { duplicate: true, gate: 'block', verdict: 'abridged' },
  reordered: { duplicate: true, gate: 'block', verdict: 'faithful' },
  'light-edit': { duplicate: true, gate: 'block', verdict: 'altered' },
  rewrite: { duplicate: true, gate: 'flag', verdict: 'altered' },
  traditional: { duplicate: true, gate: 'block', verdict: 'faithful' },
  'template-sibling': { duplicate: false, gate: 'none', verdict: 'unrelated' },
  'same-topic': { duplicate: false, gate: 'none', verdict: 'unrelated' },
  'quote-commentary': { duplicate: false, gate: 'none', verdict: 'unrelated' },
};

interface RawVariant {
  class: VariantClass;
  paragraphs?: number[];
  replace?: [string, string][];
  before?: string[];
  after?: string[];
  title?: string;
  text?: string;
  quote?: string;
}

interface RawFamily {
  id: string;
  genre: string;
  template: string;
  original: { title: string; publishedAt: string; paragraphs: string[] };
  variants: RawVariant[];
}

/** One labelled copy. */
export interface CorpusVariant {
  /** `<family>/<class>#<n>` (n counts variants of that class in the family). */
  key: string;
  family: string;
  class: VariantClass;
  /** Title and body as a draft would carry them (furniture lines belong to the body). */
  title: string;
  body: string;
  /** `title` and `body` on one page, the way a pasted repost reaches `trace`. */
  text: string;
  duplicate: boolean;
  gate: GateExpectation;
  /** Revision id of the source, or null for negatives. */
  source: string | null;
  verdict: TraceVerdict;
  /** Facts changed by a light edit, original value → copy value. */
  changes: { original: string; copy: string }[];
}

/** One family: the original as published and its variants. */
export interface CorpusFamily {
  id: string;
  genre: string;
  template: string;
  revision: PublishedRevision;
  variants: CorpusVariant[];
}

const root = new URL('../fixtures/duplicates-eval/families/', import.meta.url);

/** Reads and checks the corpus; throws on a label that does not fit its text. */
export function loadRealisticCorpus(): CorpusFamily[] {
  const families: CorpusFamily[] = [];
  for (const file of readdirSync(root).filter((f) => f.endsWith('.json')).sort()) {
    for (const raw of JSON.parse(readFileSync(new URL(file, root), 'utf8')) as RawFamily[]) families.push(family(raw, file));
  }
  const ids = new Set<string>();
  for (const f of families) {
    if (ids.has(f.id)) throw new Error(`duplicate family id ${f.id}`);
    ids.add(f.id);
  }
  return families;
}

function family(raw: RawFamily, file: string): CorpusFamily {
  const where = `${file}: ${raw.id}`;
  const body = raw.original.paragraphs.join('\n');
  const revision: PublishedRevision = {
    id: `${raw.id}@1`,
    documentId: raw.id,
    revision: 1,
    title: raw.original.title,
    body,
    publishedAt: raw.original.publishedAt,
  };
  const counts = new Map<string, number>();
  const variants = raw.variants.map((v): CorpusVariant => {
    if (!VARIANT_CLASSES.includes(v.class)) throw new Error(`${where}: unknown class ${v.class}`);
    const n = counts.get(v.class) ?? 0;
    counts.set(v.class, n + 1);
    const label = LABELS[v.class];
    let title: string;
    let lines: string[];
    if (v.text !== undefined) {
      let text = v.text;
      if (v.quote !== undefined) {
        if (!body.includes(v.quote)) throw new Error(`${where}: quote not in the original: ${v.quote}`);
        if (!text.includes('{{quote}}')) throw new Error(`${where}: text has no {{quote}}`);
        text = text.replace('{{quote}}', v.quote);
      }
      const all = text.split('\n');
      title = v.title ?? all.shift()!;
      lines = all;
    } else {
      const order = v.paragraphs ?? raw.original.paragraphs.map((_, i) => i);
      lines = order.map((i) => {
        const p = raw.original.paragraphs[i];
        if (p === undefined) throw new Error(`${where}: no paragraph ${i}`);
        return p;
      });
      let joined = lines.join('\n');
      for (const [from, to] of v.replace ?? []) {
        if (body.split(from).length !== 2) throw new Error(`${where}: "${from}" must occur exactly once in the original`);
        if (!joined.includes(from)) throw new Error(`${where}: "${from}" is not in the copied paragraphs`);
        joined = joined.replace(from, to);
      }
      lines = joined.split('\n');
      title = v.title ?? raw.original.title;
    }
    const bodyLines = [...(v.before ?? []), ...lines, ...(v.after ?? [])];
    return {
      key: `${raw.id}/${v.class}#${n}`,
      family: raw.id,
      class: v.class,
      title,
      body: bodyLines.join('\n'),
      text: [...(v.before ?? []), title, ...lines, ...(v.after ?? [])].join('\n'),
      duplicate: label.duplicate,
      gate: label.gate,
      source: label.duplicate ? revision.id : null,
      verdict: label.verdict,
      changes: (v.replace ?? []).map(([original, copy]) => ({ original, copy })),
    };
  });
  return { id: raw.id, genre: raw.genre, template: raw.template, revision, variants };
}

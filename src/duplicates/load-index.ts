import * as z from 'zod';
import { parseOrThrow, validationError } from '../errors/index';
import type { ValidationIssue } from '../errors/index';
import { isDistinct } from './analyse';
import { decodeWords } from './base64';
import { createIndexWithParameters } from './create-index';
import { textKey } from './hashing';
import { BANDS, ROWS, SEEDS, SHINGLE, SLOTS, optionsSchema } from './params';
import { idSchema } from './schemas';
import type { DuplicateIndex, DuplicateIndexJSON } from './types';

const jsonSchema = z.strictObject({
  format: z.literal('govpub/duplicate-index'),
  version: z.literal(1),
  parameters: z.strictObject({
    ...optionsSchema.required().shape,
    shingle: z.literal(SHINGLE),
    slots: z.literal(SLOTS),
    bands: z.literal(BANDS),
    rows: z.literal(ROWS),
  }),
  seeds: z.strictObject({
    minhash: z.literal(SEEDS.minhash),
    densify: z.literal(SEEDS.densify),
    band: z.literal(SEEDS.band),
    winnow: z.literal(SEEDS.winnow),
  }),
  documents: z.array(
    z.strictObject({
      id: idSchema,
      text: z.string(),
      meta: z.json().optional(),
      key: z.string(),
      signature: z.string(),
      fingerprints: z.string(),
    }),
  ),
});

/**
 * Restores an index from {@link DuplicateIndex.toJSON} output (e.g. after `JSON.parse`)
 * without recomputing fingerprints. Refuses with `VALIDATION` anything this version did not
 * write: another format or version, other seeds or fixed parameters, a text whose content
 * key does not match, malformed signatures or fingerprints, or a repeated id.
 *
 * @example
 * ```ts
 * await writeFile('dup.json', JSON.stringify(index));
 * const again = loadDuplicateIndex(JSON.parse(await readFile('dup.json', 'utf8')));
 * ```
 */
export function loadDuplicateIndex<M = unknown>(json: unknown): DuplicateIndex<M> {
  const data: DuplicateIndexJSON = parseOrThrow(jsonSchema, json, 'duplicate index JSON');
  const index = createIndexWithParameters<M>(data.parameters);
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const decoded: { signature: Uint32Array; fingerprints: Uint32Array }[] = [];
  data.documents.forEach((d, i) => {
    const path = (field: string): (string | number)[] => ['documents', i, field];
    if (seen.has(d.id)) issues.push({ path: path('id'), message: `repeated id ${d.id}` });
    seen.add(d.id);
    if (d.key !== textKey(d.text)) issues.push({ path: path('key'), message: 'does not match the text' });
    const signature = decodeWords(d.signature);
    if (!signature || signature.length !== SLOTS) issues.push({ path: path('signature'), message: `expected ${SLOTS} base64 words` });
    const fingerprints = decodeWords(d.fingerprints);
    if (!fingerprints || !isDistinct(fingerprints)) issues.push({ path: path('fingerprints'), message: 'expected base64 words without repeats' });
    if (signature && fingerprints) decoded.push({ signature, fingerprints });
  });
  if (issues.length) throw validationError('duplicate index JSON', issues);
  data.documents.forEach((d, i) => index.addTrusted(d.id, d.text, d.meta as M | undefined, decoded[i]!.signature, decoded[i]!.fingerprints));
  return index;
}

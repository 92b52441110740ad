// Columns of `documents` other than the key, each computed in SQL from the committed JSON
// (`d`), so the filter columns can never disagree with the document they index. Used by the
// adapter and by migration 3's `govpub_commit` function: changing a column here needs a new
// migration that replaces that function too.
export const PROJECTION: readonly (readonly [column: string, expression: string])[] = [
  ['version', `(d->>'version')::integer`],
  ['revision', `(d->>'revision')::integer`],
  ['state', `d->>'state'`],
  ['department', `d->>'department'`],
  ['channels', `ARRAY(SELECT jsonb_array_elements_text(d->'channels'))`],
  ['author_id', `d->>'authorId'`],
  ['level', `d->>'level'`],
  // Same rule as matchesQuery(): a retrospective review object means "still owed".
  ['needs_retrospective_review', `coalesce(jsonb_typeof(d->'retrospectiveReview') = 'object', false)`],
  ['created_at', `d->>'createdAt'`],
  ['updated_at', `d->>'updatedAt'`],
  ['doc', 'd'],
];

/** The projected column names, comma-separated. */
export const COLUMNS = PROJECTION.map(([c]) => c).join(', ');
/** Their SQL expressions over `d`, in the same order. */
export const EXPRESSIONS = PROJECTION.map(([, e]) => e).join(', ');

/**
 * Migration 5: what inspection reads, kept beside the rows it comes from so a year of
 * publications is read without opening a single document or event.
 *
 * Documents carry their whole JSON (`doc`, with the body and the published snapshot's body)
 * and `published` events now carry the revision's text: reading a few fields of 100,000 of
 * them makes PostgreSQL fetch and decompress every one from TOAST. Instead two generated
 * columns hold the few fields inspection needs (`PublicationFacts`, `PublicationEventFacts`
 * in `src/storage/publication-facts.ts`), computed by PostgreSQL itself on every INSERT and
 * UPDATE — whatever writes the row (the adapter's statements or a commit function), so they
 * cannot drift from the JSON they summarise. Each mirrors `factsOfDocument` in
 * `src/storage/facts-of-document.ts` field by field; a differential test holds them equal.
 *
 * Numbered 5: migrations 3 and 4 are written at the same time on other branches (the commit
 * function, the delivery ledger). It touches only its own functions, columns and indexes.
 * (Returns the `Migration` shape of migrations.ts, written out so the two files do not import
 * each other.)
 */
/** A canonical `toISOString()` instant, as a POSIX regular expression (ASCII digits). */
const CANONICAL_INSTANT = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$';

export function inspectionMigration(s: string): { version: number; name: string; statements: string[] } {
  return {
    version: 5,
    name: 'inspection: publication facts as generated columns',
    statements: [
      // The string `channel`s of the objects of a JSON array, in order (outputs of a
      // published snapshot or event); anything else gives [].
      `CREATE FUNCTION ${s}.govpub_string_channels(outputs jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN jsonb_typeof(outputs) = 'array' THEN coalesce(
          (SELECT jsonb_agg(o->'channel' ORDER BY n) FROM jsonb_array_elements(outputs) WITH ORDINALITY AS list(o, n)
           WHERE jsonb_typeof(o) = 'object' AND jsonb_typeof(o->'channel') = 'string'),
          '[]'::jsonb) ELSE '[]'::jsonb END
      $$`,
      // The rule ids of a findings array, in order; with waived_only, those whose details
      // object has a "waived" member.
      `CREATE FUNCTION ${s}.govpub_finding_rule_ids(findings jsonb, waived_only boolean) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN jsonb_typeof(findings) = 'array' THEN coalesce(
          (SELECT jsonb_agg(f->'ruleId' ORDER BY n) FROM jsonb_array_elements(findings) WITH ORDINALITY AS list(f, n)
           WHERE NOT waived_only OR (jsonb_typeof(f->'details') = 'object' AND (f->'details') ? 'waived')),
          '[]'::jsonb) ELSE '[]'::jsonb END
      $$`,
      // jsonb_build_object is STABLE in general (for argument types whose text depends on
      // settings); here every argument is jsonb, text, integer or boolean, so the result
      // depends on the input alone and IMMUTABLE is true.
      `CREATE FUNCTION ${s}.govpub_publication_facts(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN jsonb_typeof(d->'published') = 'object' THEN jsonb_build_object(
          'id', d->'id',
          'createdAt', d->'createdAt',
          'revision', d->'revision',
          'channels', d->'channels',
          'declaredRepost', coalesce(jsonb_typeof(d->'repostOf') = 'string' AND d->>'repostOf' <> '', false),
          'retrospectivePending', coalesce(jsonb_typeof(d->'retrospectiveReview') = 'object', false),
          'published', jsonb_build_object(
            'revision', d->'published'->'revision',
            'publishedAt', d->'published'->'publishedAt',
            'channels', ${s}.govpub_string_channels(d->'published'->'outputs'),
            'original', CASE WHEN jsonb_typeof(d->'published'->'originality'->'original') = 'boolean' THEN d->'published'->'originality'->'original' END),
          'findings', ${s}.govpub_finding_rule_ids(d->'findings', false),
          'waivedFindings', ${s}.govpub_finding_rule_ids(d->'findings', true)) END
      $$`,
      // standsAlone() of src/storage/facts-of-document.ts: the document alone says what
      // its events would, so inspection reads none of them. Instants compare as canonical
      // toISOString() text (byte order, COLLATE "C"); anything else reads the events.
      `CREATE FUNCTION ${s}.govpub_stands_alone(d jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(
          jsonb_typeof(d->'published') = 'object'
          AND d->'revision' = '1'::jsonb
          AND d->'published'->'revision' = '1'::jsonb
          AND d->'state' = '"published"'::jsonb
          AND jsonb_typeof(d->'published'->'withdrawn') = 'null'
          AND (jsonb_typeof(d->'retrospectiveReview') = 'object'
            OR (jsonb_typeof(d->'published'->'publishedAt') = 'string'
              AND (d->'published'->>'publishedAt') ~ '${CANONICAL_INSTANT}'
              AND NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d->'signatures') = 'array' THEN d->'signatures' ELSE '[]'::jsonb END) AS list(sig)
                WHERE NOT coalesce(jsonb_typeof(sig->'at') = 'string' AND (sig->>'at') ~ '${CANONICAL_INSTANT}'
                  AND (sig->>'at') COLLATE "C" < (d->'published'->>'publishedAt') COLLATE "C", false)))),
          false)
      $$`,
      `CREATE FUNCTION ${s}.govpub_publication_event_facts(type text, revision integer, at text, e jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE type
          WHEN 'published' THEN jsonb_build_object('type', 'published', 'revision', revision, 'at', at,
            'urgent', coalesce(e->'data'->'urgent' = 'true'::jsonb, false),
            'channels', ${s}.govpub_string_channels(e->'data'->'outputs'),
            'original', CASE WHEN jsonb_typeof(e->'data'->'originality'->'original') = 'boolean' THEN e->'data'->'originality'->'original' END)
          WHEN 'withdrawn' THEN jsonb_build_object('type', 'withdrawn', 'revision', revision, 'at', at,
            'withdrawnRevision', CASE WHEN jsonb_typeof(e->'data'->'revision') = 'number' THEN e->'data'->'revision' ELSE to_jsonb(revision) END)
          WHEN 'waived' THEN CASE WHEN jsonb_typeof(e->'data'->'ruleId') = 'string'
            THEN jsonb_build_object('type', 'waived', 'revision', revision, 'at', at, 'ruleId', e->'data'->'ruleId') END
        END
      $$`,
      // Adding a stored generated column rewrites the table once (row triggers do not fire,
      // so the append-only trigger on audit_events is not involved).
      `ALTER TABLE ${s}.documents ADD COLUMN publication_facts jsonb GENERATED ALWAYS AS (${s}.govpub_publication_facts(doc)) STORED`,
      `ALTER TABLE ${s}.audit_events ADD COLUMN publication_facts jsonb GENERATED ALWAYS AS (${s}.govpub_publication_event_facts(type, revision, at, event)) STORED`,
      `ALTER TABLE ${s}.documents ADD COLUMN publication_stands_alone boolean GENERATED ALWAYS AS (${s}.govpub_stands_alone(doc)) STORED`,
      `CREATE INDEX documents_published_keyset_idx ON ${s}.documents (created_at, id) WHERE publication_facts IS NOT NULL`,
      `CREATE INDEX audit_events_publication_idx ON ${s}.audit_events (document_id, seq) WHERE publication_facts IS NOT NULL`,
    ],
  };
}

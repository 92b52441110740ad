/**
 * The allowed directions between govpub's areas (one folder each under src/), as
 * docs/architecture.md draws them and DESIGN.md's table lists them. Run by `npm run lint`.
 *
 * Three kinds of rule:
 * - each area may import only the areas listed for it below (anything else is an error);
 * - no cycles, counting type-only imports (they couple the folders just the same);
 * - from outside an area, only its index.ts is imported, so an area's interior can change freely.
 */

/** Area → the areas it may import. `errors` and `hash` are leaves any area may use. */
const ALLOWED = {
  errors: [],
  hash: ['errors'],
  text: ['errors'],
  findings: ['text', 'errors'],
  // The document carries its level (owned by confidentiality's lattice) and the findings
  // reviewers see; nothing else.
  document: ['confidentiality', 'findings', 'errors'],
  // Checkers: pure, never workflow or storage.
  caliber: ['text', 'findings', 'errors', 'hash'],
  confidentiality: ['text', 'findings', 'errors', 'hash'],
  duplicates: ['text', 'findings', 'errors', 'hash'],
  channels: ['text', 'findings', 'confidentiality', 'errors', 'hash'],
  storage: ['document', 'errors', 'hash'],
  // delivery: the publisher writes the ledger in its commits and runs the worker (issue 14).
  workflow: ['document', 'storage', 'text', 'findings', 'caliber', 'confidentiality', 'duplicates', 'channels', 'delivery', 'errors', 'hash'],
  // Areas that are coming: declared now so they land in the right place.
  delivery: ['document', 'storage', 'channels', 'confidentiality', 'text', 'findings', 'errors', 'hash'],
  inspection: ['document', 'storage', 'duplicates', 'text', 'findings', 'channels', 'errors', 'hash'],
  trace: ['document', 'storage', 'duplicates', 'text', 'findings', 'channels', 'errors', 'hash'],
  // Subpath entries (govpub/postgres, govpub/testing, govpub/storage helpers live in storage).
  postgres: ['storage', 'document', 'errors', 'hash'],
  // The conformance kit builds valid audit chains with the workflow's own hashing.
  testing: ['storage', 'document', 'errors', 'hash', 'workflow'],
};
/** Top areas: may use any area's index; no area may import them (cli: not even import/). */
const TOP = ['import', 'cli'];
const ALL_AREAS = [...Object.keys(ALLOWED), ...TOP];

const areaRules = Object.entries(ALLOWED).map(([area, allowed]) => {
  const permitted = [area, ...allowed];
  return {
    name: `${area}-direction`,
    comment: `${area}/ may import only: ${allowed.join(', ') || '(nothing)'}. See docs/architecture.md.`,
    severity: 'error',
    from: { path: `^src/${area}/` },
    to: {
      path: `^src/(${ALL_AREAS.join('|')})/`,
      pathNot: `^src/(${permitted.join('|')})/`,
    },
  };
});

module.exports = {
  forbidden: [
    ...areaRules,
    {
      name: 'nothing-imports-cli',
      comment: 'cli/ is the outermost layer: no area (nor the root index) imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-cli-imports-import',
      comment: 'import/ sits on top of the areas; only cli/ and the root index use it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|import/|index\\.ts$)' },
      to: { path: '^src/import/' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles between modules, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'through-index-only',
      comment: "From outside an area, import its index.ts only (e.g. '../text/index'), never a file inside it.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/[^/]+/.',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Count `import type` too: a type-only cycle still ties folders together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^src/',
  },
};

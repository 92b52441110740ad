/** The states a document moves through; see `docs/workflow.md` for the diagram. */
export const DOCUMENT_STATES = ['draft', 'in_review', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
/** One of {@link DOCUMENT_STATES}. */
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** The roles govpub knows. A user may hold several. */
export const ROLES = ['author', 'reviewer', 'approver', 'publisher', 'admin'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

import type { GovDocument } from '../document/index';

/** The workflow fields every document starts with. */
export type FreshWorkflowFields = Pick<
  GovDocument,
  | 'version'
  | 'revision'
  | 'state'
  | 'currentStep'
  | 'signatures'
  | 'findings'
  | 'waivers'
  | 'scheduledAt'
  | 'published'
  | 'retrospectiveReview'
  | 'historyHead'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * The workflow state of a document that has just been created: the first revision, a draft,
 * nothing signed, nothing published, no history yet. `version` is 0 until the first commit.
 */
export function freshWorkflowFields(createdAt: string): FreshWorkflowFields {
  return {
    version: 0,
    revision: 1,
    state: 'draft',
    currentStep: null,
    signatures: [],
    findings: [],
    waivers: [],
    scheduledAt: null,
    published: null,
    retrospectiveReview: null,
    historyHead: null,
    createdAt,
    updatedAt: createdAt,
  };
}

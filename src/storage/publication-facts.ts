/**
 * What inspection reads from one audit event of a published document: `published`,
 * `withdrawn` and `waived` events reduced to a few fields, so an adapter can return them from
 * an index without reading whole events (which carry the published text).
 */
export type PublicationEventFacts =
  | {
      type: 'published';
      revision: number;
      at: string;
      /** `data.urgent === true`. */
      urgent: boolean;
      /** The string `channel`s of the objects in `data.outputs` (when it is an array), in order. */
      channels: string[];
      /** `data.originality.original` when it is a boolean, else `null`. */
      original: boolean | null;
    }
  | {
      type: 'withdrawn';
      revision: number;
      at: string;
      /** `data.revision` when it is a number, else the event's `revision`. */
      withdrawnRevision: number;
    }
  | {
      type: 'waived';
      revision: number;
      at: string;
      /** `data.ruleId` (events without a string `ruleId` are left out). */
      ruleId: string;
    };

/**
 * A document that has been published (its `published` snapshot is set), reduced to what
 * inspection needs from it and its audit trail. See `StorageAdapter.publicationFacts`.
 */
export interface PublicationFacts {
  id: string;
  createdAt: string;
  /** The document's current revision. */
  revision: number;
  /** The channels the document targets. */
  channels: string[];
  /** Whether the document declares `repostOf` (a non-empty string). */
  declaredRepost: boolean;
  /** Whether `retrospectiveReview` is an object (a review still owed). */
  retrospectivePending: boolean;
  /** From the `published` snapshot. */
  published: {
    revision: number;
    /** `publishedAt` of the snapshot. */
    publishedAt: string;
    /** The string `channel`s of its `outputs`, in order. */
    channels: string[];
    /** `originality.original` when it is a boolean, else `null`. */
    original: boolean | null;
  };
  /** Rule ids of the findings kept on the document, in order. */
  findings: string[];
  /** Rule ids of those findings whose `details` has a `waived` member, in order. */
  waivedFindings: string[];
  /**
   * The document's `published`, `withdrawn` and `waived` events, `seq` ascending — or `null`
   * when the document alone says what they would (its one publication is the snapshot):
   * never revised, still published, and either urgent with its review open or with every
   * signature (canonical `toISOString()` instants) before the publication.
   * Reading no events for those is what keeps a pass over a year of documents cheap.
   */
  events: PublicationEventFacts[] | null;
}

/** One page of `StorageAdapter.publicationFacts`. */
export interface PublicationFactsPage {
  items: PublicationFacts[];
  /** Present when more may follow; pass it back as `cursor`. */
  nextCursor?: string;
}

/** Paging of `StorageAdapter.publicationFacts`. */
export interface PublicationFactsQuery {
  /** Documents per page, 1–10,000; the adapter's default when absent. */
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

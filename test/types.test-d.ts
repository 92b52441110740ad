import { describe, expectTypeOf, it } from 'vitest';
import {
  createPublisher,
  isGovpubError,
  memoryAdapter,
  type Actor,
  type AuditEvent,
  type DocumentState,
  type DraftInput,
  type Finding,
  type GovDocument,
  type GovpubErrorCode,
  type Level,
  type PublishResult,
} from '../src/index';

describe('public types', () => {
  it('spell out the contract unions exactly', () => {
    expectTypeOf<Level>().toEqualTypeOf<'public' | 'internal' | 'secret' | 'confidential' | 'top-secret'>();
    expectTypeOf<DocumentState>().toEqualTypeOf<'draft' | 'in_review' | 'rejected' | 'approved' | 'scheduled' | 'published' | 'withdrawn'>();
    expectTypeOf<GovpubErrorCode>().toEqualTypeOf<
      'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'INVALID_TRANSITION' | 'CHECKS_FAILED' | 'CLEARANCE' | 'STORAGE'
    >();
    expectTypeOf<Finding['severity']>().toEqualTypeOf<'error' | 'warning' | 'info'>();
    expectTypeOf<Finding['fix']>().toEqualTypeOf<{ start: number; end: number; text: string; safe?: boolean } | undefined>();
  });

  it('require a level on every draft', () => {
    expectTypeOf<DraftInput['level']>().toEqualTypeOf<Level>();
    // @ts-expect-error: a draft without a level does not type-check
    const untagged: DraftInput = { title: 't', body: 'b' };
    void untagged;
  });

  it('type the publisher methods', () => {
    const publisher = createPublisher({ storage: memoryAdapter() });
    const actor: Actor = { id: 'a', roles: ['author'] };
    expectTypeOf(publisher.createDraft).returns.toEqualTypeOf<Promise<GovDocument>>();
    expectTypeOf(publisher.publish).returns.toEqualTypeOf<Promise<PublishResult>>();
    expectTypeOf(publisher.history).returns.toEqualTypeOf<Promise<AuditEvent[]>>();
    expectTypeOf(publisher.review).parameter(2).toHaveProperty('decision').toEqualTypeOf<'approve' | 'reject' | 'dispute'>();
    // @ts-expect-error: roles are a closed set
    const bad: Actor = { id: 'a', roles: ['boss'] };
    void bad;
    void actor;
  });

  it('narrow unknown errors', () => {
    const e: unknown = new Error('x');
    if (isGovpubError(e)) expectTypeOf(e.code).toEqualTypeOf<GovpubErrorCode>();
  });
});

import type { z } from 'zod';
import type { draftInputSchema, draftPatchSchema, reviewDecisionSchema, waiverInputSchema } from '../src/workflow/schemas';
import type { DraftPatch, ReviewDecision, WaiverInput } from '../src/index';

describe('documented input types', () => {
  it('are exactly what the schemas accept', () => {
    expectTypeOf<z.input<typeof draftInputSchema>>().toEqualTypeOf<DraftInput>();
    expectTypeOf<z.input<typeof draftPatchSchema>>().toEqualTypeOf<DraftPatch>();
    expectTypeOf<z.input<typeof reviewDecisionSchema>>().toEqualTypeOf<ReviewDecision>();
    expectTypeOf<z.input<typeof waiverInputSchema>>().toEqualTypeOf<WaiverInput>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import {
  GovpubError,
  isGovpubError,
  type Finding,
  type GovpubErrorDetailsMap,
  type Reason,
  type RefusalReason,
  type ReportedFinding,
  type ValidationIssue,
} from '../../src/index';

declare const caught: unknown;

describe('GovpubError.details is typed per code', () => {
  it('narrows with isGovpubError and code', () => {
    if (isGovpubError(caught)) {
      if (caught.code === 'CHECKS_FAILED') expectTypeOf(caught.details.findings).toEqualTypeOf<ReportedFinding[]>();
      if (caught.code === 'VALIDATION') expectTypeOf(caught.details.issues).toEqualTypeOf<ValidationIssue[]>();
      if (caught.code === 'FORBIDDEN') expectTypeOf(caught.details.reasons).toEqualTypeOf<RefusalReason[]>();
      if (caught.code === 'INVALID_TRANSITION') expectTypeOf(caught.details.reasons).toEqualTypeOf<RefusalReason[]>();
      if (caught.code === 'STORAGE') expectTypeOf(caught.details.outcome).toEqualTypeOf<'not-written' | 'unknown'>();
      if (caught.code === 'CLEARANCE') expectTypeOf(caught.details.level).toEqualTypeOf<string>();
      if (caught.code === 'CONFLICT') expectTypeOf(caught.details.actualVersion).toEqualTypeOf<number | null | undefined>();
      if (caught.code === 'NOT_FOUND') expectTypeOf(caught.details.id).toEqualTypeOf<string | undefined>();
      // @ts-expect-error: without narrowing, findings is not known to exist as Finding[] (only unknown)
      const loose: Finding[] = caught.details.findings;
      void loose;
    }
  });

  it('narrows after instanceof too', () => {
    if (caught instanceof GovpubError && caught.code === 'CHECKS_FAILED') {
      expectTypeOf(caught.details.findings).toEqualTypeOf<ReportedFinding[]>();
    }
  });

  it('still lets loose readers read any key as unknown', () => {
    if (isGovpubError(caught)) {
      expectTypeOf(caught.details.issues).toBeUnknown();
      expectTypeOf(caught.details?.anything).toBeUnknown();
    }
  });

  it('checks details against the code at construction', () => {
    expectTypeOf(new GovpubError('STORAGE', 'x', { details: { outcome: 'unknown' } }).details.outcome).toEqualTypeOf<'not-written' | 'unknown'>();
    // @ts-expect-error: CHECKS_FAILED needs findings
    void new GovpubError('CHECKS_FAILED', 'x', { details: { reasons: [] } });
    // @ts-expect-error: a STORAGE outcome is one of two words
    void new GovpubError('STORAGE', 'x', { details: { outcome: 'maybe' } });
  });

  it('restates Finding and Reason exactly (fails to compile if either drifts)', () => {
    expectTypeOf<ReportedFinding>().toEqualTypeOf<Finding>();
    expectTypeOf<Reason>().toExtend<RefusalReason>();
    expectTypeOf<Omit<RefusalReason, 'code'>>().toEqualTypeOf<Omit<Reason, 'code'>>();
    expectTypeOf<Finding[]>().toExtend<GovpubErrorDetailsMap['CHECKS_FAILED']['findings']>();
  });
});

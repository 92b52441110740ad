import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { toValidationIssues } from '../../src/errors/index';

const shape = z.object({ limits: z.array(z.number()), id: z.string() });

function issuesOf(value: unknown) {
  const r = shape.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues;
}

describe('toValidationIssues', () => {
  it('keeps array indices as numbers by default', () => {
    const out = toValidationIssues(issuesOf({ limits: [1, 'x'], id: 'a' }));
    expect(out.map((i) => i.path)).toEqual([['limits', 1]]);
  });
  it('writes every path element as a string with stringPaths', () => {
    const out = toValidationIssues(issuesOf({ limits: [1, 'x'], id: 2 }), { stringPaths: true });
    expect(out.map((i) => i.path)).toEqual([['limits', '1'], ['id']]);
    for (const issue of out) expect(issue.path.every((p) => typeof p === 'string')).toBe(true);
  });
  it('clips a long key either way', () => {
    const long = 'k'.repeat(100);
    const r = z.record(z.string(), z.number()).safeParse({ [long]: 'x' });
    if (r.success) throw new Error('expected a failure');
    const [issue] = toValidationIssues(r.error.issues, { stringPaths: true });
    expect(String(issue!.path[0]).length).toBeLessThan(50);
  });
});

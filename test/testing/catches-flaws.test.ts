import { beforeEach, describe, expect, it } from 'vitest';
import { ConformanceFailure, conformanceChecks, runConformanceCheck, runConformanceChecks } from '../../src/testing/index';
import { armHalfway, flawedAdapter, resetShared, type Flaws } from './flawed-adapter';

function check(id: string) {
  const found = conformanceChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

beforeEach(resetShared);

describe('the kit itself', () => {
  it('passes the flawless reference adapter on every check', async () => {
    const results = await runConformanceChecks({ name: 'flawless', factory: () => flawedAdapter() });
    // The reference adapter has no feed, lock or fingerprints, and the kit no hooks into it:
    // exactly those checks skip themselves.
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.id)).toEqual([
      'feed/order', 'feed/concurrent-commits', 'exclusive/mutual-exclusion', 'commit/fails-halfway', 'handles/one-store', 'fingerprints/commit-and-candidates',
    ]);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(results).toHaveLength(conformanceChecks.length);
  });

  it('has unique, grouped check ids', () => {
    const ids = conformanceChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(document|copies|commit|events|list|isolation|artifacts|ledger|feed|exclusive|handles|fingerprints)\/[a-z-]+$/);
  });
});

// Each flaw, and the checks that must catch it (with a fragment of the message they must give).
const cases: [string, Flaws, [checkId: string, message: RegExp][]][] = [
  ['silently drops updates', { dropUpdates: true }, [['commit/updates-append-events', /right after committing version 2/], ['commit/no-lost-updates', /./]]],
  ['silently drops events', { dropEvents: true }, [['document/round-trip', /getEvents\(\)/], ['commit/updates-append-events', /event seqs/]]],
  ['ignores expectedVersion', { ignoreExpectedVersion: true }, [
    ['commit/stale-version', /stale.*expected GovpubError CONFLICT, but it succeeded/],
    ['commit/create-conflict', /but it succeeded/],
    ['commit/concurrent-same-version', /8 of 8 concurrent commits succeeded/],
  ]],
  ['checks the version, awaits, then writes (check-then-act race)', { raceBetweenCheckAndWrite: true }, [
    ['commit/concurrent-same-version', /of 8 concurrent commits succeeded/],
    ['commit/concurrent-creates', /of 8 concurrent creates succeeded/],
    ['commit/no-lost-updates', /updates were lost/],
  ]],
  ['writes events before checking the version', { eventsBeforeCheck: true }, [
    ['commit/stale-version', /events after the stale commit/],
    ['commit/atomic', /refused every commit/],
  ]],
  ['keeps references to the caller\'s objects', { storeByReference: true }, [['copies/in', /after mutating the committed/]]],
  ['returns references to its stored objects', { returnByReference: true }, [['copies/out', /same object|after mutating earlier results/]]],
  ['paginates by offset', { offsetCursor: true }, [['list/pagination-under-inserts', /listed twice|skipped/], ['list/invalid-cursor', /./]]],
  ['orders by updatedAt', { orderByUpdatedAt: true }, [['list/pagination-under-updates', /ids across pages while documents were updated/]]],
  ['lists in insertion order', { insertionOrder: true }, [['list/order', /listDocuments/], ['list/pagination', /ids over all pages/]]],
  ['compares ids case-insensitively', { caseInsensitiveIds: true }, [['list/order', /listDocuments\(\{ limit: 500 \}\)\.items is not as expected — \$\[\d+\]/]]],
  ['ignores the channel filter', { ignoreChannelFilter: true }, [['list/filter-channel', /"channel":"website"/], ['list/filter-combined', /./]]],
  ['filters after cutting the page', { filterAfterLimit: true }, [['list/filter-state', /limit 4/], ['list/filter-department', /./]]],
  ['has no default or maximum limit', { noLimitValidation: true }, [['list/limit', /default limit is 50/]]],
  ['accepts any cursor', { lenientCursor: true }, [['list/invalid-cursor', /but it succeeded/]]],
  ['shares one store between instances', { sharedStore: true }, [['isolation/instances', /second adapter sees/]]],
  ['returns events newest first', { eventsNewestFirst: true }, [['events/ordered-by-seq', /seqs of getEvents/], ['document/round-trip', /getEvents/]]],
  ['merges updates instead of replacing', { mergeUpdates: true }, [['document/update-replaces', /summary|coverImage/]]],
  ['keeps the first artifact written', { artifactsKeepFirst: true }, [['artifacts/replace-and-delete', /after a second put/]]],
  ['claims ledger rows without locking them', { claimWithoutLock: true }, [['ledger/claim-once', /claimed by more than one owner/]]],
  ['writes the ledger part of a refused commit', { ledgerBeforeCheck: true }, [['ledger/commit-atomic', /refused commit wrote its delivery/]]],
  ['loses astral-plane characters', { lossyText: true }, [['document/text-fidelity', /body changed/]]],
];

describe.each(cases)('an adapter that %s', (_name, flaws, expectations) => {
  it.each(expectations)('fails %s', async (id, message) => {
    const attempt = runConformanceCheck(check(id), { name: 'flawed', factory: () => flawedAdapter(flaws) });
    await expect(attempt).rejects.toBeInstanceOf(ConformanceFailure);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toMatchObject({ checkId: id });
  });
});

describe('the runner', () => {
  it('skips the artifact checks for an adapter without artifacts', async () => {
    const factory = () => {
      const { artifacts: _artifacts, ...rest } = flawedAdapter();
      return rest;
    };
    await expect(runConformanceCheck(check('artifacts/round-trip'), { name: 'no artifacts', factory })).resolves.toEqual({
      id: 'artifacts/round-trip',
      title: check('artifacts/round-trip').title,
      status: 'skipped',
      reason: expect.stringContaining('optional'),
    });
  });

  it('tears down every adapter a check made, also when the check fails', async () => {
    const made: unknown[] = [];
    const tornDown: unknown[] = [];
    const factory = () => {
      const adapter = flawedAdapter({ sharedStore: true });
      made.push(adapter);
      return adapter;
    };
    await expect(
      runConformanceCheck(check('isolation/instances'), { name: 'x', factory, teardown: (a) => void tornDown.push(a) }),
    ).rejects.toBeInstanceOf(ConformanceFailure);
    expect(made).toHaveLength(2);
    expect(new Set(tornDown)).toEqual(new Set(made));
  });

  it('reports an adapter that throws a non-govpub error as a failure of that check', async () => {
    const factory = () => ({ ...flawedAdapter(), getDocument: async () => { throw new TypeError('boom'); } });
    await expect(runConformanceCheck(check('document/round-trip'), { name: 'x', factory })).rejects.toThrow(
      /\[document\/round-trip\] the adapter threw: TypeError: boom/,
    );
  });

  it('validates its options', async () => {
    await expect(runConformanceChecks({ name: '', factory: () => flawedAdapter() })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(runConformanceChecks({ name: 'x', factory: 'nope' as never })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(runConformanceChecks({ name: 'x', factory: () => flawedAdapter(), concurrency: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('uses the requested concurrency', async () => {
    const attempt = runConformanceCheck(check('commit/concurrent-same-version'), {
      name: 'x',
      factory: () => flawedAdapter({ ignoreExpectedVersion: true }),
      concurrency: 3,
    });
    await expect(attempt).rejects.toThrow(/3 of 3 concurrent commits succeeded/);
  });
});

// The many-instance checks, each against a reference that passes and a flaw it must catch.
describe('the many-instance checks', () => {
  const run = (id: string, flaws: Flaws, extra: { second?: boolean; halfway?: boolean } = {}) =>
    runConformanceCheck(check(id), {
      name: 'flawed',
      factory: () => flawedAdapter(flaws),
      ...(extra.halfway ? { armHalfwayFailure: armHalfway } : {}),
      ...(extra.second ? { openSecondHandle: (a) => a } : {}),
    });

  it('feed/order and feed/concurrent-commits pass a feed whose positions follow visibility', async () => {
    await expect(run('feed/order', { feed: 'ok' })).resolves.toMatchObject({ status: 'passed' });
    await expect(run('feed/concurrent-commits', { feed: 'ok' })).resolves.toMatchObject({ status: 'passed' });
  });
  it('feed/concurrent-commits fails a feed that hands out a position before the commit is visible', async () => {
    await expect(run('feed/concurrent-commits', { feed: 'positionFirst' })).rejects.toThrow(/never appeared after the reader's cursor/);
  });
  it('feed/order fails, on every run, a feed that compares its positions as text ("10" before "9")', async () => {
    await expect(run('feed/order', { feed: 'textOrder' })).rejects.toThrow(/after twelve more creates/);
  });
  it('exclusive/mutual-exclusion fails a lock that excludes nothing', async () => {
    await expect(run('exclusive/mutual-exclusion', { lock: 'ok' })).resolves.toMatchObject({ status: 'passed' });
    await expect(run('exclusive/mutual-exclusion', { lock: 'none' })).rejects.toThrow(/at the same time; at most one may/);
  });
  it('commit/fails-halfway fails an adapter that keeps the document of a commit that failed between its writes', async () => {
    await expect(run('commit/fails-halfway', { halfway: 'ok' }, { halfway: true })).resolves.toMatchObject({ status: 'passed' });
    await expect(run('commit/fails-halfway', { halfway: 'noRollback' }, { halfway: true })).rejects.toThrow(/after the failed update/);
  });
  it('handles/one-store fails when the second handle is a different store', async () => {
    await expect(run('handles/one-store', {}, { second: true })).resolves.toMatchObject({ status: 'passed' });
    await expect(
      runConformanceCheck(check('handles/one-store'), { name: 'two stores', factory: () => flawedAdapter(), openSecondHandle: () => flawedAdapter() }),
    ).rejects.toThrow(/second handle's read of a document the first created/);
  });
  it('the options are validated', async () => {
    await expect(runConformanceCheck(check('handles/one-store'), { name: 'x', factory: () => flawedAdapter(), openSecondHandle: 1 as never })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

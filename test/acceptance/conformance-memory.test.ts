import { describe, expect, it } from 'vitest';
import { govpub, testing } from './package-under-test';

const g: any = govpub;
const t: any = testing;

describe('govpub/testing exports', () => {
  it('exports runAdapterConformance as a function', () => {
    expect(typeof t.runAdapterConformance).toBe('function');
  });
});

// Registers a vitest suite, as an integrator would.
t.runAdapterConformance({ name: 'memoryAdapter (acceptance)', factory: () => g.memoryAdapter() });

describe('conformance kit catches a broken adapter (uses runConformanceChecks, beyond DESIGN.md)', () => {
  it('an adapter that ignores expectedVersion fails at least one check', async () => {
    if (typeof t.runConformanceChecks !== 'function') return;
    const broken = () => {
      const inner = g.memoryAdapter();
      return {
        getDocument: (id: string) => inner.getDocument(id),
        listDocuments: (q: any) => inner.listDocuments(q),
        getEvents: (id: string) => inner.getEvents(id),
        commit: async (r: any) => {
          const cur = await inner.getDocument(r.document.id);
          return inner.commit({ ...r, expectedVersion: cur ? cur.version : null });
        },
      };
    };
    const results = await t.runConformanceChecks({ name: 'broken', factory: broken });
    expect(results.some((r: any) => r.status === 'failed')).toBe(true);
  });

  it('an adapter that silently drops writes fails at least one check', async () => {
    if (typeof t.runConformanceChecks !== 'function') return;
    const dropping = () => {
      const inner = g.memoryAdapter();
      let n = 0;
      return {
        getDocument: (id: string) => inner.getDocument(id),
        listDocuments: (q: any) => inner.listDocuments(q),
        getEvents: (id: string) => inner.getEvents(id),
        commit: async (r: any) => {
          if (++n % 5 === 0) return;
          return inner.commit(r);
        },
      };
    };
    const results = await t.runConformanceChecks({ name: 'dropping', factory: dropping });
    expect(results.some((r: any) => r.status === 'failed')).toBe(true);
  });
});
